/** How spans are sent: OTLP over HTTP (protobuf or JSON), or printed to stdout (`console`, for debugging). */
export type TraceExport =
  | {
      kind: "otlp";
      protocol: "http/protobuf" | "http/json";
      /** The full URL spans are POSTed to (…/v1/traces). */
      url: string;
      headers: Record<string, string>;
      timeoutMs: number;
    }
  | { kind: "console" };

export type TraceSampler =
  | "always_on"
  | "always_off"
  | "traceidratio"
  | "parentbased_always_on"
  | "parentbased_always_off"
  | "parentbased_traceidratio";

/** Traces, from OpenTelemetry's standard environment variables; null when no exporter is set. */
export interface TracingSettings {
  export: TraceExport;
  serviceName: string;
  resourceAttributes: Record<string, string>;
  sampler: TraceSampler;
  /** For the ratio samplers: the share of traces kept, 0..1. */
  samplerRatio: number;
  batch: {
    scheduledDelayMillis: number;
    maxQueueSize: number;
    maxExportBatchSize: number;
    exportTimeoutMillis: number;
  };
}

/** Metrics at /metrics and traces; see docs/operations.md#metrics-and-traces. */
export interface TelemetrySettings {
  metrics: {
    enabled: boolean;
    /** When set, /metrics answers only `Authorization: Bearer <token>` (or Basic with it as the password). */
    token: string | null;
  };
  /** Tenant names as a label of the request metrics and an attribute of request spans (off: privacy, cardinality). */
  tenantLabels: boolean;
  tracing: TracingSettings | null;
}

type Env = Readonly<Record<string, string | undefined>>;

const SAMPLERS: readonly TraceSampler[] = [
  "always_on",
  "always_off",
  "traceidratio",
  "parentbased_always_on",
  "parentbased_always_off",
  "parentbased_traceidratio",
];

/** The shortest metrics token accepted: a guessable one would protect nothing. */
export const MIN_METRICS_TOKEN_LENGTH = 16;

function set(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === "" ? undefined : value;
}

function wholeNumber(env: Env, name: string, fallback: number, min: number): number {
  const raw = set(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be a whole number of at least ${min}; it is "${raw}". Fix or unset it.`);
  }
  return value;
}

/** `key1=value1,key2=value2`, values URL-encoded, as OTEL_EXPORTER_OTLP_HEADERS and OTEL_RESOURCE_ATTRIBUTES are. */
export function parseKeyValueList(name: string, raw: string | undefined): Record<string, string> {
  const pairs: Record<string, string> = {};
  if (raw === undefined) return pairs;
  for (const item of raw.split(",")) {
    if (item.trim() === "") continue;
    const at = item.indexOf("=");
    const key = at > 0 ? item.slice(0, at).trim() : "";
    if (key === "") {
      throw new Error(`${name} must be a list of key=value pairs separated by commas; "${item.trim()}" is not one.`);
    }
    try {
      pairs[key] = decodeURIComponent(item.slice(at + 1).trim());
    } catch {
      throw new Error(`${name}: the value of "${key}" is not valid URL encoding; encode it with encodeURIComponent.`);
    }
  }
  return pairs;
}

function httpUrl(name: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} must be a URL such as http://localhost:4318; it is "${raw}".`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`${name} must be an http:// or https:// URL (OTLP over HTTP); it is "${raw}".`);
  }
  return url.toString();
}

/** The signal URL: the traces endpoint as given, or the base endpoint with `v1/traces` appended (as the spec says). */
function tracesUrl(env: Env): string {
  const specific = set(env, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
  if (specific !== undefined) return httpUrl("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", specific);
  const base = set(env, "OTEL_EXPORTER_OTLP_ENDPOINT") ?? "http://localhost:4318";
  const url = httpUrl("OTEL_EXPORTER_OTLP_ENDPOINT", base);
  return `${url.endsWith("/") ? url : `${url}/`}v1/traces`;
}

function otlpExport(env: Env): TraceExport {
  const protocol =
    set(env, "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL") ?? set(env, "OTEL_EXPORTER_OTLP_PROTOCOL") ?? "http/protobuf";
  if (protocol !== "http/protobuf" && protocol !== "http/json") {
    throw new Error(
      `OTEL_EXPORTER_OTLP_PROTOCOL "${protocol}" is not supported: Relata sends OTLP over HTTP, as ` +
        `http/protobuf (the default) or http/json. Point it at the collector's HTTP port (4318), not gRPC (4317).`,
    );
  }
  return {
    kind: "otlp",
    protocol,
    url: tracesUrl(env),
    headers: {
      ...parseKeyValueList("OTEL_EXPORTER_OTLP_HEADERS", set(env, "OTEL_EXPORTER_OTLP_HEADERS")),
      ...parseKeyValueList("OTEL_EXPORTER_OTLP_TRACES_HEADERS", set(env, "OTEL_EXPORTER_OTLP_TRACES_HEADERS")),
    },
    timeoutMs: wholeNumber(
      env,
      set(env, "OTEL_EXPORTER_OTLP_TRACES_TIMEOUT") !== undefined
        ? "OTEL_EXPORTER_OTLP_TRACES_TIMEOUT"
        : "OTEL_EXPORTER_OTLP_TIMEOUT",
      10_000,
      1,
    ),
  };
}

/**
 * Which exporter OpenTelemetry's variables ask for: OTEL_TRACES_EXPORTER (`otlp`, `console` or `none`), or
 * when it is unset, OTLP as soon as an OTLP endpoint is set. Null: tracing stays off and no SDK is loaded.
 */
function traceExport(env: Env): TraceExport | null {
  if (/^true$/i.test(set(env, "OTEL_SDK_DISABLED") ?? "")) return null;
  const exporters = (set(env, "OTEL_TRACES_EXPORTER") ?? "")
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== "");
  if (exporters.length === 0) {
    const endpoint = set(env, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") ?? set(env, "OTEL_EXPORTER_OTLP_ENDPOINT");
    return endpoint === undefined ? null : otlpExport(env);
  }
  if (exporters.includes("none")) return null;
  const unknown = exporters.filter((name) => name !== "otlp" && name !== "console");
  if (unknown.length > 0 || exporters.length > 1) {
    throw new Error(
      `OTEL_TRACES_EXPORTER must be one of otlp, console or none; it is "${exporters.join(",")}". ` +
        "Send spans to an OpenTelemetry Collector over OTLP to reach other back ends (Zipkin, Jaeger, …).",
    );
  }
  return exporters[0] === "console" ? { kind: "console" } : otlpExport(env);
}

function sampler(env: Env): { sampler: TraceSampler; samplerRatio: number } {
  const name = (set(env, "OTEL_TRACES_SAMPLER") ?? "parentbased_always_on").toLowerCase() as TraceSampler;
  if (!SAMPLERS.includes(name)) {
    throw new Error(`OTEL_TRACES_SAMPLER must be one of ${SAMPLERS.join(", ")}; it is "${name}".`);
  }
  const raw = set(env, "OTEL_TRACES_SAMPLER_ARG");
  const ratio = raw === undefined ? 1 : Number(raw);
  if (!Number.isFinite(ratio) || ratio < 0 || ratio > 1) {
    throw new Error(`OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1 (the share of traces kept); it is "${raw}".`);
  }
  return { sampler: name, samplerRatio: ratio };
}

/** Reads the tracing settings from OpenTelemetry's standard variables (a subset: docs/operations.md). */
export function tracingSettings(env: Env): TracingSettings | null {
  const exporter = traceExport(env);
  if (exporter === null) return null;
  const resourceAttributes = parseKeyValueList("OTEL_RESOURCE_ATTRIBUTES", set(env, "OTEL_RESOURCE_ATTRIBUTES"));
  return {
    export: exporter,
    serviceName: set(env, "OTEL_SERVICE_NAME") ?? resourceAttributes["service.name"] ?? "relata",
    resourceAttributes,
    ...sampler(env),
    batch: {
      scheduledDelayMillis: wholeNumber(env, "OTEL_BSP_SCHEDULE_DELAY", 5_000, 0),
      maxQueueSize: wholeNumber(env, "OTEL_BSP_MAX_QUEUE_SIZE", 2_048, 1),
      maxExportBatchSize: wholeNumber(env, "OTEL_BSP_MAX_EXPORT_BATCH_SIZE", 512, 1),
      exportTimeoutMillis: wholeNumber(env, "OTEL_BSP_EXPORT_TIMEOUT", 30_000, 1),
    },
  };
}

/**
 * Reads RELATA_METRICS, RELATA_METRICS_TOKEN, RELATA_TELEMETRY_TENANTS and OpenTelemetry's variables.
 * `flag` is the configuration's own reader of 1/0, true/false, yes/no, on/off.
 */
export function telemetrySettings(env: Env, flag: (name: string, fallback: boolean) => boolean): TelemetrySettings {
  const token = set(env, "RELATA_METRICS_TOKEN") ?? null;
  if (token !== null && token.length < MIN_METRICS_TOKEN_LENGTH) {
    throw new Error(
      `RELATA_METRICS_TOKEN must be at least ${MIN_METRICS_TOKEN_LENGTH} characters long; generate one with ` +
        "`openssl rand -hex 24`, or unset it.",
    );
  }
  return {
    metrics: { enabled: flag("RELATA_METRICS", true), token },
    tenantLabels: flag("RELATA_TELEMETRY_TENANTS", false),
    tracing: tracingSettings(env),
  };
}

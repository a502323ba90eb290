import {
  parseKeyValueList,
  telemetrySettings,
  tracingSettings,
} from "../../../../app/observability/telemetry-settings";

const flag = (env: Record<string, string>) => (name: string, fallback: boolean) =>
  env[name] === undefined ? fallback : env[name] === "1";

describe("telemetry settings (issue 19: metrics and traces)", () => {
  describe("metrics", () => {
    it("are on, open and without tenant labels by default", () => {
      expect(telemetrySettings({}, flag({}))).toEqual({
        metrics: { enabled: true, token: null },
        tenantLabels: false,
        tracing: null,
      });
    });

    it("take a token, an off switch and the tenant-label opt-in", () => {
      const env = { RELATA_METRICS: "0", RELATA_METRICS_TOKEN: "a".repeat(16), RELATA_TELEMETRY_TENANTS: "1" };
      expect(telemetrySettings(env, flag(env))).toMatchObject({
        metrics: { enabled: false, token: "a".repeat(16) },
        tenantLabels: true,
      });
    });

    it("refuse a short token, saying how to make one", () => {
      const env = { RELATA_METRICS_TOKEN: "short" };
      expect(() => telemetrySettings(env, flag(env))).toThrow(/at least 16 characters.*openssl rand/);
    });
  });

  describe("tracing", () => {
    it("is off without an exporter, with OTEL_TRACES_EXPORTER=none and with OTEL_SDK_DISABLED", () => {
      expect(tracingSettings({})).toBeNull();
      expect(
        tracingSettings({ OTEL_TRACES_EXPORTER: "none", OTEL_EXPORTER_OTLP_ENDPOINT: "http://c:4318" }),
      ).toBeNull();
      expect(tracingSettings({ OTEL_SDK_DISABLED: "true", OTEL_EXPORTER_OTLP_ENDPOINT: "http://c:4318" })).toBeNull();
    });

    it("turns on with an OTLP endpoint, appending v1/traces, over http/protobuf by default", () => {
      expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" })).toMatchObject({
        export: { kind: "otlp", protocol: "http/protobuf", url: "http://collector:4318/v1/traces", timeoutMs: 10_000 },
        serviceName: "relata",
        sampler: "parentbased_always_on",
        samplerRatio: 1,
        batch: { scheduledDelayMillis: 5_000, maxQueueSize: 2_048, maxExportBatchSize: 512 },
      });
      expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318/base/" })?.export).toMatchObject({
        url: "http://collector:4318/base/v1/traces",
      });
    });

    it("takes the traces endpoint as given, and the default endpoint for OTEL_TRACES_EXPORTER=otlp alone", () => {
      expect(
        tracingSettings({
          OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "https://c.example/x",
          OTEL_EXPORTER_OTLP_ENDPOINT: "http://o",
        })?.export,
      ).toMatchObject({ url: "https://c.example/x" });
      expect(tracingSettings({ OTEL_TRACES_EXPORTER: "otlp" })?.export).toMatchObject({
        url: "http://localhost:4318/v1/traces",
      });
      expect(tracingSettings({ OTEL_TRACES_EXPORTER: "console" })?.export).toEqual({ kind: "console" });
    });

    it("reads protocol, headers, timeout, service name, resource, sampler and batching", () => {
      const settings = tracingSettings({
        OTEL_EXPORTER_OTLP_ENDPOINT: "http://c:4318",
        OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
        OTEL_EXPORTER_OTLP_HEADERS: "x-api-key=abc%3D%3D,tenant=ops",
        OTEL_EXPORTER_OTLP_TRACES_HEADERS: "tenant=traces",
        OTEL_EXPORTER_OTLP_TRACES_TIMEOUT: "2500",
        OTEL_RESOURCE_ATTRIBUTES: "deployment.environment=prod,service.name=from-resource",
        OTEL_TRACES_SAMPLER: "parentbased_traceidratio",
        OTEL_TRACES_SAMPLER_ARG: "0.25",
        OTEL_BSP_SCHEDULE_DELAY: "100",
      });
      expect(settings).toMatchObject({
        export: { protocol: "http/json", headers: { "x-api-key": "abc==", tenant: "traces" }, timeoutMs: 2500 },
        serviceName: "from-resource",
        resourceAttributes: { "deployment.environment": "prod" },
        sampler: "parentbased_traceidratio",
        samplerRatio: 0.25,
        batch: { scheduledDelayMillis: 100 },
      });
      expect(
        tracingSettings({
          OTEL_TRACES_EXPORTER: "otlp",
          OTEL_SERVICE_NAME: "api",
          OTEL_RESOURCE_ATTRIBUTES: "service.name=x",
        })?.serviceName,
      ).toBe("api");
    });

    it("refuses what it cannot do, saying what would work", () => {
      expect(() => tracingSettings({ OTEL_TRACES_EXPORTER: "otlp", OTEL_EXPORTER_OTLP_PROTOCOL: "grpc" })).toThrow(
        /http\/protobuf.*http\/json.*4318/,
      );
      expect(() => tracingSettings({ OTEL_TRACES_EXPORTER: "zipkin" })).toThrow(/otlp, console or none.*Collector/);
      expect(() => tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4318" })).toThrow(
        /http:\/\/ or https:\/\//,
      );
      expect(() => tracingSettings({ OTEL_TRACES_EXPORTER: "otlp", OTEL_TRACES_SAMPLER: "sometimes" })).toThrow(
        /OTEL_TRACES_SAMPLER must be one of/,
      );
      expect(() => tracingSettings({ OTEL_TRACES_EXPORTER: "otlp", OTEL_TRACES_SAMPLER_ARG: "2" })).toThrow(/0 to 1/);
      expect(() => tracingSettings({ OTEL_TRACES_EXPORTER: "otlp", OTEL_BSP_SCHEDULE_DELAY: "soon" })).toThrow(
        /OTEL_BSP_SCHEDULE_DELAY must be a whole number/,
      );
    });
  });

  describe("key=value lists", () => {
    it("decode values and skip empty items", () => {
      expect(parseKeyValueList("X", "a=1,, b = two%20words ")).toEqual({ a: "1", b: "two words" });
    });

    it("name the item that is not a pair", () => {
      expect(() => parseKeyValueList("OTEL_EXPORTER_OTLP_HEADERS", "a=1,broken")).toThrow(/"broken" is not one/);
    });
  });
});

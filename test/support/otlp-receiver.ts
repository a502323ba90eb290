import { createServer, Server } from "node:http";
import { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";

/** One export request as the receiver got it. */
export interface OtlpExport {
  path: string;
  contentType: string;
  body: Buffer;
}

/** A span of an OTLP/JSON export, flattened: ids in hex, attributes as plain values. */
export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  status: { code?: number; message?: string };
  attributes: Record<string, unknown>;
  resource: Record<string, unknown>;
}

interface JsonAttribute {
  key: string;
  value: Record<string, unknown>;
}

function attributeValue(value: Record<string, unknown>): unknown {
  if ("stringValue" in value) return value.stringValue;
  if ("intValue" in value) return Number(value.intValue);
  if ("doubleValue" in value) return Number(value.doubleValue);
  if ("boolValue" in value) return value.boolValue;
  if ("arrayValue" in value) {
    const values = (value.arrayValue as { values?: Array<Record<string, unknown>> }).values ?? [];
    return values.map(attributeValue);
  }
  return value;
}

function attributes(list: JsonAttribute[] | undefined): Record<string, unknown> {
  return Object.fromEntries((list ?? []).map(({ key, value }) => [key, attributeValue(value)]));
}

/**
 * A real OTLP/HTTP receiver on a free local port: it answers every POST 200 and keeps what it got, so a
 * test can read the spans Relata exported (JSON bodies are decoded; protobuf ones are kept as bytes).
 */
export class OtlpReceiver {
  readonly exports: OtlpExport[] = [];
  private constructor(private readonly server: Server) {}

  static async start(): Promise<OtlpReceiver> {
    const server = createServer();
    const receiver = new OtlpReceiver(server);
    server.on("request", (req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        let body = Buffer.concat(chunks);
        if (req.headers["content-encoding"] === "gzip") body = gunzipSync(body);
        receiver.exports.push({ path: req.url ?? "", contentType: req.headers["content-type"] ?? "", body });
        const json = String(req.headers["content-type"]).includes("json");
        res.writeHead(200, { "content-type": json ? "application/json" : "application/x-protobuf" });
        res.end(json ? "{}" : undefined);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Every span of every OTLP/JSON export received so far. */
  spans(): ReceivedSpan[] {
    return this.exports
      .filter((received) => received.contentType.includes("json"))
      .flatMap((received) => {
        const payload = JSON.parse(received.body.toString("utf8")) as {
          resourceSpans?: Array<{
            resource?: { attributes?: JsonAttribute[] };
            scopeSpans?: Array<{ spans?: Array<Record<string, unknown>> }>;
          }>;
        };
        return (payload.resourceSpans ?? []).flatMap((resourceSpans) =>
          (resourceSpans.scopeSpans ?? []).flatMap((scope) =>
            (scope.spans ?? []).map((span) => ({
              traceId: String(span.traceId),
              spanId: String(span.spanId),
              parentSpanId: String(span.parentSpanId ?? ""),
              name: String(span.name),
              kind: Number(span.kind),
              status: (span.status ?? {}) as ReceivedSpan["status"],
              attributes: attributes(span.attributes as JsonAttribute[] | undefined),
              resource: attributes(resourceSpans.resource?.attributes),
            })),
          ),
        );
      });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

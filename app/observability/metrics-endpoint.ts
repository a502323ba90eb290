import { createHash, timingSafeEqual } from "node:crypto";
import { IncomingMessage, ServerResponse } from "node:http";
import { Registry } from "prom-client";

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

/**
 * Whether the request carries the metrics token: `Authorization: Bearer <token>`, or Basic with the token
 * as the password (for scrapers that only do Basic). Compared in constant time.
 */
export function carriesMetricsToken(authorization: string | undefined, token: string): boolean {
  const match = /^(bearer|basic)\s+(.+)$/i.exec(authorization?.trim() ?? "");
  if (match === null) return false;
  let presented = (match[2] ?? "").trim();
  if ((match[1] ?? "").toLowerCase() === "basic") {
    const decoded = Buffer.from(presented, "base64").toString("utf8");
    presented = decoded.slice(decoded.indexOf(":") + 1);
  }
  return timingSafeEqual(digest(presented), digest(token));
}

/** Answers GET or HEAD /metrics with the registry in Prometheus' text format, behind the token if one is set. */
export async function serveMetrics(
  registry: Registry,
  token: string | null,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  res.setHeader("cache-control", "no-store");
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.statusCode = 405;
    res.setHeader("allow", "GET, HEAD");
    res.setHeader("content-type", "text/plain; charset=utf-8");
    res.end("Only GET and HEAD read /metrics.\n");
    return;
  }
  if (token !== null && !carriesMetricsToken(req.headers.authorization, token)) {
    res.statusCode = 401;
    res.setHeader("www-authenticate", 'Bearer realm="relata-metrics"');
    res.setHeader("content-type", "text/plain; charset=utf-8");
    res.end(
      "/metrics needs the metrics token (RELATA_METRICS_TOKEN) as `Authorization: Bearer <token>`; " +
        "API tokens are not accepted here.\n",
    );
    return;
  }
  const body = await registry.metrics();
  res.statusCode = 200;
  res.setHeader("content-type", registry.contentType);
  res.end(req.method === "HEAD" ? undefined : body);
}

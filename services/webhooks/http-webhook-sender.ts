import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { normaliseHost } from "../../domain/webhooks/allowed-hosts";
import { guardedLookup, refusal } from "./webhook-target";

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** What a receiver answered: its status (null: no answer) and, for a failure, what went wrong. */
export interface WebhookResponse {
  status: number | null;
  error: string | null;
  durationMs: number;
}

export interface WebhookSender {
  send(request: WebhookRequest): Promise<WebhookResponse>;
}

/** The most of a receiver's answer kept in the delivery log. */
const MAX_ANSWER_CHARS = 200;

/**
 * Sends deliveries with node:http/https: POST, no redirects followed, an overall timeout, keep-alive
 * connections, and every address checked against the non-public ranges as it is connected to.
 */
export class HttpWebhookSender implements WebhookSender {
  private readonly httpAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  private readonly httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 64 });
  private readonly lookup;

  constructor(private readonly allowedHosts: readonly string[]) {
    this.lookup = guardedLookup(allowedHosts);
  }

  send(request: WebhookRequest): Promise<WebhookResponse> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const url = new URL(request.url);
    const host = normaliseHost(url.hostname);
    // An IP literal is never looked up, so the lookup's check would not run: check it here.
    if (isIP(host) !== 0) {
      const reason = refusal(host, host, this.allowedHosts);
      if (reason !== null) return Promise.resolve({ status: null, error: reason, durationMs: 0 });
    }
    const secure = url.protocol === "https:";
    return new Promise((resolve) => {
      let settled = false;
      const finish = (response: Omit<WebhookResponse, "durationMs">) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ ...response, durationMs: elapsed() });
      };
      const req = (secure ? https : http).request(
        url,
        {
          method: "POST",
          agent: secure ? this.httpsAgent : this.httpAgent,
          lookup: this.lookup,
          headers: {
            "content-type": "application/json",
            "content-length": String(Buffer.byteLength(request.body)),
            "user-agent": "Relata-Webhooks/1",
            ...request.headers,
          },
          signal: request.signal,
        },
        (res) => {
          const status = res.statusCode ?? 0;
          let answer = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => {
            if (answer.length < MAX_ANSWER_CHARS) answer += chunk;
          });
          res.on("end", () => {
            const ok = status >= 200 && status < 300;
            const text = answer.slice(0, MAX_ANSWER_CHARS).replace(/\s+/g, " ").trim();
            finish({ status, error: ok ? null : `HTTP ${status}${text ? `: ${text}` : ""}` });
          });
          res.on("error", (error) => finish({ status, error: error.message }));
        },
      );
      const timer = setTimeout(() => {
        req.destroy(new Error(`no answer within ${request.timeoutMs} ms (RELATA_WEBHOOK_TIMEOUT_MS)`));
      }, request.timeoutMs);
      req.on("error", (error: NodeJS.ErrnoException) =>
        finish({
          status: null,
          error: error.code && error.code !== "EWEBHOOKADDRESS" ? `${error.code}: ${error.message}` : error.message,
        }),
      );
      req.end(request.body);
    });
  }

  /** Closes idle keep-alive connections (at shutdown). */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}

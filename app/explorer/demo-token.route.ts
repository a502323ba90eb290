import { IncomingMessage, ServerResponse } from "node:http";
import { signToken } from "../auth/token";
import { RelataConfig } from "../config";
import { EXPLORER_SECURITY_HEADERS } from "./explorer-page";
import { isLoopbackAddress, PROXY_HEADERS } from "./loopback";

/** The explorer's demo token: GET says whether one is offered, POST signs one. docs/explorer.md. */
export const DEMO_TOKEN_PATH = "/explorer/demo-token";
/** A header a cross-site form cannot send: a page of another origin cannot make the browser ask for a token. */
export const DEMO_TOKEN_HEADER = "x-relata-explorer";

/**
 * Signs a short-lived viewer token for the demo tenant, for the explorer's one-click sign-in. Offered only
 * when the server runs the demo tenant (RELATA_DEMO) and the request comes straight from this machine
 * (loopback, no proxy headers): anyone who can reach the process locally could print a token with
 * `npm run token` anyway. Everyone else gets 403 and signs in with a token of their own.
 */
export class DemoTokenRoute {
  constructor(private readonly config: RelataConfig) {}

  serve(req: IncomingMessage, res: ServerResponse): void {
    const refusal = this.refusal(req);
    if (req.method === "GET") {
      return send(res, 200, refusal ? { available: false, reason: refusal } : { available: true, tenant: this.tenant });
    }
    if (req.method !== "POST") {
      res.setHeader("allow", "GET, POST");
      return send(res, 405, { error: "Use GET to ask whether a demo token is offered, POST to get one." });
    }
    if (refusal) return send(res, 403, { error: refusal });
    if (req.headers[DEMO_TOKEN_HEADER] !== "1") {
      return send(res, 400, { error: `Send the header ${DEMO_TOKEN_HEADER}: 1 (the explorer does).` });
    }
    const minutes = Math.min(this.config.explorer.demoTokenMinutes, this.config.auth.maxTokenLifetimeHours * 60);
    const token = signToken(
      { tenant: this.tenant, role: "viewer", subject: "explorer-demo" },
      this.config.jwtSecret,
      minutes * 60,
    );
    send(res, 200, { token, tenant: this.tenant, role: "viewer", expiresInSeconds: minutes * 60 });
  }

  private get tenant(): string {
    return this.config.demo.tenant;
  }

  /** Why no token is offered to this request, or null. */
  private refusal(req: IncomingMessage): string | null {
    if (!this.config.demo.enabled) {
      return "This server does not run the demo tenant (RELATA_DEMO=0); sign in with a token of your own.";
    }
    const proxied = PROXY_HEADERS.some((name) => req.headers[name] !== undefined);
    if (proxied || !isLoopbackAddress(req.socket.remoteAddress)) {
      return "Demo tokens are given only to browsers on the server's own machine; sign in with a token of your own.";
    }
    return null;
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  for (const [name, value] of Object.entries(EXPLORER_SECURITY_HEADERS)) res.setHeader(name, value);
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.setHeader("cache-control", "no-store");
  res.end(JSON.stringify(body));
}

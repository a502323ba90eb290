import { IncomingMessage, ServerResponse } from "node:http";
import { PublishedAuditKey } from "../audit/audit-keys";

export const AUDIT_PUBLIC_KEY_PATH = "/v1/audit/public-key";
/** The same keys, published for value contract statements (decision 0026): one installation key signs both. */
export const CONTRACT_PUBLIC_KEY_PATH = "/v1/contracts/public-key";

/**
 * `GET /v1/audit/public-key`: the public keys audit checkpoints are verified with, as JSON, without a token
 * (decision 0019): a public key reveals nothing, and an auditor outside the tenant's users must be able to
 * fetch it. The same list as the `auditSigningKeys` query.
 */
export class AuditPublicKeyRoute {
  private readonly body: string;

  constructor(
    keys: readonly PublishedAuditKey[],
    private readonly path: string = AUDIT_PUBLIC_KEY_PATH,
  ) {
    this.body = JSON.stringify({ keys }, null, 2);
  }

  serve(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "application/json" });
      res.end(JSON.stringify({ error: `${req.method ?? "?"} is not allowed on ${this.path}; use GET.` }));
      return;
    }
    res.writeHead(200, { "content-type": "application/json", "cache-control": "public, max-age=300" });
    res.end(req.method === "HEAD" ? undefined : this.body);
  }
}

import { CypherExecutor, CypherQuery } from "../executor";

const REVOKED_SINCE: CypherQuery = {
  name: "tokenRevocation.inForce",
  text: `
MATCH (r:RevokedToken)
WHERE r.revokedAt >= datetime() - duration({seconds: $windowSeconds})
RETURN r.tenant AS tenant, r.tokenId AS tokenId`,
};

/** A revoked token: its tenant and id. */
export interface RevokedTokenId {
  tenant: string;
  tokenId: string;
}

/**
 * Reads the revocations of every tenant for the process-wide revocation list. Not tenant-scoped on
 * purpose: it serves authentication, before any tenant is known, and returns ids only.
 */
export class RevokedTokenReader {
  constructor(private readonly executor: CypherExecutor) {}

  /**
   * Revocations made in the last `windowSeconds`: older ones can only name tokens that have expired anyway,
   * as no accepted token lives longer than the window.
   */
  async revokedWithin(windowSeconds: number): Promise<RevokedTokenId[]> {
    const rows = await this.executor.read(REVOKED_SINCE, { windowSeconds });
    return rows.map((row) => ({ tenant: String(row.tenant), tokenId: String(row.tokenId) }));
  }
}

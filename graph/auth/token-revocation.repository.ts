import { TokenRevocation } from "../../domain/auth/token-revocation";
import { instant, optionalText, text } from "../common/row-mapping";
import { CypherExecutor, CypherQuery } from "../executor";

// The database's clock stamps revocations, so every API instance ages them the same way.
const REVOKE: CypherQuery = {
  name: "tokenRevocation.revoke",
  text: `
MERGE (r:RevokedToken {tenant: $tenant, tokenId: $tokenId})
  ON CREATE SET r.revokedAt = datetime(), r.revokedBy = $revokedBy, r.reason = $reason
RETURN r.tokenId AS tokenId, r.revokedAt AS revokedAt, r.revokedBy AS revokedBy, r.reason AS reason`,
};

/** Revokes the tokens of one tenant. */
export class TokenRevocationRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly tenant: string,
  ) {}

  /** Records a revocation; revoking a token twice keeps the first record, which is returned. */
  async revoke(tokenId: string, revokedBy: string, reason: string | null): Promise<TokenRevocation> {
    const [row] = await this.executor.write(REVOKE, { tenant: this.tenant, tokenId, revokedBy, reason });
    const record = row as Record<string, unknown>;
    return {
      tokenId: text(record, "tokenId"),
      revokedAt: instant(record, "revokedAt"),
      revokedBy: text(record, "revokedBy"),
      reason: optionalText(record, "reason"),
    };
  }
}

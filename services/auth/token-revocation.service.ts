import { TokenRevocation } from "../../domain/auth/token-revocation";
import { TokenRevocationRepository } from "../../graph/auth/token-revocation.repository";
import { TokenRevocationError } from "./token-revocation.errors";

/** Longest token id accepted: a jti is usually a UUID; a Relata hash id is 39 characters. */
export const MAX_TOKEN_ID_LENGTH = 256;
export const MAX_REVOCATION_REASON_LENGTH = 500;

/** The process's revocation list, told at once about a revocation stored here. */
export interface LocalRevocations {
  add(tenant: string, tokenId: string): void;
}

/** Revokes tokens of the caller's tenant (an admin's; the role matrix decides). */
export class TokenRevocationService {
  constructor(
    private readonly repository: TokenRevocationRepository,
    private readonly caller: { tenant: string; subject: string },
    private readonly local: LocalRevocations,
  ) {}

  /**
   * Revokes the tenant's token with this id (its `jti`, or the id `viewer { tokenId }` shows). It is refused
   * at once by this instance and within the refresh interval by every other one. Idempotent.
   */
  async revoke(tokenId: string, reason: string | null): Promise<TokenRevocation> {
    const id = tokenId.trim();
    if (id.length === 0 || id.length > MAX_TOKEN_ID_LENGTH || /\p{Cc}/u.test(id)) {
      throw new TokenRevocationError(
        "INVALID_REVOCATION",
        `jti must be a token id of 1-${MAX_TOKEN_ID_LENGTH} printable characters (the token's "jti" claim, ` +
          `or the tokenId that \`viewer { tokenId }\` shows for it); received ${id.length} characters.`,
      );
    }
    if (reason !== null && reason.length > MAX_REVOCATION_REASON_LENGTH) {
      throw new TokenRevocationError(
        "INVALID_REVOCATION",
        `reason may be at most ${MAX_REVOCATION_REASON_LENGTH} characters; received ${reason.length}. Shorten it.`,
      );
    }
    const revocation = await this.repository.revoke(id, this.caller.subject, reason);
    this.local.add(this.caller.tenant, id);
    return revocation;
  }
}

/** A bearer token revoked before it expires; tokens are named by their id (`jti`, or a hash without one). */
export interface TokenRevocation {
  tokenId: string;
  /** ISO-8601, the database's clock. */
  revokedAt: string;
  /** The subject of the admin who revoked it. */
  revokedBy: string;
  reason: string | null;
}

import { Migration } from "./migration";

/** Revoked bearer tokens: one per tenant and token id, read back by the time they were revoked. */
export const tokenRevocationMigration: Migration = {
  version: 4,
  description: "token revocation: revoked token ids per tenant",
  statements: [
    "CREATE CONSTRAINT revoked_token_key IF NOT EXISTS FOR (n:RevokedToken) REQUIRE (n.tenant, n.tokenId) IS UNIQUE",
    "CREATE INDEX revoked_token_revoked_at IF NOT EXISTS FOR (n:RevokedToken) ON (n.revokedAt)",
  ],
};

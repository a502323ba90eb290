import { Migration } from "./migration";

/**
 * Micro-practice units (issue 16, decision 0029): units by tenant and id, status and author; their versions,
 * reviews and customer confirmations by unit; their uses by unit, account and (for the tracker) status.
 */
export const mpusMigration: Migration = {
  version: 18,
  description: "micro-practice units, their versions, reviews, confirmations and uses",
  statements: [
    "CREATE CONSTRAINT mpu_id IF NOT EXISTS FOR (m:Mpu) REQUIRE (m.tenant, m.id) IS UNIQUE",
    "CREATE INDEX mpu_status IF NOT EXISTS FOR (m:Mpu) ON (m.tenant, m.status)",
    "CREATE INDEX mpu_author IF NOT EXISTS FOR (m:Mpu) ON (m.tenant, m.authorSubject)",
    "CREATE CONSTRAINT mpu_version_key IF NOT EXISTS FOR (v:MpuVersion) REQUIRE (v.tenant, v.mpuId, v.version) IS UNIQUE",
    "CREATE CONSTRAINT mpu_review_key IF NOT EXISTS FOR (r:MpuReview) REQUIRE (r.tenant, r.mpuId, r.version, r.reviewerUserId) IS UNIQUE",
    "CREATE INDEX mpu_confirmation_unit IF NOT EXISTS FOR (c:MpuConfirmation) ON (c.tenant, c.mpuId)",
    "CREATE CONSTRAINT mpu_use_id IF NOT EXISTS FOR (u:MpuUse) REQUIRE (u.tenant, u.id) IS UNIQUE",
    "CREATE INDEX mpu_use_unit IF NOT EXISTS FOR (u:MpuUse) ON (u.tenant, u.mpuId)",
    "CREATE INDEX mpu_use_account IF NOT EXISTS FOR (u:MpuUse) ON (u.tenant, u.accountId)",
    "CREATE INDEX mpu_use_status IF NOT EXISTS FOR (u:MpuUse) ON (u.status)",
    "CREATE CONSTRAINT mpu_settings_tenant IF NOT EXISTS FOR (s:MpuSettings) REQUIRE s.tenant IS UNIQUE",
  ],
};

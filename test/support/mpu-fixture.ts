import { CypherExecutor } from "../../graph/executor";

/**
 * Creates a micro-practice unit node directly, for tests of MPU experiments (issue 16). createMpu lives on
 * the mpu-core branch; once both are merged, replace this one helper with that mutation (and publishMpu).
 * The node carries exactly the properties of the contract between the two branches.
 */
export async function createTestMpu(
  db: CypherExecutor,
  tenant: string,
  mpu: {
    id: string;
    status?: "DRAFT" | "SUBMITTED" | "VALIDATED" | "PUBLISHED" | "REJECTED" | "RETIRED";
    title?: string;
  },
): Promise<void> {
  await db.write(
    {
      name: "test.createMpu",
      text: `
CREATE (:Mpu {tenant: $tenant, id: $id, status: $status, authorUserId: 'test-author', title: $title, version: 1,
  createdAt: datetime(), publishedAt: CASE WHEN $status = 'PUBLISHED' THEN datetime() END})`,
    },
    { tenant, id: mpu.id, status: mpu.status ?? "PUBLISHED", title: mpu.title ?? mpu.id },
  );
}

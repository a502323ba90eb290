import { UsageRow } from "../../domain/usage/usage-aggregator";
import { CypherExecutor } from "../executor";
import { ADD_USAGE_COUNTS } from "./usage.queries";

/**
 * Writes the usage recorder's counts, every tenant's, in batches of one UNWIND statement each. Runs on its
 * own executor, outside any request (like the role cache's reader); each row names its tenant.
 */
export class UsageWriter {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly batchSize: number,
  ) {}

  async add(rows: readonly UsageRow[], now: Date): Promise<void> {
    for (let i = 0; i < rows.length; i += this.batchSize) {
      const batch = rows.slice(i, i + this.batchSize).map((row) => ({ ...row }));
      await this.executor.write(ADD_USAGE_COUNTS, { rows: batch, now: now.toISOString() });
    }
  }
}

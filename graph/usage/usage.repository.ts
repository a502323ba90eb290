import { MpuFacts } from "../../domain/usage/calibration-checks";
import { CypherExecutor } from "../executor";
import { AUTOMATION_RUNS, MPU_FACTS, PEOPLE, WEEKLY_USAGE } from "./usage.queries";

/** One week's counted calls by category. */
export interface WeekCounts {
  automation: number;
  ai: number;
  anchor: number;
  users: string[];
}

/** The usage calibration's reads for one tenant: counted calls, firings, people and MPUs. */
export class UsageRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly tenant: string,
  ) {}

  async weeklyCounts(weeks: readonly string[]): Promise<Map<string, WeekCounts>> {
    const rows = await this.executor.read(WEEKLY_USAGE, { tenant: this.tenant, weeks: [...weeks] });
    return new Map(
      rows.map((row) => [
        String(row.week),
        {
          automation: Number(row.automation),
          ai: Number(row.ai),
          anchor: Number(row.anchor),
          users: (row.users as unknown[]).map(String),
        },
      ]),
    );
  }

  /** Firings and the tasks they opened per week index (0 = the week starting at `fromMs`). */
  async automationRuns(fromMs: number, toMs: number): Promise<Map<number, number>> {
    const rows = await this.executor.read(AUTOMATION_RUNS, { tenant: this.tenant, fromMs, toMs });
    return new Map(rows.map((row) => [Number(row.week), Number(row.runs)]));
  }

  /** The tenant's users, and those holding the rep role (the MPU issue's field people). */
  async people(): Promise<{ all: number; field: number }> {
    const [row] = await this.executor.read(PEOPLE, { tenant: this.tenant });
    return { all: Number(row?.people ?? 0), field: Number(row?.fieldPeople ?? 0) };
  }

  /** Every MPU's facts; null when the tenant has no MPUs at all. */
  async mpuFacts(fromMs: number, toMs: number): Promise<MpuFacts[] | null> {
    const rows = await this.executor.read(MPU_FACTS, { tenant: this.tenant, fromMs, toMs });
    if (rows.length === 0) return null;
    const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    return rows.map((row) => ({
      createdAt: num(row.createdAt),
      publishedAt: num(row.publishedAt),
      retiredAt: num(row.retiredAt),
      usesByOthers: (row.uses as unknown[]).map(Number),
    }));
  }
}

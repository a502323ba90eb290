import neo4j from "neo4j-driver";
import { ExportedAccount } from "../../domain/health/health-export-line";
import { CypherExecutor } from "../executor";
import { HEALTH_EXPORT_COUNT, HEALTH_EXPORT_PAGE } from "./health-export.queries";

/** The account filters an export applies in the database (exact values, as stored). */
export interface ExportAccountFilter {
  industry: string | null;
  segment: string | null;
  region: string | null;
}

export interface ExportedScore {
  score: number | null;
  grade: string | null;
  confidence: number;
  version: number;
  asOf: string;
  computedAt: string;
  /** The stored concept contributions, as JSON text. */
  explanation: string;
}

export interface ExportRow {
  account: ExportedAccount;
  score: ExportedScore | null;
}

const text = (v: unknown): string | null => (typeof v === "string" ? v : null);
const num = (v: unknown): number | null => (typeof v === "number" ? v : null);

/** Accounts with their latest stored scores, page by page; scoped to one tenant. */
export class HealthExportRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly tenant: string,
  ) {}

  async page(modelId: string, filter: ExportAccountFilter, after: string, limit: number): Promise<ExportRow[]> {
    const rows = await this.executor.read(HEALTH_EXPORT_PAGE, {
      tenant: this.tenant,
      modelId,
      ...filter,
      after,
      limit: neo4j.int(limit),
    });
    return rows.map((row) => {
      const a = row.account as Record<string, unknown>;
      const s = row.score as Record<string, unknown> | null;
      return {
        account: {
          id: String(a.id),
          sourceSystem: String(a.sourceSystem),
          externalId: String(a.externalId),
          name: String(a.name),
          industry: text(a.industry),
          segment: text(a.segment),
          region: text(a.region),
          annualRevenue: num(a.annualRevenue),
        },
        score:
          s === null
            ? null
            : {
                score: num(s.score),
                grade: text(s.grade),
                confidence: Number(s.confidence ?? 0),
                version: Number(s.version),
                asOf: String(s.asOf),
                computedAt: new Date(String(s.computedAt)).toISOString(),
                explanation: String(s.explanation ?? "[]"),
              },
      };
    });
  }

  async count(filter: ExportAccountFilter): Promise<number> {
    const rows = await this.executor.read(HEALTH_EXPORT_COUNT, { tenant: this.tenant, ...filter });
    return Number(rows[0]?.total ?? 0);
  }
}

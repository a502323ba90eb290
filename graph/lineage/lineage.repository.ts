import neo4j from "neo4j-driver";
import { PlaybookDefinition, PlaybookStatus } from "../../domain/automation/playbook";
import { SignalSubject } from "../../domain/lineage/health-lineage";
import { CypherExecutor } from "../executor";
import { PLAYBOOKS_MENTIONING, SCORE_SNAPSHOT_AT, SIGNAL_SUBJECTS } from "./lineage.queries";

/** A stored health score, as lineage starts from it. */
export interface ScoreSnapshot {
  score: number | null;
  grade: string | null;
  confidence: number;
  version: number;
  asOf: string;
  computedAt: string;
}

/** A playbook's current version, as impact reads it. */
export interface PlaybookDefinitionRow {
  id: string;
  name: string;
  status: PlaybookStatus;
  version: number;
  definition: PlaybookDefinition;
}

/** The reads lineage and impact need beyond the health, ontology and identity repositories; one tenant. */
export class LineageRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly tenant: string,
  ) {}

  /** The stored score that answered at `at` (or the latest); null when there is none. */
  async scoreSnapshot(accountId: string, modelId: string, at: Date | null): Promise<ScoreSnapshot | null> {
    const [row] = await this.executor.read(SCORE_SNAPSHOT_AT, {
      tenant: this.tenant,
      accountId,
      modelId,
      at: at === null ? null : at.toISOString(),
    });
    if (row === undefined) return null;
    const s = row.score as Record<string, unknown>;
    return {
      score: typeof s.score === "number" ? s.score : null,
      grade: typeof s.grade === "string" ? s.grade : null,
      confidence: Number(s.confidence ?? 0),
      version: Number(s.version),
      asOf: String(s.asOf),
      computedAt: new Date(String(s.computedAt)).toISOString(),
    };
  }

  /** What each signal is about; signals not found (or of another tenant) are left out. */
  async signalSubjects(signalIds: readonly string[]): Promise<Map<string, SignalSubject>> {
    if (signalIds.length === 0) return new Map();
    const rows = await this.executor.read(SIGNAL_SUBJECTS, { tenant: this.tenant, ids: [...signalIds] });
    return new Map(
      rows.map((row) => [
        String(row.id),
        {
          kind: String(row.kind) as SignalSubject["kind"],
          id: String(row.subjectId),
          label: String(row.label ?? row.subjectId),
          accountId: typeof row.accountId === "string" ? row.accountId : null,
          accountLabel: typeof row.accountLabel === "string" ? row.accountLabel : null,
        },
      ]),
    );
  }

  /** Live playbooks whose current definition mentions one of `needles`, at most `limit`. */
  async playbooksMentioning(needles: readonly string[], limit: number): Promise<PlaybookDefinitionRow[]> {
    if (needles.length === 0) return [];
    const rows = await this.executor.read(PLAYBOOKS_MENTIONING, {
      tenant: this.tenant,
      needles: [...needles],
      limit: neo4j.int(limit),
    });
    return rows.map((row) => ({
      id: String(row.id),
      name: String(row.name),
      status: String(row.status) as PlaybookStatus,
      version: Number(row.version),
      definition: JSON.parse(String(row.definition)) as PlaybookDefinition,
    }));
  }
}

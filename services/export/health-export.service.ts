import { healthExportLine, HealthExportLine, parseContributions } from "../../domain/health/health-export-line";
import { ExportAccountFilter, HealthExportRepository } from "../../graph/export/health-export.repository";
import { HealthService } from "../health/health.service";

/** What an export selects: the model, account filters (exact values) and a grade. */
export interface HealthExportRequest {
  modelId: string;
  filter: ExportAccountFilter;
  /** Only accounts whose latest score has this grade (unscored accounts are then left out). */
  grade: string | null;
}

/**
 * The health export: accounts with their latest stored scores and concept values, read from Neo4j one
 * page at a time by an id cursor, so an export of any size holds one page in memory.
 */
export class HealthExportService {
  constructor(
    private readonly repository: HealthExportRepository,
    private readonly health: HealthService,
    private readonly pageSize: number,
  ) {}

  /** Fails with MODEL_NOT_FOUND before any line is produced, when the model does not exist. */
  async assertModel(modelId: string): Promise<void> {
    await this.health.model(modelId);
  }

  count(request: HealthExportRequest): Promise<number> {
    return this.repository.count(request.filter);
  }

  /**
   * The export's lines, one page at a time, with the number of accounts each page scanned. The next page is
   * read only when the caller asks for it: a slow reader holds the export back (backpressure), and a reader
   * that stops ends it.
   */
  async *pages(request: HealthExportRequest): AsyncGenerator<{ lines: HealthExportLine[]; scanned: number }> {
    let after = "";
    for (;;) {
      const rows = await this.repository.page(request.modelId, request.filter, after, this.pageSize);
      if (rows.length === 0) return;
      after = rows[rows.length - 1]!.account.id;
      const lines = rows
        .filter((row) => request.grade === null || row.score?.grade === request.grade)
        .map((row) =>
          healthExportLine(
            request.modelId,
            row.account,
            row.score === null ? null : { ...row.score, contributions: parseContributions(row.score.explanation) },
          ),
        );
      yield { lines, scanned: rows.length };
      if (rows.length < this.pageSize) return;
    }
  }
}

import { closeSync, fsyncSync, ftruncateSync, openSync, writeSync } from "node:fs";
import { RejectedRow } from "../../domain/import/import-row";

/**
 * The report of rejected rows: one JSON object per line, `{"row","line","externalId","field","reason"}`,
 * appended batch by batch. Its length is kept, so a checkpoint can record how far it was written and a
 * resumed import can cut off what an interrupted batch had added.
 */
export class ReportFile {
  private readonly fd: number;
  private length: number;

  /** Opens the report, cut to `keepBytes` (0: a new report). */
  constructor(
    readonly path: string,
    keepBytes: number,
  ) {
    this.fd = openSync(path, "a+");
    ftruncateSync(this.fd, keepBytes);
    this.length = keepBytes;
  }

  get bytes(): number {
    return this.length;
  }

  append(rows: readonly RejectedRow[]): void {
    if (rows.length === 0) return;
    const text = rows
      .map((r) =>
        JSON.stringify({ row: r.row, line: r.line, externalId: r.externalId, field: r.field, reason: r.reason }),
      )
      .join("\n");
    this.length += writeSync(this.fd, `${text}\n`);
    // On disk before the checkpoint that counts these rows as done.
    fsyncSync(this.fd);
  }

  close(): void {
    closeSync(this.fd);
  }
}

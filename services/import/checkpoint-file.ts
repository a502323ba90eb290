import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { ImportCheckpoint, parseCheckpoint } from "../../domain/import/import-checkpoint";

/** The checkpoint of an import, in a file beside its report (`<report>.checkpoint.json`). */
export class CheckpointFile {
  constructor(readonly path: string) {}

  read(): ImportCheckpoint | null {
    return existsSync(this.path) ? parseCheckpoint(readFileSync(this.path, "utf8")) : null;
  }

  /** Written whole and renamed into place, so an interruption never leaves half a checkpoint. */
  write(checkpoint: ImportCheckpoint): void {
    const temporary = `${this.path}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(checkpoint)}\n`);
    renameSync(temporary, this.path);
  }

  remove(): void {
    rmSync(this.path, { force: true });
  }
}

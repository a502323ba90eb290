/** Longest cell shown in a table; longer ones end in "…" (`--json` prints values whole). */
export const MAX_CELL_WIDTH = 80;

/**
 * Renders a result as a text table in the style of cypher-shell, with a header row. Cells are single
 * lines (line breaks shown as ⏎) and cut at {@link MAX_CELL_WIDTH}. Pure.
 */
export function renderTable(columns: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  if (columns.length === 0) return "";
  const fit = (cell: string): string => {
    const line = cell.replace(/\r?\n/g, "⏎");
    return line.length > MAX_CELL_WIDTH ? `${line.slice(0, MAX_CELL_WIDTH - 1)}…` : line;
  };
  const header = columns.map(fit);
  const body = rows.map((row) => columns.map((_, i) => fit(row[i] ?? "")));
  const widths = header.map((title, i) => Math.max(title.length, ...body.map((row) => (row[i] as string).length)));
  const rule = `+${widths.map((w) => "-".repeat(w + 2)).join("+")}+`;
  const line = (cells: readonly string[]): string =>
    `|${cells.map((cell, i) => ` ${cell.padEnd(widths[i] as number)} `).join("|")}|`;
  return [rule, line(header), rule, ...body.map(line), ...(body.length > 0 ? [rule] : [])].join("\n") + "\n";
}

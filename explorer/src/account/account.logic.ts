/** One line of a health explanation as the API lists them (flat, with parent ids). */
export interface ExplanationLine {
  id: string;
  parentId?: string | null;
  depth: number;
  contribution: number;
}

export interface ExplanationTreeNode<T extends ExplanationLine> {
  line: T;
  children: ExplanationTreeNode<T>[];
}

/**
 * The flat explanation as a tree: each line under its parent, siblings by the size of their contribution
 * (largest first), orphans (a parent not listed) at the top. Pure.
 */
export function explanationTree<T extends ExplanationLine>(lines: ReadonlyArray<T>): ExplanationTreeNode<T>[] {
  const nodes = new Map<string, ExplanationTreeNode<T>>();
  for (const line of lines) nodes.set(line.id, { line, children: [] });
  const roots: ExplanationTreeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.line.parentId ? nodes.get(node.line.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const order = (list: ExplanationTreeNode<T>[]) => {
    list.sort(
      (a, b) => Math.abs(b.line.contribution) - Math.abs(a.line.contribution) || a.line.id.localeCompare(b.line.id),
    );
    list.forEach((n) => order(n.children));
  };
  order(roots);
  return roots;
}

export interface GradeBandRange {
  grade: string;
  from: number;
  to: number;
}

/** The model's grade bands ({grade, min}) as ranges covering 0..100, lowest first. Pure. */
export function gradeBandRanges(bands: ReadonlyArray<{ grade: string; min: number }>, top = 100): GradeBandRange[] {
  const sorted = [...bands].sort((a, b) => a.min - b.min);
  return sorted.map((band, i) => ({ grade: band.grade, from: band.min, to: sorted[i + 1]?.min ?? top }));
}

/** Health snapshots as the chart's columns: seconds since the epoch and scores (null: no data), oldest first. Pure. */
export function historySeries(
  history: ReadonlyArray<{ computedAt: string; score?: number | null }>,
): [number[], Array<number | null>] {
  const sorted = [...history].sort((a, b) => a.computedAt.localeCompare(b.computedAt));
  return [sorted.map((s) => Date.parse(s.computedAt) / 1000), sorted.map((s) => s.score ?? null)];
}

export interface SignalLanes {
  fields: string[];
  /** x: seconds; one column per field with its lane number where that signal is, else null. */
  data: [number[], ...Array<Array<number | null>>];
}

/**
 * Signals as a swim-lane timeline: one lane per source field (system/field, by name), one point per signal
 * at its observation time. Pure.
 */
export function signalLanes(
  signals: ReadonlyArray<{ sourceSystem: string; field: string; observedAt: string }>,
): SignalLanes {
  const key = (s: { sourceSystem: string; field: string }) => `${s.sourceSystem}/${s.field}`;
  const fields = [...new Set(signals.map(key))].sort();
  const sorted = [...signals].sort((a, b) => a.observedAt.localeCompare(b.observedAt));
  const xs = sorted.map((s) => Date.parse(s.observedAt) / 1000);
  const lanes = fields.map((field, lane) => sorted.map((s) => (key(s) === field ? lane + 1 : null)));
  return { fields, data: [xs, ...lanes] };
}

/** Fourteen days, in the seconds uPlot's time axis counts. */
const TWO_WEEKS_S = 14 * 86_400;

/**
 * The time axis of the health history: the data's span, or a month around a single score (uPlot would
 * otherwise stretch one point over years). Seconds. Pure.
 */
export function historyTimeRange(min: number | null, max: number | null): [number, number] {
  if (min === null || max === null) return [0, 1];
  if (max - min < 86_400) return [min - TWO_WEEKS_S, max + TWO_WEEKS_S];
  return [min, max];
}

import { LineageError } from "./lineage.errors";
import { DEFAULT_LINEAGE_NODES, MAX_LINEAGE_NODES } from "./lineage-graph";

/** The longest records cursor (`after`) a target may carry: a record id with room to spare. */
const MAX_CURSOR_LENGTH = 200;

/** What `lineage(of)` asks about: a node by global id, a field of it, a point in time. */
export interface LineageTarget {
  /** A global id (`node(id)` ids), or an id a provider owns (e.g. `per_…` for resolved people). */
  id: string;
  /** A field of the node: "health" (default for accounts), a concept id, a golden-record field, … */
  field: string | null;
  /** The value as it was at this time; null: the latest. */
  at: Date | null;
  /** The health model, for health scores and concept values; null: the default model. */
  modelId: string | null;
  /** At most this many nodes in the answer. */
  maxNodes: number;
  /** For values fed by many records (anchor points): list the records after this cursor; null: from the first. */
  after: string | null;
}

/** The target as the API passes it, before checking. */
export interface LineageTargetInput {
  id: string;
  field?: string | null;
  at?: string | null;
  modelId?: string | null;
  maxNodes?: number | null;
  after?: string | null;
}

/** Checks the parts every provider relies on and gives the target its defaults; throws what was wrong. */
export function checkLineageTarget(input: LineageTargetInput): LineageTarget {
  const problems: string[] = [];
  const id = input.id.trim();
  if (id === "") problems.push('of.id is empty; pass a global id such as an account\'s "acc_…" id');
  const field = input.field?.trim() || null;
  let at: Date | null = null;
  if (input.at !== null && input.at !== undefined) {
    const ms = Date.parse(input.at);
    if (Number.isNaN(ms))
      problems.push(`of.at "${input.at.slice(0, 40)}" is not an ISO 8601 date-time (2026-11-30T12:00:00Z)`);
    else at = new Date(ms);
  }
  const maxNodes = input.maxNodes ?? DEFAULT_LINEAGE_NODES;
  if (!Number.isInteger(maxNodes) || maxNodes < 1 || maxNodes > MAX_LINEAGE_NODES) {
    problems.push(`of.maxNodes must be an integer from 1 to ${MAX_LINEAGE_NODES}; received ${maxNodes}`);
  }
  const after = input.after?.trim() || null;
  if (after !== null && after.length > MAX_CURSOR_LENGTH) {
    problems.push(`of.after is ${after.length} characters long; pass the nextRecordsAfter of the previous answer`);
  }
  if (problems.length > 0) throw new LineageError("INVALID_LINEAGE_TARGET", `${problems.join("; ")}.`);
  return { id, field, at, modelId: input.modelId?.trim() || null, maxNodes, after };
}

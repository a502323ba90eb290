import { assertNodeId, IdentifiedKind, nodeId } from "../ids/node-id";
import { InvalidIdError } from "../ids/id.errors";
import { MAX_ID_LENGTH } from "../ingest/record-checks";
import { firstProblem, requiredText, sourceSystemKey } from "../ingest/field-rules";

/** Names one record: by its public id, or by its key (source system and external id; a signal's record id). */
export interface RecordRef {
  id?: string | null;
  sourceSystem?: string | null;
  externalId?: string | null;
}

/** A reference resolved to the record's public id, or the reason it names no record. */
export type ResolvedRef = { id: string } | { problem: string };

const given = (value: unknown): boolean => value !== null && value !== undefined;

/**
 * The public id a reference names. Ids are derived from the key and the tenant, so a key becomes an id
 * here, without a query; an id of another tenant is well formed and simply not found later.
 */
export function resolveRef(kind: IdentifiedKind, tenant: string, ref: RecordRef): ResolvedRef {
  if (ref === null || typeof ref !== "object") return { problem: "the reference must be an object" };
  const byKey = given(ref.sourceSystem) || given(ref.externalId);
  if (given(ref.id) === byKey) {
    return { problem: "give either id, or sourceSystem and externalId, not both and not neither" };
  }
  if (given(ref.id)) {
    if (typeof ref.id !== "string") return { problem: "id must be text" };
    try {
      return { id: assertNodeId(kind, ref.id) };
    } catch (error) {
      if (error instanceof InvalidIdError) return { problem: error.message };
      throw error;
    }
  }
  const problem = firstProblem(
    sourceSystemKey(ref.sourceSystem, "sourceSystem"),
    requiredText(ref.externalId, "externalId", MAX_ID_LENGTH),
  );
  if (problem !== null) return { problem };
  return { id: nodeId(kind, tenant, ref.sourceSystem as string, ref.externalId as string) };
}

/** How a reference is shown back in a rejection: its id, or "sourceSystem/externalId". */
export function describeRef(ref: RecordRef): string | null {
  if (ref === null || typeof ref !== "object") return null;
  if (typeof ref.id === "string") return ref.id;
  if (typeof ref.externalId === "string") return `${String(ref.sourceSystem)}/${ref.externalId}`;
  return null;
}

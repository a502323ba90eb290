import { createHash } from "node:crypto";
import { InvalidIdError } from "./id.errors";
import { IdentifiedKind, NODE_ID_PREFIXES } from "./node-id";

/** The prefix of a source system's id. */
const SOURCE_SYSTEM_PREFIX = "src";
const SOURCE_TAG_LENGTH = 12;
/** Concept ids are pack-qualified: "core:satisfaction". */
const CONCEPT_ID = /^[^\s:]+:\S+$/;
const RECORD_ID = /^([a-z]{3})_([A-Za-z0-9_-]{22})$/;
const SOURCE_ID = /^src_([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{12})$/;

/** What a global id names, as far as its shape tells. */
export type GlobalIdRef =
  | { kind: IdentifiedKind; id: string }
  | { kind: "SourceSystem"; id: string; key: string }
  | { kind: "Concept"; id: string };

export type NodeKind = GlobalIdRef["kind"];

const KIND_BY_PREFIX = new Map(
  (Object.entries(NODE_ID_PREFIXES) as Array<[IdentifiedKind, string]>).map(([kind, prefix]) => [prefix, kind]),
);

function sourceTag(tenant: string, key: string): string {
  return createHash("sha256")
    .update(`${tenant}\u0000SourceSystem\u0000${key}`)
    .digest("base64url")
    .slice(0, SOURCE_TAG_LENGTH);
}

/**
 * The id of a source system: its key (readable back, source systems are stored by key) and a tag derived
 * from the tenant, so another tenant's id for a system of the same key is not an id of this tenant's.
 */
export function sourceSystemId(tenant: string, key: string): string {
  return `${SOURCE_SYSTEM_PREFIX}_${Buffer.from(key, "utf8").toString("base64url")}.${sourceTag(tenant, key)}`;
}

/** Whether a source-system id was issued for `tenant` (an id of another tenant is treated as unknown). */
export function isSourceSystemIdOf(tenant: string, ref: { id: string; key: string }): boolean {
  return ref.id === sourceSystemId(tenant, ref.key);
}

function shown(id: string): string {
  return id.length > 40 ? `${id.slice(0, 40)}…` : id;
}

const SHAPES =
  `Ids look like "acc_", "con_", "opp_", "ast_", "org_", "sig_", "usr_" or "tem_" followed by 22 letters, digits, "-" or "_" ` +
  `(records), "src_…" (source systems) or "pack:concept" (concepts, e.g. "core:satisfaction"); take them ` +
  `from the id field of what you read.`;

/**
 * Reads what kind of node an id names from its shape, without reading the graph. Throws an
 * {@link InvalidIdError} that says what was wrong for anything no Relata id looks like.
 */
export function parseGlobalId(id: string, argument = "id"): GlobalIdRef {
  const record = RECORD_ID.exec(id);
  if (record) {
    const kind = KIND_BY_PREFIX.get(record[1] as string);
    if (kind !== undefined) return { kind, id };
    throw new InvalidIdError(`${argument}: "${shown(id)}" has the unknown prefix "${record[1]}_". ${SHAPES}`);
  }
  const source = SOURCE_ID.exec(id);
  if (source) {
    const key = Buffer.from(source[1] as string, "base64url").toString("utf8");
    // base64url decoding is lenient; an id that does not encode back to itself was altered.
    if (Buffer.from(key, "utf8").toString("base64url") === source[1]) return { kind: "SourceSystem", id, key };
  }
  if (CONCEPT_ID.test(id)) return { kind: "Concept", id };
  throw new InvalidIdError(`${argument}: "${shown(id)}" is not a Relata id. ${SHAPES}`);
}

import { CypherQuery } from "../executor";
import {
  ACCOUNT_OWNED_LABELS,
  AccountOwnedLabel,
  DeletableLabel,
  DELETABLE_LABELS,
  deletedLabel,
} from "../common/deleted-labels";

/** The counts a deletion reports, each the records of one label it took along. */
export type CascadeName = "contacts" | "opportunities" | "assets" | "signals" | "healthRecords";

/** A group of records a deletion takes along: which label, and how to find them from the record (`root`). */
interface Cascade {
  name: CascadeName;
  label: DeletableLabel | AccountOwnedLabel;
  /** A subquery body over `root` that returns the live records as `n`. */
  find: string;
}

const signalsAbout = (subject: string): string => `MATCH (${subject})<-[:ABOUT]-(n:Signal) RETURN n`;

/**
 * What deleting each kind takes along (decision 0008). An account: its contacts, opportunities and assets,
 * the signals about it and about them, and its health records. A contact or an asset: the signals about
 * it. An opportunity, an organization or a signal: nothing else (an organization's links to accounts stay
 * on it, hidden with it, and come back when it is restored).
 */
export const CASCADES: Readonly<Record<DeletableLabel, readonly Cascade[]>> = {
  Account: [
    { name: "contacts", label: "Contact", find: "MATCH (root)<-[:WORKS_AT]-(n:Contact) RETURN n" },
    { name: "opportunities", label: "Opportunity", find: "MATCH (root)<-[:FOR_ACCOUNT]-(n:Opportunity) RETURN n" },
    { name: "assets", label: "Asset", find: "MATCH (root)<-[:INSTALLED_AT]-(n:Asset) RETURN n" },
    {
      name: "signals",
      label: "Signal",
      find: `${signalsAbout("root")}
    UNION
    MATCH (root)<-[:WORKS_AT|INSTALLED_AT]-(owned)<-[:ABOUT]-(n:Signal) WHERE owned:Contact OR owned:Asset RETURN n`,
    },
    ...ACCOUNT_OWNED_LABELS.map((label) => ({
      name: "healthRecords" as const,
      label,
      find: `MATCH (n:${label} {tenant: $tenant, accountId: root.id}) RETURN n`,
    })),
  ],
  Contact: [{ name: "signals", label: "Signal", find: signalsAbout("root") }],
  Asset: [{ name: "signals", label: "Signal", find: signalsAbout("root") }],
  Opportunity: [],
  Organization: [],
  Signal: [],
};

/**
 * Where a record hangs: restoring it while that is deleted would make a live record under a deleted one,
 * so the restore is refused (PARENT_DELETED) until the parent is restored.
 */
const PARENTS: Readonly<Record<DeletableLabel, string | null>> = {
  Account: null,
  Contact: "(root)-[:WORKS_AT]->(p:DeletedAccount)",
  Opportunity: "(root)-[:FOR_ACCOUNT]->(p:DeletedAccount)",
  Asset: "(root)-[:INSTALLED_AT]->(p:DeletedAccount)",
  Organization: null,
  Signal: "(root)-[:ABOUT]->(p) WHERE p:DeletedAccount OR p:DeletedContact OR p:DeletedAsset",
};

const varOf = (i: number): string => `c${i}`;

const hide = (variable: string, label: DeletableLabel | AccountOwnedLabel): string =>
  `FOREACH (n IN ${variable} | REMOVE n:${label} SET n:${deletedLabel(label)}, n.deletedAt = datetime($now), ` +
  `n.deletedBy = $actor, n.deletionId = row.deletionId)`;

const show = (variable: string, label: DeletableLabel | AccountOwnedLabel): string =>
  `FOREACH (n IN ${variable} | REMOVE n:${deletedLabel(label)} SET n:${label}, n.restoredAt = datetime($now) ` +
  `REMOVE n.deletedAt, n.deletedBy, n.deletionId)`;

type Group = { name: CascadeName | "root"; label: DeletableLabel | AccountOwnedLabel };

/** The keyed records of a group as `{id, label, externalId, sourceSystem}`, for their change events. */
function changedRecords(variable: string, label: string): string {
  return `[n IN ${variable} | {id: n.id, label: '${label}', externalId: n.externalId, sourceSystem: n.sourceSystem}]`;
}

/** `{contacts: size(c1) + ..., ...}` over groups collected as c0, c1, ..., and the list of their public ids. */
function tally(groups: readonly Group[]): { counts: string; ids: string; changed: string } {
  const names: CascadeName[] = ["contacts", "opportunities", "assets", "signals", "healthRecords"];
  const counts = names
    .map((name) => {
      const parts = groups.flatMap((g, i) => (g.name === name ? [`size(${varOf(i)})`] : []));
      return `${name}: ${parts.length === 0 ? "0" : parts.join(" + ")}`;
    })
    .join(", ");
  const keyed = groups.flatMap((g, i) => ((DELETABLE_LABELS as readonly string[]).includes(g.label) ? [varOf(i)] : []));
  const ids = keyed.length === 0 ? "[]" : keyed.map((v) => `[n IN ${v} | n.id]`).join(" + ");
  const described = groups.flatMap((g, i) =>
    (DELETABLE_LABELS as readonly string[]).includes(g.label) ? [changedRecords(varOf(i), g.label)] : [],
  );
  return { counts: `{${counts}}`, ids, changed: described.length === 0 ? "[]" : described.join(" + ") };
}

/**
 * Soft-deletes records by id, with what each takes along, in one statement: `$rows` of `{index, id,
 * deletionId}`. Each row answers its state before: `DELETED` (it was live and is now deleted),
 * `ALREADY_DELETED`, `PURGED` or `NOT_FOUND`, with the counts and ids of what changed.
 */
export function deleteQuery(label: DeletableLabel): CypherQuery {
  const cascades = CASCADES[label];
  const collect = cascades
    .map(
      (c, i) =>
        `  CALL (root) {\n    CALL (root) {\n    ${c.find}\n    }\n    RETURN collect(DISTINCT n) AS ${varOf(i)}\n  }`,
    )
    .join("\n");
  const { counts, ids, changed } = tally(cascades);
  const carried = cascades.map((_, i) => `, ${varOf(i)}`).join("");
  const text = `
UNWIND $rows AS row
OPTIONAL MATCH (root:${label} {tenant: $tenant, id: row.id})
OPTIONAL MATCH (gone:${deletedLabel(label)} {tenant: $tenant, id: row.id})
OPTIONAL MATCH (purged:PurgedRecord {tenant: $tenant, id: row.id})
OPTIONAL CALL (root, row) {
  WITH root, row WHERE root IS NOT NULL
${collect}
  WITH root, row${carried}
${cascades.map((c, i) => `  ${hide(varOf(i), c.label)}`).join("\n")}
  ${hide("[root]", label)}
  RETURN ${counts} AS cascaded, [root.id] + ${ids} AS changedIds, toString(root.deletedAt) AS deletedAt,
    ${changedRecords("[root]", label)} + ${changed} AS changed
}
RETURN row.index AS index, row.id AS id,
  CASE WHEN cascaded IS NOT NULL THEN 'DELETED' WHEN gone IS NOT NULL THEN 'ALREADY_DELETED'
       WHEN purged IS NOT NULL THEN 'PURGED' ELSE 'NOT_FOUND' END AS state,
  coalesce(deletedAt, toString(gone.deletedAt), toString(purged.deletedAt)) AS deletedAt,
  toString(purged.purgedAt) AS purgedAt, cascaded, coalesce(changedIds, []) AS changedIds,
  coalesce(changed, []) AS changed`;
  return { name: `delete.${label}`, text };
}

/**
 * Restores deleted records by id, with everything their deletion took along (the records sharing its
 * `deletionId`), in one statement: `$rows` of `{index, id}`. States: `RESTORED`, `NOT_DELETED` (live),
 * `PARENT_DELETED` (with the parent's id), `PURGED` or `NOT_FOUND`.
 */
export function restoreQuery(label: DeletableLabel): CypherQuery {
  const groups: Group[] = [{ name: "root", label }, ...CASCADES[label]];
  const collect = groups
    .map(
      (g, i) =>
        `  CALL (deletionId) {\n    MATCH (n:${deletedLabel(g.label)} {tenant: $tenant, deletionId: deletionId})\n` +
        `    RETURN collect(n) AS ${varOf(i)}\n  }`,
    )
    .join("\n");
  const { counts, ids, changed } = tally(groups);
  const parent = PARENTS[label];
  const parentCheck =
    parent === null
      ? "WITH row, live, root, purged, null AS parentId"
      : `CALL (root) {\n  OPTIONAL MATCH ${parent}\n  RETURN head(collect(p.id)) AS parentId\n}`;
  const text = `
UNWIND $rows AS row
OPTIONAL MATCH (live:${label} {tenant: $tenant, id: row.id})
OPTIONAL MATCH (root:${deletedLabel(label)} {tenant: $tenant, id: row.id})
OPTIONAL MATCH (purged:PurgedRecord {tenant: $tenant, id: row.id})
${parentCheck}
OPTIONAL CALL (root, parentId) {
  WITH root WHERE root IS NOT NULL AND parentId IS NULL
  WITH root.deletionId AS deletionId, toString(root.deletedAt) AS deletedAt
${collect}
  WITH deletedAt${groups.map((_, i) => `, ${varOf(i)}`).join("")}
${groups.map((g, i) => `  ${show(varOf(i), g.label)}`).join("\n")}
  RETURN ${counts} AS cascaded, ${ids} AS changedIds, deletedAt, ${changed} AS changed
}
RETURN row.index AS index, row.id AS id,
  CASE WHEN live IS NOT NULL THEN 'NOT_DELETED' WHEN cascaded IS NOT NULL THEN 'RESTORED'
       WHEN root IS NOT NULL THEN 'PARENT_DELETED' WHEN purged IS NOT NULL THEN 'PURGED' ELSE 'NOT_FOUND' END AS state,
  coalesce(deletedAt, toString(root.deletedAt), toString(purged.deletedAt)) AS deletedAt,
  toString(purged.purgedAt) AS purgedAt, parentId, cascaded, coalesce(changedIds, []) AS changedIds,
  coalesce(changed, []) AS changed`;
  return { name: `restore.${label}`, text };
}

/**
 * Purges, for good, up to `$batch` records of one deleted label deleted before `$cutoff` (every tenant).
 * A keyed record leaves a tombstone (tenant, id, kind, when deleted and purged; no content) so that a late
 * restore can say PURGED rather than NOT_FOUND.
 */
export function purgeQuery(label: DeletableLabel | AccountOwnedLabel): CypherQuery {
  const keyed = (DELETABLE_LABELS as readonly string[]).includes(label);
  const tombstone = keyed
    ? `MERGE (t:PurgedRecord {tenant: n.tenant, id: n.id})
SET t.kind = '${label}', t.deletedAt = n.deletedAt, t.purgedAt = datetime($now)
`
    : "";
  return {
    name: `purge.${label}`,
    text: `
MATCH (n:${deletedLabel(label)}) WHERE n.deletedAt < datetime($cutoff)
WITH n LIMIT $batch
${tombstone}DETACH DELETE n
RETURN count(*) AS purged`,
  };
}

import { RecordStatus } from "../../domain/ingest/ingest-result";
import { SourceSystemRecord } from "../../domain/records";
import { NETWORK_RELATIONSHIPS } from "../../domain/records";
import { CypherExecutor, CypherQuery } from "../executor";
import { IngestLabel, storedPropertiesQuery, UpsertAfter, UpsertLink, upsertQuery } from "../common/upsert.query";
import { ACCOUNT_OWNER_LINK, LINK_WAITING_FOR_USERS, USER_UPSERT } from "../people/people-upsert.queries";
import { userIdTaken } from "../../domain/ingest/user-id-taken";
import { PlainRow } from "../executor";
import { toNeo4jProperties } from "../neo4j-values";
import { ChangeOutbox } from "../events/change-outbox";
import { ChangeRecordType, RecordChange } from "../../domain/events/change-event";
import { upsertChange } from "../../domain/events/record-changes";
import { diffFields } from "../../domain/events/field-diff";
import { OPPORTUNITY_STAGE_REACHED } from "../opportunity/stage-reached.upsert";

/** A record's key and public id. */
interface RowKey {
  index: number;
  id: string;
  sourceSystem: string;
  externalId: string;
  /** The public id of the node this record links to (its account, or a signal's subject). */
  targetId?: string;
}

/** One record as sent: its properties, an omitted optional field `undefined`. */
export interface SentRow extends RowKey {
  sent: Record<string, unknown>;
  /** Fields left out of the content hash while null (added after records of the kind were stored). */
  addedFields?: readonly string[];
}

export type OrganizationLinkRow = { targetId: string; relationship: string };

export interface SentOrganizationRow extends SentRow {
  links: OrganizationLinkRow[];
}

/** The properties stored on a record's node, as plain values. */
export type StoredProperties = Readonly<Record<string, unknown>>;

/** One record prepared for writing: its key, public id, content hash and every property. */
export interface UpsertRow extends RowKey {
  hash: string;
  props: Record<string, unknown>;
}

export interface OrganizationUpsertRow extends UpsertRow {
  links: OrganizationLinkRow[];
}

/** Turns a sent row into the row to write, given what is stored for it (null for a new record). */
export type CompleteRow<S extends SentRow, U extends UpsertRow> = (row: S, stored: StoredProperties | null) => U;

export interface StoredRow {
  index: number;
  id: string;
  status: RecordStatus;
}

/** An organization row not written because accounts it links to do not exist: their public ids. */
export interface UnlinkedRow {
  index: number;
  missingTargetIds: string[];
}

/** A row not written because its record was deleted (and not purged yet). */
export interface DeletedRow {
  index: number;
  deletedAt: string;
}

/**
 * What an upsert did: the rows written, the rows refused for missing link targets (with the missing ids,
 * when known), and the rows refused because their record is deleted.
 */
export interface UpsertWrite {
  stored: StoredRow[];
  unlinked: UnlinkedRow[];
  deleted: DeletedRow[];
  /** Rows refused for another reason, said in full (e.g. a user external id another source system has). */
  refused?: Array<{ index: number; reason: string }>;
}

/** The labels that can be written in bulk, and the links each may carry: a fixed whitelist. */
export const UPSERT_TARGETS = {
  Account: null,
  Team: null,
  Contact: { type: "WORKS_AT", targetLabel: "Account" },
  Opportunity: { type: "FOR_ACCOUNT", targetLabel: "Account" },
  Ticket: { type: "FOR_ACCOUNT", targetLabel: "Account" },
  Asset: { type: "INSTALLED_AT", targetLabel: "Account" },
  SignalAboutAccount: { type: "ABOUT", targetLabel: "Account" },
  SignalAboutContact: { type: "ABOUT", targetLabel: "Contact" },
  SignalAboutAsset: { type: "ABOUT", targetLabel: "Asset" },
} as const satisfies Record<string, UpsertLink | null>;
export type UpsertTarget = keyof typeof UPSERT_TARGETS;

const LABELS: Record<UpsertTarget | "Organization" | "User", IngestLabel> = {
  Account: "Account",
  Team: "Team",
  User: "User",
  Contact: "Contact",
  Opportunity: "Opportunity",
  Ticket: "Ticket",
  Asset: "Asset",
  Organization: "Organization",
  SignalAboutAccount: "Signal",
  SignalAboutContact: "Signal",
  SignalAboutAsset: "Signal",
};

/**
 * An asset's production batch: `(asset)-[:OF_BATCH]->(:Batch {tenant, code})`, the batch merged on first
 * mention. The code is also the asset's `batch` property (what merging upserts and events read); this step
 * keeps the link in step with it whenever the asset changed.
 */
const ASSET_BATCH_LINK: UpsertAfter = {
  cypher: `CALL (n, row, status) {
  WITH n, row, status WHERE status <> 'UNCHANGED'
  OPTIONAL MATCH (n)-[old:OF_BATCH]->(:Batch)
  DELETE old
  WITH DISTINCT n, row
  UNWIND CASE WHEN row.props.batch IS NULL THEN [] ELSE [row.props.batch] END AS code
  MERGE (batch:Batch {tenant: $tenant, code: code})
    ON CREATE SET batch.firstSeenAt = datetime($now)
  MERGE (n)-[:OF_BATCH]->(batch)
}`,
};

/**
 * A ticket's holds (`(ticket)-[:HELD]->(:TicketHold)`), rebuilt from the row whenever the ticket changed, each
 * linked to the team or user that held it when they exist (`HELD_BY`); a holder upserted later is still found
 * by the hold's `holderKey`.
 */
const TICKET_HOLDS: UpsertAfter = {
  cypher: `CALL (n, row, status) {
  WITH n, row, status WHERE status <> 'UNCHANGED'
  OPTIONAL MATCH (n)-[:HELD]->(old:TicketHold)
  DETACH DELETE old
  WITH DISTINCT n, row
  UNWIND row.holds AS hold
  CREATE (h:TicketHold {tenant: $tenant, ticketId: n.id, seq: hold.seq, holderKind: hold.holderKind,
    holderKey: hold.holderKey, from: hold.from, until: hold.until, hours: hold.hours})
  CREATE (n)-[:HELD]->(h)
  WITH h, hold
  OPTIONAL MATCH (team:Team {tenant: $tenant, id: hold.holderKey}) WHERE hold.holderKind = 'TEAM'
  OPTIONAL MATCH (user:User {tenant: $tenant, externalId: hold.holderKey}) WHERE hold.holderKind = 'USER'
  FOREACH (holder IN [x IN [team, user] WHERE x IS NOT NULL] | MERGE (h)-[:HELD_BY]->(holder))
}`,
};

const QUERIES: Record<UpsertTarget, CypherQuery> = {
  Account: upsertQuery("Account", UPSERT_TARGETS.Account, ACCOUNT_OWNER_LINK),
  Team: upsertQuery("Team", UPSERT_TARGETS.Team),
  Contact: upsertQuery("Contact", UPSERT_TARGETS.Contact),
  Opportunity: upsertQuery("Opportunity", UPSERT_TARGETS.Opportunity, OPPORTUNITY_STAGE_REACHED),
  Ticket: upsertQuery("Ticket", UPSERT_TARGETS.Ticket, TICKET_HOLDS),
  Asset: upsertQuery("Asset", UPSERT_TARGETS.Asset, ASSET_BATCH_LINK),
  SignalAboutAccount: upsertQuery("Signal", UPSERT_TARGETS.SignalAboutAccount),
  SignalAboutContact: upsertQuery("Signal", UPSERT_TARGETS.SignalAboutContact),
  SignalAboutAsset: upsertQuery("Signal", UPSERT_TARGETS.SignalAboutAsset),
};

/**
 * Writes organizations whose linked accounts all exist; for the others it writes nothing and returns the
 * ids of the linked accounts that are missing, so the rejection names exactly those.
 */
const ORGANIZATION_UPSERT: CypherQuery = {
  name: "upsert.Organization",
  text: `
UNWIND $rows AS row
OPTIONAL MATCH (gone:DeletedOrganization {tenant: $tenant, id: row.id})
CALL (row) {
  UNWIND row.links AS link
  OPTIONAL MATCH (target:Account {tenant: $tenant, id: link.targetId})
  RETURN collect(DISTINCT CASE WHEN target IS NULL THEN link.targetId END) AS missing
}
OPTIONAL CALL (row, missing, gone) {
  WITH row WHERE size(missing) = 0 AND gone IS NULL
  OPTIONAL MATCH (existing:Organization {tenant: $tenant, sourceSystem: row.sourceSystem, externalId: row.externalId})
  WITH row, existing.contentHash AS previousHash,
    CASE WHEN existing IS NOT NULL AND existing.contentHash <> row.hash THEN properties(existing) END AS before
  MERGE (n:Organization {tenant: $tenant, sourceSystem: row.sourceSystem, externalId: row.externalId})
    ON CREATE SET n.id = row.id, n.firstSeenAt = datetime($now)
  WITH n, row, before,
    CASE WHEN previousHash IS NULL THEN 'CREATED' WHEN previousHash = row.hash THEN 'UNCHANGED' ELSE 'UPDATED' END AS status
  FOREACH (_ IN CASE WHEN status = 'UNCHANGED' THEN [] ELSE [1] END |
    SET n += row.props, n.contentHash = row.hash, n.lastUpdatedAt = datetime($now))
  WITH n, row, status, before
  CALL (n, status) {
    WITH n, status WHERE status <> 'UNCHANGED'
    // Links to a deleted account go too: the organization's new links are the whole set.
    MATCH (n)-[old:${NETWORK_RELATIONSHIPS.join("|")}]->(linked)
    WHERE linked:Account OR linked:DeletedAccount
    WITH old, {targetId: linked.id, relationship: type(old)} AS link
    DELETE old
    RETURN collect(link) AS previousLinks
  }
  CALL (n, row, status) {
    WITH n, row, status WHERE status <> 'UNCHANGED'
    UNWIND row.links AS link
    MATCH (target:Account {tenant: $tenant, id: link.targetId})
${NETWORK_RELATIONSHIPS.map(
  (type) =>
    `    FOREACH (_ IN CASE WHEN link.relationship = '${type}' THEN [1] ELSE [] END | MERGE (n)-[:${type}]->(target))`,
).join("\n")}
  }
  RETURN n.id AS id, status, before, previousLinks
}
RETURN row.index AS index, id, status, before, previousLinks, missing AS missingTargetIds,
  toString(gone.deletedAt) AS deletedAt`,
};

const STORED_PROPERTIES = Object.fromEntries(
  [...new Set(Object.values(LABELS))].map((label) => [label, storedPropertiesQuery(label)]),
) as Record<IngestLabel, CypherQuery>;

/** Splits an upsert's answer into the rows written, the rows with missing targets and the deleted ones. */
function toUpsertWrite(result: readonly PlainRow[]): UpsertWrite {
  const write: UpsertWrite = { stored: [], unlinked: [], deleted: [] };
  for (const row of result) {
    const index = Number(row.index);
    if (row.id !== null && row.id !== undefined) {
      write.stored.push({ index, id: String(row.id), status: row.status as RecordStatus });
    } else if (typeof row.deletedAt === "string") {
      write.deleted.push({ index, deletedAt: row.deletedAt });
    } else {
      const missing = Array.isArray(row.missingTargetIds) ? row.missingTargetIds.map(String) : [];
      write.unlinked.push({ index, missingTargetIds: missing });
    }
  }
  return write;
}

const ENSURE_SOURCE_SYSTEMS: CypherQuery = {
  name: "sourceSystem.ensure",
  text: `
UNWIND $keys AS key
OPTIONAL MATCH (existing:SourceSystem {tenant: $tenant, key: key})
WITH key, existing IS NULL AS isNew
MERGE (s:SourceSystem {tenant: $tenant, key: key})
  ON CREATE SET s.name = key, s.kind = 'OTHER', s.firstSeenAt = datetime($now), s.lastUpdatedAt = datetime($now)
WITH key, isNew WHERE isNew
RETURN key`,
};

const UPSERT_SOURCE_SYSTEMS: CypherQuery = {
  name: "upsert.SourceSystem",
  text: `
UNWIND $rows AS row
OPTIONAL MATCH (existing:SourceSystem {tenant: $tenant, key: row.key})
WITH row, existing.name = row.name AND existing.kind = row.kind AS same, existing IS NULL AS isNew,
  existing {.name, .kind} AS before
MERGE (s:SourceSystem {tenant: $tenant, key: row.key})
  ON CREATE SET s.firstSeenAt = datetime($now)
SET s.name = row.name, s.kind = row.kind, s.lastUpdatedAt = CASE WHEN same THEN s.lastUpdatedAt ELSE datetime($now) END
RETURN row.index AS index, row.key AS id, CASE WHEN isNew THEN 'CREATED' WHEN same THEN 'UNCHANGED' ELSE 'UPDATED' END AS status,
  before`,
};

/** Bulk, idempotent writes for one tenant. Each call is one transaction: all of its rows or none. */
export class IngestRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly tenant: string,
    private readonly outbox: ChangeOutbox,
  ) {}

  /** Writes complete rows (every property given), and their change events, in one transaction. */
  upsert(target: UpsertTarget, rows: readonly UpsertRow[], now: string): Promise<UpsertWrite> {
    return this.executor.writeSteps(QUERIES[target].name, (run) => this.writeRecorded(run, target, rows, now));
  }

  /**
   * Writes rows that may leave fields out: in one transaction, reads (and locks) what is stored for them,
   * completes each row with `complete`, and writes the result with its change events. Three statements
   * per chunk, whatever its size; two when no row of the chunk leaves a field out (nothing stored is needed).
   */
  upsertMerging<S extends SentRow>(
    target: UpsertTarget,
    rows: readonly S[],
    complete: CompleteRow<S, UpsertRow>,
    now: string,
  ): Promise<UpsertWrite> {
    return this.executor.writeSteps(QUERIES[target].name, async (run) => {
      const completed = await this.completeFromStored(LABELS[target], rows, complete, run);
      return this.writeRecorded(run, target, completed, now);
    });
  }

  upsertOrganizations(rows: readonly OrganizationUpsertRow[], now: string): Promise<UpsertWrite> {
    return this.executor.writeSteps(ORGANIZATION_UPSERT.name, (run) => this.writeOrganizations(run, rows, now));
  }

  /** {@link upsertMerging} for organizations. */
  upsertOrganizationsMerging(
    rows: readonly SentOrganizationRow[],
    complete: CompleteRow<SentOrganizationRow, OrganizationUpsertRow>,
    now: string,
  ): Promise<UpsertWrite> {
    return this.executor.writeSteps(ORGANIZATION_UPSERT.name, async (run) => {
      const completed = await this.completeFromStored("Organization", rows, complete, run);
      return this.writeOrganizations(run, completed, now);
    });
  }

  /** Writes users (complete rows), their links and change events, in one transaction. */
  upsertUsers(rows: readonly UpsertRow[], now: string): Promise<UpsertWrite> {
    return this.executor.writeSteps(USER_UPSERT.name, (run) => this.writeUsers(run, rows, now));
  }

  /** {@link upsertMerging} for users. */
  upsertUsersMerging(rows: readonly SentRow[], complete: CompleteRow<SentRow, UpsertRow>, now: string) {
    return this.executor.writeSteps(USER_UPSERT.name, async (run) => {
      const completed = await this.completeFromStored("User", rows, complete, run);
      return this.writeUsers(run, completed, now);
    });
  }

  private async writeUsers(run: Run, rows: readonly UpsertRow[], now: string): Promise<UpsertWrite> {
    const result = await run(USER_UPSERT, { tenant: this.tenant, rows: [...rows], now });
    const byIndex = new Map(rows.map((row) => [row.index, row]));
    const refused: Array<{ index: number; reason: string }> = [];
    const created: string[] = [];
    const changes = result.flatMap((answer) => {
      const row = byIndex.get(Number(answer.index));
      if (row === undefined) return [];
      if (typeof answer.takenBy === "string") {
        refused.push({ index: row.index, reason: userIdTaken(row.externalId, row.sourceSystem, answer.takenBy) });
        return [];
      }
      if (answer.id === null || answer.id === undefined) return [];
      const status = answer.status as RecordStatus;
      if (status === "CREATED") created.push(row.externalId);
      const change = upsertChange("USER", row, status, (answer.before as Record<string, unknown> | null) ?? null, null);
      return change === null ? [] : [change];
    });
    if (created.length > 0) await run(LINK_WAITING_FOR_USERS, { tenant: this.tenant, externalIds: created });
    await this.outbox.append(run, now, changes);
    const refusedIndexes = new Set(refused.map((r) => r.index));
    return { ...toUpsertWrite(result.filter((r) => !refusedIndexes.has(Number(r.index)))), refused };
  }

  private async writeRecorded(run: Run, target: UpsertTarget, rows: readonly UpsertRow[], now: string) {
    const { write, changes } = await this.upsertCollecting(run, target, rows, now);
    await this.outbox.append(run, now, changes);
    return write;
  }

  /**
   * Writes complete rows inside a transaction another write path runs (`run`), returning the change events
   * instead of appending them: the caller appends them with its own, last, in the same transaction (the
   * playbook actions raise intent signals so, beside their tasks and audit records).
   */
  async upsertCollecting(
    run: Run,
    target: UpsertTarget,
    rows: readonly UpsertRow[],
    now: string,
  ): Promise<{ write: UpsertWrite; changes: RecordChange[] }> {
    const prepared = rows.map((row) => ({ ...row, props: toNeo4jProperties(row.props) }));
    const result = await run(QUERIES[target], { tenant: this.tenant, rows: prepared, now });
    const byIndex = new Map(rows.map((row) => [row.index, row]));
    const changes = result.flatMap((answer) => {
      const row = byIndex.get(Number(answer.index));
      if (row === undefined || answer.id === null || answer.id === undefined) return [];
      const change = upsertChange(
        RECORD_TYPES[target],
        row,
        answer.status as RecordStatus,
        (answer.before as Record<string, unknown> | null) ?? null,
        typeof answer.previousTargetId === "string" ? answer.previousTargetId : null,
      );
      return change === null ? [] : [change];
    });
    return { write: toUpsertWrite(result), changes };
  }

  private async writeOrganizations(run: Run, rows: readonly OrganizationUpsertRow[], now: string) {
    const result = await run(ORGANIZATION_UPSERT, { tenant: this.tenant, rows: [...rows], now });
    const byIndex = new Map(rows.map((row) => [row.index, row]));
    const changes = result.flatMap((answer) => {
      const row = byIndex.get(Number(answer.index));
      if (row === undefined || answer.id === null || answer.id === undefined) return [];
      const status = answer.status as RecordStatus;
      const previous = sortLinks((answer.previousLinks as OrganizationLinkRow[] | null) ?? []);
      const links = sortLinks(row.links);
      const linksChanged = status === "CREATED" ? links.length > 0 : JSON.stringify(previous) !== JSON.stringify(links);
      const extra = linksChanged ? [{ field: "links", old: status === "CREATED" ? null : previous, new: links }] : [];
      const change = upsertChange(
        "ORGANIZATION",
        row,
        status,
        (answer.before as Record<string, unknown> | null) ?? null,
        null,
        extra,
      );
      return change === null ? [] : [change];
    });
    await this.outbox.append(run, now, changes);
    return toUpsertWrite(result);
  }

  private async completeFromStored<S extends SentRow, U extends UpsertRow>(
    label: IngestLabel,
    rows: readonly S[],
    complete: CompleteRow<S, U>,
    run: Run,
  ): Promise<U[]> {
    // A row that sends every field is complete as sent: only the fields a row leaves out are taken from what
    // is stored. When no row of the chunk leaves one out, the read (a statement, and its locks, which only
    // guard values the write would depend on) is skipped and the rows are completed as new (issue 18).
    if (rows.every((row) => sendsEveryField(row.sent))) return rows.map((row) => complete(row, null));
    const keys = rows.map(({ index, sourceSystem, externalId }) => ({ index, sourceSystem, externalId }));
    // Every row of one kind sends the same fields (an omitted one is present as undefined).
    const fields = Object.keys(rows[0]?.sent ?? {});
    const found = await run(STORED_PROPERTIES[label], { tenant: this.tenant, keys, fields });
    const storedByIndex = new Map(
      found.map((row) => {
        const values = row.stored as unknown[];
        return [Number(row.index), Object.fromEntries(fields.map((field, i) => [field, values[i]]))] as const;
      }),
    );
    return rows.map((row) => complete(row, storedByIndex.get(row.index) ?? null));
  }

  /** Registers source systems that records mention but nobody described yet (kind OTHER). */
  async ensureSourceSystems(keys: readonly string[], now: string): Promise<void> {
    if (keys.length === 0) return;
    await this.executor.writeSteps(ENSURE_SOURCE_SYSTEMS.name, async (run) => {
      await this.outbox.append(run, now, await this.ensureSourceSystemsCollecting(run, keys, now));
    });
  }

  /** {@link ensureSourceSystems} inside another write path's transaction; returns the change events to append. */
  async ensureSourceSystemsCollecting(run: Run, keys: readonly string[], now: string): Promise<RecordChange[]> {
    if (keys.length === 0) return [];
    const created = await run(ENSURE_SOURCE_SYSTEMS, { tenant: this.tenant, keys: [...keys], now });
    return created.map((row) =>
      sourceSystemChange(String(row.key), "CREATED", null, { name: String(row.key), kind: "OTHER" }),
    );
  }

  upsertSourceSystems(rows: ReadonlyArray<SourceSystemRecord & { index: number }>, now: string): Promise<StoredRow[]> {
    return this.executor.writeSteps(UPSERT_SOURCE_SYSTEMS.name, async (run) => {
      const result = await run(UPSERT_SOURCE_SYSTEMS, { tenant: this.tenant, rows: [...rows], now });
      const byIndex = new Map(rows.map((row) => [row.index, row]));
      const changes = result.flatMap((answer) => {
        const row = byIndex.get(Number(answer.index));
        const status = answer.status as RecordStatus;
        if (row === undefined || status === "UNCHANGED") return [];
        const before = (answer.before as Record<string, unknown> | null) ?? null;
        return [sourceSystemChange(row.key, status, before, { name: row.name, kind: row.kind })];
      });
      await this.outbox.append(run, now, changes);
      return result as unknown as StoredRow[];
    });
  }
}

type Run = (query: CypherQuery, params: Record<string, unknown>) => Promise<PlainRow[]>;

/** Whether a row gives every one of its fields a value (null included), so nothing stored can complete it. */
function sendsEveryField(sent: Readonly<Record<string, unknown>>): boolean {
  for (const key in sent) if (sent[key] === undefined) return false;
  return true;
}

const RECORD_TYPES: Record<UpsertTarget, ChangeRecordType> = {
  Account: "ACCOUNT",
  Team: "TEAM",
  Contact: "CONTACT",
  Opportunity: "OPPORTUNITY",
  Ticket: "TICKET",
  Asset: "ASSET",
  SignalAboutAccount: "SIGNAL",
  SignalAboutContact: "SIGNAL",
  SignalAboutAsset: "SIGNAL",
};

function sortLinks(links: readonly OrganizationLinkRow[]): OrganizationLinkRow[] {
  return links
    .map(({ targetId, relationship }) => ({ targetId, relationship }))
    .sort((a, b) => a.targetId.localeCompare(b.targetId) || a.relationship.localeCompare(b.relationship));
}

function sourceSystemChange(
  key: string,
  status: "CREATED" | "UPDATED",
  before: Record<string, unknown> | null,
  after: { name: string; kind: string },
): RecordChange {
  return {
    type: status === "CREATED" ? "SOURCE_SYSTEM_CREATED" : "SOURCE_SYSTEM_UPDATED",
    recordId: key,
    externalId: key,
    sourceSystem: null,
    changes: diffFields(["name", "kind"], before, after),
  };
}

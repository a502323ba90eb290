import neo4j from "neo4j-driver";
import { AccountFacts, OrganizationFact } from "../../domain/automation/condition-evaluation";
import { CypherExecutor, CypherQuery } from "../executor";

/** What subjects the new signals of a page are about: their account, their asset's region, their field. */
const SUBJECTS_OF_SIGNALS: CypherQuery = {
  name: "automation.signalSubjects",
  text: `
UNWIND $ids AS id
MATCH (s:Signal {tenant: $tenant, id: id})-[:ABOUT]->(x)
OPTIONAL MATCH (x)-[:WORKS_AT|INSTALLED_AT]->(owner:Account)
WITH s, x, CASE WHEN x:Account THEN x ELSE owner END AS a
RETURN s.id AS signalId, s.sourceSystem AS system, s.field AS field, a.id AS accountId,
  CASE WHEN x:Asset THEN x.region END AS region`,
};

/** The account each contact, asset or opportunity belongs to (EVENT triggers on those records). */
const ACCOUNTS_OF_RECORDS: CypherQuery = {
  name: "automation.accountsOfRecords",
  text: `
UNWIND $ids AS id
CALL (id) {
  MATCH (:Contact {tenant: $tenant, id: id})-[:WORKS_AT]->(a:Account) RETURN a
  UNION
  MATCH (:Asset {tenant: $tenant, id: id})-[:INSTALLED_AT]->(a:Account) RETURN a
  UNION
  MATCH (:Opportunity {tenant: $tenant, id: id})-[:FOR_ACCOUNT]->(a:Account) RETURN a
}
RETURN id, a.id AS accountId`,
};

/** The signal filter shared by the subject queries: fields (by system, or any system), value, window. */
const SIGNAL_FILTER = `s.observedAt > datetime($since) AND s.observedAt <= datetime($until)
  AND any(f IN $fields WHERE f.field = s.field AND (f.system IS NULL OR f.system = s.sourceSystem))
  AND ($valueEquals IS NULL OR s.stringValue = $valueEquals)`;

const SIGNAL_FIELDS = `s.id AS signalId, s.observedAt.epochMillis AS at, s.sourceSystem AS system, s.field AS field,
  s.numberValue AS numberValue, s.stringValue AS stringValue, s.booleanValue AS booleanValue`;

/** Signals about accounts (their own, their contacts', their assets'), in a window. */
const SIGNALS_OF_ACCOUNTS: CypherQuery = {
  name: "automation.accountSignals",
  text: `
MATCH (a:Account {tenant: $tenant})
WHERE $accountIds IS NULL OR a.id IN $accountIds
CALL (a) {
  MATCH (a)<-[:ABOUT]-(s:Signal) WHERE 'ACCOUNT' IN $kinds
  RETURN s, a.id AS subjectId, null AS region, null AS batch
  UNION
  MATCH (a)<-[:WORKS_AT]-(c:Contact)<-[:ABOUT]-(s:Signal) WHERE 'CONTACT' IN $kinds
  RETURN s, c.id AS subjectId, null AS region, null AS batch
  UNION
  MATCH (a)<-[:INSTALLED_AT]-(x:Asset)<-[:ABOUT]-(s:Signal) WHERE 'ASSET' IN $kinds
  OPTIONAL MATCH (x)-[:OF_BATCH]->(b:Batch)
  RETURN s, x.id AS subjectId, x.region AS region, b.code AS batch
}
WITH a, s, subjectId, region, batch WHERE ${SIGNAL_FILTER}
RETURN a.id AS accountId, subjectId, region, batch, ${SIGNAL_FIELDS}
ORDER BY at LIMIT $limit`,
};

/** Signals about the assets of regions, in a window. */
const SIGNALS_OF_REGIONS: CypherQuery = {
  name: "automation.regionSignals",
  text: `
MATCH (x:Asset {tenant: $tenant})
WHERE x.region IS NOT NULL AND ($regions IS NULL OR x.region IN $regions)
MATCH (x)<-[:ABOUT]-(s:Signal)
WHERE ${SIGNAL_FILTER}
OPTIONAL MATCH (x)-[:INSTALLED_AT]->(a:Account)
OPTIONAL MATCH (x)-[:OF_BATCH]->(b:Batch)
RETURN a.id AS accountId, x.id AS subjectId, x.region AS region, b.code AS batch, ${SIGNAL_FIELDS}
ORDER BY at LIMIT $limit`,
};

/** What conditions read about accounts: fields, latest default-model health, organizations, open tasks. */
const ACCOUNT_FACTS: CypherQuery = {
  name: "automation.accountFacts",
  text: `
UNWIND $accountIds AS accountId
MATCH (a:Account {tenant: $tenant, id: accountId})
OPTIONAL MATCH (h:HealthScore {tenant: $tenant, accountId: accountId, modelId: 'default', latest: true})
CALL (a) {
  OPTIONAL MATCH (a)<-[r:PARTNER_OF|SUPPLIES|SERVICES|RESELLS_TO]-(o:Organization)
  RETURN collect(CASE WHEN o IS NULL THEN null ELSE {id: o.id, kind: o.kind, relationship: type(r),
    servesRegions: coalesce(o.servesRegions, [])} END)[..50] AS organizations
}
CALL (a) {
  OPTIONAL MATCH (t:Task {tenant: $tenant, status: 'OPEN'})-[:ABOUT]->(a)
  RETURN collect(CASE WHEN t IS NULL THEN null ELSE {id: t.id, playbookId: t.playbookId, template: t.template}
    END)[..50] AS openTasks
}
RETURN a.id AS id, a.name AS name, a.industry AS industry, a.segment AS segment, a.region AS region,
  h.grade AS grade, h.score AS score, h.explanation AS explanation, organizations, openTasks`,
};

/** Organizations serving each region (`Organization.servesRegions`). */
const REGION_ORGANIZATIONS: CypherQuery = {
  name: "automation.regionOrganizations",
  text: `
UNWIND $regions AS region
MATCH (o:Organization {tenant: $tenant})
WHERE region IN coalesce(o.servesRegions, [])
RETURN region, collect({id: o.id, kind: o.kind, relationship: null, servesRegions: o.servesRegions})[..50] AS organizations`,
};

/** Default-model health snapshots up to `$until`, per account in time order (simulation of grade changes). */
const HEALTH_HISTORY: CypherQuery = {
  name: "automation.healthHistory",
  text: `
MATCH (h:HealthScore {tenant: $tenant, modelId: 'default'})
WHERE h.computedAt <= datetime($until) AND ($accountIds IS NULL OR h.accountId IN $accountIds)
RETURN h.accountId AS accountId, h.computedAt.epochMillis AS at, h.grade AS grade, h.score AS score
ORDER BY accountId, at LIMIT $limit`,
};

/** A signal a playbook reads, with what it is about. */
export interface EvidenceSignal {
  signalId: string;
  at: number;
  accountId: string | null;
  subjectId: string;
  region: string | null;
  batch: string | null;
  system: string;
  field: string;
  value: number | string | boolean | null;
}

/** Which signals a trigger reads: source fields (system null: any system), a value, the kinds of subject. */
export interface SignalQuery {
  fields: ReadonlyArray<{ system: string | null; field: string }>;
  valueEquals: string | null;
  subjectKinds: readonly string[];
}

export interface HealthSnapshot {
  accountId: string;
  at: number;
  grade: string | null;
  score: number | null;
}

const int = (value: number) => neo4j.int(value);

function toEvidence(row: Record<string, unknown>): EvidenceSignal {
  const value =
    typeof row.numberValue === "number"
      ? row.numberValue
      : typeof row.booleanValue === "boolean"
        ? row.booleanValue
        : typeof row.stringValue === "string"
          ? row.stringValue
          : null;
  return {
    signalId: String(row.signalId),
    at: Number(row.at),
    accountId: row.accountId === null || row.accountId === undefined ? null : String(row.accountId),
    subjectId: String(row.subjectId),
    region: typeof row.region === "string" ? row.region : null,
    batch: typeof row.batch === "string" ? row.batch : null,
    system: String(row.system),
    field: String(row.field),
    value,
  };
}

function toOrganization(value: unknown): OrganizationFact {
  const o = value as Record<string, unknown>;
  return {
    id: String(o.id),
    kind: typeof o.kind === "string" ? o.kind : null,
    relationship: typeof o.relationship === "string" ? o.relationship : null,
    servesRegions: Array.isArray(o.servesRegions) ? o.servesRegions.map(String) : [],
  };
}

/** An account's facts and the stored explanation of its latest score (for the firing's health excerpt). */
export type AccountFactsRow = AccountFacts & { explanation: string | null };

/** The reads the engine decides with, for one tenant; reads only (simulation relies on it). */
export class PlaybookEvidenceRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly tenant: string,
  ) {}

  async subjectsOfSignals(
    ids: readonly string[],
  ): Promise<
    Array<{ signalId: string; system: string; field: string; accountId: string | null; region: string | null }>
  > {
    if (ids.length === 0) return [];
    const rows = await this.executor.read(SUBJECTS_OF_SIGNALS, { tenant: this.tenant, ids: [...ids] });
    return rows.map((row) => ({
      signalId: String(row.signalId),
      system: String(row.system),
      field: String(row.field),
      accountId: row.accountId === null || row.accountId === undefined ? null : String(row.accountId),
      region: typeof row.region === "string" ? row.region : null,
    }));
  }

  async accountsOfRecords(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.executor.read(ACCOUNTS_OF_RECORDS, { tenant: this.tenant, ids: [...ids] });
    return new Map(rows.map((row) => [String(row.id), String(row.accountId)]));
  }

  /** Signals about the accounts (all when null) or the regions (all when null), oldest first. */
  async signals(
    scope: "ACCOUNT" | "REGION",
    subjects: readonly string[] | null,
    query: SignalQuery,
    since: number,
    until: number,
    limit: number,
  ): Promise<EvidenceSignal[]> {
    if (query.fields.length === 0 || (subjects !== null && subjects.length === 0)) return [];
    const params = {
      tenant: this.tenant,
      fields: query.fields.map((f) => ({ system: f.system, field: f.field })),
      valueEquals: query.valueEquals,
      kinds: query.subjectKinds.length === 0 ? ["ACCOUNT", "CONTACT", "ASSET"] : [...query.subjectKinds],
      since: new Date(since).toISOString(),
      until: new Date(until).toISOString(),
      limit: int(limit),
    };
    const rows =
      scope === "ACCOUNT"
        ? await this.executor.read(SIGNALS_OF_ACCOUNTS, {
            ...params,
            accountIds: subjects === null ? null : [...subjects],
          })
        : await this.executor.read(SIGNALS_OF_REGIONS, {
            ...params,
            regions: subjects === null ? null : [...subjects],
          });
    return rows.map(toEvidence);
  }

  async accountFacts(accountIds: readonly string[]): Promise<Map<string, AccountFactsRow>> {
    if (accountIds.length === 0) return new Map();
    const rows = await this.executor.read(ACCOUNT_FACTS, { tenant: this.tenant, accountIds: [...accountIds] });
    return new Map(
      rows.map((row) => [
        String(row.id),
        {
          id: String(row.id),
          name: typeof row.name === "string" ? row.name : null,
          industry: typeof row.industry === "string" ? row.industry : null,
          segment: typeof row.segment === "string" ? row.segment : null,
          region: typeof row.region === "string" ? row.region : null,
          healthGrade: typeof row.grade === "string" ? row.grade : null,
          healthScore: typeof row.score === "number" ? row.score : null,
          organizations: (row.organizations as unknown[]).map(toOrganization),
          openTasks: (row.openTasks as Array<Record<string, unknown>>).map((t) => ({
            id: String(t.id),
            playbookId: typeof t.playbookId === "string" ? t.playbookId : null,
            template: typeof t.template === "string" ? t.template : null,
          })),
          explanation: typeof row.explanation === "string" ? row.explanation : null,
        },
      ]),
    );
  }

  async regionOrganizations(regions: readonly string[]): Promise<Map<string, OrganizationFact[]>> {
    if (regions.length === 0) return new Map();
    const rows = await this.executor.read(REGION_ORGANIZATIONS, { tenant: this.tenant, regions: [...regions] });
    return new Map(rows.map((row) => [String(row.region), (row.organizations as unknown[]).map(toOrganization)]));
  }

  async healthHistory(accountIds: readonly string[] | null, until: number, limit: number): Promise<HealthSnapshot[]> {
    const rows = await this.executor.read(HEALTH_HISTORY, {
      tenant: this.tenant,
      accountIds: accountIds === null ? null : [...accountIds],
      until: new Date(until).toISOString(),
      limit: int(limit),
    });
    return rows.map((row) => ({
      accountId: String(row.accountId),
      at: Number(row.at),
      grade: typeof row.grade === "string" ? row.grade : null,
      score: typeof row.score === "number" ? row.score : null,
    }));
  }
}

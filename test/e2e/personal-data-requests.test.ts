import { signToken } from "../../app/auth/token";
import { PlaybookFiring } from "../../domain/automation/playbook-firing";
import { unpackSegment } from "../../domain/events/change-segment";
import { identityId } from "../../domain/identity-graph/identity-ids";
import { CypherExecutor } from "../../graph/executor";
import { WebhookDispatchRepository } from "../../graph/webhooks/webhook-dispatch.repository";
import { Role } from "../../resolvers/context";
import {
  ConsentsDocument,
  DeleteContactsDocument,
  ErasePersonDocument,
  ExportPersonDataDocument,
  IdentityDocument,
  IngestSignalsDocument,
  MergeIdentitiesDocument,
  RecordConsentsDocument,
  RegisterWebhookDocument,
  ResolveIdentitiesDocument,
  UpsertAccountsDocument,
  UpsertContactsDocument,
  UpsertIdentitiesDocument,
  UpsertUsersDocument,
  VerifyAuditTrailDocument,
  type ConsentInput,
  type IdentityInput,
} from "../../schema/generated/graphql";
import { startTestApi, TEST_JWT_SECRET, TestApi, uniqueTenant } from "../support/test-api";
import { getChanges } from "./support/change-stream";
import { dataOf, onlyErrorOf, statementNames } from "./support/responses";

// Issue 15, consent, access and erasure requests: a person seeded across a CRM contact and five channels,
// with signals, consents, a task, change events and a webhook delivery; exported whole, erased everywhere
// (a scan of every property and every stored JSON payload of the tenant finds none of their values) while
// the audit trail still verifies; a withdrawn consent stops a playbook action; a re-ingest is refused.

let api: TestApi;
let db: CypherExecutor;

const token = (tenant: string, role: Role, subject = `${role}-1`) =>
  signToken({ tenant, role, subject }, TEST_JWT_SECRET);
const as = (tenant: string, role: Role, subject?: string) => ({ token: token(tenant, role, subject) });

/** The person's values: every one of them must be gone from the tenant's graph after the erasure. */
const NAME = "Quilla Vantorsky";
const EMAIL = "quilla.vantorsky@nordlicht.example";
const PHONE_SENT = "+49 30 90182734";
const PHONE_E164 = "+493090182734";
const STREET = "Hauptstrasse 17";
const POSTCODE = "10117";
const CHANNEL_IDS = {
  tmall: "TM-90417",
  jd: "JD-55102",
  webshop: "WS-4410Q",
  wechat: "WX-o7Yq3Zp",
  callcenter: "CC-99812",
};
const CONTACT_EXTERNAL_ID = "SF-C-7781";
const DELETED_CONTACT_EXTERNAL_ID = "ERP-C-3391";
const CONSENT_EVIDENCE = `${NAME} ticked the box on the demo form`;
const SURVEY_COMMENT = `${NAME} asked for a demo, call ${PHONE_SENT}`;

const PERSONAL_VALUES = [
  NAME,
  "Quilla",
  "Vantorsky",
  EMAIL,
  PHONE_E164,
  "90182734",
  STREET,
  "Hauptstr",
  POSTCODE,
  CONTACT_EXTERNAL_ID,
  DELETED_CONTACT_EXTERNAL_ID,
  "Leiterin Medizintechnik",
  ...Object.values(CHANNEL_IDS),
  "consent-quilla-automation",
  "consent-quilla-marketing",
];

interface Seeded {
  tenant: string;
  accountId: string;
  contactId: string;
  personId: string;
  signalIds: string[];
  endpointId: string;
}

function identities(): IdentityInput[] {
  return Object.entries(CHANNEL_IDS).map(([channel, externalId]) => ({
    entity: "PERSON",
    channel,
    externalId,
    attributes: {
      fullName: NAME,
      emails: [EMAIL],
      phones: [PHONE_SENT],
      address: { lines: [STREET], locality: "Berlin", postcode: POSTCODE, country: "DE" },
    },
    observedAt: "2026-10-01T10:00:00Z",
  }));
}

function consents(contactId: string, withdrawnAt: string | null = null): ConsentInput[] {
  return [
    {
      sourceSystem: "consent-hub",
      externalId: "consent-quilla-automation",
      contactId,
      purpose: "AUTOMATION",
      legalBasis: "CONSENT",
      channel: "WEB_FORM",
      evidenceText: CONSENT_EVIDENCE,
      grantedAt: "2026-01-01T00:00:00Z",
      withdrawnAt,
    },
    {
      sourceSystem: "consent-hub",
      externalId: "consent-quilla-marketing",
      identity: { channel: "tmall", externalId: CHANNEL_IDS.tmall },
      purpose: "MARKETING",
      legalBasis: "CONSENT",
      channel: "APP",
      evidenceUrl: `https://consent.example/records/${CHANNEL_IDS.tmall}`,
      grantedAt: "2026-01-01T00:00:00Z",
    },
  ] as ConsentInput[];
}

/** Seeds one tenant with the person everywhere Relata keeps personal data. */
async function seed(prefix: string): Promise<Seeded> {
  const tenant = uniqueTenant(prefix);
  const writer = as(tenant, "integrator", "u-owner");
  const admin = as(tenant, "admin");
  dataOf(
    await api.run(
      UpsertUsersDocument,
      { input: [{ sourceSystem: "crm", externalId: "u-owner", name: "Olaf Owner", roles: ["integrator"] }] as never },
      writer,
    ),
  );
  // Registered first: an endpoint follows the events committed after it.
  const endpoint = dataOf(
    await api.run(
      RegisterWebhookDocument,
      { url: "http://127.0.0.1:9/crm-sync", eventTypes: ["CONTACT_CREATED", "CONTACT_UPDATED"] as never },
      writer,
    ),
  ).registerWebhook.endpoint;
  const accounts = dataOf(
    await api.run(
      UpsertAccountsDocument,
      { input: [{ sourceSystem: "crm", externalId: "ACC-PD-1", name: "Nordlicht Kliniken", industry: "healthcare" }] },
      writer,
    ),
  );
  const accountId = accounts.upsertAccounts.records[0]!.id;
  const contact = {
    account: { externalId: "ACC-PD-1" },
    name: NAME,
    email: EMAIL,
    phone: PHONE_SENT,
    title: "Leiterin Medizintechnik",
  };
  const contacts = dataOf(
    await api.run(
      UpsertContactsDocument,
      {
        input: [
          { sourceSystem: "crm", externalId: CONTACT_EXTERNAL_ID, ...contact },
          {
            sourceSystem: "erp",
            externalId: DELETED_CONTACT_EXTERNAL_ID,
            ...contact,
            account: { externalId: "ACC-PD-1", sourceSystem: "crm" },
          },
        ],
      },
      writer,
    ),
  );
  expect(contacts.upsertContacts.rejections).toEqual([]);
  const [contactId, deletedContactId] = contacts.upsertContacts.records.map((r) => r.id);
  const signals = dataOf(
    await api.run(
      IngestSignalsDocument,
      {
        input: [
          { recordId: "survey-1", field: "survey_comment", stringValue: SURVEY_COMMENT },
          { recordId: "pv-1", field: "page_view", stringValue: "/remote-quality-control" },
          { recordId: "csat-1", field: "csat_score", numberValue: 4 },
        ].map((s) => ({
          sourceSystem: "web",
          observedAt: "2026-11-20T09:00:00Z",
          subject: { kind: "CONTACT", externalId: CONTACT_EXTERNAL_ID, sourceSystem: "crm" },
          ...s,
        })) as never,
      },
      writer,
    ),
  );
  expect(signals.ingestSignals.rejections).toEqual([]);
  const signalIds = signals.ingestSignals.records.map((r) => r.id);
  const written = dataOf(await api.run(UpsertIdentitiesDocument, { input: identities() }, writer));
  expect(written.upsertIdentities.rejections).toEqual([]);
  dataOf(await api.run(ResolveIdentitiesDocument, { entity: "PERSON", mode: "INCREMENTAL" }, writer));
  // One person, whatever the matcher decided on its own: a person merges what it knows is one customer.
  const anchor = identityId(tenant, "crm-contact", contactId!);
  const others = [
    identityId(tenant, "crm-contact", deletedContactId!),
    ...Object.entries(CHANNEL_IDS).map(([channel, externalId]) => identityId(tenant, channel, externalId)),
  ];
  for (const other of others) {
    const [a, b] = await Promise.all(
      [anchor, other].map(
        async (id) => dataOf(await api.run(IdentityDocument, { id }, admin)).identity.resolvedCustomerId,
      ),
    );
    if (a !== b) dataOf(await api.run(MergeIdentitiesDocument, { a: anchor, b: other, reason: "same buyer" }, admin));
  }
  const personId = dataOf(await api.run(IdentityDocument, { id: anchor }, admin)).identity.resolvedCustomerId!;
  expect(personId).toMatch(/^per_/);
  // A contact deleted but not purged yet: its soft-deleted record still holds the values.
  dataOf(await api.run(DeleteContactsDocument, { input: [{ id: deletedContactId }] }, writer));
  const recorded = dataOf(await api.run(RecordConsentsDocument, { input: consents(contactId!) }, writer));
  expect(recorded.recordConsents).toMatchObject({ created: 2, rejected: 0 });
  await deliverPending(endpoint.id);
  return { tenant, accountId, contactId: contactId!, personId, signalIds, endpointId: endpoint.id };
}

/** What a dispatcher does for one delivery, without the HTTP call: opens it from the feed and records it delivered. */
async function deliverPending(endpointId: string): Promise<void> {
  const dispatch = new WebhookDispatchRepository(db);
  const now = Date.now();
  const claimed = await dispatch.claim(endpointId, "pd-test", now, 60_000);
  expect(claimed).not.toBeNull();
  const next = await dispatch.nextDelivery(claimed!, "pd-test", now, 60_000, 100, `whd_pd_${endpointId.slice(-8)}`);
  expect(next?.delivery).toBeTruthy();
  await dispatch.recordAttempt(next!.delivery!.id, {
    at: now,
    status: "DELIVERED",
    attempt: { at: now, responseStatus: 204, error: null, durationMs: 12 },
    nextAttemptAt: null,
    disableReason: null,
  });
  await dispatch.release(endpointId, "pd-test", now);
}

function firing(s: Seeded, id: string): PlaybookFiring {
  return {
    firingId: `fir-${id}-${s.tenant}`,
    playbookId: "pb-demo-follow-up",
    playbookVersion: 1,
    playbookName: "Demo follow-up",
    mode: "AUTO",
    ownerUserId: "u-owner",
    firedAt: "2026-11-20T10:00:00.000Z",
    accountIds: [s.accountId],
    triggeringEvents: [
      {
        seq: 7,
        type: "SIGNAL_CREATED",
        recordId: s.signalIds[0]!,
        recordType: "SIGNAL",
        sourceSystem: "web",
        externalId: "survey-1",
      },
    ],
    basis: [{ condition: "trigger", passed: true, facts: { count: 1, signalIds: [s.signalIds[0]!] } }],
    actions: [
      {
        kind: "CREATE_TASK",
        template: "demo-follow-up",
        title: "Follow up the demo request",
        assignee: { kind: "ROLE", role: "integrator" },
        dueInDays: 3,
      },
      { kind: "FLAG_RECORDS", target: "ACCOUNT", flag: "demo-interest" },
    ],
  };
}

function carryOut(tenant: string, f: PlaybookFiring) {
  return api.runtime.server.contexts
    .forPrincipal({ tenant, role: "admin", subject: "job:playbooks" })
    .automation.firing.carryOut(f);
}

/** Every property of every node and relationship of the tenant, and every change segment's events decoded, as text. */
async function everythingStored(tenant: string): Promise<string> {
  const nodes = await db.read(
    {
      name: "test.scanNodes",
      text: "MATCH (n) WHERE n.tenant = $tenant RETURN labels(n) AS labels, properties(n) AS props",
    },
    { tenant },
  );
  const relationships = await db.read(
    {
      name: "test.scanRelationships",
      text: "MATCH (a)-[r]->(b) WHERE a.tenant = $tenant OR b.tenant = $tenant RETURN type(r) AS type, properties(r) AS props",
    },
    { tenant },
  );
  const texts = nodes.map((row) => {
    const props = row.props as Record<string, unknown>;
    const labels = row.labels as string[];
    if (labels.includes("ChangeSegment")) {
      return JSON.stringify({ ...props, events: unpackSegment(String(props.events)) });
    }
    return JSON.stringify(props);
  });
  expect(nodes.length).toBeGreaterThan(20);
  return [...texts, ...relationships.map((row) => JSON.stringify(row.props))].join("\n").toLowerCase();
}

function found(haystack: string): string[] {
  return PERSONAL_VALUES.filter((value) => haystack.includes(value.toLowerCase()));
}

beforeAll(async () => {
  api = await startTestApi({ RELATA_WEBHOOK_ALLOWED_HOSTS: "127.0.0.1" });
  db = api.runtime.database.executor(30_000);
}, 180_000);

afterAll(async () => {
  await api?.stop();
}, 60_000);

describe("an access request (exportPersonData)", () => {
  let s: Seeded;
  let doc: Record<string, unknown> & {
    identities: Array<{ channel: string; externalId: string; attributes: { fullName?: string; emails?: string[] } }>;
    contacts: Array<{ id: string; email: string; deleted: boolean }>;
    signals: Array<{ id: string; stringValue: string | null }>;
    consents: Array<{ purpose: string; history: unknown[] }>;
    tasks: Array<{ id: string }>;
    auditReferences: Array<{ kind: string }>;
    changeEvents: Array<{ type: string; recordId: string }>;
    webhookDeliveries: Array<{ endpointId: string; url: string; events: Array<{ type: string }> }>;
  };

  beforeAll(async () => {
    s = await seed("pd-export");
    const outcome = await carryOut(s.tenant, firing(s, "export"));
    expect(outcome.actions[0]).toMatchObject({ status: "DONE" });
    doc = dataOf(await api.run(ExportPersonDataDocument, { personId: s.personId }, as(s.tenant, "admin")))
      .exportPersonData.document as typeof doc;
  }, 120_000);

  it("holds every identity of the five channels with what each channel sent, and the contacts they resolve from", () => {
    const byChannel = new Map(doc.identities.map((i) => [i.channel, i]));
    for (const [channel, externalId] of Object.entries(CHANNEL_IDS)) {
      expect(byChannel.get(channel)).toMatchObject({ externalId, attributes: { fullName: NAME, emails: [EMAIL] } });
    }
    expect(byChannel.has("crm-contact")).toBe(true);
    expect(doc.contacts.map((c) => [c.email, c.deleted]).sort()).toEqual([
      [EMAIL, false],
      [EMAIL, true],
    ]);
  });

  it("holds the signals about them, their consents with history, the task about them and references", () => {
    expect(doc.signals.map((x) => x.id).sort()).toEqual([...s.signalIds].sort());
    expect(doc.signals.map((x) => x.stringValue)).toContain(SURVEY_COMMENT);
    expect(doc.consents.map((c) => c.purpose).sort()).toEqual(["AUTOMATION", "MARKETING"]);
    expect(doc.consents.every((c) => c.history.length === 1)).toBe(true);
    expect(doc.tasks).toHaveLength(1);
    expect(doc.auditReferences.map((a) => a.kind)).toEqual(expect.arrayContaining(["FIRING", "ACTION"]));
    expect(doc.changeEvents.map((e) => e.type)).toEqual(
      expect.arrayContaining(["CONTACT_CREATED", "IDENTITY_CREATED", "SIGNAL_CREATED", "CONSENT_RECORDED"]),
    );
  });

  it("is itself on the audit trail: who exported whose data, with counts and no values", async () => {
    const [record] = await db.read(
      {
        name: "test.exportAudit",
        text: "MATCH (a:AuditRecord {tenant: $tenant, kind: 'PERSON_DATA_EXPORTED'}) RETURN a.actor AS actor, a.payload AS payload",
      },
      { tenant: s.tenant },
    );
    expect(record!.actor).toBe("user:admin-1");
    expect(JSON.parse(String(record!.payload))).toMatchObject({ personId: s.personId, counts: { channels: 6 } });
    expect(String(record!.payload)).not.toContain("Quilla");
  });

  it("reads in a fixed number of statements, however many identities, signals and events the person has", async () => {
    const response = await api.run(
      ExportPersonDataDocument,
      { personId: s.personId },
      { ...as(s.tenant, "admin"), headers: { "x-relata-debug": "1" } },
    );
    dataOf(response);
    expect(statementNames(response).filter((name) => name.startsWith("personData."))).toEqual([
      "personData.core",
      "personData.references",
      "personData.segments",
      "personData.deliveries",
      "personData.exportAudit",
    ]);
  });

  it("lists the webhook deliveries that carried their events", () => {
    expect(doc.webhookDeliveries).toHaveLength(1);
    expect(doc.webhookDeliveries[0]).toMatchObject({ endpointId: s.endpointId, url: "http://127.0.0.1:9/crm-sync" });
    expect(doc.webhookDeliveries[0]!.events.map((e) => e.type)).toContain("CONTACT_CREATED");
  });
});

describe("consent (recordConsents, consents) and its enforcement", () => {
  let s: Seeded;

  beforeAll(async () => {
    s = await seed("pd-consent");
  }, 120_000);

  it("is idempotent: the same records again are UNCHANGED", async () => {
    const again = dataOf(
      await api.run(RecordConsentsDocument, { input: consents(s.contactId) }, as(s.tenant, "integrator")),
    );
    expect(again.recordConsents).toMatchObject({ created: 0, updated: 0, unchanged: 2, rejected: 0 });
  });

  it("keeps the history: a withdrawal appends a version, and a playbook's task for the person is skipped with the reason audited", async () => {
    const withdrawn = dataOf(
      await api.run(
        RecordConsentsDocument,
        { input: consents(s.contactId, "2026-06-01T00:00:00Z") },
        as(s.tenant, "integrator"),
      ),
    );
    expect(withdrawn.recordConsents).toMatchObject({ updated: 1, unchanged: 1 });
    const read = dataOf(await api.run(ConsentsDocument, { personId: s.personId }, as(s.tenant, "analyst"))).consents;
    const automation = read.consents.find((c) => c.purpose === "AUTOMATION")!;
    expect(automation).toMatchObject({ version: 2, validNow: false, withdrawnAt: "2026-06-01T00:00:00.000Z" });
    expect(automation.history.map((v) => [v.version, v.withdrawnAt])).toEqual([
      [1, null],
      [2, "2026-06-01T00:00:00.000Z"],
    ]);

    const f = firing(s, "withdrawn");
    const outcome = await carryOut(s.tenant, f);
    expect(outcome.actions.map((a) => [a.kind, a.status])).toEqual([
      ["CREATE_TASK", "REFUSED"],
      ["FLAG_RECORDS", "DONE"],
    ]);
    expect(outcome.actions[0]!.reason).toContain("AUTOMATION");
    const [record] = await db.read(
      {
        name: "test.auditOfFiring",
        text: "MATCH (a:AuditRecord {tenant: $tenant, firingId: $firingId, kind: 'ACTION_REFUSED'}) RETURN a.payload AS payload",
      },
      { tenant: s.tenant, firingId: f.firingId },
    );
    const payload = JSON.parse(String(record!.payload)) as { result: { details: { consent: unknown } } };
    expect(payload.result.details.consent).toEqual({
      purpose: "AUTOMATION",
      allowedPersonIds: [],
      skipped: [{ personId: s.personId, state: "WITHDRAWN" }],
    });
  });

  it("leaves a person out of an NDJSON export for a purpose they withdrew, and says so in the end line and the audit trail", async () => {
    dataOf(
      await api.run(
        RecordConsentsDocument,
        { input: consents(s.contactId, "2026-06-01T00:00:00Z") },
        as(s.tenant, "integrator"),
      ),
    );
    const admin = token(s.tenant, "admin");
    const isTheirs = (e: { recordId: string; recordType: string }) =>
      e.recordId === s.contactId || s.signalIds.includes(e.recordId) || e.recordType === "IDENTITY";

    const plain = await getChanges(api, admin, "");
    expect(plain.status).toBe(200);
    expect(plain.events.filter(isTheirs).length).toBeGreaterThan(3);
    expect(plain.end).not.toHaveProperty("consent");

    const automation = await getChanges(api, admin, "", { "x-relata-purpose": "automation" });
    expect(automation.status).toBe(200);
    expect(automation.events.filter(isTheirs)).toEqual([]);
    // Events about no person (the account, the tenant's user) still go out.
    expect(automation.events.some((e) => e.recordId === s.accountId)).toBe(true);
    const summary = (automation.end as unknown as { consent: Record<string, unknown> }).consent;
    expect(summary).toMatchObject({
      purpose: "AUTOMATION",
      skipped: [{ personId: s.personId, state: "WITHDRAWN" }],
      allowedPeople: 0,
      eventsKept: automation.events.length,
    });
    expect(summary.eventsSkipped).toBe(plain.events.length - automation.events.length);

    // MARKETING is still granted: the same person's events go out for it.
    const marketing = await getChanges(api, admin, "", { "x-relata-purpose": "MARKETING" });
    expect(marketing.events.filter(isTheirs).length).toBe(plain.events.filter(isTheirs).length);
    expect((marketing.end as unknown as { consent: Record<string, unknown> }).consent).toMatchObject({
      purpose: "MARKETING",
      skipped: [],
      allowedPeople: 1,
      eventsSkipped: 0,
    });

    const records = await db.read(
      {
        name: "test.exportAudit",
        text: `MATCH (a:AuditRecord {tenant: $tenant, kind: 'PERSONAL_DATA_EXPORTED'})
               RETURN a.payload AS payload ORDER BY a.seq`,
      },
      { tenant: s.tenant },
    );
    const payloads = records.map((row) => JSON.parse(String(row.payload)) as Record<string, unknown>);
    expect(payloads.map((p) => p.purpose)).toEqual(["AUTOMATION", "MARKETING"]);
    expect(payloads[0]).toMatchObject({
      channel: "changes-stream",
      purpose: "AUTOMATION",
      skipped: [{ personId: s.personId, state: "WITHDRAWN" }],
      eventsSkipped: summary.eventsSkipped,
    });
    expect(found(JSON.stringify(payloads).toLowerCase())).toEqual([]);
    const verified = dataOf(await api.run(VerifyAuditTrailDocument, {}, as(s.tenant, "admin"))).verifyAuditTrail;
    expect(verified.ok).toBe(true);
  });

  it("rejects, one by one and with where and why, records that are invalid or name nobody, and stores the rest", async () => {
    const input = [
      { ...consents(s.contactId)[1]!, externalId: "ok-1" },
      { ...consents(s.contactId)[1]!, externalId: "bad-1", purpose: "AUTOMATION", grantedAt: "tomorrow" },
      { ...consents(s.contactId)[1]!, externalId: "bad-2", identity: { channel: "tmall", externalId: "TM-NOBODY" } },
    ];
    const result = dataOf(
      await api.run(RecordConsentsDocument, { input: input as ConsentInput[] }, as(s.tenant, "integrator")),
    );
    expect(result.recordConsents).toMatchObject({ created: 1, rejected: 2 });
    expect(result.recordConsents.rejections.map((r) => [r.index, r.externalId])).toEqual([
      [1, "bad-1"],
      [2, "bad-2"],
    ]);
    expect(result.recordConsents.rejections[0]!.reason).toContain('grantedAt "tomorrow"');
    expect(result.recordConsents.rejections[1]!.reason).toContain("does not exist in this tenant");
  });
});

describe("an erasure request (erasePerson)", () => {
  let s: Seeded;
  let answer: Awaited<ReturnType<typeof erase>>;
  let dryRun: Awaited<ReturnType<typeof erase>>;
  /** What the tenant held, the audit records and change segments, before and after the dry run. */
  let beforeDryRun: string[];
  let afterDryRun: string[];

  async function erase(seeded: Seeded, options: { dryRun?: boolean } = {}) {
    return dataOf(
      await api.run(
        ErasePersonDocument,
        { personId: seeded.personId, reason: `GDPR art. 17, ticket 4411 (${NAME})`, ...options },
        as(seeded.tenant, "admin"),
      ),
    ).erasePerson;
  }

  /**
   * Every node and relationship of the tenant with its properties, in a stable order; but the audit trail's
   * signed checkpoints, which a background job writes on its own schedule, and the API's usage counts (a dry
   * run is a call like any other).
   */
  async function tenantState(tenant: string): Promise<string[]> {
    const rows = await db.read(
      {
        name: "test.tenantState",
        text: `MATCH (n {tenant: $tenant}) WHERE NOT n:AuditCheckpoint AND NOT n:UsageCount
               RETURN labels(n) AS labels, properties(n) AS props
               UNION ALL
               MATCH (a)-[r]->(b) WHERE (a.tenant = $tenant OR b.tenant = $tenant) AND NOT a:AuditCheckpoint
               RETURN [type(r)] AS labels, properties(r) AS props`,
      },
      { tenant },
    );
    expect(rows.length).toBeGreaterThan(20);
    return rows.map((row) => JSON.stringify([row.labels, row.props])).sort();
  }

  beforeAll(async () => {
    s = await seed("pd-erase");
    expect((await carryOut(s.tenant, firing(s, "before-erasure"))).actions[0]).toMatchObject({ status: "DONE" });
    // The values are really there before: the scan below is not vacuous.
    expect(found(await everythingStored(s.tenant)).sort()).toEqual([...PERSONAL_VALUES].sort());
    beforeDryRun = await tenantState(s.tenant);
    dryRun = await erase(s, { dryRun: true });
    afterDryRun = await tenantState(s.tenant);
    answer = await erase(s);
  }, 180_000);

  it("answers a dry run with exactly what the erasure then did, and changes nothing", () => {
    expect(dryRun.dryRun).toBe(true);
    expect(answer.dryRun).toBe(false);
    expect(afterDryRun).toEqual(beforeDryRun);
    expect(dryRun.erasedNow).toEqual(answer.erasedNow);
    expect(dryRun.webhookCopies).toEqual(answer.webhookCopies);
    expect(dryRun.kept).toEqual(answer.kept);
    expect(dryRun.reason).toBe(answer.reason);
    // Its request id was never stored: the real erasure has its own, and re-ingests name that one.
    expect(dryRun.requestId).not.toBe(answer.requestId);
  });

  it("leaves none of the person's names, emails, phones, addresses or ids in any property or stored JSON payload", async () => {
    expect(found(await everythingStored(s.tenant))).toEqual([]);
  });

  it("keeps the audit trail verifiable, and is itself an audit record and a change event", async () => {
    const verified = dataOf(await api.run(VerifyAuditTrailDocument, {}, as(s.tenant, "admin"))).verifyAuditTrail;
    expect(verified).toMatchObject({ ok: true, firstProblem: null });
    const [erased] = await db.read(
      {
        name: "test.erasureAudit",
        text: "MATCH (a:AuditRecord {tenant: $tenant, kind: 'PERSON_ERASED'}) RETURN a.payload AS payload",
      },
      { tenant: s.tenant },
    );
    expect(JSON.parse(String(erased!.payload))).toMatchObject({ requestId: answer.requestId, personId: s.personId });
    const events = await db.read(
      {
        name: "test.segments",
        text: "MATCH (g:ChangeSegment {tenant: $tenant}) WHERE 'PERSON_ERASED' IN g.types RETURN g.events AS events",
      },
      { tenant: s.tenant },
    );
    expect(
      events.flatMap((row) => unpackSegment(String(row.events))).filter((e) => e.type === "PERSON_ERASED"),
    ).toHaveLength(1);
  });

  it("answers what was erased now, what ages out when, and which receivers already got copies", () => {
    expect(answer.erasedNow).toMatchObject({ contacts: 2, identities: 7, signals: 3, consents: 2, tombstones: 7 });
    // One email and one phone (as sent and normalised they are the same identifiers).
    expect(answer.erasedNow.channelTombstones).toBe(2);
    expect(answer.erasedNow.changeEvents).toBeGreaterThan(5);
    const logs = answer.agesOut.find((a) => a.store === "Neo4j transaction logs")!;
    expect(Date.parse(logs.until!) - Date.parse(answer.erasedAt)).toBe(24 * 3_600_000);
    expect(answer.webhookCopies).toHaveLength(1);
    expect(answer.webhookCopies[0]).toMatchObject({
      endpointId: s.endpointId,
      url: "http://127.0.0.1:9/crm-sync",
      status: "DELIVERED",
    });
    // The reason is answered and kept with the person's values cut out.
    expect(answer.reason).toBe("GDPR art. 17, ticket 4411 ([erased])");
  });

  it("keeps aggregates: the contacts, signals and their numbers stay, without the person's values", async () => {
    const [row] = await db.read(
      {
        name: "test.aggregates",
        text: `MATCH (a:Account {tenant: $tenant, id: $accountId})
               RETURN COUNT { (:Contact)-[:WORKS_AT]->(a) } AS contacts,
                 [(s:Signal)-[:ABOUT]->(:Contact)-[:WORKS_AT]->(a) WHERE s.field = 'csat_score' | s.numberValue] AS csat`,
      },
      { tenant: s.tenant, accountId: s.accountId },
    );
    expect(row).toMatchObject({ contacts: 1, csat: [4] });
  });

  it("refuses a re-ingest of the erased person's contacts and identities, and says why", async () => {
    const contacts = dataOf(
      await api.run(
        UpsertContactsDocument,
        {
          input: [
            {
              sourceSystem: "crm",
              externalId: CONTACT_EXTERNAL_ID,
              account: { externalId: "ACC-PD-1" },
              name: NAME,
              email: EMAIL,
            },
          ],
        },
        as(s.tenant, "integrator"),
      ),
    );
    expect(contacts.upsertContacts).toMatchObject({ created: 0, updated: 0, rejected: 1 });
    expect(contacts.upsertContacts.rejections[0]!.reason).toContain(answer.requestId);
    const again = dataOf(await api.run(UpsertIdentitiesDocument, { input: identities() }, as(s.tenant, "integrator")));
    expect(again.upsertIdentities).toMatchObject({ created: 0, updated: 0, rejected: 5 });
    expect(found(await everythingStored(s.tenant))).toEqual([]);
  });

  it("refuses the erased person's email or phone under a new key, says why, and keeps only hashes", async () => {
    const contacts = dataOf(
      await api.run(
        UpsertContactsDocument,
        {
          input: [
            // A new key, the same email in another case: the same person sent again.
            {
              sourceSystem: "crm",
              externalId: "SF-C-NEW-1",
              account: { externalId: "ACC-PD-1" },
              name: "Q. V.",
              email: EMAIL.toUpperCase(),
            },
            // A new key, the same phone written differently.
            {
              sourceSystem: "erp",
              externalId: "ERP-NEW-2",
              account: { externalId: "ACC-PD-1", sourceSystem: "crm" },
              name: "Q. V.",
              phone: "+49 (30) 9018-2734",
            },
            // Someone else: stored.
            {
              sourceSystem: "crm",
              externalId: "SF-C-NEW-3",
              account: { externalId: "ACC-PD-1" },
              name: "Other Person",
              email: "other.person@nordlicht.example",
            },
          ],
        },
        as(s.tenant, "integrator"),
      ),
    );
    expect(contacts.upsertContacts).toMatchObject({ created: 1, rejected: 2 });
    const reasons = contacts.upsertContacts.rejections.map((r) => [r.index, r.externalId, r.reason]);
    expect(reasons.map(([index, externalId]) => [index, externalId])).toEqual([
      [0, "SF-C-NEW-1"],
      [1, "ERP-NEW-2"],
    ]);
    expect(reasons[0]![2]).toContain(
      `an email of a person whose data was erased on ${answer.erasedAt} (request ${answer.requestId})`,
    );
    expect(reasons[1]![2]).toContain("a phone number of a person whose data was erased");
    const identities = dataOf(
      await api.run(
        UpsertIdentitiesDocument,
        {
          input: [
            {
              entity: "PERSON",
              channel: "douyin",
              externalId: "DY-NEW-1",
              attributes: { fullName: "Q V", emails: [EMAIL] },
              observedAt: "2026-11-01T10:00:00Z",
            },
            {
              entity: "PERSON",
              channel: "douyin",
              externalId: "DY-NEW-2",
              attributes: { fullName: "Q V", phones: [PHONE_E164] },
              observedAt: "2026-11-01T10:00:00Z",
            },
          ],
        },
        as(s.tenant, "integrator"),
      ),
    );
    expect(identities.upsertIdentities).toMatchObject({ created: 0, rejected: 2 });
    expect(identities.upsertIdentities.rejections[0]!.reason).toContain("an email of a person whose data was erased");
    // The tombstones hold hashes only: neither the email nor the phone, in any form, is stored anywhere.
    const stored = await everythingStored(s.tenant);
    expect(found(stored)).toEqual([]);
    expect(stored).not.toContain(EMAIL.toLowerCase());
    expect(stored).not.toContain("+493090182734");
  });

  it("answers a second erasure with a conflict, and the person's consents as erased", async () => {
    const second = await api.run(ErasePersonDocument, { personId: s.personId, reason: "again" }, as(s.tenant, "admin"));
    expect(onlyErrorOf(second, 200).extensions).toMatchObject({ code: "CONFLICT", reason: "PERSON_ALREADY_ERASED" });
    const read = dataOf(await api.run(ConsentsDocument, { personId: s.personId }, as(s.tenant, "admin"))).consents;
    expect(read.erased).toBe(true);
    expect(read.consents.every((c) => c.evidenceText === null && c.evidenceUrl === null && !c.validNow)).toBe(true);
  });
});

describe("tenant isolation and bad input", () => {
  let s: Seeded;
  let other: string;

  beforeAll(async () => {
    s = await seed("pd-iso");
    other = uniqueTenant("pd-other");
  }, 120_000);

  it("reports another tenant's person as not found to every request, and changes nothing", async () => {
    for (const response of [
      await api.run(ConsentsDocument, { personId: s.personId }, as(other, "admin")),
      await api.run(ExportPersonDataDocument, { personId: s.personId }, as(other, "admin")),
      await api.run(ErasePersonDocument, { personId: s.personId, reason: "not yours" }, as(other, "admin")),
    ]) {
      expect(onlyErrorOf(response, 200).extensions).toMatchObject({ code: "NOT_FOUND", reason: "PERSON_NOT_FOUND" });
    }
    const recorded = dataOf(
      await api.run(
        RecordConsentsDocument,
        { input: [{ ...consents(s.contactId)[0]!, contactId: null, personId: s.personId }] },
        as(other, "integrator"),
      ),
    );
    expect(recorded.recordConsents).toMatchObject({ created: 0, rejected: 1 });
    const mine = dataOf(
      await api.run(ExportPersonDataDocument, { personId: s.personId }, as(s.tenant, "admin")),
    ).exportPersonData;
    expect((mine.document as { person: { erased: boolean } }).person.erased).toBe(false);
  });

  it("lets only admins export and erase", async () => {
    for (const role of ["analyst", "integrator", "viewer", "rep"] as Role[]) {
      const exported = await api.run(ExportPersonDataDocument, { personId: s.personId }, as(s.tenant, role));
      expect(onlyErrorOf(exported, 200).extensions).toMatchObject({ code: "FORBIDDEN" });
      const erased = await api.run(ErasePersonDocument, { personId: s.personId, reason: "x" }, as(s.tenant, role));
      expect(onlyErrorOf(erased, 200).extensions).toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("refuses malformed ids, an empty reason and oversized batches with coded errors", async () => {
    const malformed = await api.run(
      ExportPersonDataDocument,
      { personId: "per_'); MATCH (n) DETACH DELETE n //" },
      as(s.tenant, "admin"),
    );
    expect(onlyErrorOf(malformed, 200).extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      reason: "INVALID_PERSONAL_DATA_REQUEST",
    });
    const empty = await api.run(ErasePersonDocument, { personId: s.personId, reason: "   " }, as(s.tenant, "admin"));
    expect(onlyErrorOf(empty, 200).extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      reason: "INVALID_PERSONAL_DATA_REQUEST",
    });
    const limit = api.runtime.config.maxBatchSize;
    const huge = Array.from({ length: limit + 1 }, (_, i) => ({
      ...consents(s.contactId)[1]!,
      externalId: `bulk-${i}`,
    }));
    const tooMany = await api.run(
      RecordConsentsDocument,
      { input: huge as ConsentInput[] },
      as(s.tenant, "integrator"),
    );
    expect(onlyErrorOf(tooMany, 200).extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "BATCH_TOO_LARGE" });
  });
});

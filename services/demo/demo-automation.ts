import { AccountRecord, AssetRecord, OrganizationRecord, TeamRecord, UserRecord } from "../../domain/records";
import { PlaybookDefinition } from "../../domain/automation/playbook";
import { DEMO_REGIONS } from "../../demo/demo-data.constants";
import { IngestResult } from "../../domain/ingest/ingest-result";
import { DemoDataSource } from "./load-demo-data";

/**
 * The people and automation of the demo tenant (issue 11): a sales lead per region who owns its accounts,
 * a compliance team, an R&D team and an operations lead who owns the two scenario playbooks of the product
 * brief; vehicles get their region and battery cell batch, service providers serve their region.
 */

/** Where the demo's people come from. */
export const DEMO_DIRECTORY = "hr";

/** The operations lead: owns the demo playbooks (an admin, so every action is within their permissions). */
export const DEMO_PLAYBOOK_OWNER = "ops-lead";

export const DEMO_TEAMS: readonly TeamRecord[] = [
  { sourceSystem: DEMO_DIRECTORY, externalId: "compliance", name: "Compliance" },
  { sourceSystem: DEMO_DIRECTORY, externalId: "rnd", name: "R&D — battery systems" },
];

function salesLead(region: string): string {
  return `sales-${region.toLowerCase()}`;
}

/** The demo's users: the operations lead, one sales lead per region, a compliance officer, an R&D engineer. */
export function demoUsers(): UserRecord[] {
  return [
    {
      sourceSystem: DEMO_DIRECTORY,
      externalId: DEMO_PLAYBOOK_OWNER,
      name: "Operations Lead",
      roles: ["admin"],
      seniority: "LEAD",
    },
    ...DEMO_REGIONS.map((region): UserRecord => ({
      sourceSystem: DEMO_DIRECTORY,
      externalId: salesLead(region),
      name: `Sales Lead ${region}`,
      roles: ["analyst"],
      seniority: "SENIOR",
      manager: { externalId: DEMO_PLAYBOOK_OWNER },
    })),
    {
      sourceSystem: DEMO_DIRECTORY,
      externalId: "compliance-officer",
      name: "Compliance Officer",
      roles: ["analyst"],
      team: { externalId: "compliance" },
      seniority: "SENIOR",
    },
    {
      sourceSystem: DEMO_DIRECTORY,
      externalId: "battery-engineer",
      name: "Battery Engineer",
      roles: ["analyst"],
      team: { externalId: "rnd" },
      seniority: "MID",
    },
  ];
}

/** A vehicle's battery cell batch: a few batches per region, stable per asset. Pure. */
export function cellBatchOf(asset: Pick<AssetRecord, "externalId">, region: string): string {
  let hash = 0;
  for (const char of asset.externalId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `CB-${region}-${(hash % 4) + 1}`;
}

/**
 * The demo data with what automation needs added: account owners, assets' regions (their account's) and
 * vehicles' cell batches, and the regions service providers serve (their own). Records keep every other
 * field, so scores and counts are those of the plain demo.
 */
export function withDemoAutomation(data: DemoDataSource): DemoDataSource {
  const regionOf = new Map<string, string>();
  const industryOf = new Map<string, string>();
  for (const account of data.accounts()) {
    if (account.region) regionOf.set(`${account.sourceSystem}\u0000${account.externalId}`, account.region);
    if (account.industry) industryOf.set(`${account.sourceSystem}\u0000${account.externalId}`, account.industry);
  }
  const keyOf = (asset: AssetRecord) =>
    `${asset.account.sourceSystem ?? asset.sourceSystem}\u0000${asset.account.externalId}`;
  // Named one by one: the generator's fields are getters on its class, which a spread would not copy.
  return {
    sourceSystems: data.sourceSystems,
    counts: data.counts,
    contacts: () => data.contacts(),
    opportunities: () => data.opportunities(),
    signals: () => data.signals(),
    accounts: function* (): Generator<AccountRecord> {
      for (const account of data.accounts()) {
        yield account.region ? { ...account, owner: { externalId: salesLead(account.region) } } : account;
      }
    },
    assets: function* (): Generator<AssetRecord> {
      for (const asset of data.assets()) {
        const region = regionOf.get(keyOf(asset)) ?? null;
        const vehicle = industryOf.get(keyOf(asset)) === "AUTOMOTIVE";
        yield { ...asset, region, batch: vehicle && region ? cellBatchOf(asset, region) : null };
      }
    },
    organizations: function* (): Generator<OrganizationRecord> {
      for (const organization of data.organizations()) {
        yield organization.kind === "SERVICE_PROVIDER" && organization.region
          ? { ...organization, servesRegions: [organization.region] }
          : organization;
      }
    },
  };
}

const LIMITS = { maxFiringsPerSubject: 1, periodDays: 7, pauseAfterFailures: 5 };

/** The product brief's two scenarios as playbooks (docs/automation.md explains each part). */
export function demoPlaybooks(): PlaybookDefinition[] {
  return [
    {
      name: "Remote quality control interest → demo plan and compliance pre-review",
      intent:
        "A hospital's equipment people researching remote quality control are ready for a tailored demo; " +
        "compliance must pre-review what we may show them.",
      mode: "AUTO",
      ownerUserId: DEMO_PLAYBOOK_OWNER,
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { field: "viewed_page", valueEquals: "/solutions/remote-quality-control", subjectKinds: ["CONTACT"] },
        count: 3,
        withinDays: 7,
        scope: "ACCOUNT",
      },
      conditions: [{ kind: "ACCOUNT_FIELD", field: "industry", op: "IN", values: ["HEALTHCARE"] }],
      actions: [
        { kind: "RAISE_INTENT_SIGNAL", intent: "remote-qc-interest", strength: 0.8 },
        {
          kind: "CREATE_TASK",
          template: "demo-plan",
          title: "Prepare a tailored remote quality-control demo plan",
          assignee: { kind: "ACCOUNT_OWNER" },
          dueInDays: 3,
        },
        {
          kind: "OPEN_REVIEW",
          reviewType: "compliance-pre-review",
          title: "Pre-review the remote quality-control demo for compliance",
          assignee: { kind: "TEAM", teamId: "compliance" },
          dueInDays: 2,
        },
      ],
      feedback: { kind: "TASK_COMPLETED", withinDays: 7, template: "demo-plan" },
      limits: LIMITS,
    },
    {
      name: "Battery health falling across a region → service work order and cell batch to R&D",
      intent:
        "Vehicles of one region losing battery health faster than normal point at a weak cell batch: the " +
        "region's service partner inspects them and R&D looks at the batch.",
      mode: "AUTO",
      ownerUserId: DEMO_PLAYBOOK_OWNER,
      trigger: {
        kind: "CONCEPT_TREND",
        concept: "automotive:battery-state-of-health",
        direction: "FALLING",
        ratePerDay: 0.02,
        withinDays: 90,
        scope: "REGION",
        minSubjects: 2,
      },
      conditions: [],
      actions: [
        {
          kind: "CREATE_TASK",
          template: "battery-work-order",
          title: "Inspect the region's vehicles with fast battery degradation",
          assignee: { kind: "ORGANIZATION", servingRegion: true },
          dueInDays: 5,
        },
        { kind: "FLAG_RECORDS", target: "BATCH", flag: "rnd-battery-review", note: "Degradation above threshold" },
      ],
      feedback: { kind: "TASK_COMPLETED", withinDays: 14, template: "battery-work-order" },
      limits: LIMITS,
    },
  ];
}

/** What seeding the demo's people needs of the ingest service. */
interface PeopleIngest {
  upsertTeams(records: readonly TeamRecord[]): Promise<IngestResult>;
  upsertUsers(records: readonly UserRecord[]): Promise<IngestResult>;
}

/** What seeding the demo's playbooks needs of the playbook service. */
interface PlaybookStore {
  save(id: string | null, input: unknown): Promise<{ id: string }>;
  activate(id: string): Promise<unknown>;
}

/** Stores the demo's teams and users (before the accounts they own). */
export async function seedDemoPeople(ingest: PeopleIngest): Promise<void> {
  for (const result of [await ingest.upsertTeams(DEMO_TEAMS), await ingest.upsertUsers(demoUsers())]) {
    if (result.rejected > 0) {
      throw new Error(`demo people rejected: ${JSON.stringify(result.rejections)}`);
    }
  }
}

/** Saves and activates the demo's playbooks; returns their ids. */
export async function seedDemoPlaybooks(playbooks: PlaybookStore): Promise<string[]> {
  const ids: string[] = [];
  for (const definition of demoPlaybooks()) {
    const saved = await playbooks.save(null, definition);
    await playbooks.activate(saved.id);
    ids.push(saved.id);
  }
  return ids;
}

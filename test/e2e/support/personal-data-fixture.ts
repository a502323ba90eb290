import { signToken } from "../../../app/auth/token";
import { PlaybookFiring } from "../../../domain/automation/playbook-firing";
import { Role } from "../../../resolvers/context";
import { TEST_JWT_SECRET, TestApi } from "../../support/test-api";
import { dataOf } from "./responses";

// Issue 15: one tenant holding some of every kind of record, personal data in all the places it can be
// stored (contacts, users, channel identities and the resolved person, a playbook's task and webhook call,
// change events), loaded through the API as an integrator would. The personal-data tests scan and read it.

export const tokenFor = (tenant: string, role: Role, subject = `${role}@${tenant}`): string =>
  signToken({ tenant, role, subject }, TEST_JWT_SECRET);

/** The personal values loaded; none of them may reach a masked reader in clear. */
export const PEOPLE = {
  contact: {
    externalId: "C-PD-1",
    name: "Zoë Ångström",
    email: "zoe.angstrom@example.com",
    phone: "+46 70 123 45 67",
    title: "Head of Procurement",
  },
  user: { externalId: "u-pd-owner", name: "Olga Østergaard", email: "olga.ostergaard@example.com" },
  identity: {
    givenName: "Wei",
    familyName: "Zhang",
    fullName: "Zhang Wei",
    email: "zhang.wei@example.cn",
    phone: "+86 138 0013 8000",
    line: "12 Zhongshan Road",
    locality: "Shanghai",
    region: "Huangpu District",
    postcode: "200001",
    dateOfBirth: "1990-03-14",
    nationalId: "310101199003140011",
    taxId: "TAX-99-1234",
    deviceId: "device-abcdef123456",
  },
} as const;

export interface PersonalDataTenant {
  tenant: string;
  accountId: string;
  contactId: string;
  userId: string;
  identityIds: string[];
  endpointId: string;
}

const gql = async <T>(api: TestApi, token: string, query: string, variables: Record<string, unknown> = {}) =>
  dataOf(await api.post<T>(query, variables, { token }));

interface Outcome {
  rejections: Array<{ reason: string }>;
  records: Array<{ id: string }>;
}
const OUTCOME = "rejections { reason } records { id }";

/** Loads the tenant through the API (and one playbook firing through the automation service). */
export async function seedPersonalData(api: TestApi, tenant: string): Promise<PersonalDataTenant> {
  const writer = tokenFor(tenant, "integrator", "loader");
  const upsert = async (mutation: string, type: string, input: unknown[]): Promise<Outcome> => {
    const data = await gql<Record<string, Outcome>>(
      api,
      writer,
      `mutation($input: [${type}!]!) { ${mutation}(input: $input) { ${OUTCOME} } }`,
      { input },
    );
    const outcome = data[mutation] as Outcome;
    expect(outcome.rejections).toEqual([]);
    return outcome;
  };
  await upsert("upsertSourceSystems", "SourceSystemInput", [
    { key: "crm", name: "CRM", kind: "CRM" },
    { key: "shop", name: "Web shop", kind: "ECOMMERCE" },
  ]);
  await upsert("upsertTeams", "TeamInput", [{ sourceSystem: "crm", externalId: "sales", name: "Sales" }]);
  const users = await upsert("upsertUsers", "UserInput", [
    {
      sourceSystem: "crm",
      externalId: PEOPLE.user.externalId,
      name: PEOPLE.user.name,
      email: PEOPLE.user.email,
      roles: ["integrator"],
      team: { externalId: "sales" },
      seniority: "SENIOR",
    },
  ]);
  const accounts = await upsert("upsertAccounts", "AccountInput", [
    {
      sourceSystem: "crm",
      externalId: "A-PD-1",
      name: "Nordic Clinics",
      industry: "healthcare",
      region: "north",
      owner: { externalId: PEOPLE.user.externalId },
    },
  ]);
  const contacts = await upsert("upsertContacts", "ContactInput", [
    {
      sourceSystem: "crm",
      externalId: PEOPLE.contact.externalId,
      account: { externalId: "A-PD-1" },
      name: PEOPLE.contact.name,
      email: PEOPLE.contact.email,
      phone: PEOPLE.contact.phone,
      title: PEOPLE.contact.title,
      buyingRole: "CHAMPION",
    },
  ]);
  await upsert("upsertOpportunities", "OpportunityInput", [
    {
      sourceSystem: "crm",
      externalId: "O-PD-1",
      account: { externalId: "A-PD-1" },
      name: "Imaging renewal",
      stage: "PROPOSAL",
      amount: 120000,
      currency: "EUR",
      closeDate: "2026-12-31",
    },
  ]);
  await upsert("upsertAssets", "AssetInput", [
    {
      sourceSystem: "crm",
      externalId: "AS-PD-1",
      account: { externalId: "A-PD-1" },
      name: "MRI scanner",
      serialNumber: "SN-1",
      model: "M-3",
      region: "north",
      batch: "B-1",
    },
  ]);
  await upsert("upsertOrganizations", "OrganizationInput", [
    {
      sourceSystem: "crm",
      externalId: "P-PD-1",
      name: "North Service",
      kind: "SERVICE_PROVIDER",
      servesRegions: ["north"],
      links: [{ account: { externalId: "A-PD-1" }, relationship: "SERVICES" }],
    },
  ]);
  await upsert("ingestSignals", "SignalInput", [
    {
      sourceSystem: "crm",
      recordId: "S-PD-1",
      field: "csat_score",
      numberValue: 4,
      observedAt: "2026-11-01T10:00:00Z",
      subject: { kind: "ACCOUNT", externalId: "A-PD-1" },
    },
    {
      sourceSystem: "crm",
      recordId: "S-PD-2",
      field: "page_view",
      stringValue: "remote-quality-control",
      observedAt: "2026-11-02T10:00:00Z",
      subject: { kind: "CONTACT", externalId: PEOPLE.contact.externalId },
    },
  ]);
  const i = PEOPLE.identity;
  const identities = await upsert("upsertIdentities", "IdentityInput", [
    {
      entity: "PERSON",
      channel: "amazon-de",
      externalId: "AMZ-PD-1",
      observedAt: "2026-10-01T10:00:00Z",
      attributes: {
        givenName: i.givenName,
        familyName: i.familyName,
        emails: [i.email],
        verifiedEmails: [i.email],
        phones: [i.phone],
        verifiedPhones: [i.phone],
        dateOfBirth: i.dateOfBirth,
        nationalId: i.nationalId,
        taxId: i.taxId,
        deviceIds: [i.deviceId],
        address: { lines: [i.line], locality: i.locality, region: i.region, postcode: i.postcode, country: "CN" },
      },
    },
    {
      entity: "PERSON",
      channel: "shop",
      externalId: "SHOP-PD-1",
      observedAt: "2026-10-02T10:00:00Z",
      attributes: {
        fullName: i.fullName,
        emails: [i.email],
        phones: [i.phone],
        dateOfBirth: i.dateOfBirth,
        address: { lines: [i.line], locality: i.locality, region: i.region, postcode: i.postcode, country: "CN" },
      },
    },
  ]);
  const run = await gql<{ resolveIdentities: { id: string; status: string } }>(
    api,
    writer,
    `mutation { resolveIdentities(entity: PERSON, mode: FULL) { id status } }`,
  );
  expect(run.resolveIdentities.id).toBeTruthy();
  const endpoint = await gql<{ registerWebhook: { endpoint: { id: string } } }>(
    api,
    tokenFor(tenant, "admin"),
    `mutation { registerWebhook(url: "http://127.0.0.1:9/pd-hook", eventTypes: [CONTACT_CREATED, USER_CREATED],
       description: "personal data") { endpoint { id } } }`,
  );
  const accountId = accounts.records[0]!.id;
  const firing: PlaybookFiring = {
    firingId: `fir-pd-${tenant}`,
    playbookId: "pb-pd",
    playbookVersion: 1,
    playbookName: "Personal data firing",
    mode: "AUTO",
    ownerUserId: PEOPLE.user.externalId,
    firedAt: "2026-11-20T10:00:00.000Z",
    accountIds: [accountId],
    triggeringEvents: [],
    basis: [{ condition: "trigger", passed: true, facts: { count: 1 } }],
    actions: [
      {
        kind: "CREATE_TASK",
        template: "call-champion",
        title: "Call the champion",
        assignee: { kind: "ACCOUNT_OWNER" },
        dueInDays: 3,
      },
      { kind: "CALL_WEBHOOK", endpointId: endpoint.registerWebhook.endpoint.id },
    ],
  };
  await api.runtime.server.contexts
    .forPrincipal({ tenant, role: "admin", subject: "job:playbooks" })
    .automation.firing.carryOut(firing);
  return {
    tenant,
    accountId,
    contactId: contacts.records[0]!.id,
    userId: users.records[0]!.id,
    identityIds: identities.records.map((r) => r.id),
    endpointId: endpoint.registerWebhook.endpoint.id,
  };
}

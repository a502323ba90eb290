import {
  IngestSignalsDocument,
  UpsertAccountsDocument,
  UpsertAssetsDocument,
  UpsertContactsDocument,
  UpsertOpportunitiesDocument,
  UpsertOrganizationsDocument,
  UpsertSourceSystemsDocument,
} from "../../../schema/generated/graphql";
import { nodeId } from "../../../domain/ids/node-id";
import { TestApi } from "../../support/test-api";
import { dataOf } from "./responses";

/**
 * A small tenant with some of every record type, shared by the lookup, list and facet tests. Regions are
 * written the way a CRM writes them (APAC-CN, APAC-SEA), so a filter on "APAC" finds nothing.
 */
export const FIXTURE = {
  accounts: [
    {
      sourceSystem: "crm",
      externalId: "A-1",
      name: "Acme Health",
      industry: "HEALTHCARE",
      segment: "ENTERPRISE",
      region: "APAC-CN",
      annualRevenue: 5e6,
    },
    {
      sourceSystem: "crm",
      externalId: "A-2",
      name: "Borealis Bank",
      industry: "FINANCE",
      segment: "MID_MARKET",
      region: "APAC-SEA",
      annualRevenue: 2e6,
    },
    {
      sourceSystem: "crm",
      externalId: "A-3",
      name: "Cobalt Motors",
      industry: "AUTOMOTIVE",
      segment: "ENTERPRISE",
      region: "EMEA",
      annualRevenue: 9e6,
    },
    {
      sourceSystem: "erp",
      externalId: "E-1",
      name: "Delta Clinics",
      industry: "HEALTHCARE",
      segment: "SMB",
      region: "EMEA",
      annualRevenue: null,
    },
  ],
  contacts: [
    {
      sourceSystem: "crm",
      externalId: "C-1",
      account: { externalId: "A-1" },
      name: "Ada Lin",
      email: "ada@acme.example",
      buyingRole: "CHAMPION" as const,
    },
    {
      sourceSystem: "crm",
      externalId: "C-2",
      account: { externalId: "A-1" },
      name: "Ben Okafor",
      buyingRole: "ECONOMIC_BUYER" as const,
    },
    {
      sourceSystem: "crm",
      externalId: "C-3",
      account: { externalId: "A-2" },
      name: "Chen Wei",
      buyingRole: "CHAMPION" as const,
    },
    { sourceSystem: "erp", externalId: "EC-1", account: { externalId: "E-1" }, name: "Dora Diaz", buyingRole: null },
  ],
  opportunities: [
    {
      sourceSystem: "crm",
      externalId: "O-1",
      account: { externalId: "A-1" },
      name: "Acme renewal",
      stage: "NEGOTIATION" as const,
      amount: 120000,
      closeDate: "2026-12-15",
    },
    {
      sourceSystem: "crm",
      externalId: "O-2",
      account: { externalId: "A-1" },
      name: "Acme upsell",
      stage: "PROPOSAL" as const,
      amount: 40000,
      closeDate: "2027-02-01",
    },
    {
      sourceSystem: "crm",
      externalId: "O-3",
      account: { externalId: "A-2" },
      name: "Borealis pilot",
      stage: "CLOSED_WON" as const,
      amount: 15000,
      closeDate: "2026-06-30",
    },
    {
      sourceSystem: "crm",
      externalId: "O-4",
      account: { externalId: "A-3" },
      name: "Cobalt fleet",
      stage: "NEGOTIATION" as const,
      amount: 500000,
      closeDate: null,
    },
  ],
  assets: [
    {
      sourceSystem: "crm",
      externalId: "S-1",
      account: { externalId: "A-1" },
      name: "Imaging unit",
      model: "MX-200",
      serialNumber: "SN-1",
    },
    {
      sourceSystem: "crm",
      externalId: "S-2",
      account: { externalId: "A-3" },
      name: "Battery pack",
      model: "BP-9",
      serialNumber: "SN-2",
    },
    {
      sourceSystem: "crm",
      externalId: "S-3",
      account: { externalId: "A-3" },
      name: "Charger",
      model: "MX-200",
      serialNumber: "SN-3",
    },
  ],
  organizations: [
    {
      sourceSystem: "crm",
      externalId: "N-1",
      name: "Fixit Services",
      kind: "SERVICE_PROVIDER" as const,
      region: "APAC-CN",
      links: [{ account: { externalId: "A-1" }, relationship: "SERVICES" as const }],
    },
    {
      sourceSystem: "crm",
      externalId: "N-2",
      name: "Parts Co",
      kind: "SUPPLIER" as const,
      region: "EMEA",
      links: [{ account: { externalId: "A-3" }, relationship: "SUPPLIES" as const }],
    },
  ],
  signals: [
    {
      sourceSystem: "callcenter",
      recordId: "T-1",
      field: "csat_score",
      numberValue: 4,
      observedAt: "2026-10-01T10:00:00.000Z",
      subject: { kind: "ACCOUNT" as const, externalId: "A-1", sourceSystem: "crm" },
    },
    {
      sourceSystem: "callcenter",
      recordId: "T-2",
      field: "csat_score",
      numberValue: 2,
      observedAt: "2026-10-05T10:00:00.000Z",
      subject: { kind: "ACCOUNT" as const, externalId: "A-2", sourceSystem: "crm" },
    },
    {
      sourceSystem: "iot",
      recordId: "R-1",
      field: "mtbf_hours",
      numberValue: 800,
      observedAt: "2026-10-03T08:00:00.000Z",
      subject: { kind: "ASSET" as const, externalId: "S-1", sourceSystem: "crm" },
    },
    {
      sourceSystem: "iot",
      recordId: "R-2",
      field: "mtbf_hours",
      numberValue: 650,
      observedAt: "2026-10-07T08:00:00.000Z",
      subject: { kind: "ASSET" as const, externalId: "S-2", sourceSystem: "crm" },
    },
    {
      sourceSystem: "callcenter",
      recordId: "T-3",
      field: "nps",
      numberValue: 9,
      observedAt: "2026-10-09T12:00:00.000Z",
      subject: { kind: "CONTACT" as const, externalId: "C-1", sourceSystem: "crm" },
    },
  ],
} as const;

/** Stores {@link FIXTURE} in `tenant` through the API and checks every record was created. */
export async function loadFixture(api: TestApi, token: string): Promise<void> {
  const created = async (response: Promise<{ body: { data?: unknown } } & Parameters<typeof dataOf>[0]>) =>
    Object.values(dataOf(await response) as Record<string, { created: number; rejected: number }>)[0];
  const f = FIXTURE;
  expect(
    await created(
      api.run(UpsertSourceSystemsDocument, { input: [{ key: "crm", name: "Salesforce", kind: "CRM" }] }, { token }),
    ),
  ).toMatchObject({ rejected: 0 });
  expect(await created(api.run(UpsertAccountsDocument, { input: [...f.accounts] }, { token }))).toMatchObject({
    created: f.accounts.length,
  });
  expect(await created(api.run(UpsertContactsDocument, { input: [...f.contacts] }, { token }))).toMatchObject({
    created: f.contacts.length,
  });
  expect(await created(api.run(UpsertOpportunitiesDocument, { input: [...f.opportunities] }, { token }))).toMatchObject(
    { created: f.opportunities.length },
  );
  expect(await created(api.run(UpsertAssetsDocument, { input: [...f.assets] }, { token }))).toMatchObject({
    created: f.assets.length,
  });
  expect(
    await created(
      api.run(
        UpsertOrganizationsDocument,
        { input: f.organizations.map((o) => ({ ...o, links: [...o.links] })) },
        { token },
      ),
    ),
  ).toMatchObject({ created: f.organizations.length });
  expect(await created(api.run(IngestSignalsDocument, { input: [...f.signals] }, { token }))).toMatchObject({
    created: f.signals.length,
  });
}

/** The id the fixture's record of `kind` keyed (sourceSystem, externalId) has in `tenant`. */
export const fixtureId = nodeId;

import {
  AccountIdentitiesDocument,
  IdentityDocument,
  ResolvedCustomerDocument,
  ResolveIdentitiesDocument,
  UpsertAccountsDocument,
  UpsertContactsDocument,
  UpsertIdentitiesDocument,
} from "../../schema/generated/graphql";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf } from "./support/responses";

// Issue 14: existing contacts and accounts take part in resolution (enrolled as identities of the channels
// "crm-contact" and "crm-account"); a B2C buyer relates to an account through the contacts among its
// identities, and an account lists the identities resolved to it.

let api: TestApi;
const tenant = uniqueTenant("identity-acc");

beforeAll(async () => {
  api = await startTestApi();
}, 300_000);

afterAll(async () => {
  await api?.stop();
});

describe("accounts and contacts in resolution", () => {
  it("joins a buyer's channel identity to the contact of a person account, and lists accounts' identities", async () => {
    const writer = api.token(tenant, "integrator");
    const account = dataOf(
      await api.run(
        UpsertAccountsDocument,
        { input: [{ sourceSystem: "crm", externalId: "PA-1", name: "Li Wen (person account)" }] },
        { token: writer },
      ),
    ).upsertAccounts.records[0]!.id;
    const contact = dataOf(
      await api.run(
        UpsertContactsDocument,
        {
          input: [
            {
              sourceSystem: "crm",
              externalId: "PC-1",
              account: { externalId: "PA-1" },
              name: "Li Wen",
              email: "li.wen@example.cn",
              phone: "+86 139 1234 5678",
            },
          ],
        },
        { token: writer },
      ),
    ).upsertContacts.records[0]!.id;
    const buyer = dataOf(
      await api.run(
        UpsertIdentitiesDocument,
        {
          input: [
            {
              entity: "PERSON",
              channel: "tmall",
              externalId: "TM-7",
              attributes: {
                fullName: "ＬＩ Ｗｅｎ",
                emails: ["Li.Wen@example.cn"],
                phones: ["139-1234-5678"],
                address: { country: "CN" },
              },
            },
          ],
        },
        { token: writer },
      ),
    ).upsertIdentities.records[0]!.id;

    // The run enrols the contact and resolves it with the marketplace identity.
    const run = dataOf(
      await api.run(ResolveIdentitiesDocument, { entity: "PERSON", mode: "INCREMENTAL" }, { token: writer }),
    ).resolveIdentities;
    expect(run.status).toBe("SUCCEEDED");
    const identity = dataOf(await api.run(IdentityDocument, { id: buyer }, { token: writer })).identity;
    const person = dataOf(
      await api.run(ResolvedCustomerDocument, { id: identity.resolvedCustomerId! }, { token: writer }),
    ).resolvedCustomer;
    expect(person.kind).toBe("PERSON");
    expect(person.identities.map((i) => [i.channel, i.recordId]).sort()).toEqual(
      [
        ["crm-contact", contact],
        ["tmall", null],
      ].sort(),
    );
    expect(person.accountIds).toEqual([account]);

    // Accounts are enrolled as ORGANIZATION identities, each resolved to its account.
    const orgRun = dataOf(
      await api.run(ResolveIdentitiesDocument, { entity: "ORGANIZATION", mode: "INCREMENTAL" }, { token: writer }),
    ).resolveIdentities;
    expect(orgRun.status).toBe("SUCCEEDED");
    const node = dataOf(await api.run(AccountIdentitiesDocument, { id: account }, { token: writer })).node;
    expect(node && "identities" in node ? node.identities.map((i) => [i.channel, i.recordId]) : null).toEqual([
      ["crm-account", account],
    ]);
    const resolvedAccount = dataOf(
      await api.run(ResolvedCustomerDocument, { id: account }, { token: writer }),
    ).resolvedCustomer;
    expect(resolvedAccount).toMatchObject({ kind: "ACCOUNT", entity: "ORGANIZATION", accountIds: [account] });
  });
});

import {
  ChangesDocument,
  DecideIdentityPairDocument,
  IdentityDocument,
  IdentityRunDocument,
  MergeIdentitiesDocument,
  ResolvedCustomerDocument,
  ResolveIdentitiesDocument,
  SplitIdentityDocument,
  UpsertIdentitiesDocument,
  type IdentityInput,
} from "../../schema/generated/graphql";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf, onlyErrorOf } from "./support/responses";

// Issue 14, bad input: identities without channel or id, invalid phones, unknown entity types, oversize
// records and batches, and other tenants' ids get clear errors, and nothing wrong is stored.

let api: TestApi;
const tenant = uniqueTenant("identity-bad");
const other = uniqueTenant("identity-other");

const valid: IdentityInput = {
  entity: "PERSON",
  channel: "webshop",
  externalId: "OK-1",
  attributes: { fullName: "Li Na", emails: ["li.na@example.cn"], phones: ["+86 139 0000 1111"] },
};

beforeAll(async () => {
  api = await startTestApi({ RELATA_MAX_BATCH_SIZE: "8" });
}, 300_000);

afterAll(async () => {
  await api?.stop();
});

describe("per-record errors", () => {
  it("rejects each bad identity with its index and reason, stores the valid one, and nothing else", async () => {
    const token = api.token(tenant, "integrator");
    const input: IdentityInput[] = [
      valid,
      { entity: "PERSON", externalId: "NO-CHANNEL", attributes: { fullName: "A" } },
      { entity: "PERSON", channel: "webshop", attributes: { fullName: "B" } },
      { entity: "PERSON", channel: "webshop", externalId: "BAD-PHONE", attributes: { phones: ["12"] } },
      { entity: "HOUSEHOLD", channel: "webshop", externalId: "BAD-ENTITY", attributes: {} },
      { entity: "PERSON", channel: "crm-contact", externalId: "RESERVED", attributes: {} },
      {
        entity: "PERSON",
        channel: "webshop",
        externalId: "TOO-MANY",
        attributes: { emails: Array.from({ length: 21 }, (_, i) => `x${i}@example.com`) },
      },
      { ...valid, attributes: { fullName: "Li Na again" } },
    ];
    const result = dataOf(await api.run(UpsertIdentitiesDocument, { input }, { token })).upsertIdentities;
    expect({ created: result.created, rejected: result.rejected }).toEqual({ created: 1, rejected: 7 });
    const reasons = Object.fromEntries(result.rejections.map((r) => [r.index, r.reason]));
    expect(reasons[1]).toMatch(/^channel is missing/);
    expect(reasons[2]).toMatch(/^externalId is missing/);
    expect(reasons[3]).toMatch(/phones\[0\]/);
    expect(reasons[4]).toMatch(/entity "HOUSEHOLD" is not a known entity type; give one of PERSON, ORGANIZATION/);
    expect(reasons[5]).toMatch(/reserved/);
    expect(reasons[6]).toMatch(/attributes\.emails has 21 entries; at most 20/);
    expect(reasons[7]).toMatch(/duplicate of record 0/);

    const created = dataOf(
      await api.run(ChangesDocument, { types: ["IDENTITY_CREATED"], first: 50 }, { token: api.token(tenant) }),
    ).changes.events;
    expect(created.map((e) => e.externalId)).toEqual(["OK-1"]);
    // Personal values stay off the change feed: the event names the attributes sent, not their values.
    expect(JSON.stringify(created[0]!.changes)).not.toContain("li.na@example.cn");
  });

  it("refuses to change a stored identity's entity type", async () => {
    const token = api.token(tenant, "integrator");
    const result = dataOf(
      await api.run(
        UpsertIdentitiesDocument,
        { input: [{ ...valid, entity: "ORGANIZATION", attributes: { companyName: "Li Na Ltd" } }] },
        { token },
      ),
    ).upsertIdentities;
    expect(result.rejections).toEqual([
      expect.objectContaining({ index: 0, reason: expect.stringMatching(/stored as a PERSON identity/) }),
    ]);
  });

  it("is idempotent: the same valid identity again is unchanged", async () => {
    const token = api.token(tenant, "integrator");
    const result = dataOf(await api.run(UpsertIdentitiesDocument, { input: [valid] }, { token })).upsertIdentities;
    expect({ created: result.created, unchanged: result.unchanged, rejected: result.rejected }).toEqual({
      created: 0,
      unchanged: 1,
      rejected: 0,
    });
  });

  it("refuses a batch over the size limit as a whole, storing nothing", async () => {
    const token = api.token(other, "integrator");
    const input = Array.from({ length: 9 }, (_, i) => ({ ...valid, externalId: `BIG-${i}` }));
    const response = await api.run(UpsertIdentitiesDocument, { input }, { token });
    expect(onlyErrorOf(response, 200).extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "BATCH_TOO_LARGE" });
    const events = dataOf(await api.run(ChangesDocument, { first: 50 }, { token: api.token(other) })).changes.events;
    expect(events).toEqual([]);
  });

  it("lets viewers read but not write identities", async () => {
    const response = await api.run(
      UpsertIdentitiesDocument,
      { input: [valid] },
      { token: api.token(tenant, "viewer") },
    );
    expect(onlyErrorOf(response, 200).extensions?.code).toBe("FORBIDDEN");
  });
});

describe("other tenants' ids", () => {
  it("are not found, and nothing of theirs is read or changed", async () => {
    const ours = dataOf(
      await api.run(
        UpsertIdentitiesDocument,
        {
          input: [
            { ...valid, externalId: "MINE-1" },
            { ...valid, externalId: "MINE-2", attributes: { fullName: "Li Na", emails: ["li.na@example.cn"] } },
          ],
        },
        { token: api.token(tenant, "integrator") },
      ),
    ).upsertIdentities.records.map((r) => r.id);
    const mine = dataOf(await api.run(IdentityDocument, { id: ours[0]! }, { token: api.token(tenant) })).identity;
    expect(mine.resolvedCustomerId).not.toBeNull();

    const theirs = api.token(other, "admin");
    const notFound = async (response: Awaited<ReturnType<typeof api.post>>, reason: string) => {
      const error = onlyErrorOf(response, 200);
      expect(error.extensions).toMatchObject({ code: "NOT_FOUND", reason });
      expect(error.message).not.toContain("Li Na");
      expect(error.message).not.toContain(tenant);
    };
    await notFound(await api.run(IdentityDocument, { id: ours[0]! }, { token: theirs }), "IDENTITY_NOT_FOUND");
    await notFound(
      await api.run(ResolvedCustomerDocument, { id: mine.resolvedCustomerId! }, { token: theirs }),
      "RESOLVED_CUSTOMER_NOT_FOUND",
    );
    await notFound(
      await api.run(SplitIdentityDocument, { identityId: ours[0]!, reason: "probe" }, { token: theirs }),
      "IDENTITY_NOT_FOUND",
    );
    await notFound(
      await api.run(MergeIdentitiesDocument, { a: ours[0]!, b: ours[1]!, reason: "probe" }, { token: theirs }),
      "IDENTITY_NOT_FOUND",
    );
    await notFound(
      await api.run(
        DecideIdentityPairDocument,
        { a: ours[0]!, b: ours[1]!, decision: "DIFFERENT", reason: "probe" },
        { token: theirs },
      ),
      "IDENTITY_NOT_FOUND",
    );
    const run = dataOf(
      await api.run(ResolveIdentitiesDocument, { entity: "PERSON", mode: "INCREMENTAL" }, { token: api.token(tenant) }),
    ).resolveIdentities;
    await notFound(await api.run(IdentityRunDocument, { id: run.id }, { token: theirs }), "IDENTITY_RUN_NOT_FOUND");
    // Our identity is as it was.
    const after = dataOf(await api.run(IdentityDocument, { id: ours[0]! }, { token: api.token(tenant) })).identity;
    expect(after.resolvedCustomerId).toBe(mine.resolvedCustomerId);
  });

  it("says what an id should look like when it is no identity id", async () => {
    const error = onlyErrorOf(
      await api.run(SplitIdentityDocument, { identityId: "acc_xyz", reason: "x" }, { token: api.token(tenant) }),
      200,
    );
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_IDENTITY_REQUEST" });
    expect(error.message).toMatch(/idn_/);
  });
});

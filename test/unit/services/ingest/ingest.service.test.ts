import { nodeId } from "../../../../domain/ids/node-id";
import { AccountRecord, ContactRecord, OrganizationRecord, SignalRecord } from "../../../../domain/records";
import { GraphError } from "../../../../graph/graph.errors";
import {
  CompleteRow,
  IngestRepository,
  OrganizationUpsertRow,
  SentOrganizationRow,
  SentRow,
  StoredRow,
  UpsertRow,
  UpsertTarget,
  UpsertWrite,
} from "../../../../graph/ingest/ingest.repository";
import { IngestError } from "../../../../services/ingest/ingest.errors";
import { IngestService } from "../../../../services/ingest/ingest.service";

const TENANT = "acme";
const NOW = new Date("2026-11-01T12:00:00.000Z");

/**
 * An in-memory stand-in for the graph: stores rows by id, knows which link targets exist, and can be told
 * to fail a write of one target.
 */
class FakeIngestRepository {
  readonly stored = new Map<string, { hash: string; target?: string }>();
  readonly existingTargets = new Set<string>();
  readonly calls: Array<{ target: UpsertTarget | "Organization"; indexes: number[]; now: string }> = [];
  readonly ensured: string[][] = [];
  failOn: { target: UpsertTarget; error: Error } | null = null;

  /** What each stored record's properties are, for merging upserts. */
  readonly props = new Map<string, Record<string, unknown>>();

  async upsertMerging(
    target: UpsertTarget,
    rows: readonly SentRow[],
    complete: CompleteRow<SentRow, UpsertRow>,
    now: string,
  ): Promise<UpsertWrite> {
    return this.upsert(
      target,
      rows.map((row) => complete(row, this.props.get(row.id) ?? null)),
      now,
    );
  }

  async upsertOrganizationsMerging(
    rows: readonly SentOrganizationRow[],
    complete: CompleteRow<SentOrganizationRow, OrganizationUpsertRow>,
    now: string,
  ): Promise<UpsertWrite> {
    return this.upsertOrganizations(
      rows.map((row) => complete(row, null)),
      now,
    );
  }

  async upsert(target: UpsertTarget, rows: readonly UpsertRow[], now: string): Promise<UpsertWrite> {
    this.calls.push({ target, indexes: rows.map((r) => r.index), now });
    if (this.failOn?.target === target) throw this.failOn.error;
    const out: StoredRow[] = [];
    for (const row of rows) {
      if (row.targetId !== undefined && !this.existingTargets.has(row.targetId)) continue;
      const previous = this.stored.get(row.id);
      const status = previous === undefined ? "CREATED" : previous.hash === row.hash ? "UNCHANGED" : "UPDATED";
      this.stored.set(row.id, { hash: row.hash, ...(row.targetId === undefined ? {} : { target: row.targetId }) });
      this.props.set(row.id, row.props);
      if (target === "Account") this.existingTargets.add(row.id);
      out.push({ index: row.index, id: row.id, status });
    }
    const unlinked = rows
      .filter((row) => !out.some((stored) => stored.index === row.index))
      .map((row) => ({ index: row.index, missingTargetIds: [] }));
    return { stored: out, unlinked, deleted: [] };
  }

  async upsertOrganizations(rows: readonly OrganizationUpsertRow[], now: string): Promise<UpsertWrite> {
    this.calls.push({ target: "Organization", indexes: rows.map((r) => r.index), now });
    const missingOf = (row: OrganizationUpsertRow) => [
      ...new Set(row.links.map((link) => link.targetId).filter((id) => !this.existingTargets.has(id))),
    ];
    return {
      stored: rows
        .filter((row) => missingOf(row).length === 0)
        .map((row) => ({ index: row.index, id: row.id, status: "CREATED" as const })),
      unlinked: rows
        .filter((row) => missingOf(row).length > 0)
        .map((row) => ({ index: row.index, missingTargetIds: missingOf(row) })),
      deleted: [],
    };
  }

  async ensureSourceSystems(keys: readonly string[]): Promise<void> {
    this.ensured.push([...keys]);
  }

  async upsertSourceSystems(): Promise<StoredRow[]> {
    return [];
  }
}

function setup(limits = { maxBatchSize: 100, chunkSize: 2 }) {
  const repository = new FakeIngestRepository();
  const log = { error: jest.fn() };
  const service = new IngestService(repository as unknown as IngestRepository, TENANT, limits, log, () => NOW);
  return { repository, log, service };
}

const account = (externalId: string, name = `Account ${externalId}`): AccountRecord => ({
  sourceSystem: "crm",
  externalId,
  name,
});
const contact = (externalId: string, accountId: string): ContactRecord => ({
  sourceSystem: "crm",
  externalId,
  account: { externalId: accountId },
  name: `Contact ${externalId}`,
});
const signal = (recordId: string, kind: SignalRecord["subject"]["kind"], externalId: string): SignalRecord => ({
  sourceSystem: "crm",
  recordId,
  field: "csat",
  numberValue: 4,
  observedAt: "2026-10-01T10:00:00Z",
  subject: { kind, externalId },
});

describe("IngestService", () => {
  describe("stored records", () => {
    it("writes valid records chunk by chunk with one timestamp, reporting each at its batch index", async () => {
      const { repository, service } = setup({ maxBatchSize: 100, chunkSize: 2 });
      const result = await service.upsertAccounts([
        account("A"),
        account("B"),
        account("C", " "),
        account("D"),
        account("E"),
      ]);
      expect(repository.calls.map((c) => c.indexes)).toEqual([
        [0, 1],
        [3, 4],
      ]);
      expect(new Set(repository.calls.map((c) => c.now))).toEqual(new Set([NOW.toISOString()]));
      expect(result.records).toEqual(
        [0, 1, 3, 4].map((index) => ({
          index,
          id: nodeId("Account", TENANT, "crm", ["A", "B", "C", "D", "E"][index] as string),
          status: "CREATED",
        })),
      );
      expect(result.rejections).toEqual([{ index: 2, externalId: "C", reason: "name must not be empty" }]);
    });

    it("reports an identical second run unchanged and a changed record updated", async () => {
      const { service } = setup();
      await service.upsertAccounts([account("A"), account("B")]);
      const again = await service.upsertAccounts([account("A"), account("B", "Renamed")]);
      expect(again.records.map((r) => r.status)).toEqual(["UNCHANGED", "UPDATED"]);
      expect(again).toMatchObject({ created: 0, updated: 1, unchanged: 1, rejected: 0 });
    });

    it("registers the source systems of the records it writes, sorted and once each", async () => {
      const { repository, service } = setup();
      await service.upsertAccounts([
        { ...account("A"), sourceSystem: "zeta" },
        account("B"),
        { ...account("C"), sourceSystem: "zeta" },
      ]);
      expect(repository.ensured).toEqual([["crm", "zeta"]]);
    });

    it("registers no source system when every record is invalid", async () => {
      const { repository, service } = setup();
      await service.upsertAccounts([{ ...account("A"), name: "" }]);
      expect(repository.ensured).toEqual([]);
    });
  });

  describe("rejected records and batches", () => {
    it("refuses a batch over the maximum before writing anything", async () => {
      const { repository, service } = setup({ maxBatchSize: 2, chunkSize: 2 });
      const attempt = service.upsertAccounts([account("A"), account("B"), account("C")]);
      await expect(attempt).rejects.toBeInstanceOf(IngestError);
      await expect(attempt).rejects.toMatchObject({
        code: "BATCH_TOO_LARGE",
        message: expect.stringMatching(/^input has 3 records; at most 2 are accepted per call\./),
      });
      expect(repository.calls).toEqual([]);
      expect(repository.ensured).toEqual([]);
    });

    it("rejects a contact whose account the graph does not have, naming the account and its source system", async () => {
      const { service } = setup();
      await service.upsertAccounts([account("A")]);
      const result = await service.upsertContacts([contact("C1", "A"), contact("C2", "NOPE")]);
      expect(result.records.map((r) => r.index)).toEqual([0]);
      expect(result.rejections).toEqual([
        {
          index: 1,
          externalId: "C2",
          reason:
            'account "NOPE" from source system "crm" does not exist in this tenant; upsert the account first, ' +
            "or correct account.externalId / account.sourceSystem",
        },
      ]);
    });

    describe("an organization linked to a missing account (issue 19)", () => {
      const organization = (...accounts: Array<string | { externalId: string; sourceSystem: string }>) =>
        ({
          sourceSystem: "crm",
          externalId: "O1",
          name: "Partner",
          kind: "PARTNER",
          links: accounts.map((ref) => ({
            account: typeof ref === "string" ? { externalId: ref } : ref,
            relationship: "PARTNER_OF",
          })),
        }) as OrganizationRecord;

      it("names only the missing account, with where it is in links, not the accounts that exist", async () => {
        const { service } = setup();
        await service.upsertAccounts([account("A"), account("B")]);
        const result = await service.upsertOrganizations([organization("A", "NOPE", "B")]);
        expect(result.records).toEqual([]);
        expect(result.rejections).toEqual([
          {
            index: 0,
            externalId: "O1",
            reason:
              'links[1]: account "NOPE" from source system "crm" does not exist in this tenant; ' +
              "upsert that account first, or correct the link (the organization was not stored)",
          },
        ]);
      });

      it("names every missing account once, each with its own source system", async () => {
        const { service } = setup();
        await service.upsertAccounts([account("A")]);
        const result = await service.upsertOrganizations([
          organization("X", "A", { externalId: "Y", sourceSystem: "erp" }),
        ]);
        const reason = result.rejections[0]!.reason;
        expect(reason).toMatch(
          /^links\[0\]: account "X" from source system "crm", links\[2\]: account "Y" from source system "erp" do not exist/,
        );
        expect(reason).not.toContain('"A"');
      });

      it("stores the organizations of the batch whose accounts all exist", async () => {
        const { service } = setup();
        await service.upsertAccounts([account("A")]);
        const result = await service.upsertOrganizations([
          organization("A"),
          { ...organization("NOPE"), externalId: "O2" },
        ]);
        expect(result.records.map((r) => r.index)).toEqual([0]);
        expect(result.rejections.map((r) => r.externalId)).toEqual(["O2"]);
      });
    });

    it("registers no source system for records whose account does not exist", async () => {
      const { repository, service } = setup();
      await service.upsertContacts([{ ...contact("C1", "NOPE"), sourceSystem: "phantom" }]);
      expect(repository.ensured.flat()).not.toContain("phantom");
    });

    it("reports a chunk whose write failed as not stored, and keeps the other chunks", async () => {
      const { repository, log, service } = setup({ maxBatchSize: 100, chunkSize: 1 });
      let calls = 0;
      const upsert = repository.upsert.bind(repository);
      repository.upsert = async (target, rows, now) => {
        calls += 1;
        if (calls === 2) throw new GraphError("CONFLICT", "Another write stored the same record at the same moment.");
        return upsert(target, rows, now);
      };
      const result = await service.upsertAccounts([account("A"), account("B"), account("C")]);
      expect(result.records.map((r) => r.index)).toEqual([0, 2]);
      expect(result.rejections).toEqual([
        { index: 1, externalId: "B", reason: "not stored: Another write stored the same record at the same moment." },
      ]);
      expect(log.error).toHaveBeenCalledTimes(1);
    });
  });

  describe("a call the database cuts off (issue 9)", () => {
    /** Makes the repository's `upsert` fail as unavailable from call number `from` on. */
    function failFrom(repository: FakeIngestRepository, from: number): void {
      let calls = 0;
      const upsert = repository.upsert.bind(repository);
      repository.upsert = async (target, rows, now) => {
        calls += 1;
        if (calls >= from) throw new GraphError("UNAVAILABLE", "The graph database is unavailable.");
        return upsert(target, rows, now);
      };
    }

    it("ends with INGEST_INTERRUPTED listing the committed, interrupted and unsent chunks by input index", async () => {
      const { repository, service } = setup({ maxBatchSize: 100, chunkSize: 2 });
      failFrom(repository, 3);
      const batch = [account("A"), account("B"), account(""), account("C"), account("D"), account("E"), account("F")];

      const error = await service.upsertAccounts(batch).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(IngestError);
      const { code, interruption } = error as IngestError;
      expect(code).toBe("INGEST_INTERRUPTED");
      expect(interruption).toEqual({
        records: 7,
        committed: 4,
        notCommitted: 2,
        invalid: 1,
        retrySafe: true,
        chunks: [
          { chunk: 0, status: "COMMITTED", records: 2, indexes: [{ from: 0, to: 1 }] },
          { chunk: 1, status: "COMMITTED", records: 2, indexes: [{ from: 3, to: 4 }] },
          { chunk: 2, status: "INTERRUPTED", records: 2, indexes: [{ from: 5, to: 6 }] },
        ],
      });
      expect([...repository.stored.keys()]).toHaveLength(4);
    });

    it("says what was committed and that retrying the whole call is safe", async () => {
      const { repository, service } = setup({ maxBatchSize: 100, chunkSize: 1 });
      failFrom(repository, 2);
      const error = (await service.upsertAccounts([account("A"), account("B"), account("C")]).catch((e) => e)) as Error;
      expect(error.message).toContain("1 of 3 records were committed (1 of 3 chunks, each one transaction)");
      expect(error.message).toContain("2 were not");
      expect(error.message).toContain("Retrying the whole call is safe");
      expect((error as IngestError).interruption?.chunks.map((c) => c.status)).toEqual([
        "COMMITTED",
        "INTERRUPTED",
        "NOT_STARTED",
      ]);
    });

    it("reports a chunk that failed for another reason before the cut as FAILED, not committed", async () => {
      const { repository, service } = setup({ maxBatchSize: 100, chunkSize: 1 });
      let calls = 0;
      repository.upsert = async () => {
        calls += 1;
        throw new GraphError(calls === 1 ? "TIMEOUT" : "UNAVAILABLE", "failed");
      };
      const error = (await service.upsertAccounts([account("A"), account("B")]).catch((e) => e)) as IngestError;
      expect(error.interruption).toMatchObject({ committed: 0, notCommitted: 2 });
      expect(error.interruption?.chunks.map((c) => c.status)).toEqual(["FAILED", "INTERRUPTED"]);
    });

    it("counts signal chunks of every subject kind in write order", async () => {
      const { repository, service } = setup({ maxBatchSize: 100, chunkSize: 10 });
      await service.upsertAccounts([account("A")]);
      repository.existingTargets.add(nodeId("Contact", TENANT, "crm", "C1"));
      repository.failOn = { target: "SignalAboutContact", error: new GraphError("UNAVAILABLE", "gone") };

      const error = (await service
        .ingestSignals([signal("S1", "CONTACT", "C1"), signal("S2", "ACCOUNT", "A"), signal("S3", "ACCOUNT", "A")])
        .catch((e) => e)) as IngestError;

      expect(error.interruption?.chunks).toEqual([
        { chunk: 0, status: "COMMITTED", records: 2, indexes: [{ from: 1, to: 2 }] },
        { chunk: 1, status: "INTERRUPTED", records: 1, indexes: [{ from: 0, to: 0 }] },
      ]);
    });

    it("keeps other errors as they are", async () => {
      const { repository, service } = setup();
      repository.upsert = async () => {
        throw new TypeError("a bug");
      };
      await expect(service.upsertAccounts([account("A")])).rejects.toBeInstanceOf(TypeError);
    });

    it("does not report signals as not stored when their write committed before another subject's failed", async () => {
      const { repository, service } = setup({ maxBatchSize: 100, chunkSize: 10 });
      await service.upsertAccounts([account("A")]);
      repository.existingTargets.add(nodeId("Contact", TENANT, "crm", "C1"));
      repository.failOn = { target: "SignalAboutContact", error: new GraphError("INTERNAL", "The query failed.") };

      const result = await service.ingestSignals([signal("S1", "ACCOUNT", "A"), signal("S2", "CONTACT", "C1")]);

      const accountSignalId = nodeId("Signal", TENANT, "crm", "S1");
      const committed = repository.stored.has(accountSignalId);
      const reportedStored = result.records.some((r) => r.id === accountSignalId);
      // Either both signals are written in one transaction, or the one that was written is reported so.
      expect({ committed, reportedStored }).toEqual({ committed, reportedStored: committed });
    });
  });
});

import { randomUUID } from "node:crypto";
import { IdentityInput } from "../../domain/identity/identity";
import { CypherExecutor } from "../../graph/executor";
import { ChangeOutbox } from "../../graph/events/change-outbox";
import { GraphDatabase } from "../../graph/graph-database";
import { IdentityModelRepository } from "../../graph/identity/identity-model.repository";
import { IdentityRunRepository } from "../../graph/identity/identity-run.repository";
import { IdentityRepository, ResolutionWrite } from "../../graph/identity/identity.repository";
import { runMigrations } from "../../graph/migrations/run-migrations";
import { contractMatcher } from "../../services/identity/contract-matcher";
import {
  DEFAULT_RESOLUTION_LIMITS,
  identityRow,
  IdentityResolution,
} from "../../services/identity/identity-resolution";
import { IdentityRunner } from "../../services/identity/identity-runner";
import { waitFor } from "../support/wait-for";

// Issue 14: a FULL run writes its clusters in checkpointed chunks; a run whose process went away part-way is
// taken over by another process and continues after its checkpoint, without writing the earlier chunks again.

let database: GraphDatabase;
let executor: CypherExecutor;

beforeAll(async () => {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error("NEO4J_URI is not set; the integration global setup should have set it.");
  database = await GraphDatabase.open({
    uri,
    user: process.env.NEO4J_USER ?? "neo4j",
    password: process.env.NEO4J_PASSWORD ?? "",
    database: "neo4j",
  });
  executor = database.executor(60_000);
  await runMigrations(executor, () => undefined);
}, 120_000);

afterAll(async () => {
  await database?.close();
});

/** Counts the chunks a repository writes. */
class CountingRepository extends IdentityRepository {
  writes = 0;
  override applyResolution(write: ResolutionWrite, now: string) {
    this.writes += 1;
    return super.applyResolution(write, now);
  }
}

const PEOPLE: Array<[string, string, string]> = [
  ["Ada", "Lovelace", "ada@example.org"],
  ["Alan", "Turing", "alan@example.org"],
  ["Grace", "Hopper", "grace@example.org"],
  ["Edsger", "Dijkstra", "edsger@example.org"],
  ["Barbara", "Liskov", "barbara@example.org"],
];

describe("a FULL run interrupted after two chunks", () => {
  it("is taken over by another process and finishes from its checkpoint", async () => {
    const tenant = `identity-resume-${randomUUID().slice(0, 8)}`;
    const outbox = new ChangeOutbox(tenant, "job:test");
    const limits = { ...DEFAULT_RESOLUTION_LIMITS, chunkClusters: 1 };
    const first = new CountingRepository(executor, tenant, outbox);
    const runs = new IdentityRunRepository(executor, tenant);
    const models = new IdentityModelRepository(executor, tenant);
    // Each person from two channels: five clusters of two, written one cluster per chunk.
    const inputs: IdentityInput[] = PEOPLE.flatMap(([given, family, email], i) => [
      {
        entity: "PERSON",
        channel: "shop",
        externalId: `S-${i}`,
        attributes: { givenName: given, familyName: family, emails: [email], verifiedEmails: [email] },
      },
      {
        entity: "PERSON",
        channel: "market",
        externalId: `M-${i}`,
        attributes: { fullName: `${family} ${given}`, emails: [email.toUpperCase()], verifiedEmails: [email] },
      },
    ]);
    const rows = inputs.map((input, index) => {
      const normalised = contractMatcher.normalise(input);
      if (!normalised.ok) throw new Error(normalised.errors.join("; "));
      return identityRow(tenant, index, input, normalised);
    });
    await first.upsert(rows, new Date().toISOString());

    const gone = "proc:gone";
    const { run } = await runs.start(
      { id: "irun_resumeTestAAAAAAAAAAAA", entity: "PERSON", mode: "FULL", actor: "user:test", owner: gone },
      new Date().toISOString(),
    );
    // The first process writes two chunks, then stops (as a shutdown or crash would leave it: RUNNING).
    let chunks = 0;
    const crashing = new IdentityResolution(tenant, first, runs, models, contractMatcher, limits);
    const stopAfterTwo = {
      get stopped() {
        return first.writes >= 2;
      },
    };
    await crashing.full(run, stopAfterTwo);
    chunks = first.writes;
    expect(chunks).toBe(2);
    const interrupted = await runs.byId(run.id);
    expect(interrupted?.run).toMatchObject({ status: "RUNNING", checkpoint: 2 });

    // Another process, seeing the run silent (stale after 0 ms here), takes it over.
    const runner = new IdentityRunner({ error: () => undefined }, 0);
    expect(runner.isOrphaned(interrupted!.run, interrupted!.owner, Date.now() + 1)).toBe(true);
    const taken = await runs.takeOver(run.id, gone, runner.owner, new Date().toISOString());
    expect(taken).toMatchObject({ resumes: 1, checkpoint: 2 });
    const second = new CountingRepository(executor, tenant, outbox);
    runner.launch(
      { resolution: new IdentityResolution(tenant, second, runs, models, contractMatcher, limits), runs },
      taken!,
    );
    const finished = await waitFor(
      "the resumed run finished",
      async () => {
        const current = await runs.byId(run.id);
        return current?.run.status === "RUNNING" ? undefined : current?.run;
      },
      { timeoutMs: 60_000 },
    );
    expect(finished).toMatchObject({ status: "SUCCEEDED", checkpoint: 5, clusters: 5, resumes: 1, total: 10 });
    // Only the three chunks after the checkpoint were written by the second process.
    expect(second.writes).toBe(3);
    // And every person is one resolved customer of two identities.
    const members = await second.page("PERSON", "", 100);
    const byCustomer = new Map<string, string[]>();
    for (const m of members) byCustomer.set(m.resolvedId!, [...(byCustomer.get(m.resolvedId!) ?? []), m.externalId]);
    expect([...byCustomer.values()].map((ids) => ids.sort().join(",")).sort()).toEqual(
      PEOPLE.map((_, i) => `M-${i},S-${i}`).sort(),
    );
  }, 120_000);
});

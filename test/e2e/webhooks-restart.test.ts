import { ChildProcess, execFileSync, spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { verifyWebhook } from "../../domain/webhooks/verify-webhook";
import {
  RegisterWebhookDocument,
  UpsertAccountsDocument,
  WebhookDeliveriesDocument,
} from "../../schema/generated/graphql";
import { startTestApi, TEST_JWT_SECRET, TestApi, uniqueTenant } from "../support/test-api";
import { waitFor } from "../support/wait-for";
import { dataOf } from "./support/responses";
import { startWebhookReceiver, WebhookReceiver } from "./support/webhook-receiver";

// Issue 10: an API process killed in the middle of a delivery. Its lease expires, the next process sends the
// same delivery again (same webhook-id, same event ids), and nothing is lost: at-least-once.

const ROOT = join(__dirname, "..", "..");
const tenant = uniqueTenant("wh-restart");
const logDir = mkdtempSync(join(tmpdir(), "relata-webhooks-restart-"));

let api: TestApi;
let receiver: WebhookReceiver;
const children: ChildProcess[] = [];

/** Starts the built server (`node dist/app/main.js`, as npm start does) as a child process with dispatch on. */
function startApiProcess(name: string): { child: ChildProcess; log: string } {
  const log = join(logDir, `${name}.log`);
  const out = openSync(log, "a");
  const child = spawn(process.execPath, [join(ROOT, "dist", "app", "main.js")], {
    cwd: ROOT,
    env: {
      ...process.env,
      RELATA_JWT_SECRET: TEST_JWT_SECRET,
      RELATA_DEMO: "0",
      HOST: "127.0.0.1",
      PORT: "0",
      LOG_LEVEL: "info",
      RELATA_WEBHOOK_DISPATCH: "1",
      RELATA_WEBHOOK_ALLOWED_HOSTS: "127.0.0.1",
      RELATA_WEBHOOK_RETRY_SCHEDULE: "1s,1s,2s",
      RELATA_WEBHOOK_TIMEOUT_MS: "3000",
      RELATA_CHANGE_POLL_MS: "200",
    },
    stdio: ["ignore", out, out],
  });
  closeSync(out);
  children.push(child);
  return { child, log };
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

let counter = 0;
async function writeAccounts(count: number): Promise<string[]> {
  const input = Array.from({ length: count }, () => {
    counter += 1;
    return { sourceSystem: "crm", externalId: `R-${counter}`, name: `Restart ${counter}` };
  });
  dataOf(await api.run(UpsertAccountsDocument, { input }, { token: api.token(tenant, "integrator") }));
  return input.map((account) => account.externalId);
}

beforeAll(async () => {
  // The child processes run the compiled server.
  execFileSync(process.execPath, [join(ROOT, "cli", "build-if-stale.js")], { cwd: ROOT, stdio: "inherit" });
  // This process registers and writes; it sends nothing (dispatch off), so only the children deliver.
  api = await startTestApi({ RELATA_WEBHOOK_ALLOWED_HOSTS: "127.0.0.1" });
  receiver = await startWebhookReceiver();
}, 300_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await Promise.all(children.map(exited));
  await receiver?.close();
  await api?.stop();
}, 60_000);

describe("a process killed mid-delivery (issue 10)", () => {
  it("leaves the delivery to the next process, which sends it again with the same ids; nothing is lost", async () => {
    const { endpoint, secret } = dataOf(
      await api.run(
        RegisterWebhookDocument,
        { url: receiver.url, eventTypes: ["ACCOUNT_CREATED"] },
        { token: api.token(tenant, "admin") },
      ),
    ).registerWebhook;
    let phase: "hold" | "answer" = "hold";
    receiver.answer = () => (phase === "hold" ? "hold" : 200);
    const before = await writeAccounts(3);

    const first = startApiProcess("first");
    const held = await waitFor(
      "the first process is sending a delivery (the receiver holds it open)",
      () => receiver.received[0],
      { timeoutMs: 120_000, intervalMs: 100 },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${readFileSync(first.log, "utf8").slice(-3_000)}`);
    });
    first.child.kill("SIGKILL");
    await exited(first.child);
    expect(held.events.map((e) => e.externalId)).toEqual(before);

    const after = await writeAccounts(2);
    phase = "answer";
    const second = startApiProcess("second");
    const all = [...before, ...after];
    await waitFor(
      "the second process delivered every event",
      () => {
        const got = new Set(receiver.uniqueEvents().map((e) => e.externalId));
        return all.every((id) => got.has(id)) ? true : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 200 },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${readFileSync(second.log, "utf8").slice(-3_000)}`);
    });

    // The delivery in flight when the first process died was sent again: same webhook-id, same events.
    const resent = receiver.received[1]!;
    expect(resent.id).toBe(held.id);
    expect(resent.events.map((e) => e.id)).toEqual(held.events.map((e) => e.id));
    // Nothing lost, in order; a duplicate only ever as the same delivery with the same event ids.
    const events = receiver.uniqueEvents();
    expect(events.map((e) => e.externalId)).toEqual(all);
    const sequences = events.map((e) => e.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    const byDelivery = new Map<string, string>();
    const owner = new Map<string, string>();
    for (const request of receiver.received) {
      const ids = request.events.map((e) => e.id).join(",");
      expect(byDelivery.get(request.id) ?? ids).toBe(ids);
      byDelivery.set(request.id, ids);
      for (const event of request.events) {
        expect(owner.get(event.id) ?? request.id).toBe(request.id);
        owner.set(event.id, request.id);
      }
      // Signed afresh on every attempt (a new timestamp), always verifiable.
      expect(verifyWebhook({ secret, headers: request.headers, body: request.body }).id).toBe(request.id);
    }
    // The answer of the last delivery is recorded a moment after the receiver got it: wait for the record.
    const log = await waitFor(
      "every delivery's answer is recorded",
      async () => {
        const all = dataOf(
          await api.run(WebhookDeliveriesDocument, { endpointId: endpoint.id }, { token: api.token(tenant, "admin") }),
        ).webhookDeliveries.deliveries;
        return all.every((d) => d.status === "DELIVERED") ? all : undefined;
      },
      { timeoutMs: 60_000 },
    );
    expect(log.map((d) => d.status)).toEqual(log.map(() => "DELIVERED"));
    expect(log.find((d) => d.id === held.id)?.eventCount).toBe(3);

    second.child.kill("SIGTERM");
    await exited(second.child);
    expect(second.child.signalCode === "SIGTERM" || second.child.exitCode === 0).toBe(true);
  }, 300_000);
});

import { type ChildProcess, fork, spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import { isServerMessage, type ServerMessage } from "../servers/bench-server-ipc";
import type { RunningVariant, VariantDescriptor } from "./variant";

const START_TIMEOUT_MS = 180_000;
const STOP_GRACE_MS = 15_000;

/** Every server process this run started, so that a failing run still stops them all. */
const started = new Set<ChildProcess>();

/** Stops every server process still running (on a failed or interrupted run). */
export function killStartedServers(): void {
  for (const child of started) child.kill("SIGKILL");
  started.clear();
}

/**
 * Starts Relata's real server (`dist/app/main.js`, as `npm start` runs it) with `env`, and waits until
 * `/readyz` answers. Its output goes to `logFile`.
 */
export async function startRelataProcess(
  descriptor: VariantDescriptor,
  mainScript: string,
  env: NodeJS.ProcessEnv,
  logFile: string,
): Promise<RunningVariant> {
  const port = await findFreePort();
  const out = fs.openSync(logFile, "a");
  // setpriv execs node in place (same pid) and makes the kernel stop it if this runner dies abruptly.
  const [command, args] = hasPdeathsig()
    ? ["setpriv", ["--pdeathsig", "TERM", "--", process.execPath, mainScript]]
    : [process.execPath, [mainScript]];
  const child = spawn(command, args, { env: { ...env, PORT: String(port) }, stdio: ["ignore", out, out] });
  fs.closeSync(out);
  track(child);
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw startFailure(descriptor, logFile, `exited with ${child.exitCode}`);
    if (await answers(`${baseUrl}/readyz`)) break;
    if (Date.now() > deadline) throw startFailure(descriptor, logFile, "did not become ready in time");
    await sleep(250);
  }
  return running(descriptor, child, baseUrl, () => Promise.resolve(null));
}

/** Forks a bench server (`dist/bench/servers/*.server.js`) and waits for its `ready` message. */
export async function startBenchServer(
  descriptor: VariantDescriptor,
  script: string,
  env: NodeJS.ProcessEnv,
  logFile: string,
): Promise<RunningVariant> {
  const out = fs.openSync(logFile, "a");
  const child = fork(script, [], { env, stdio: ["ignore", out, out, "ipc"] });
  fs.closeSync(out);
  track(child);
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(startFailure(descriptor, logFile, "did not become ready in time")),
      START_TIMEOUT_MS,
    );
    child.on("message", (message: unknown) => {
      if (isServerMessage(message) && message.type === "ready") {
        clearTimeout(timer);
        resolve(message.port);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(startFailure(descriptor, logFile, `exited with ${code}`));
    });
  });
  const cypherStatements = () =>
    new Promise<number | null>((resolve) => {
      const onMessage = (message: unknown) => {
        if (isServerMessage(message) && message.type === "stats") {
          child.off("message", onMessage);
          resolve((message as Extract<ServerMessage, { type: "stats" }>).cypherStatements);
        }
      };
      child.on("message", onMessage);
      child.send({ type: "stats" });
    });
  return running(descriptor, child, `http://127.0.0.1:${port}`, cypherStatements);
}

function running(
  descriptor: VariantDescriptor,
  child: ChildProcess,
  baseUrl: string,
  cypherStatements: () => Promise<number | null>,
): RunningVariant {
  if (child.pid === undefined) throw new Error(`${descriptor.label} has no process id.`);
  const pid = child.pid;
  let stopping: Promise<void> | undefined;
  return {
    descriptor,
    baseUrl,
    pid,
    cypherStatements,
    stop() {
      stopping ??= stopProcess(child);
      return stopping;
    },
  };
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  }
  started.delete(child);
}

let pdeathsig: boolean | undefined;

function hasPdeathsig(): boolean {
  pdeathsig ??= spawnSync("setpriv", ["--pdeathsig", "TERM", "--", "true"], { stdio: "ignore" }).status === 0;
  return pdeathsig;
}

function track(child: ChildProcess): void {
  started.add(child);
  child.once("exit", () => started.delete(child));
}

function startFailure(descriptor: VariantDescriptor, logFile: string, what: string): Error {
  let tail = "";
  try {
    tail = fs.readFileSync(logFile, "utf8").trim().split("\n").slice(-20).join("\n");
  } catch {
    tail = "(no output)";
  }
  return new Error(`${descriptor.label} ${what}. Last output (${path.basename(logFile)}):\n${tail}`);
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

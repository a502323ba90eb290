import autocannon from "autocannon";

import type { BenchRequest } from "../scenarios/scenario";
import { startCpuSample, waitForQuiet } from "./cpu-sampler";

/** One measured window of load against one variant. */
export interface LoadWindow {
  readonly connections: number;
  readonly seconds: number;
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Responses that were not 2xx or carried GraphQL errors, and connection errors; the window is void if any. */
  readonly failures: number;
  /**
   * CPU milliseconds per request of the server process and of Neo4j (over every request sent, counting the
   * work on requests still in flight at the end, done after the window), and of this process (the load
   * generator, per completed request).
   */
  readonly cpuMsPerRequest: { readonly api: number | null; readonly neo4j: number | null; readonly client: number };
}

export interface LoadTarget {
  readonly baseUrl: string;
  readonly apiPid: number;
  readonly neo4jPid: number;
  readonly requests: readonly BenchRequest[];
}

/**
 * Runs autocannon (no pipelining) for `seconds` with `connections`, cycling through the target's
 * requests; latencies are recorded per response in full precision (autocannon's own histogram keeps
 * whole milliseconds), and every response body is checked for errors.
 */
export async function runLoad(target: LoadTarget, connections: number, seconds: number): Promise<LoadWindow> {
  const latencies: number[] = [];
  let failures = 0;
  const onResponse = (status: number, body: string) => {
    if (status < 200 || status >= 300 || body.includes('"errors":')) failures += 1;
  };
  const sample = startCpuSample({ api: target.apiPid, neo4j: target.neo4jPid });
  const clientBefore = process.cpuUsage();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.baseUrl,
        connections,
        pipelining: 1,
        duration: seconds,
        // autocannon only checks for the end of the window at each sample tick (1 s by default).
        sampleInt: 100,
        timeout: 30,
        requests: target.requests.map((request) => ({ ...request, onResponse })),
      },
      (error, done) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done)),
    );
    instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
    });
  });
  const inWindow = sample();
  const client = process.cpuUsage(clientBefore);
  const afterWindow = await waitForQuiet({ api: target.apiPid, neo4j: target.neo4jPid });
  const cpu = {
    api: sum(inWindow.api, afterWindow.api),
    neo4j: sum(inWindow.neo4j, afterWindow.neo4j),
  };
  const requests = latencies.length;
  // Server CPU covers every request sent, including those still in flight when the window closed.
  const sent = Math.max(result.requests.sent, requests);
  const perRequest = (ms: number | null | undefined, count: number) =>
    ms === null || ms === undefined || count === 0 ? null : ms / count;
  latencies.sort((a, b) => a - b);
  return {
    connections,
    seconds: result.duration,
    requests,
    requestsPerSecond: requests / result.duration,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    // A window in which no request completed measures nothing; it counts as failed.
    failures: failures + result.errors + result.timeouts + (requests === 0 ? 1 : 0),
    cpuMsPerRequest: {
      api: perRequest(cpu.api, sent),
      neo4j: perRequest(cpu.neo4j, sent),
      client: perRequest((client.user + client.system) / 1000, requests) ?? 0,
    },
  };
}

function sum(a: number | null | undefined, b: number | null | undefined): number | null {
  return a === null || a === undefined || b === null || b === undefined ? null : a + b;
}

function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] as number;
}

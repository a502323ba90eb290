import { withDebug } from "../scenarios/requests";
import { answerError, type BenchRequest, type Scenario } from "../scenarios/scenario";
import type { RunningVariant, VariantId } from "../variants/variant";
import { firstDifference } from "./canonical";

/** What the check learned about one variant in one scenario before any timing. */
export interface CheckOutcome {
  readonly variant: VariantId;
  /** True when every sample answer equals the reference variant's (after normalisation). */
  readonly equal: boolean;
  /** The first difference or error, when not equal. */
  readonly problem: string | null;
  /** Cypher statements per request: Relata reports them (x-relata-debug), bench servers count them. */
  readonly roundTrips: number | null;
  /** Relata's count per sample request (they must not grow with the fan-out); empty for other variants. */
  readonly roundTripsPerRequest: readonly number[];
  /** Mean latency of the check's sequential requests (including the debug overhead for Relata). */
  readonly latencyMs: number;
  /** Mean response size in bytes. */
  readonly responseBytes: number;
  /** The canonical answers, for scenario-specific facts (e.g. objects per answer). */
  readonly answers: readonly unknown[];
}

/**
 * Sends every sample request of a scenario to every variant that answers it, one at a time, and compares
 * the canonical answers with the reference variant's (the first). A variant whose answers differ, or that
 * answers with an error, is not timed: a faster wrong answer does not count.
 */
export async function checkAnswers(scenario: Scenario, variants: readonly RunningVariant[]): Promise<CheckOutcome[]> {
  const outcomes: CheckOutcome[] = [];
  let reference: unknown[] | null = null;
  for (const variant of variants) {
    const requests = scenario.requests(variant.descriptor.kind);
    const answers: unknown[] = [];
    let problem: string | null = null;
    let bytes = 0;
    const reported: number[] = [];
    // One untimed request first, so one-off work (the library's version probe, JIT) is not counted.
    if (requests[0]) await send(variant.baseUrl, requests[0]);
    const statementsBefore = await variant.cypherStatements();
    const started = performance.now();
    for (const [index, request] of requests.entries()) {
      const debug = variant.descriptor.kind === "relata";
      const { body, text } = await send(variant.baseUrl, debug ? withDebug(request) : request);
      bytes += Buffer.byteLength(text);
      const error = answerError(body);
      if (error !== null) {
        problem = `request ${index} answered with an error: ${error}`;
        break;
      }
      const queries = (body as { extensions?: { relata?: { cypherQueries?: number } } }).extensions?.relata
        ?.cypherQueries;
      if (typeof queries === "number") reported.push(queries);
      try {
        answers.push(scenario.normalise(variant.descriptor.kind, body));
      } catch (normaliseError) {
        problem = `request ${index}: ${(normaliseError as Error).message}`;
        break;
      }
      if (reference !== null) {
        const difference = firstDifference(reference[index], answers[index]);
        if (difference !== null) {
          problem = `request ${index} differs from ${outcomes[0]?.variant ?? "the reference"}: ${difference}`;
          break;
        }
      }
    }
    const latencyMs = requests.length > 0 ? (performance.now() - started) / requests.length : 0;
    const statementsAfter = await variant.cypherStatements();
    if (reference === null && problem === null) reference = answers;
    const counted =
      statementsBefore !== null && statementsAfter !== null && requests.length > 0
        ? (statementsAfter - statementsBefore) / requests.length
        : null;
    outcomes.push({
      variant: variant.descriptor.id,
      equal: problem === null && reference !== null,
      problem: problem ?? (reference === null ? "the reference variant failed" : null),
      roundTrips:
        reported.length > 0
          ? reported.reduce((a, b) => a + b, 0) / reported.length
          : variant.descriptor.kind === "apollo"
            ? 0
            : counted,
      roundTripsPerRequest: reported,
      latencyMs,
      responseBytes: requests.length > 0 ? Math.round(bytes / requests.length) : 0,
      answers,
    });
  }
  return outcomes;
}

async function send(baseUrl: string, request: BenchRequest): Promise<{ body: unknown; text: string }> {
  const response = await fetch(`${baseUrl}${request.path}`, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    signal: AbortSignal.timeout(120_000),
  });
  const text = await response.text();
  try {
    return { body: JSON.parse(text) as unknown, text };
  } catch {
    return { body: { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 300)}` }] }, text };
  }
}

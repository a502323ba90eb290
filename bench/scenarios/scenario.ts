/**
 * A scenario is one logical question asked of every variant that can answer it: per variant kind, the
 * HTTP requests to send (rotated over during the load) and how to reduce an answer to a canonical form
 * so the equal-answer check can compare variants before any of them is timed.
 */

/** What kind of server a variant is; both Relata variants answer the same requests. */
export type VariantKind = "relata" | "neo4j-graphql" | "raw" | "apollo";

export interface BenchRequest {
  readonly method: "POST";
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface Scenario {
  /** B1…B6, F1/F2 for the floors. */
  readonly id: string;
  readonly title: string;
  /** The variant kinds that answer it, in the order they run; the first is the reference answer. */
  readonly kinds: readonly VariantKind[];
  /**
   * Whether the answer nests lists under many parents, where DataLoader batching can matter; only then is
   * Relata with batching off measured too (elsewhere it runs the very same queries).
   */
  readonly fanOut: boolean;
  /** Why a variant kind is missing, shown in the report. */
  readonly notes?: Readonly<Partial<Record<VariantKind, string>>>;
  /** The requests to rotate over, one per sample input. */
  requests(kind: VariantKind): readonly BenchRequest[];
  /** The canonical form of the answer to request `index`, for comparison; throws on an error answer. */
  normalise(kind: VariantKind, answer: unknown): unknown;
}

/** Everything the scenarios ask about, picked from the seeded data before the run. */
export interface ScenarioInputs {
  readonly tenant: string;
  /** B1: accounts spread evenly over the data set. */
  readonly accountIds: readonly string[];
  /** B5a: of `accountIds`, those with a scored health snapshot (the ones with data to explain). */
  readonly healthAccountIds: readonly string[];
  /** B2: accounts of the dense customer-360 tenant. */
  readonly keyAccountTenant: string;
  readonly keyAccountIds: readonly string[];
  /** B2: how many of the latest signals the customer-360 view asks for. */
  readonly latestSignals: number;
  /** B4: concepts with many fields below them, and mapped source fields. */
  readonly conceptIds: readonly string[];
  readonly sourceFields: ReadonlyArray<{ readonly system: string; readonly field: string }>;
  /** A Relata admin token of `tenant` / `keyAccountTenant`. */
  readonly tokens: Readonly<Record<string, string>>;
}

/** The error of an answer, if it carries one (GraphQL `errors` or the raw endpoint's). */
export function answerError(answer: unknown): string | null {
  const errors = (answer as { errors?: Array<{ message?: string }> } | null)?.errors;
  if (!Array.isArray(errors) || errors.length === 0) return null;
  return errors.map((e) => e.message ?? JSON.stringify(e)).join("; ");
}

/** `data` of an answer; throws with the answer's errors when there are any. */
export function dataOf<T>(answer: unknown): T {
  const error = answerError(answer);
  if (error !== null) throw new Error(`the answer carries errors: ${error}`);
  const data = (answer as { data?: T } | null)?.data;
  if (data === undefined || data === null) throw new Error(`the answer has no data: ${JSON.stringify(answer)}`);
  return data;
}

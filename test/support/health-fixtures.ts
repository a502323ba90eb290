import { TestApi } from "./test-api";

const DAY_MS = 86_400_000;

/** One mapping of a test pack, as YAML; `extra` holds the lines that differ (transform, polarity, …). */
export function packMapping(system: string, field: string, concept: string, extra: string): string {
  return `  - system: ${system}
    field: ${field}
    concept: ${concept}
${extra}
    weight: 1
    predicate: exact
    author: test
    justification: manual-curation
    confidence: 1
    date: "2026-11-25"`;
}

/** A test account: its signals (each observed `daysAgo` before now) and, when labelled, its outcome. */
export interface FixtureAccount {
  externalId: string;
  signals: Array<{ system: string; field: string; number?: number; text?: string; unit?: string; daysAgo: number }>;
  outcome?: "CHURNED" | "RENEWED";
}

/** Calls the API as one tenant's admin; `ok` fails the test on any GraphQL error. */
export class TenantClient {
  constructor(
    private readonly api: TestApi,
    private readonly token: string,
  ) {}

  async ok<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await this.api.post<T>(query, variables, { token: this.token });
    expect(response.body.errors).toBeUndefined();
    return response.body.data!;
  }

  /** The first error's message and code, failing the test when the call succeeds. */
  async error(query: string, variables: Record<string, unknown> = {}): Promise<{ message: string; code?: string }> {
    const response = await this.api.post(query, variables, { token: this.token });
    expect(response.body.errors).toBeDefined();
    const [first] = response.body.errors!;
    return { message: first!.message, code: first!.extensions?.code };
  }

  async importPack(content: string): Promise<void> {
    const data = await this.ok<{ importOntology: { status: string; problems: unknown[] } }>(
      `mutation($content: String!) { importOntology(format: PACK, content: $content) { status problems { where message } } }`,
      { content },
    );
    expect(data.importOntology).toEqual({ status: "IMPORTED", problems: [] });
  }

  /** Upserts the accounts (source system "crm"), their signals and the outcomes, dated on `now`'s day. */
  async load(accounts: readonly FixtureAccount[], now: number): Promise<void> {
    await this.ok(`mutation($input: [AccountInput!]!) { upsertAccounts(input: $input) { created } }`, {
      input: accounts.map((a) => ({ sourceSystem: "crm", externalId: a.externalId, name: a.externalId })),
    });
    const signals = accounts.flatMap((a) =>
      a.signals.map((s, i) => ({
        sourceSystem: s.system,
        recordId: `${a.externalId}-${s.field}-${i}`,
        field: s.field,
        ...(s.number === undefined ? {} : { numberValue: s.number }),
        ...(s.text === undefined ? {} : { stringValue: s.text }),
        ...(s.unit === undefined ? {} : { unit: s.unit }),
        observedAt: new Date(now - s.daysAgo * DAY_MS).toISOString(),
        subject: { kind: "ACCOUNT", externalId: a.externalId, sourceSystem: "crm" },
      })),
    );
    await this.ok(`mutation($input: [SignalInput!]!) { ingestSignals(input: $input) { created } }`, { input: signals });
    const outcomes = accounts.flatMap((a) =>
      a.outcome === undefined
        ? []
        : [
            {
              account: { externalId: a.externalId },
              label: a.outcome,
              occurredOn: new Date(now).toISOString().slice(0, 10),
            },
          ],
    );
    if (outcomes.length > 0) {
      await this.ok(`mutation($input: [OutcomeInput!]!) { setOutcomes(input: $input) { created } }`, {
        input: outcomes,
      });
    }
  }
}

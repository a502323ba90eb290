import { ContractError } from "../../../domain/contracts/contract.errors";
import { ContractDefinitionInput, validateContractDefinition } from "../../../domain/contracts/validate-contract";
import { NOW } from "./fixtures";

function input(overrides: Partial<ContractDefinitionInput> = {}): ContractDefinitionInput {
  return {
    accountId: "acc_1",
    title: "  Telemetry for discounts ",
    grant: {
      categories: ["USAGE", "TELEMETRY", "USAGE"],
      purposes: ["ANALYTICS"],
      anonymisedOnly: true,
      startsAt: "2026-12-01T00:00:00Z",
      endsAt: null,
    },
    benefit: { kind: "API_QUOTA", formula: { kind: "LINEAR", base: 1000, rate: 2, cap: 100_000 } },
    ...overrides,
  };
}

function problemsOf(value: ContractDefinitionInput): Array<{ path: string; message: string }> {
  try {
    validateContractDefinition(value, NOW);
  } catch (error) {
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).code).toBe("INVALID_CONTRACT");
    return [...(error as ContractError).problems];
  }
  throw new Error("expected the definition to be refused");
}

const paths = (value: ContractDefinitionInput) => problemsOf(value).map((p) => p.path);

describe("validateContractDefinition", () => {
  it("normalises a valid definition: lists sorted and deduplicated, instants in UTC, title trimmed", () => {
    expect(validateContractDefinition(input(), NOW)).toEqual({
      accountId: "acc_1",
      title: "Telemetry for discounts",
      grant: {
        categories: ["TELEMETRY", "USAGE"],
        purposes: ["ANALYTICS"],
        anonymisedOnly: true,
        startsAt: "2026-12-01T00:00:00.000Z",
        endsAt: null,
      },
      benefit: { kind: "API_QUOTA", formula: { kind: "LINEAR", base: 1000, rate: 2, cap: 100_000 } },
      period: "MONTH",
    });
  });

  it("accepts tiers that start at 0 and ascend", () => {
    const tiered = validateContractDefinition(
      input({
        benefit: {
          kind: "DISCOUNT_PERCENT",
          formula: {
            kind: "TIERED",
            tiers: [
              { fromUnits: 0, rate: 0.01 },
              { fromUnits: 500, rate: 0.002 },
            ],
            cap: 15,
          },
        },
      }),
      NOW,
    );
    expect(tiered.benefit.formula).toEqual({
      kind: "TIERED",
      base: 0,
      tiers: [
        { fromUnits: 0, rate: 0.01 },
        { fromUnits: 500, rate: 0.002 },
      ],
      cap: 15,
    });
  });

  it("names the field of every problem, all at once", () => {
    const problems = problemsOf({
      accountId: "",
      grant: { categories: ["GENOME"], purposes: [], anonymisedOnly: "yes", startsAt: "soon" },
      benefit: { kind: "CASHBACK", formula: { kind: "LINEAR", rate: -1 } },
    });
    expect(problems.map((p) => p.path)).toEqual([
      "accountId",
      "grant.categories[0]",
      "grant.purposes",
      "grant.anonymisedOnly",
      "grant.startsAt",
      "benefit.kind",
      "benefit.formula.rate",
    ]);
    expect(problems[1]!.message).toBe('"GENOME" is not one of USAGE, TELEMETRY, SUPPORT, COMMERCIAL');
  });

  it("refuses malformed formulas: a missing rate, fields of the other kind, tiers out of order, an unknown kind", () => {
    const formula = (f: object) => input({ benefit: { kind: "API_QUOTA", formula: f } });
    expect(paths(formula({ kind: "LINEAR", base: 1 }))).toEqual(["benefit.formula.rate"]);
    expect(paths(formula({ kind: "LINEAR", rate: 1, tiers: [{ fromUnits: 0, rate: 1 }] }))).toEqual([
      "benefit.formula.tiers",
    ]);
    expect(
      paths(
        formula({
          kind: "TIERED",
          tiers: [
            { fromUnits: 10, rate: 1 },
            { fromUnits: 5, rate: 1 },
          ],
        }),
      ),
    ).toEqual(["benefit.formula.tiers[0].fromUnits", "benefit.formula.tiers[1].fromUnits"]);
    expect(paths(formula({ kind: "TIERED" }))).toEqual(["benefit.formula.tiers"]);
    expect(paths(formula({ kind: "EVAL", rate: 1 }))).toEqual(["benefit.formula.kind"]);
    expect(paths(input({ benefit: { kind: "API_QUOTA" } }))).toEqual(["benefit.formula"]);
  });

  it("refuses numbers out of range: negative, huge, not finite, a discount above 100", () => {
    const formula = (kind: string, f: object) => input({ benefit: { kind, formula: f } });
    expect(paths(formula("API_QUOTA", { kind: "LINEAR", rate: 1, base: -5 }))).toEqual(["benefit.formula.base"]);
    expect(paths(formula("API_QUOTA", { kind: "LINEAR", rate: 1e12 }))).toEqual(["benefit.formula.rate"]);
    expect(paths(formula("API_QUOTA", { kind: "LINEAR", rate: Number.NaN }))).toEqual(["benefit.formula.rate"]);
    expect(paths(formula("DISCOUNT_PERCENT", { kind: "LINEAR", rate: 1, cap: 150 }))).toEqual(["benefit.formula.cap"]);
    const many = Array.from({ length: 21 }, (_, i) => ({ fromUnits: i, rate: 1 }));
    expect(paths(formula("API_QUOTA", { kind: "TIERED", tiers: many }))).toEqual(["benefit.formula.tiers"]);
  });

  it("refuses dates that make no sense, and oversized text and lists", () => {
    const grant = (g: object) => input({ grant: { ...input().grant, ...g } });
    expect(paths(grant({ endsAt: "2026-11-30T00:00:00Z" }))).toEqual(["grant.endsAt"]);
    expect(paths(grant({ startsAt: "2027-01-01T00:00:00Z", endsAt: "2026-12-24T00:00:00Z" }))).toEqual([
      "grant.endsAt",
    ]);
    expect(paths(grant({ startsAt: "2046-01-01T00:00:00Z" }))).toEqual(["grant.startsAt"]);
    expect(paths(grant({ categories: Array.from({ length: 1000 }, () => "USAGE") }))).toEqual(["grant.categories"]);
    expect(paths(input({ title: "x".repeat(201) }))).toEqual(["title"]);
    expect(paths(input({ accountId: "a".repeat(201) }))).toEqual(["accountId"]);
  });

  it("says what to do in its message", () => {
    expect(() => validateContractDefinition(input({ grant: null }), NOW)).toThrow(
      /grant is required.*Fix them and define the contract again/,
    );
  });
});

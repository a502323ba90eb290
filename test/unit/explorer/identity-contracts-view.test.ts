import {
  benefitOf,
  canReadContracts,
  canRevokeContract,
  describeFormula,
  readPayload,
  statementsOf,
  unitsOf,
} from "../../../explorer/src/contracts/contracts.logic";
import {
  canDecideIdentity,
  formatProbability,
  formatValue,
  formatWeight,
  identityLabel,
  keyAttributes,
  maxAbsWeight,
  weightBar,
} from "../../../explorer/src/identity/identity.logic";

describe("the resolved customer and review pages' logic (issue 14)", () => {
  it("offers split and decisions to the roles the role matrix lets decide, not to viewers", () => {
    expect(["admin", "analyst", "integrator", "viewer"].filter(canDecideIdentity)).toEqual([
      "admin",
      "analyst",
      "integrator",
    ]);
  });

  it("formats probabilities and signed weights", () => {
    expect(formatProbability(0.9734)).toBe("97.3 %");
    expect(formatProbability(null)).toBe("–");
    expect(formatWeight(8.214)).toBe("+8.21");
    expect(formatWeight(-3.4)).toBe("−3.40");
    expect(formatWeight(undefined)).toBe("–");
  });

  it("draws weights as a diverging bar scaled by the largest one", () => {
    const fields = [{ weight: 8 }, { weight: -2 }, { weight: 0 }];
    const max = maxAbsWeight(fields);
    expect(max).toBe(8);
    expect(weightBar(8, max)).toEqual({ side: "for", percent: 50 });
    expect(weightBar(-2, max)).toEqual({ side: "against", percent: 12.5 });
    expect(weightBar(0, max)).toEqual({ side: "none", percent: 0 });
    expect(maxAbsWeight([{ weight: 0.1 }])).toBe(1);
  });

  it("lists the key attributes that have values", () => {
    expect(
      keyAttributes({
        givenName: "Wen",
        familyName: "Li",
        emails: ["li.wen@example.cn"],
        phones: [],
        address: { lines: ["12 Zhongshan Rd."], postcode: "200001", country: "CN", locality: null },
      }),
    ).toEqual([
      ["name", "Wen Li"],
      ["emails", "li.wen@example.cn"],
      ["address", "12 Zhongshan Rd., 200001, CN"],
    ]);
  });

  it("shows golden record values and provenance labels as text", () => {
    expect(formatValue(["a@x.cn", "b@x.cn"])).toBe("a@x.cn, b@x.cn");
    expect(formatValue({ lines: ["1 Rd."], postcode: "200001", country: null })).toBe("1 Rd., 200001");
    expect(formatValue(null)).toBe("–");
    const identities = [{ id: "idn_1", channel: "tmall", externalId: "TM-7" }];
    expect(identityLabel("idn_1", identities)).toBe("tmall · TM-7");
    expect(identityLabel("idn_2", identities)).toBe("idn_2");
  });
});

describe("the value contracts page's logic (issue 15)", () => {
  it("lets admins and analysts read, and only admins revoke", () => {
    const roles = ["admin", "analyst", "integrator", "viewer"];
    expect(roles.filter(canReadContracts)).toEqual(["admin", "analyst"]);
    expect(roles.filter(canRevokeContract)).toEqual(["admin"]);
  });

  it("describes linear and tiered formulas", () => {
    expect(describeFormula({ kind: "LINEAR", base: 2, rate: 0.001, cap: 10 })).toBe("LINEAR: 2 + 0.001 × units, ≤ 10");
    expect(
      describeFormula({
        kind: "TIERED",
        cap: null,
        tiers: [
          { fromUnits: 0, rate: 1 },
          { fromUnits: 100, rate: 2 },
        ],
      }),
    ).toBe("TIERED: ≥ 0 units: 1; ≥ 100 units: 2");
  });

  it("reads statements from the ledger's BENEFIT entries, newest first", () => {
    const entries = [
      { seq: 1, kind: "GRANT" },
      { seq: 3, kind: "BENEFIT" },
      { seq: 2, kind: "USE_SUMMARY" },
      { seq: 5, kind: "BENEFIT" },
    ];
    expect(statementsOf(entries).map((e) => e.seq)).toEqual([5, 3]);
    const payload = readPayload('{"totalUnits":1500,"benefit":{"kind":"DISCOUNT_PERCENT","value":3.5}}');
    expect(benefitOf(payload)).toBe("DISCOUNT_PERCENT 3.5");
    expect(unitsOf(payload)).toBe(1500);
    expect(readPayload("not json")).toBe("not json");
    expect(benefitOf("not json")).toBeNull();
  });
});

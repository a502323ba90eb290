import { BoundedLabels } from "../../../../app/observability/bounded-labels";

describe("bounded metric labels (issue 19: no unbounded time series)", () => {
  it("passes values through until the bound, then maps new ones to other", () => {
    const labels = new BoundedLabels(2);
    expect(labels.of("account.byIds")).toBe("account.byIds");
    expect(labels.of("upsert.Account")).toBe("upsert.Account");
    expect(labels.of("third.one")).toBe("other");
    expect(labels.of("account.byIds")).toBe("account.byIds");
  });

  it("maps values outside the pattern to other", () => {
    const labels = new BoundedLabels(10, /^[A-Z_]+$/);
    expect(labels.of("RATE_LIMITED")).toBe("RATE_LIMITED");
    expect(labels.of("not a code")).toBe("other");
    expect(labels.of("x".repeat(200))).toBe("other");
  });
});

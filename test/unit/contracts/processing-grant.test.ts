import { isProcessingAllowed, ProcessingRequest } from "../../../domain/contracts/processing-grant";
import { definition } from "./fixtures";

const grant = definition().grant;
const use: ProcessingRequest = {
  category: "TELEMETRY",
  purpose: "ANALYTICS",
  anonymised: true,
  at: "2026-12-01T00:00:00Z",
};

function refusal(request: Partial<ProcessingRequest>, revokedAt: string | null = null): string | null {
  const decision = isProcessingAllowed({ grant, revokedAt }, { ...use, ...request });
  return decision.allowed ? null : decision.refusal;
}

describe("isProcessingAllowed", () => {
  it("allows a granted category and purpose, anonymised, within the dates", () => {
    expect(refusal({})).toBeNull();
    expect(refusal({ category: "USAGE", purpose: "BENCHMARKING" })).toBeNull();
  });

  it("refuses what the grant does not cover", () => {
    expect(refusal({ category: "SUPPORT" })).toBe("CATEGORY_NOT_GRANTED");
    expect(refusal({ purpose: "AUTOMATION" })).toBe("PURPOSE_NOT_GRANTED");
    expect(refusal({ anonymised: false })).toBe("NOT_ANONYMISED");
  });

  it("allows data that is not anonymised when the grant does not ask for it", () => {
    const open = { ...grant, anonymisedOnly: false };
    expect(isProcessingAllowed({ grant: open, revokedAt: null }, { ...use, anonymised: false })).toEqual({
      allowed: true,
    });
  });

  it("refuses before the start and from the end on", () => {
    expect(refusal({ at: "2026-10-31T23:59:59.999Z" })).toBe("NOT_STARTED");
    expect(refusal({ at: "2026-11-01T00:00:00.000Z" })).toBeNull();
    expect(refusal({ at: "2027-11-01T00:00:00.000Z" })).toBe("ENDED");
  });

  it("refuses from the moment of a revocation, not before", () => {
    const revokedAt = "2026-12-01T12:00:00.000Z";
    expect(refusal({ at: "2026-12-01T11:59:59.999Z" }, revokedAt)).toBeNull();
    expect(refusal({ at: revokedAt }, revokedAt)).toBe("CONTRACT_REVOKED");
  });
});

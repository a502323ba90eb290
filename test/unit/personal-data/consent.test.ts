import { consentStateAt, purposeStateAt, screenByConsent } from "../../../domain/personal-data/consent";
import { checkConsentInput } from "../../../domain/personal-data/check-consent-input";

const granted = {
  purpose: "AUTOMATION" as const,
  grantedAt: "2026-01-01T00:00:00.000Z",
  withdrawnAt: null,
  expiresAt: null,
};

describe("consentStateAt", () => {
  it("is valid from the grant on, and not before", () => {
    expect(consentStateAt(granted, "2025-12-31T23:59:59.000Z")).toBe("NOT_YET_GRANTED");
    expect(consentStateAt(granted, "2026-01-01T00:00:00.000Z")).toBe("VALID");
  });

  it("stops at the withdrawal instant and at expiry", () => {
    const withdrawn = { ...granted, withdrawnAt: "2026-06-01T00:00:00.000Z" };
    expect(consentStateAt(withdrawn, "2026-05-31T23:59:59.000Z")).toBe("VALID");
    expect(consentStateAt(withdrawn, "2026-06-01T00:00:00.000Z")).toBe("WITHDRAWN");
    const expiring = { ...granted, expiresAt: "2026-03-01T00:00:00.000Z" };
    expect(consentStateAt(expiring, "2026-03-02T00:00:00.000Z")).toBe("EXPIRED");
  });
});

describe("purposeStateAt", () => {
  it("is valid when any record of the purpose is valid, whatever the others say", () => {
    const records = [
      { ...granted, withdrawnAt: "2026-02-01T00:00:00.000Z" },
      { ...granted, grantedAt: "2026-03-01T00:00:00.000Z" },
    ];
    expect(purposeStateAt(records, "AUTOMATION", "2026-04-01T00:00:00.000Z")).toBe("VALID");
    expect(purposeStateAt(records, "AUTOMATION", "2026-02-15T00:00:00.000Z")).toBe("WITHDRAWN");
  });

  it("says NO_CONSENT for a purpose never recorded", () => {
    expect(purposeStateAt([granted], "MARKETING", "2026-04-01T00:00:00.000Z")).toBe("NO_CONSENT");
  });
});

describe("screenByConsent", () => {
  it("splits people into allowed and skipped with the reason, people without records included", () => {
    const consents = new Map([
      ["per_a", [granted]],
      ["per_b", [{ ...granted, withdrawnAt: "2026-02-01T00:00:00.000Z" }]],
    ]);
    const screened = screenByConsent(
      ["per_b", "per_a", "per_c", "per_a"],
      consents,
      "AUTOMATION",
      "2026-04-01T00:00:00.000Z",
    );
    expect(screened.allowed).toEqual(["per_a"]);
    expect(screened.skipped).toEqual([
      { personId: "per_b", purpose: "AUTOMATION", state: "WITHDRAWN" },
      { personId: "per_c", purpose: "AUTOMATION", state: "NO_CONSENT" },
    ]);
  });
});

describe("checkConsentInput", () => {
  const valid = {
    sourceSystem: "onetrust",
    externalId: "c-1",
    contactId: "con_AAAAAAAAAAAAAAAAAAAAAA",
    purpose: "MARKETING",
    legalBasis: "CONSENT",
    channel: "WEB_FORM",
    evidenceText: "I agree to receive offers",
    grantedAt: "2026-01-01T08:00:00+08:00",
  };

  it("accepts a complete record and normalises its instants to UTC", () => {
    const checked = checkConsentInput(valid);
    expect(checked).toMatchObject({
      ok: true,
      input: { grantedAt: "2026-01-01T00:00:00.000Z", subject: { kind: "CONTACT" } },
    });
  });

  it("names every problem with its field", () => {
    const checked = checkConsentInput({
      ...valid,
      purpose: "SPAM",
      grantedAt: "yesterday",
      withdrawnAt: "2025-01-01T00:00:00Z",
    });
    expect(checked.ok).toBe(false);
    const reason = (checked as { reason: string }).reason;
    expect(reason).toContain('purpose "SPAM" is not one of MARKETING');
    expect(reason).toContain('grantedAt "yesterday" is not an ISO-8601 instant');
  });

  it("needs exactly one way of naming the person, and evidence for a CONSENT basis", () => {
    expect(checkConsentInput({ ...valid, personId: "per_AAAAAAAAAAAAAAAAAAAAAA" })).toMatchObject({ ok: false });
    expect(checkConsentInput({ ...valid, evidenceText: null })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("needs evidence"),
    });
    expect(checkConsentInput({ ...valid, legalBasis: "CONTRACT", evidenceText: null })).toMatchObject({ ok: true });
  });

  it("refuses a withdrawal before the grant and malformed ids", () => {
    expect(checkConsentInput({ ...valid, withdrawnAt: "2025-12-31T00:00:00Z" })).toMatchObject({ ok: false });
    expect(checkConsentInput({ ...valid, contactId: "con_short" })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("is not a contact id"),
    });
  });
});

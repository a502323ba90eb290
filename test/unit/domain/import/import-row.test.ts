import { fieldOfReason } from "../../../../domain/import/import-row";

describe("fieldOfReason", () => {
  const fields = ["externalId", "name", "annualRevenue", "account.externalId", "links", "subject.kind"];

  it.each([
    ["annualRevenue must not be negative; received -1", "annualRevenue"],
    ["account.externalId is required and must be text", "account.externalId"],
    ["links[2].account.externalId must not be empty", "links[2].account.externalId"],
    ["subject.kind must be one of ACCOUNT, CONTACT, ASSET", "subject.kind"],
  ])("finds the field a reason starts with: %s", (reason, field) => {
    expect(fieldOfReason(reason, fields)).toBe(field);
  });

  it.each([
    "duplicate of record 3 in this batch (same source system and id); send each record once",
    "exactly one of numberValue, stringValue and booleanValue must be set; 2 were",
    'account "A-9" from source system "crm" does not exist in this tenant',
  ])("gives none when the reason does not start with a field: %s", (reason) => {
    expect(fieldOfReason(reason, fields)).toBeNull();
  });
});

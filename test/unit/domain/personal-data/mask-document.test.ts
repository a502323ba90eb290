import { FULL_ACCESS, NO_ACCESS } from "../../../../domain/personal-data/access-policy";
import { PERSONAL_DATA } from "../../../../domain/personal-data/catalogue";
import { maskChange } from "../../../../domain/personal-data/mask-change";
import { maskDocument, maskGoldenValue } from "../../../../domain/personal-data/mask-document";
import { StoredChange } from "../../../../domain/events/change-event";

const attributes = PERSONAL_DATA.find((e) => e.label === "Identity" && e.property === "attributes")!.json!;

const DOCUMENT = {
  givenName: "Wei",
  familyName: "Zhang",
  emails: ["zhang.wei@example.cn"],
  phones: ["+86 138 0013 8000"],
  dateOfBirth: "1990-03-14",
  nationalId: "310101199003140011",
  address: { lines: ["12 Zhongshan Road"], locality: "Shanghai", postcode: "200001", country: "CN" },
  companyName: "Acme",
};

describe("maskDocument", () => {
  it("masks every declared key a reader may not see, and keeps the others", () => {
    expect(maskDocument(DOCUMENT, attributes, NO_ACCESS)).toEqual({
      givenName: "W***",
      familyName: "Z***",
      emails: ["z***@example.cn"],
      phones: ["+86 *** **** **00"],
      dateOfBirth: null,
      nationalId: null,
      address: { lines: ["1***"], locality: "S***", postcode: "2***", country: "CN" },
      companyName: "Acme",
    });
  });
  it("masks only SENSITIVE keys for a reader of identifiers and contact details", () => {
    const masked = maskDocument(DOCUMENT, attributes, new Set(["IDENTIFIER", "CONTACT"])) as typeof DOCUMENT;
    expect(masked.dateOfBirth).toBeNull();
    expect(masked.emails).toEqual(DOCUMENT.emails);
  });
  it("leaves the input as it was", () => {
    const copy = structuredClone(DOCUMENT);
    maskDocument(DOCUMENT, attributes, NO_ACCESS);
    expect(DOCUMENT).toEqual(copy);
  });
  it("returns the document unchanged for a reader who sees everything", () => {
    expect(maskDocument(DOCUMENT, attributes, FULL_ACCESS)).toBe(DOCUMENT);
  });
  it("steps into arrays of objects", () => {
    const keys = [{ path: "people[].email", category: "CONTACT" as const, mask: "EMAIL" as const }];
    expect(maskDocument({ people: [{ email: "a@b.cn" }, { email: null }] }, keys, NO_ACCESS)).toEqual({
      people: [{ email: "a***@b.cn" }, { email: null }],
    });
  });
});

describe("maskGoldenValue", () => {
  it("masks a golden record's value by the field it names", () => {
    expect(maskGoldenValue("emails", ["zhang.wei@example.cn"], NO_ACCESS)).toEqual(["z***@example.cn"]);
    expect(maskGoldenValue("dateOfBirth", "1990-03-14", NO_ACCESS)).toBeNull();
    expect(maskGoldenValue("country", "CN", NO_ACCESS)).toBe("CN");
  });
});

describe("maskChange", () => {
  const event: StoredChange = {
    id: "e1",
    seq: 1,
    tenant: "t",
    actor: "loader",
    at: "2026-12-01T00:00:00Z",
    type: "CONTACT_UPDATED",
    recordId: "con_1",
    externalId: "C-1",
    sourceSystem: "crm",
    changes: [
      { field: "email", old: "old@example.com", new: "new@example.com", personal: true },
      { field: "buyingRole", old: null, new: "CHAMPION" },
      { field: "name", old: null, new: null, personal: true, erased: true },
    ],
  };

  it("masks a contact's declared fields and its external id for a masked reader", () => {
    const masked = maskChange(event, NO_ACCESS);
    expect(masked.externalId).toBe("C***");
    expect(masked.changes).toEqual([
      { field: "email", old: "o***@example.com", new: "n***@example.com", personal: true },
      { field: "buyingRole", old: null, new: "CHAMPION" },
      { field: "name", old: null, new: null, personal: true, erased: true },
    ]);
  });
  it("keeps an account's name (a company) in clear", () => {
    const account = { ...event, type: "ACCOUNT_UPDATED" as const, changes: [{ field: "name", old: "A", new: "B" }] };
    expect(maskChange(account, NO_ACCESS)).toEqual(account);
  });
  it("leaves everything for a reader who sees identifiers and contact details", () => {
    expect(maskChange(event, new Set(["IDENTIFIER", "CONTACT"]))).toEqual(event);
  });
});

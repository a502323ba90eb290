import {
  normaliseAddressLine,
  normaliseDate,
  normaliseEmail,
  normaliseIdentity,
  normalisePhone,
  normaliseText,
} from "../../../domain/identity/normalise-identity";

describe("normaliseText", () => {
  it("folds full-width forms, case and accents", () => {
    expect(normaliseText("ＪＯＳÉ  Ｍüller")).toBe("jose muller");
    expect(normaliseText("Ørsted-Æbelø")).toBe("orsted aebelo");
    expect(normaliseText("Straße")).toBe("strasse");
  });

  it("turns punctuation and runs of whitespace into one space and keeps digits", () => {
    expect(normaliseText("  O'Brien,\tJr.  2nd ")).toBe("obrien jr 2nd");
  });

  it("joins Chinese text around numbers so that spacing does not matter", () => {
    expect(normaliseText("南京西路 1266 号")).toBe(normaliseText("南京西路1266号"));
    expect(normaliseText("南京西路１２６６号")).toBe("南京西路1266号");
  });

  it("returns null for empty values", () => {
    expect(normaliseText("  ,; ")).toBeNull();
    expect(normaliseText(null)).toBeNull();
  });
});

describe("normaliseEmail", () => {
  it("lower-cases and trims", () => {
    expect(normaliseEmail("  Li.Wei@Example.COM ")).toBe("li.wei@example.com");
  });

  it("drops Gmail dots and +tags unless told not to", () => {
    expect(normaliseEmail("Li.Wei+shop@googlemail.com")).toBe("liwei@gmail.com");
    expect(normaliseEmail("li.wei@gmail.com", { gmailDots: false })).toBe("li.wei@gmail.com");
  });

  it("rejects what is not an email", () => {
    expect(normaliseEmail("li.wei at example.com")).toBeNull();
  });
});

describe("normalisePhone", () => {
  it("writes phones in E.164, with the default country when they have no country code", () => {
    expect(normalisePhone("+86 138 0013 8000")).toBe("+8613800138000");
    expect(normalisePhone("030 901820", "DE")).toBe("+4930901820");
    expect(normalisePhone("＋４９ ３０ ９０１８２０")).toBe("+4930901820");
  });

  it("returns null for an invalid number", () => {
    expect(normalisePhone("12345")).toBeNull();
    expect(normalisePhone("+49 30", "DE")).toBeNull();
  });
});

describe("normaliseAddressLine and dates", () => {
  it("expands street-type abbreviations", () => {
    expect(normaliseAddressLine("12 King St.")).toBe("12 king street");
    expect(normaliseAddressLine("12 KING STREET")).toBe("12 king street");
    expect(normaliseAddressLine("4 Ocean Rd")).toBe("4 ocean road");
    expect(normaliseAddressLine("77 Fifth Ave")).toBe("77 fifth avenue");
  });

  it("reads ISO, compact and dotted dates and refuses impossible ones", () => {
    expect(normaliseDate("1980-05-12")).toBe("1980-05-12");
    expect(normaliseDate("19800512")).toBe("1980-05-12");
    expect(normaliseDate("12.05.1980")).toBe("1980-05-12");
    expect(normaliseDate("1980-02-30")).toBeNull();
  });
});

describe("normaliseIdentity", () => {
  it("normalises every attribute of a valid identity", () => {
    const result = normaliseIdentity({
      entity: "PERSON",
      channel: "tmall",
      externalId: " buyer-1 ",
      attributes: {
        givenName: "Zoë",
        familyName: "ＭÜＬＬＥＲ",
        emails: ["Zoe.Mueller@Example.com"],
        phones: ["030 901820"],
        address: { lines: ["12 Unter den Linden St", "Apt 4"], postcode: "10 117", locality: "Berlin", country: "de" },
        dateOfBirth: "1980-05-12",
        nationalId: "ab-12 34",
      },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.identity).toMatchObject({
      id: "tmall:buyer-1",
      givenName: "zoe",
      familyName: "muller",
      fullName: "zoe muller",
      emails: ["zoe.mueller@example.com"],
      phones: ["+4930901820"],
      houseNumber: "12",
      street: "unter den linden street",
      addressExtra: "apartment 4",
      postcode: "10117",
      country: "DE",
      dateOfBirth: "1980-05-12",
      nationalId: "AB1234",
    });
  });

  it("names the field and the value of an invalid phone", () => {
    const result = normaliseIdentity({
      entity: "PERSON",
      channel: "call-center",
      externalId: "c-9",
      attributes: { phones: ["+86 138 0013 8000", "12345"] },
    });
    expect(result).toEqual({
      ok: false,
      errors: [{ field: "attributes.phones[1]", message: expect.stringContaining('"12345"') }],
    });
  });

  it("rejects a missing channel, a missing external id and an unknown entity, all at once", () => {
    const result = normaliseIdentity({
      entity: "ROBOT" as "PERSON",
      channel: " ",
      externalId: "",
      attributes: {},
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field).sort()).toEqual(["channel", "entity", "externalId"]);
    expect(result.errors.find((e) => e.field === "entity")!.message).toContain("PERSON, ORGANIZATION");
  });

  it("rejects an impossible date of birth and an invalid email", () => {
    const result = normaliseIdentity({
      entity: "PERSON",
      channel: "erp",
      externalId: "e-1",
      attributes: { dateOfBirth: "1980-13-01", emails: ["nobody"] },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field)).toEqual(["attributes.emails[0]", "attributes.dateOfBirth"]);
  });
});

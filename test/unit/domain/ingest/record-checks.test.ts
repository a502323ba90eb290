import {
  checkAccount,
  checkAsset,
  checkContact,
  checkOpportunity,
  checkOrganization,
  checkSignal,
  checkSourceSystem,
  checkTeam,
  checkUser,
  MAX_ID_LENGTH,
  MAX_LINKS_PER_ORGANIZATION,
} from "../../../../domain/ingest/record-checks";
import {
  AccountRecord,
  AssetRecord,
  ContactRecord,
  OpportunityRecord,
  OrganizationRecord,
  SignalRecord,
  SourceSystemRecord,
} from "../../../../domain/records";

/** Records that arrive from GraphQL or JSON may break the static types; the checks must catch that too. */
function loose<T>(record: Record<string, unknown>): T {
  return record as unknown as T;
}

const ACCOUNT: AccountRecord = {
  sourceSystem: "crm",
  externalId: "A-1",
  name: "Acme Healthcare",
  industry: "HEALTHCARE",
  segment: "ENTERPRISE",
  region: "EMEA",
  annualRevenue: 120_000_000,
};
const CONTACT: ContactRecord = {
  sourceSystem: "crm",
  externalId: "C-1",
  account: { externalId: "A-1" },
  name: "Lena Vogt",
  email: "lena@acme.example",
  buyingRole: "DECISION_MAKER",
};
const OPPORTUNITY: OpportunityRecord = {
  sourceSystem: "crm",
  externalId: "O-1",
  account: { externalId: "A-1" },
  name: "MRI fleet renewal",
  stage: "PROPOSAL",
  amount: 250_000,
  currency: "EUR",
  closeDate: "2026-11-30",
};
const ASSET: AssetRecord = {
  sourceSystem: "erp",
  externalId: "S-1",
  account: { externalId: "A-1", sourceSystem: "crm" },
  name: "MRI scanner",
  installedOn: "2024-02-29",
};
const ORGANIZATION: OrganizationRecord = {
  sourceSystem: "crm",
  externalId: "P-1",
  name: "MedServ",
  kind: "SERVICE_PROVIDER",
  links: [{ account: { externalId: "A-1" }, relationship: "SERVICES" }],
};
const SIGNAL: SignalRecord = {
  sourceSystem: "callcenter",
  recordId: "T-1",
  field: "csat_score",
  numberValue: 4,
  observedAt: "2026-10-01T10:00:00Z",
  subject: { kind: "ACCOUNT", externalId: "A-1", sourceSystem: "crm" },
};

describe("checkSourceSystem", () => {
  it("accepts a described source system", () => {
    const record: SourceSystemRecord = { key: "salesforce", name: "Salesforce", kind: "CRM" };
    expect(checkSourceSystem(record)).toBeNull();
  });

  it("rejects an upper-case key, an empty name and an unknown kind", () => {
    expect(checkSourceSystem({ key: "Salesforce", name: "S", kind: "CRM" })).toMatch(
      /^key must be a source system key/,
    );
    expect(checkSourceSystem({ key: "sf", name: " ", kind: "CRM" })).toBe("name must not be empty");
    expect(checkSourceSystem(loose({ key: "sf", name: "S", kind: "SPREADSHEET" }))).toMatch(
      /^kind must be one of CRM, .*OTHER; received "SPREADSHEET"$/,
    );
  });
});

describe("checkAccount", () => {
  describe("valid accounts", () => {
    it("accepts a full account", () => {
      expect(checkAccount(ACCOUNT)).toBeNull();
    });

    it("accepts an account with only its key and name, and zero revenue", () => {
      expect(checkAccount({ sourceSystem: "crm", externalId: "A-2", name: "Bare" })).toBeNull();
      expect(checkAccount({ ...ACCOUNT, annualRevenue: 0 })).toBeNull();
    });

    it.each(["crm", "sap.erp", "genesys-cc", "a_b", "0crm", "x".repeat(64)])(
      "accepts the source system key %p",
      (key) => {
        expect(checkAccount({ ...ACCOUNT, sourceSystem: key })).toBeNull();
      },
    );
  });

  describe("invalid accounts", () => {
    it("rejects an empty or blank name", () => {
      expect(checkAccount({ ...ACCOUNT, name: "" })).toBe("name must not be empty");
      expect(checkAccount({ ...ACCOUNT, name: "   " })).toBe("name must not be empty");
    });

    it("rejects a missing name", () => {
      expect(checkAccount(loose({ ...ACCOUNT, name: undefined }))).toBe("name is required and must be text");
    });

    it.each(["CRM", "", "-crm", "crm system", "crm/1", "x".repeat(65)])("rejects the source system key %p", (key) => {
      const problem = checkAccount({ ...ACCOUNT, sourceSystem: key });
      expect(problem).toMatch(/^sourceSystem must be a source system key of lower-case letters, digits/);
      expect(problem).toContain(`received ${JSON.stringify(key)}`);
    });

    it("rejects an empty external id and one longer than the limit", () => {
      expect(checkAccount({ ...ACCOUNT, externalId: " " })).toBe("externalId must not be empty");
      expect(checkAccount({ ...ACCOUNT, externalId: "x".repeat(MAX_ID_LENGTH + 1) })).toBe(
        `externalId is ${MAX_ID_LENGTH + 1} characters long; at most ${MAX_ID_LENGTH} are allowed`,
      );
    });

    it("rejects negative and non-finite revenue", () => {
      expect(checkAccount({ ...ACCOUNT, annualRevenue: -5 })).toBe("annualRevenue must not be negative; received -5");
      expect(checkAccount({ ...ACCOUNT, annualRevenue: Number.POSITIVE_INFINITY })).toBe(
        "annualRevenue must be a finite number",
      );
      expect(checkAccount(loose({ ...ACCOUNT, annualRevenue: "12" }))).toBe("annualRevenue must be a finite number");
    });

    it("rejects optional text that is not text", () => {
      expect(checkAccount(loose({ ...ACCOUNT, industry: 7 }))).toBe("industry must be text");
    });

    it("reports the first problem only, key problems first", () => {
      expect(checkAccount({ ...ACCOUNT, sourceSystem: "BAD", name: "", annualRevenue: -1 })).toMatch(/^sourceSystem /);
    });
  });
});

describe("checkContact", () => {
  describe("valid contacts", () => {
    it("accepts a contact whose account reference defaults its source system", () => {
      expect(checkContact(CONTACT)).toBeNull();
    });
  });

  describe("invalid contacts", () => {
    it("rejects a missing account reference or an empty account external id", () => {
      expect(checkContact(loose({ ...CONTACT, account: null }))).toBe("account is required");
      expect(checkContact({ ...CONTACT, account: { externalId: "" } })).toBe("account.externalId must not be empty");
    });

    it("rejects a bad account source system key", () => {
      expect(checkContact({ ...CONTACT, account: { externalId: "A-1", sourceSystem: "CRM" } })).toMatch(
        /^account\.sourceSystem must be a source system key/,
      );
    });

    it.each(["not-an-email", "a@b", "a b@c.de", "@acme.example"])("rejects the e-mail address %p", (email) => {
      expect(checkContact({ ...CONTACT, email })).toBe(`email is not an e-mail address; received "${email}"`);
    });

    it("rejects an unknown buying role", () => {
      expect(checkContact(loose({ ...CONTACT, buyingRole: "BOSS" }))).toMatch(
        /^buyingRole must be one of DECISION_MAKER/,
      );
    });

    it("rejects a phone number longer than 64 characters", () => {
      expect(checkContact({ ...CONTACT, phone: "1".repeat(65) })).toMatch(/^phone is 65 characters long; at most 64/);
    });
  });
});

describe("checkOpportunity", () => {
  describe("valid opportunities", () => {
    it("accepts a full opportunity", () => {
      expect(checkOpportunity(OPPORTUNITY)).toBeNull();
    });

    it("accepts an opportunity without amount or close date", () => {
      expect(checkOpportunity({ ...OPPORTUNITY, amount: null, closeDate: null })).toBeNull();
    });
  });

  describe("invalid opportunities", () => {
    it("rejects a missing or unknown stage", () => {
      expect(checkOpportunity(loose({ ...OPPORTUNITY, stage: undefined }))).toBe("stage is required");
      expect(checkOpportunity(loose({ ...OPPORTUNITY, stage: "WON" }))).toMatch(/^stage must be one of PROSPECTING/);
    });

    it("rejects a negative amount and a currency longer than three letters", () => {
      expect(checkOpportunity({ ...OPPORTUNITY, amount: -1 })).toBe("amount must not be negative; received -1");
      expect(checkOpportunity({ ...OPPORTUNITY, currency: "EURO" })).toMatch(
        /^currency is 4 characters long; at most 3/,
      );
    });

    it.each(["30.11.2026", "2026-11-30T00:00:00Z", "2026-13-01", "2026-00-10", "2026-11-32", "yesterday"])(
      "rejects the close date %p",
      (closeDate) => {
        expect(checkOpportunity({ ...OPPORTUNITY, closeDate })).toBe(
          `closeDate must be a date written YYYY-MM-DD; received "${closeDate}"`,
        );
      },
    );

    // Date.parse rolls 2026-02-30 over to 2026-03-02 instead of refusing it.
    it.each(["2026-02-30", "2026-02-29", "2026-04-31"])(
      "rejects the calendar date %p, which does not exist",
      (closeDate) => {
        expect(checkOpportunity({ ...OPPORTUNITY, closeDate })).toBe(
          `closeDate must be a date written YYYY-MM-DD; received "${closeDate}"`,
        );
      },
    );
  });
});

describe("checkAsset", () => {
  describe("valid assets", () => {
    it("accepts an asset installed on a leap day, at an account of another source system", () => {
      expect(checkAsset(ASSET)).toBeNull();
    });
  });

  describe("invalid assets", () => {
    it("rejects a bad installation date", () => {
      expect(checkAsset({ ...ASSET, installedOn: "2024-1-5" })).toMatch(
        /^installedOn must be a date written YYYY-MM-DD/,
      );
    });

    it("rejects an empty name", () => {
      expect(checkAsset({ ...ASSET, name: "" })).toBe("name must not be empty");
    });
  });
});

describe("checkOrganization", () => {
  describe("valid organizations", () => {
    it("accepts an organization with links, and one without any", () => {
      expect(checkOrganization(ORGANIZATION)).toBeNull();
      expect(checkOrganization({ ...ORGANIZATION, links: [] })).toBeNull();
    });

    it("accepts exactly the maximum number of links", () => {
      const links = Array.from({ length: MAX_LINKS_PER_ORGANIZATION }, (_, i) => ({
        account: { externalId: `A-${i}` },
        relationship: "SUPPLIES" as const,
      }));
      expect(checkOrganization({ ...ORGANIZATION, links })).toBeNull();
    });
  });

  describe("invalid organizations", () => {
    it("rejects an unknown kind", () => {
      expect(checkOrganization(loose({ ...ORGANIZATION, kind: "FRIEND" }))).toMatch(/^kind must be one of PARTNER/);
    });

    it("rejects links that are not a list", () => {
      expect(checkOrganization(loose({ ...ORGANIZATION, links: null }))).toBe("links must be a list (it may be empty)");
    });

    it("rejects more links than allowed", () => {
      const links = Array.from({ length: MAX_LINKS_PER_ORGANIZATION + 1 }, (_, i) => ({
        account: { externalId: `A-${i}` },
        relationship: "SUPPLIES" as const,
      }));
      expect(checkOrganization({ ...ORGANIZATION, links })).toBe(
        `links has ${MAX_LINKS_PER_ORGANIZATION + 1} entries; at most ${MAX_LINKS_PER_ORGANIZATION} are allowed per organization`,
      );
    });

    it("names the position of a bad link", () => {
      const links = [
        { account: { externalId: "A-1" }, relationship: "SUPPLIES" },
        { account: { externalId: "" }, relationship: "SUPPLIES" },
      ];
      expect(checkOrganization(loose({ ...ORGANIZATION, links }))).toBe(
        "links[1].account.externalId must not be empty",
      );
      const badType = [{ account: { externalId: "A-1" }, relationship: "OWNS" }];
      expect(checkOrganization(loose({ ...ORGANIZATION, links: badType }))).toMatch(
        /^links\[0\]\.relationship must be one of PARTNER_OF, SUPPLIES, SERVICES, RESELLS_TO; received "OWNS"$/,
      );
      expect(checkOrganization(loose({ ...ORGANIZATION, links: [null] }))).toBe("links[0].account is required");
    });
  });
});

describe("checkSignal", () => {
  describe("valid signals", () => {
    it("accepts a number, a string or a boolean observation", () => {
      expect(checkSignal(SIGNAL)).toBeNull();
      expect(checkSignal({ ...SIGNAL, numberValue: null, stringValue: "E42" })).toBeNull();
      expect(checkSignal({ ...SIGNAL, numberValue: undefined, booleanValue: false })).toBeNull();
    });

    it.each(["2026-10-01T10:00Z", "2026-10-01T10:00:00.123456789+02:00", "2026-10-01T10:00:00-05:30"])(
      "accepts the instant %p",
      (observedAt) => {
        expect(checkSignal({ ...SIGNAL, observedAt })).toBeNull();
      },
    );
  });

  describe("invalid signals", () => {
    it("rejects no value and more than one value", () => {
      expect(checkSignal({ ...SIGNAL, numberValue: null })).toBe(
        "exactly one of numberValue, stringValue and booleanValue must be set; 0 were",
      );
      expect(checkSignal({ ...SIGNAL, stringValue: "x", booleanValue: true })).toBe(
        "exactly one of numberValue, stringValue and booleanValue must be set; 3 were",
      );
    });

    it("rejects a non-finite number and a boolean that is not one", () => {
      expect(checkSignal({ ...SIGNAL, numberValue: Number.NaN })).toBe("numberValue must be a finite number");
      expect(checkSignal(loose({ ...SIGNAL, numberValue: null, booleanValue: "yes" }))).toBe(
        "booleanValue must be true or false",
      );
    });

    it.each(["2026-10-01", "2026-10-01T10:00:00", "2026-10-01 10:00:00Z", "2026-13-01T10:00:00Z", "now"])(
      "rejects the instant %p, which has no zone or is not a date",
      (observedAt) => {
        expect(checkSignal({ ...SIGNAL, observedAt })).toBe(
          `observedAt must be an ISO-8601 date and time with a zone, e.g. "2026-03-01T09:30:00Z"; received "${observedAt}"`,
        );
      },
    );

    // Date.parse rolls February 30th over to March 2nd instead of refusing it.
    it("rejects the instant 2026-02-30T10:00:00Z, whose date does not exist", () => {
      expect(checkSignal({ ...SIGNAL, observedAt: "2026-02-30T10:00:00Z" })).toMatch(
        /^observedAt must be an ISO-8601 date and time/,
      );
    });

    it("rejects a missing or unknown subject", () => {
      expect(checkSignal(loose({ ...SIGNAL, subject: undefined }))).toBe("subject.kind is required");
      expect(checkSignal(loose({ ...SIGNAL, subject: { kind: "DEAL", externalId: "X" } }))).toMatch(
        /^subject\.kind must be one of ACCOUNT, CONTACT, ASSET/,
      );
      expect(checkSignal({ ...SIGNAL, subject: { kind: "ASSET", externalId: "" } })).toBe(
        "subject.externalId must not be empty",
      );
    });

    it("rejects an empty record id and an empty field", () => {
      expect(checkSignal({ ...SIGNAL, recordId: "" })).toBe("recordId must not be empty");
      expect(checkSignal({ ...SIGNAL, field: " " })).toBe("field must not be empty");
    });
  });
});

describe("checkUser and checkTeam (issue 11)", () => {
  const USER = { sourceSystem: "hr", externalId: "lena", name: "Lena" };

  it("accepts a user with roles, team, manager and seniority", () => {
    expect(
      checkUser({
        ...USER,
        email: "lena@example.com",
        roles: ["admin", "viewer"],
        team: { externalId: "T-1", sourceSystem: "ldap" },
        manager: { externalId: "boss" },
        seniority: "LEAD",
      }),
    ).toBeNull();
    expect(checkTeam({ sourceSystem: "hr", externalId: "T-1", name: "Sales" })).toBeNull();
  });

  it("names the field that is wrong", () => {
    expect(checkUser({ ...USER, roles: ["root"] as never })).toBe(
      'roles[0] must be one of admin, analyst, integrator, viewer, rep; received "root"',
    );
    expect(checkUser({ ...USER, seniority: "GURU" as never })).toMatch(/^seniority must be one of JUNIOR, MID/);
    expect(checkUser({ ...USER, team: { externalId: "" } })).toBe("team.externalId must not be empty");
    expect(checkUser({ ...USER, team: { externalId: "T", sourceSystem: "Bad Key" } })).toMatch(
      /^team.sourceSystem must be a source system key/,
    );
    expect(checkUser({ ...USER, manager: { externalId: "lena" } })).toMatch(
      /^manager.externalId names the user itself/,
    );
    expect(checkUser({ ...USER, roles: Array.from({ length: 11 }, () => "viewer" as const) })).toBe(
      "roles has 11 entries; at most 10 are allowed",
    );
    expect(checkTeam({ sourceSystem: "hr", externalId: "T-1", name: " " })).toBe("name must not be empty");
  });

  it("checks an account's owner reference", () => {
    expect(checkAccount({ sourceSystem: "crm", externalId: "A", name: "A", owner: { externalId: "" } })).toBe(
      "owner.externalId must not be empty",
    );
    expect(checkAccount({ sourceSystem: "crm", externalId: "A", name: "A", owner: null })).toBeNull();
  });
});

import { packSegments, unpackSegment } from "../../../domain/events/change-segment";
import { scrubSegmentEvents, erasedContactProperties } from "../../../domain/personal-data/erasure-plan";
import { assemblePersonExport, PersonDataParts } from "../../../domain/personal-data/person-export";
import { personalValuesOf, valuesAtPath } from "../../../domain/personal-data/personal-values";
import { ERASED, PayloadScrubber } from "../../../domain/personal-data/scrub-payload";
import { erasureAnswer } from "../../../domain/personal-data/erasure-answer";
import { tombstoneHash } from "../../../domain/personal-data/erasure-tombstone";
import { screenAction, firingRecordIds, withoutRecords } from "../../../domain/personal-data/action-purposes";
import { PlaybookFiring } from "../../../domain/automation/playbook-firing";

const attributes = JSON.stringify({
  fullName: "Zhang Wei",
  emails: ["zw@example.cn"],
  phones: ["+8613800138000"],
  address: { lines: ["12 Zhongshan Rd."], postcode: "200001", country: "CN" },
});

describe("personalValuesOf", () => {
  it("reads the catalogue's paths of identity JSON and a contact's declared fields, longest first", () => {
    const values = personalValuesOf({
      contacts: [
        {
          id: "con_x",
          name: "Zhang Wei",
          email: "zw@example.cn",
          phone: null,
          title: "Head of Equipment",
          externalId: "SF-1",
        },
      ],
      identities: [{ externalId: "TM-55120", attributes, normalised: null }],
    });
    expect(values).toEqual(
      expect.arrayContaining([
        "Zhang Wei",
        "zw@example.cn",
        "+8613800138000",
        "12 Zhongshan Rd.",
        "200001",
        "TM-55120",
        "SF-1",
        "Head of Equipment",
      ]),
    );
    expect(values).not.toContain("CN");
    expect(values.map((v) => v.length)).toEqual([...values.map((v) => v.length)].sort((a, b) => b - a));
  });

  it("steps into arrays and objects by path", () => {
    expect(valuesAtPath(JSON.parse(attributes), "address.lines[]")).toEqual(["12 Zhongshan Rd."]);
    expect(valuesAtPath(JSON.parse(attributes), "emails[]")).toEqual(["zw@example.cn"]);
    expect(valuesAtPath(null, "emails[]")).toEqual([]);
  });
});

describe("PayloadScrubber", () => {
  const scrubber = new PayloadScrubber(["Zhang Wei", "zw@example.cn", "Li"]);

  it("cuts values out of texts, case-insensitively, and replaces whole short values only", () => {
    expect(scrubber.text("Call ZHANG WEI at zw@example.cn")).toBe(`Call ${ERASED} at ${ERASED}`);
    expect(scrubber.text("Li")).toBe(ERASED);
    expect(scrubber.text("Liability")).toBe("Liability");
  });

  it("scrubs JSON texts leaf by leaf and keeps their structure", () => {
    const scrubbed = scrubber.property(JSON.stringify({ note: "met Zhang Wei", n: 3, list: ["zw@example.cn"] }));
    expect(scrubbed.changed).toBe(true);
    expect(JSON.parse(String(scrubbed.value))).toEqual({ note: `met ${ERASED}`, n: 3, list: [ERASED] });
    expect(scrubber.property(JSON.stringify({ n: 3 })).changed).toBe(false);
    expect(scrubber.property(["a", "Zhang Wei"])).toEqual({ value: ["a", ERASED], changed: true });
  });
});

describe("erasure plan", () => {
  it("empties a contact's personal fields and gives it a surrogate key", () => {
    const scrubber = new PayloadScrubber(["Zhang Wei"]);
    const props = erasedContactProperties(
      {
        id: "con_x",
        name: "Zhang Wei",
        email: "zw@example.cn",
        phone: "+86 138",
        title: "Head",
        externalId: "SF-1",
        buyingRole: "CHAMPION",
      },
      scrubber,
      "2026-12-02T00:00:00.000Z",
    );
    expect(props).toMatchObject({ name: ERASED, email: null, phone: null, title: null, externalId: "erased:con_x" });
    expect(props).not.toHaveProperty("buyingRole");
  });

  it("rewrites a segment's events about the person and scrubs the others", () => {
    const events = [
      {
        type: "CONTACT_UPDATED" as const,
        recordId: "con_x",
        externalId: "SF-1",
        sourceSystem: "crm",
        personId: "con_x",
        changes: [
          { field: "name", old: "pv1:sealed", new: "pv1:sealed2", personal: true },
          { field: "buyingRole", old: null, new: "CHAMPION" },
        ],
      },
      {
        type: "IDENTITY_MERGED" as const,
        recordId: "idn_other",
        externalId: null,
        sourceSystem: null,
        personId: null,
        changes: [{ field: "reason", old: null, new: "same as Zhang Wei" }],
      },
    ];
    const packed = packSegments(events)[0]!;
    const scrubbed = scrubSegmentEvents(
      unpackSegment(packed.events),
      new Set(["con_x"]),
      new PayloadScrubber(["Zhang Wei"]),
    );
    expect(scrubbed.about).toEqual([0]);
    expect(scrubbed.changed).toBe(true);
    expect(scrubbed.events[0]).toMatchObject({ externalId: null });
    expect(scrubbed.events[0]!.changes[0]).toEqual({
      field: "name",
      old: null,
      new: null,
      personal: true,
      erased: true,
    });
    expect(scrubbed.events[0]!.changes[1]).toEqual({
      field: "buyingRole",
      old: null,
      new: null,
      personal: true,
      erased: true,
    });
    expect(scrubbed.events[1]!.changes[0]!.new).toBe(`same as ${ERASED}`);
  });
});

describe("assemblePersonExport", () => {
  const parts: PersonDataParts = {
    person: { id: "per_1", createdAt: null, erasedAt: null, erasureRequestId: null },
    identities: ["tmall", "jd", "tmall"].map((channel, i) => ({
      id: `idn_${i}`,
      entity: "PERSON",
      channel,
      externalId: `X-${i}`,
      attributes,
      normalised: null,
      recordId: null,
      observedAt: null,
      firstSeenAt: null,
      lastUpdatedAt: null,
    })),
    contacts: [],
    signals: [],
    consents: [
      {
        id: "cns_1",
        personId: "per_1",
        sourceSystem: "s",
        externalId: "c",
        purpose: "MARKETING",
        legalBasis: "CONSENT",
        channel: "WEB_FORM",
        evidenceText: "yes",
        evidenceUrl: null,
        grantedAt: "2026-01-01T00:00:00.000Z",
        withdrawnAt: "2026-02-01T00:00:00.000Z",
        expiresAt: null,
        version: 2,
        recordedAt: "2026-02-01T00:00:00.000Z",
        erased: false,
      },
    ],
    consentHistory: [2, 1].map((version) => ({
      consentId: "cns_1",
      personId: "per_1",
      sourceSystem: "s",
      externalId: "c",
      purpose: "MARKETING" as const,
      legalBasis: "CONSENT" as const,
      channel: "WEB_FORM" as const,
      evidenceText: "yes",
      evidenceUrl: null,
      grantedAt: "2026-01-01T00:00:00.000Z",
      withdrawnAt: version === 2 ? "2026-02-01T00:00:00.000Z" : null,
      expiresAt: null,
      version,
      recordedAt: "2026-01-01T00:00:00.000Z",
      actor: "user:x",
    })),
    tasks: [],
    auditReferences: [
      { id: "aud_2", seq: 2, kind: "ACTION", at: "t" },
      { id: "aud_1", seq: 1, kind: "FIRING", at: "t" },
    ],
    changeEvents: [],
    webhookDeliveries: [],
  };

  it("parses identity JSON, orders consent history by version and audit references by number, and counts", () => {
    const doc = assemblePersonExport(parts, "2026-12-02T00:00:00.000Z") as {
      identities: Array<{ attributes: { fullName: string } }>;
      consents: Array<{ history: Array<{ version: number }> }>;
      auditReferences: Array<{ seq: number }>;
      counts: { identities: number; channels: number };
    };
    expect(doc.identities[0]!.attributes.fullName).toBe("Zhang Wei");
    expect(doc.consents[0]!.history.map((v) => v.version)).toEqual([1, 2]);
    expect(doc.auditReferences.map((a) => a.seq)).toEqual([1, 2]);
    expect(doc.counts).toMatchObject({ identities: 3, channels: 2 });
  });
});

describe("erasureAnswer and tombstones", () => {
  it("states when the transaction logs age out from the erasure instant", () => {
    const answer = erasureAnswer(
      { requestId: "era_1", personId: "per_1", erasedAt: "2026-12-02T10:00:00.000Z", reason: "art. 17" },
      {
        contacts: 1,
        identities: 5,
        blockingKeys: 9,
        signals: 2,
        consents: 1,
        changeEvents: 8,
        personKeys: 1,
        webhookDeliveries: 0,
        otherRecords: 1,
        tombstones: 5,
        channelTombstones: 0,
      },
      [],
      { transactionLogHours: 24, backupDays: null },
    );
    expect(answer.agesOut[0]).toMatchObject({ store: "Neo4j transaction logs", until: "2026-12-03T10:00:00.000Z" });
    expect(answer.agesOut[1]!.until).toBeNull();
  });

  it("hashes keys with a secret: the same key gives the same hash, another secret another", () => {
    const a = tombstoneHash("k1", "t", "CONTACT", "crm", "SF-1");
    expect(tombstoneHash("k1", "t", "CONTACT", "crm", "SF-1")).toBe(a);
    expect(tombstoneHash("k2", "t", "CONTACT", "crm", "SF-1")).not.toBe(a);
    expect(a).not.toContain("SF-1");
  });
});

describe("screenAction", () => {
  const firing = {
    triggeringEvents: [
      { seq: 1, type: "SIGNAL_CREATED", recordId: "sig_AAAAAAAAAAAAAAAAAAAAAA", recordType: "SIGNAL" },
      { seq: 2, type: "SIGNAL_CREATED", recordId: "sig_BBBBBBBBBBBBBBBBBBBBBB", recordType: "SIGNAL" },
    ],
    basis: [{ condition: "trigger", passed: true, facts: { signalIds: ["sig_CCCCCCCCCCCCCCCCCCCCCC"], count: 3 } }],
  } as unknown as PlaybookFiring;
  const people = {
    personOf: new Map([
      ["sig_AAAAAAAAAAAAAAAAAAAAAA", "per_a"],
      ["sig_BBBBBBBBBBBBBBBBBBBBBB", "per_b"],
    ]),
    consentsOf: new Map([
      [
        "per_a",
        [{ purpose: "AUTOMATION" as const, grantedAt: "2026-01-01T00:00:00Z", withdrawnAt: null, expiresAt: null }],
      ],
    ]),
    erased: new Set<string>(),
  };

  it("collects the ids the firing read, from its events and its facts", () => {
    expect(firingRecordIds(firing)).toEqual([
      "sig_AAAAAAAAAAAAAAAAAAAAAA",
      "sig_BBBBBBBBBBBBBBBBBBBBBB",
      "sig_CCCCCCCCCCCCCCCCCCCCCC",
    ]);
  });

  it("skips people without consent and leaves their records out; refuses when nobody is left", () => {
    const screen = screenAction({ kind: "CREATE_TASK" }, people, "2026-06-01T00:00:00Z")!;
    expect(screen.allowedPersonIds).toEqual(["per_a"]);
    expect(screen.skipped).toEqual([{ personId: "per_b", purpose: "AUTOMATION", state: "NO_CONSENT" }]);
    expect(
      withoutRecords({ ...firing, actions: [] } as PlaybookFiring, screen.skippedRecordIds).triggeringEvents,
    ).toHaveLength(1);
    expect(screenAction({ kind: "RAISE_INTENT_SIGNAL" }, people, "2026-06-01T00:00:00Z")!.refusal).toContain(
      "MARKETING",
    );
    expect(screenAction({ kind: "FLAG_RECORDS" }, people, "2026-06-01T00:00:00Z")).toBeNull();
  });

  it("treats an erased person as having no consent", () => {
    const screen = screenAction(
      { kind: "CREATE_TASK" },
      { ...people, erased: new Set(["per_a"]) },
      "2026-06-01T00:00:00Z",
    )!;
    expect(screen.refusal).not.toBeNull();
  });
});

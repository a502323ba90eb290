import { rolesFor } from "../../../resolvers/auth/role-matrix";
import { ROLES } from "../../../resolvers/context";
import {
  chartGeometry,
  formatShare,
  formatValue,
  shareWidth,
  statusTone,
} from "../../../explorer/src/anchors/anchors.logic";
import {
  impactTargetOf,
  kindGroups,
  layersOf,
  outgoing,
  pageOf,
  propertyRows,
} from "../../../explorer/src/lineage/lineage.logic";
import {
  canAnswerRequests,
  canReadConsents,
  canRecordConsents,
  Consent,
  erasedCounts,
  exportFileName,
  grantInput,
  versionState,
  withdrawalInput,
} from "../../../explorer/src/privacy/privacy.logic";

describe("the consent and data request pages' logic (issue 15)", () => {
  it("offers each control to exactly the roles the role matrix lets call its operation", () => {
    expect(ROLES.filter(canReadConsents)).toEqual(ROLES.filter((r) => rolesFor("Query", "consents").includes(r)));
    expect(ROLES.filter(canRecordConsents)).toEqual(
      ROLES.filter((r) => rolesFor("Mutation", "recordConsents").includes(r)),
    );
    expect(ROLES.filter(canAnswerRequests)).toEqual(
      ROLES.filter((r) => rolesFor("Mutation", "erasePerson").includes(r)),
    );
    expect(ROLES.filter(canAnswerRequests)).toEqual(
      ROLES.filter((r) => rolesFor("Query", "exportPersonData").includes(r)),
    );
  });

  const consent: Consent = {
    id: "cns_1",
    personId: "per_1",
    sourceSystem: "consent-hub",
    externalId: "c-1",
    purpose: "MARKETING",
    legalBasis: "CONSENT",
    channel: "APP",
    evidenceText: "ticked the box",
    evidenceUrl: null,
    grantedAt: "2026-01-01T00:00:00Z",
    withdrawnAt: null,
    expiresAt: null,
    version: 1,
    recordedAt: "2026-01-01T00:00:01Z",
    validNow: true,
    erased: false,
    history: [],
  };

  it("withdraws a consent as the same record with its terms and evidence and a withdrawal time", () => {
    expect(withdrawalInput(consent, "2026-02-01T10:00:00.000Z")).toEqual({
      personId: "per_1",
      sourceSystem: "consent-hub",
      externalId: "c-1",
      purpose: "MARKETING",
      legalBasis: "CONSENT",
      channel: "APP",
      evidenceText: "ticked the box",
      evidenceUrl: null,
      grantedAt: "2026-01-01T00:00:00Z",
      expiresAt: null,
      withdrawnAt: "2026-02-01T10:00:00.000Z",
    });
  });

  it("records a new consent without blank evidence fields", () => {
    const input = grantInput(
      "per_1",
      {
        purpose: "ANALYTICS",
        legalBasis: "LEGITIMATE_INTERESTS",
        channel: "EMAIL",
        sourceSystem: " explorer ",
        externalId: " c-2 ",
        evidenceText: "  ",
        evidenceUrl: "https://consent.example/c-2",
      },
      "2026-02-01T10:00:00.000Z",
    );
    expect(input).toEqual({
      personId: "per_1",
      sourceSystem: "explorer",
      externalId: "c-2",
      purpose: "ANALYTICS",
      legalBasis: "LEGITIMATE_INTERESTS",
      channel: "EMAIL",
      grantedAt: "2026-02-01T10:00:00.000Z",
      evidenceUrl: "https://consent.example/c-2",
    });
  });

  it("tells a version granted, withdrawn or expired at a given instant", () => {
    const now = Date.parse("2026-06-01T00:00:00Z");
    expect(versionState({ withdrawnAt: null, expiresAt: null }, now)).toBe("granted");
    expect(versionState({ withdrawnAt: "2026-05-01T00:00:00Z" }, now)).toBe("withdrawn");
    expect(versionState({ withdrawnAt: "2026-07-01T00:00:00Z" }, now)).toBe("granted");
    expect(versionState({ expiresAt: "2026-05-31T00:00:00Z" }, now)).toBe("expired");
  });

  it("lists the erased counts largest first without zeros", () => {
    expect(erasedCounts({ contacts: 2, identities: 7, signals: 0, tombstones: 7 })).toEqual([
      ["identities", 7],
      ["tombstones", 7],
      ["contacts", 2],
    ]);
  });

  it("names the export file after the person, safely", () => {
    expect(exportFileName("per_Ab-9")).toBe("person-export-per_Ab-9.json");
    expect(exportFileName("../x y")).toBe("person-export-___x_y.json");
  });
});

describe("the value anchor pages' logic (issue 17)", () => {
  const input = {
    series: [
      { weekStart: "2026-01-05", value: 70 },
      { weekStart: "2026-01-12", value: null },
      { weekStart: "2026-01-19", value: 60 },
      { weekStart: "2026-01-26", value: 50 },
    ],
    baseline: 72,
    target: 4,
    deadline: "2026-03-02",
    projection: 30,
    width: 560,
    height: 220,
  };

  it("breaks the line at a week without records and runs time from the first week to the deadline", () => {
    const g = chartGeometry(input);
    expect(g.lines).toHaveLength(2);
    expect(g.dots.map((d) => d.weekStart)).toEqual(["2026-01-05", "2026-01-19", "2026-01-26"]);
    expect(g.dots[0]!.x).toBe(48);
    expect(g.deadlineX).toBe(560 - 16);
    expect(g.xLabels.map((l) => l.text)).toEqual(["2026-01-05", "2026-03-02"]);
  });

  it("puts higher values higher, the target below the baseline for a decrease, and projects from the last value", () => {
    const g = chartGeometry(input);
    expect(g.dots[0]!.y).toBeLessThan(g.dots[2]!.y);
    expect(g.baselineY!).toBeLessThan(g.targetY);
    expect(g.projection).toEqual({ x1: g.dots[2]!.x, y1: g.dots[2]!.y, x2: g.deadlineX, y2: expect.any(Number) });
    expect(g.projection!.y2).toBeGreaterThan(g.dots[2]!.y);
    for (const d of g.dots) {
      expect(d.y).toBeGreaterThanOrEqual(12);
      expect(d.y).toBeLessThanOrEqual(220 - 28);
    }
  });

  it("draws an empty series and a flat one without dividing by zero", () => {
    const empty = chartGeometry({ ...input, series: [], baseline: null, projection: null });
    expect(empty.lines).toEqual([]);
    expect(empty.projection).toBeNull();
    expect(empty.baselineY).toBeNull();
    const flat = chartGeometry({ ...input, series: [{ weekStart: "2026-01-05", value: 4 }], baseline: 4 });
    expect(Number.isFinite(flat.targetY)).toBe(true);
  });

  it("formats values, shares and bar widths", () => {
    expect(formatValue(72.456)).toBe("72.46");
    expect(formatValue(null)).toBe("–");
    expect(formatShare(0.834)).toBe("83%");
    expect(shareWidth(1.2)).toBe("100.0%");
    expect(shareWidth(-0.1)).toBe("0.0%");
    expect(["MET", "ON_TRACK", "AT_RISK", "MISSED"].map(statusTone)).toEqual(["ok", "ok", "bad", "bad"]);
  });
});

describe("the lineage and impact pages' logic (issue 17)", () => {
  const nodes = [
    { id: "score", kind: "HEALTH_SCORE", label: "Health", properties: {} },
    { id: "acc_1", kind: "ACCOUNT", label: "Acme", properties: {} },
    { id: "cv", kind: "CONCEPT_VALUE", label: "usage", properties: { conceptId: "lin:usage", value: 0.4 } },
    { id: "map", kind: "MAPPING", label: "product.logins → lin:usage", properties: { conceptId: "lin:usage" } },
    {
      id: "field",
      kind: "SOURCE_FIELD",
      label: "product.logins",
      properties: { sourceSystemId: "src_9", field: "logins" },
    },
    { id: "sig_1", kind: "SIGNAL", label: "logins r1", properties: { value: 3, note: null, tags: [] } },
    { id: "orphan", kind: "NOTE", label: "alone", properties: {} },
  ];
  const edges = [
    { from: "score", to: "cv", kind: "DERIVED_FROM" },
    { from: "score", to: "acc_1", kind: "ABOUT" },
    { from: "cv", to: "map", kind: "MAPPED_BY" },
    { from: "map", to: "field", kind: "READS" },
    { from: "map", to: "sig_1", kind: "DERIVED_FROM" },
    { from: "sig_1", to: "field", kind: "OBSERVED_IN" },
    { from: "sig_1", to: "acc_1", kind: "ABOUT" },
  ];

  it("lays nodes out by their shortest distance from the value, the unreachable last", () => {
    const layers = layersOf("score", nodes, edges);
    expect(layers.map((l) => [l.depth, l.nodes.map((n) => n.id)])).toEqual([
      [0, ["score"]],
      [1, ["acc_1", "cv"]],
      [2, ["map"]],
      [3, ["sig_1", "field"]],
      [4, ["orphan"]],
    ]);
  });

  it("groups a layer's nodes by kind, keeping their order", () => {
    const layer = layersOf("score", nodes, edges)[3]!.nodes;
    expect(kindGroups(layer).map((g) => [g.kind, g.nodes.length])).toEqual([
      ["SIGNAL", 1],
      ["SOURCE_FIELD", 1],
    ]);
    expect(kindGroups([])).toEqual([]);
  });

  it("names each node's outgoing edges with their targets' labels", () => {
    const labels = new Map(nodes.map((n) => [n.id, n.label]));
    expect(outgoing("sig_1", edges, labels)).toEqual([
      { kind: "OBSERVED_IN", to: "field", label: "product.logins" },
      { kind: "ABOUT", to: "acc_1", label: "Acme" },
    ]);
  });

  it("offers impact for source fields and concepts, and the 360 for accounts", () => {
    expect(impactTargetOf(nodes[4]!)).toEqual({ id: "src_9", field: "logins" });
    expect(impactTargetOf(nodes[2]!)).toEqual({ id: "lin:usage", field: null });
    expect(impactTargetOf(nodes[5]!)).toBeNull();
    expect(pageOf(nodes[1]!)).toEqual({ page: "account", id: "acc_1" });
    expect(pageOf({ id: "per_1", kind: "PERSON", label: "p", properties: {} })).toEqual({
      page: "customer",
      id: "per_1",
    });
    expect(pageOf(nodes[5]!)).toBeNull();
  });

  it("shows properties as text without nulls and empty lists", () => {
    expect(propertyRows(nodes[5]!.properties)).toEqual([["value", "3"]]);
    expect(propertyRows(null)).toEqual([]);
  });
});

import { mappingChange, packStoredChange } from "../../../domain/events/ontology-changes";
import { modelVersionChange } from "../../../domain/events/model-version-change";

const key = { system: "pos", field: "visit_rating", concept: "acme:store" };

describe("packStoredChange", () => {
  it("says which version was stored over which, with concept and mapping counts", () => {
    const change = packStoredChange(
      "acme",
      { version: "1.1.0", conceptCount: 3, mappingCount: 1 },
      { version: "1.0.0", conceptCount: 2, mappingCount: 1 },
      true,
    );
    expect(change).toMatchObject({ type: "ONTOLOGY_PACK_STORED", recordId: "acme", externalId: null });
    expect(change.changes).toEqual([
      { field: "version", old: "1.0.0", new: "1.1.0" },
      { field: "conceptCount", old: 2, new: 3 },
      { field: "mappingCount", old: 1, new: 1 },
      { field: "active", old: null, new: true },
    ]);
  });
});

describe("mappingChange", () => {
  const stored = {
    weight: 1,
    polarity: "HIGHER_IS_BETTER",
    transform: '{"kind":"linear"}',
    updatedAt: "x",
    scope: "t",
  };

  it("lists every setting of a new mapping, nested specs as values", () => {
    const change = mappingChange(key, null, stored);
    expect(change).toMatchObject({
      type: "MAPPING_SET",
      recordId: "pos|visit_rating|acme:store",
      sourceSystem: "pos",
      externalId: "visit_rating",
    });
    expect(change?.changes).toEqual([
      { field: "weight", old: null, new: 1 },
      { field: "polarity", old: null, new: "HIGHER_IS_BETTER" },
      { field: "transform", old: null, new: { kind: "linear" } },
    ]);
  });

  it("lists only the settings that changed, and nothing when none did", () => {
    expect(mappingChange(key, stored, { ...stored, weight: 0.5, updatedAt: "y" })?.changes).toEqual([
      { field: "weight", old: 1, new: 0.5 },
    ]);
    expect(mappingChange(key, stored, { ...stored, updatedAt: "y" })).toBeNull();
  });

  it("records a removal with the settings it had", () => {
    const change = mappingChange(key, stored, null);
    expect(change?.type).toBe("MAPPING_REMOVED");
    expect(change?.changes).toContainEqual({ field: "weight", old: 1, new: null });
  });
});

describe("modelVersionChange", () => {
  const props = { name: "Health", weights: '{"a":0.5}', calibration: "{huge}", windowDays: 90 };

  it("lists the version and every setting of a new model, without the calibration report", () => {
    const change = modelVersionChange("m", 1, props, null);
    expect(change).toMatchObject({ type: "HEALTH_MODEL_VERSION_SAVED", recordId: "m" });
    expect(change.changes).toEqual([
      { field: "version", old: null, new: 1 },
      { field: "name", old: null, new: "Health" },
      { field: "weights", old: null, new: { a: 0.5 } },
      { field: "windowDays", old: null, new: 90 },
    ]);
  });

  it("lists what differs from the version it replaces", () => {
    const change = modelVersionChange("m", 3, { ...props, weights: '{"a":0.7}' }, { ...props, version: 2 });
    expect(change.changes).toEqual([
      { field: "version", old: 2, new: 3 },
      { field: "weights", old: { a: 0.5 }, new: { a: 0.7 } },
    ]);
  });
});

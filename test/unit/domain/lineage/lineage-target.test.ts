import { LineageError } from "../../../../domain/lineage/lineage.errors";
import { LineageProvider, LineageRegistry } from "../../../../domain/lineage/lineage-provider";
import { checkLineageTarget } from "../../../../domain/lineage/lineage-target";

describe("checkLineageTarget", () => {
  it("gives the defaults: no field, the latest value, the default model, 200 nodes", () => {
    expect(checkLineageTarget({ id: " acc_x " })).toEqual({
      id: "acc_x",
      field: null,
      at: null,
      modelId: null,
      maxNodes: 200,
      after: null,
    });
  });

  it("rejects every problem at once: an empty id, a date that is no date, a node budget out of range", () => {
    try {
      checkLineageTarget({ id: "", at: "yesterday", maxNodes: 5000 });
      throw new Error("expected a LineageError");
    } catch (error) {
      expect(error).toBeInstanceOf(LineageError);
      const e = error as LineageError;
      expect(e.code).toBe("INVALID_LINEAGE_TARGET");
      expect(e.message).toMatch(/of\.id is empty/);
      expect(e.message).toMatch(/"yesterday" is not an ISO 8601/);
      expect(e.message).toMatch(/maxNodes must be an integer from 1 to 1000; received 5000/);
    }
  });
});

describe("LineageRegistry", () => {
  const provider = (kind: string, prefix: string): LineageProvider => ({
    kind,
    describes: `an id starting "${prefix}"`,
    claims: (t) => t.id.startsWith(prefix),
    lineage: async () => null,
  });

  it("asks providers in order and takes the first that claims the target", () => {
    const registry = new LineageRegistry([provider("FIRST", "acc_"), provider("SECOND", "a")]);
    expect(registry.providerFor(checkLineageTarget({ id: "acc_1" })).kind).toBe("FIRST");
    expect(registry.providerFor(checkLineageTarget({ id: "anc_1" })).kind).toBe("SECOND");
  });

  it("refuses a target no provider claims, listing what it understands", () => {
    const registry = new LineageRegistry([provider("FIRST", "acc_")]);
    expect(() => registry.providerFor(checkLineageTarget({ id: "zzz", field: "x" }))).toThrow(
      /lineage cannot trace id "zzz" with field "x": it understands an id starting "acc_"/,
    );
  });
});

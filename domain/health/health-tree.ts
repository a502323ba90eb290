import { MappingSpec } from "../../ontology/model/mapping.model";
import { HealthScoringError } from "./health.errors";

/** A concept as the scoring tree needs it: its weighted parts and its narrower concepts. */
export interface HealthConcept {
  id: string;
  /** CONTRIBUTES_TO children with their default weights (weights relative to each other). */
  parts: ReadonlyArray<{ concept: string; weight: number }>;
  /** Concepts whose `broader` is this one; each has default weight 1 among its siblings. */
  narrower: readonly string[];
}

/** A mapping of a source field onto a concept, with the key its leaf value is looked up by. */
export type HealthMapping = MappingSpec & { key: string };

/** A person's judgement of a concept for one account: a leaf of weight 1 under that concept. */
export interface ManualMeasure {
  /** Stable id of the measure; without one, the leaf id is derived from the concept and the author. */
  id?: string | null;
  concept: string;
  /** 0..1, higher is better. A value outside that range is shown but has no data. */
  value: number;
  author: string;
  comment: string;
  /** Epoch milliseconds; the measure is ignored from then on. Null never expires. */
  expiresAt: number | null;
}

/** Everything a scoring tree is built from. */
export interface HealthTreeInput {
  /** The health model's root concept, e.g. "core:customer-health". */
  root: string;
  concepts: readonly HealthConcept[];
  mappings: readonly HealthMapping[];
  /**
   * A health model's weight for a concept relative to its siblings; replaces the default (its part
   * weight, or 1 for a narrower concept). Leaves keep their own weights.
   */
  overrides?: Readonly<Record<string, number>>;
  manualMeasures?: readonly ManualMeasure[];
  /** Evaluation time, epoch milliseconds: manual measures that expired by then are left out. */
  asOf: number;
  /**
   * Concepts the health model version reads reversed (1 − value, see `scoreAccount`), each with the
   * sentence that says why, e.g. that calibration learned it from outcomes. Others are ignored.
   */
  reversed?: Readonly<Record<string, string>>;
  /** Sentences the health model version adds to a concept's notes (e.g. level values it learned). */
  conceptNotes?: Readonly<Record<string, readonly string[]>>;
}

/** Where a node's weight comes from. */
export type WeightSource = "ROOT" | "PART" | "NARROWER" | "OVERRIDE" | "MAPPING" | "MANUAL";

/** A concept of the tree, with the children that carry (or could carry) its data. */
export interface ConceptNode {
  kind: "CONCEPT";
  id: string;
  weight: number;
  weightSource: WeightSource;
  /** Sorted by id (then kind), so a tree never depends on the order of its input. */
  children: HealthTreeNode[];
  /** Other concepts that list this one as a child; it is counted once, here. Sorted. */
  alsoUnder: string[];
  /**
   * Why the tree differs from the ontology here: cycles broken, concepts counted elsewhere, polarity
   * reversed or values learned by the model version.
   */
  notes: string[];
  /** Why the model version reads this concept reversed (1 − value), or null when it does not. */
  reversed: string | null;
}

/** A mapped source field: its value comes from the signals. */
export interface MappingLeaf {
  kind: "MAPPING";
  /** The mapping's key. */
  id: string;
  concept: string;
  weight: number;
  weightSource: "MAPPING";
  mapping: HealthMapping;
}

/** A manual measure that has not expired: its value is part of the tree. */
export interface ManualLeaf {
  kind: "MANUAL";
  id: string;
  concept: string;
  weight: number;
  weightSource: "MANUAL";
  measure: ManualMeasure;
}

export type HealthTreeNode = ConceptNode | MappingLeaf | ManualLeaf;

/** The scoring tree of one health model (and one account's manual measures) at one time. */
export interface HealthTree {
  root: ConceptNode;
  asOf: number;
  /** Reachable concepts left out because no mapping or manual measure is anywhere below them. Sorted. */
  pruned: string[];
  /** Overrides that change nothing: for concepts not in the tree, or for the root. Sorted. */
  unusedOverrides: string[];
  /** Manual measures left out because they expired by `asOf`. */
  expiredManualMeasures: ManualMeasure[];
}

interface Edge {
  concept: string;
  weight: number;
  source: WeightSource;
}

interface Placement {
  parent: string | null;
  weight: number;
  source: WeightSource;
  children: string[];
  /** Children of this concept in the ontology that are counted elsewhere (or would close a cycle). */
  skipped: Array<{ child: string; cycle: boolean }>;
  alsoUnder: string[];
}

/**
 * Builds the scoring tree of the concepts reachable from the root. A concept's children are its parts,
 * its narrower concepts, its mappings and its (unexpired) manual measures.
 *
 * The ontology is a DAG, but the tree must count each concept once: a concept reached along several
 * paths is placed under its first parent in breadth-first order with children visited by id, i.e. at
 * its shallowest position (ties broken by id); its node lists the other parents in `alsoUnder`. An edge
 * back to an ancestor (a cycle) is left out and noted on the concept that lists it. Concepts with no
 * mapping or manual measure anywhere below them are pruned, since they can never have data; weight-0
 * leaves stay (shown, but they do not move the score).
 *
 * @throws HealthScoringError UNKNOWN_ROOT, DUPLICATE_CONCEPT, DUPLICATE_LEAF or INVALID_WEIGHT.
 */
export function buildHealthTree(input: HealthTreeInput): HealthTree {
  const { root, asOf } = input;
  const overrides = input.overrides ?? {};
  const concepts = indexConcepts(input.concepts);
  const mappings = groupMappings(input.mappings);
  const { active, expired } = splitManualMeasures(input.manualMeasures ?? [], asOf);
  for (const [concept, weight] of Object.entries(overrides)) checkWeight(weight, `the override for ${concept}`);
  if (!concepts.has(root) && !mappings.has(root) && !active.has(root)) {
    throw new HealthScoringError(
      "UNKNOWN_ROOT",
      `the root concept ${JSON.stringify(root)} is not among the ${concepts.size} concepts given and has no mappings; ` +
        "check the health model's root or load its ontology pack",
    );
  }

  const edgesOf = (id: string): Edge[] => childEdges(concepts.get(id), overrides);
  const placements = place(root, edgesOf);
  const hasData = new Map<string, boolean>();
  const computeHasData = (id: string): boolean => {
    const known = hasData.get(id);
    if (known !== undefined) return known;
    const placement = placements.get(id) as Placement;
    // The placements form a tree, so this recursion ends.
    const result =
      mappings.has(id) || active.has(id) || placement.children.map(computeHasData).some((has) => has === true);
    hasData.set(id, result);
    return result;
  };
  computeHasData(root);

  const pruned: string[] = [];
  const build = (id: string): ConceptNode | null => {
    const placement = placements.get(id) as Placement;
    if (id !== root && !computeHasData(id)) {
      pruned.push(id);
      // Its descendants are reachable too, and pruned for the same reason.
      placement.children.forEach(build);
      return null;
    }
    const conceptChildren = placement.children.map(build).filter((node): node is ConceptNode => node !== null);
    const children: HealthTreeNode[] = [...conceptChildren, ...(mappings.get(id) ?? []), ...(active.get(id) ?? [])];
    children.sort(byIdThenKind);
    const notes = placement.skipped
      .filter(({ child, cycle }) => cycle || computeHasData(child))
      .map(({ child, cycle }) =>
        cycle
          ? `${child} is listed as a child of ${id} but is above it in the tree; the edge is left out to break the cycle`
          : `${child} is also a child of ${id} but is counted once, under ${placements.get(child)?.parent ?? root}`,
      );
    if (placement.alsoUnder.length > 0) {
      notes.push(
        `also a child of ${placement.alsoUnder.join(", ")}; counted once, here under ${placement.parent ?? "the root"}`,
      );
    }
    const reversed = input.reversed !== undefined && Object.hasOwn(input.reversed, id) ? input.reversed[id] : null;
    if (reversed !== null) notes.push(reversed);
    if (input.conceptNotes !== undefined && Object.hasOwn(input.conceptNotes, id))
      notes.push(...input.conceptNotes[id]);
    return {
      kind: "CONCEPT",
      id,
      weight: placement.weight,
      weightSource: placement.source,
      children,
      alsoUnder: [...placement.alsoUnder],
      notes,
      reversed,
    };
  };
  const rootNode = build(root) as ConceptNode;

  const inTree = new Set<string>();
  const collect = (node: HealthTreeNode): void => {
    if (node.kind !== "CONCEPT") return;
    inTree.add(node.id);
    node.children.forEach(collect);
  };
  collect(rootNode);
  const unusedOverrides = Object.keys(overrides)
    .filter((concept) => concept === root || !inTree.has(concept))
    .sort(compareText);

  return { root: rootNode, asOf, pruned: pruned.sort(compareText), unusedOverrides, expiredManualMeasures: expired };
}

/** Places every concept reachable from the root once, breadth first, children visited by id. */
function place(root: string, edgesOf: (id: string) => Edge[]): Map<string, Placement> {
  const placements = new Map<string, Placement>();
  placements.set(root, { parent: null, weight: 1, source: "ROOT", children: [], skipped: [], alsoUnder: [] });
  const queue = [root];
  for (let head = 0; head < queue.length; head += 1) {
    const id = queue[head];
    const placement = placements.get(id) as Placement;
    for (const edge of edgesOf(id)) {
      const existing = placements.get(edge.concept);
      if (existing === undefined) {
        placements.set(edge.concept, {
          parent: id,
          weight: edge.weight,
          source: edge.source,
          children: [],
          skipped: [],
          alsoUnder: [],
        });
        placement.children.push(edge.concept);
        queue.push(edge.concept);
        continue;
      }
      const cycle = isAncestorOrSelf(edge.concept, id, placements);
      placement.skipped.push({ child: edge.concept, cycle });
      if (!cycle) existing.alsoUnder.push(id);
    }
  }
  for (const placement of placements.values()) placement.alsoUnder.sort(compareText);
  return placements;
}

function isAncestorOrSelf(candidate: string, id: string, placements: Map<string, Placement>): boolean {
  for (let at: string | null = id; at !== null; at = placements.get(at)?.parent ?? null) {
    if (at === candidate) return true;
  }
  return false;
}

/** A concept's parts and narrower concepts, once each (a part's weight wins), overrides applied, by id. */
function childEdges(concept: HealthConcept | undefined, overrides: Readonly<Record<string, number>>): Edge[] {
  if (concept === undefined) return [];
  const edges = new Map<string, Edge>();
  for (const part of concept.parts) {
    checkWeight(part.weight, `the weight of ${part.concept} as a part of ${concept.id}`);
    if (!edges.has(part.concept))
      edges.set(part.concept, { concept: part.concept, weight: part.weight, source: "PART" });
  }
  for (const narrower of concept.narrower) {
    if (!edges.has(narrower)) edges.set(narrower, { concept: narrower, weight: 1, source: "NARROWER" });
  }
  return [...edges.values()]
    .map((edge) =>
      Object.hasOwn(overrides, edge.concept)
        ? { ...edge, weight: overrides[edge.concept], source: "OVERRIDE" as const }
        : edge,
    )
    .sort((a, b) => compareText(a.concept, b.concept));
}

function indexConcepts(concepts: readonly HealthConcept[]): Map<string, HealthConcept> {
  const byId = new Map<string, HealthConcept>();
  for (const concept of concepts) {
    if (byId.has(concept.id)) {
      throw new HealthScoringError(
        "DUPLICATE_CONCEPT",
        `the concept ${concept.id} is given twice; pass each concept once with all its parts and narrower concepts`,
      );
    }
    byId.set(concept.id, concept);
  }
  return byId;
}

function groupMappings(mappings: readonly HealthMapping[]): Map<string, MappingLeaf[]> {
  const keys = new Set<string>();
  const byConcept = new Map<string, MappingLeaf[]>();
  for (const mapping of mappings) {
    if (keys.has(mapping.key)) {
      throw new HealthScoringError(
        "DUPLICATE_LEAF",
        `two mappings have the key ${JSON.stringify(mapping.key)}; leaf values are looked up by key, so keys must be unique`,
      );
    }
    keys.add(mapping.key);
    checkWeight(mapping.weight, `the weight of mapping ${mapping.key} (${mapping.system}.${mapping.field})`);
    const leaf: MappingLeaf = {
      kind: "MAPPING",
      id: mapping.key,
      concept: mapping.concept,
      weight: mapping.weight,
      weightSource: "MAPPING",
      mapping,
    };
    byConcept.set(mapping.concept, [...(byConcept.get(mapping.concept) ?? []), leaf]);
  }
  return byConcept;
}

function splitManualMeasures(
  measures: readonly ManualMeasure[],
  asOf: number,
): { active: Map<string, ManualLeaf[]>; expired: ManualMeasure[] } {
  const active = new Map<string, ManualLeaf[]>();
  const expired: ManualMeasure[] = [];
  const ids = new Set<string>();
  // Sorted first so that derived ids do not depend on the input order.
  const sorted = [...measures].sort(
    (a, b) =>
      compareText(a.concept, b.concept) ||
      compareText(a.author, b.author) ||
      compareText(a.comment, b.comment) ||
      a.value - b.value,
  );
  for (const measure of sorted) {
    if (measure.expiresAt !== null && measure.expiresAt <= asOf) {
      expired.push(measure);
      continue;
    }
    let id = measure.id ?? `manual:${measure.concept}:${measure.author}`;
    if (measure.id === null || measure.id === undefined) {
      for (let n = 2; ids.has(id); n += 1) id = `manual:${measure.concept}:${measure.author}#${n}`;
    } else if (ids.has(id)) {
      throw new HealthScoringError("DUPLICATE_LEAF", `two manual measures have the id ${JSON.stringify(id)}`);
    }
    ids.add(id);
    const leaf: ManualLeaf = {
      kind: "MANUAL",
      id,
      concept: measure.concept,
      weight: 1,
      weightSource: "MANUAL",
      measure,
    };
    active.set(measure.concept, [...(active.get(measure.concept) ?? []), leaf]);
  }
  return { active, expired };
}

function checkWeight(weight: unknown, what: string): void {
  if (typeof weight !== "number" || !Number.isFinite(weight) || weight < 0) {
    throw new HealthScoringError(
      "INVALID_WEIGHT",
      `${what} is ${String(weight)}; weights must be finite numbers ≥ 0 (0 shows a concept without counting it)`,
    );
  }
}

function byIdThenKind(a: HealthTreeNode, b: HealthTreeNode): number {
  return compareText(a.id, b.id) || compareText(a.kind, b.kind);
}

/** Code-unit order: unlike localeCompare, the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

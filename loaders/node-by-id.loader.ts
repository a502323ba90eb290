import DataLoader from "dataloader";
import { GlobalIdRef } from "../domain/ids/global-id";
import { ALL_PROPERTIES, PropertySelection, unionOf } from "../domain/selection/property-selection";
import { ConceptRecord } from "../graph/ontology/ontology-records";
import { NodeRecord, NodeSelections, RecordRef } from "../graph/node/node.repository";
import { LoaderOptions } from "./child-page.loader";

/** A concept read as a node, tagged with its GraphQL type name. */
export type ConceptNode = ConceptRecord & { __typename: "Concept" };
export type AnyNode = NodeRecord | ConceptNode;

/**
 * A node asked for by global id, with the properties the request selects of its kind (decision 0040);
 * `ALL_PROPERTIES` for callers that need the whole record.
 */
export interface NodeKey {
  ref: GlobalIdRef;
  select: PropertySelection;
}

export interface NodeSources {
  records(refs: readonly RecordRef[], selections: NodeSelections): Promise<Array<NodeRecord | null>>;
  concepts(ids: readonly string[]): Promise<Array<ConceptRecord | null>>;
}

/** The node of a global id with every property (callers outside `node(id)` that need the whole record). */
export function wholeNode(ref: GlobalIdRef): NodeKey {
  return { ref, select: ALL_PROPERTIES };
}

/**
 * Nodes by parsed global id: the records of a batch in ONE statement whatever their kinds, and concepts (if
 * any are asked for) in one more. Each kind projects the union of what the batch's keys of that kind select;
 * the selection is part of the cache key, so a record read with fewer properties is not handed to a later
 * load that selects more.
 */
export function createNodeByIdLoader(
  sources: NodeSources,
  options: LoaderOptions,
): DataLoader<NodeKey, AnyNode | null, string> {
  return new DataLoader<NodeKey, AnyNode | null, string>(
    async (keys) => {
      const found: Array<AnyNode | null> = keys.map(() => null);
      const records: Array<{ at: number; ref: RecordRef }> = [];
      const concepts: Array<{ at: number; id: string }> = [];
      const selected = new Map<RecordRef["kind"], PropertySelection[]>();
      keys.forEach(({ ref, select }, at) => {
        if (ref.kind === "Concept") {
          concepts.push({ at, id: ref.id });
          return;
        }
        records.push({ at, ref });
        selected.set(ref.kind, [...(selected.get(ref.kind) ?? []), select]);
      });
      const selections: NodeSelections = Object.fromEntries(
        [...selected].map(([kind, selects]) => [kind, unionOf(selects)]),
      );
      const [recordNodes, conceptNodes] = await Promise.all([
        records.length > 0
          ? sources.records(
              records.map((r) => r.ref),
              selections,
            )
          : Promise.resolve([]),
        concepts.length > 0 ? sources.concepts(concepts.map((c) => c.id)) : Promise.resolve([]),
      ]);
      records.forEach(({ at }, i) => (found[at] = recordNodes[i] ?? null));
      concepts.forEach(({ at }, i) => {
        const concept = conceptNodes[i];
        found[at] = concept ? { ...concept, __typename: "Concept" } : null;
      });
      return found;
    },
    { batch: options.batch, maxBatchSize: 1000, cacheKeyFn: (key) => `${key.select.key}|${key.ref.id}` },
  );
}

import DataLoader from "dataloader";
import { GlobalIdRef } from "../domain/ids/global-id";
import { ConceptRecord } from "../graph/ontology/ontology-records";
import { NodeRecord, RecordRef } from "../graph/node/node.repository";
import { LoaderOptions } from "./child-page.loader";

/** A concept read as a node, tagged with its GraphQL type name. */
export type ConceptNode = ConceptRecord & { __typename: "Concept" };
export type AnyNode = NodeRecord | ConceptNode;

export interface NodeSources {
  records(refs: readonly RecordRef[]): Promise<Array<NodeRecord | null>>;
  concepts(ids: readonly string[]): Promise<Array<ConceptRecord | null>>;
}

/**
 * Nodes by parsed global id: the records of a batch in ONE statement whatever their kinds, and concepts (if
 * any are asked for) in one more.
 */
export function createNodeByIdLoader(
  sources: NodeSources,
  options: LoaderOptions,
): DataLoader<GlobalIdRef, AnyNode | null, string> {
  return new DataLoader<GlobalIdRef, AnyNode | null, string>(
    async (refs) => {
      const found: Array<AnyNode | null> = refs.map(() => null);
      const records: Array<{ at: number; ref: RecordRef }> = [];
      const concepts: Array<{ at: number; id: string }> = [];
      refs.forEach((ref, at) => {
        if (ref.kind === "Concept") concepts.push({ at, id: ref.id });
        else records.push({ at, ref });
      });
      const [recordNodes, conceptNodes] = await Promise.all([
        records.length > 0 ? sources.records(records.map((r) => r.ref)) : Promise.resolve([]),
        concepts.length > 0 ? sources.concepts(concepts.map((c) => c.id)) : Promise.resolve([]),
      ]);
      records.forEach(({ at }, i) => (found[at] = recordNodes[i] ?? null));
      concepts.forEach(({ at }, i) => {
        const concept = conceptNodes[i];
        found[at] = concept ? { ...concept, __typename: "Concept" } : null;
      });
      return found;
    },
    { batch: options.batch, maxBatchSize: 1000, cacheKeyFn: (ref) => ref.id },
  );
}

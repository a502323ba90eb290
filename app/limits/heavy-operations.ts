import { DocumentNode, FragmentDefinitionNode, Kind, OperationDefinitionNode, SelectionSetNode } from "graphql";

/**
 * The mutations that write in bulk or compute over a whole tenant: every bulk upsert, delete and restore, recompute,
 * calibration and ontology import. A tenant runs only a few of them at once (see HeavyOperationSlots).
 * A unit test walks the schema so that a new upsert cannot be left off.
 */
export const HEAVY_MUTATIONS: ReadonlySet<string> = new Set([
  "upsertSourceSystems",
  "upsertAccounts",
  "upsertContacts",
  "upsertOpportunities",
  "upsertAssets",
  "upsertTickets",
  "upsertOrganizations",
  "upsertTeams",
  "upsertUsers",
  "upsertMapping",
  "ingestSignals",
  "deleteAccounts",
  "restoreAccounts",
  "deleteContacts",
  "restoreContacts",
  "deleteOpportunities",
  "restoreOpportunities",
  "deleteAssets",
  "restoreAssets",
  "deleteOrganizations",
  "restoreOrganizations",
  "deleteSignals",
  "restoreSignals",
  "setOutcomes",
  "recomputeHealth",
  "calibrateHealthModel",
  "importOntology",
  // Issue 14: identities are written and resolved in the same request; a resolution pass reads many.
  "upsertIdentities",
  "resolveIdentities",
  // Issue 17: defining, redefining or recomputing an anchor aggregates its whole population over its history.
  "defineValueAnchor",
  "updateValueAnchor",
  "recomputeValueAnchor",
]);

/**
 * The heavy mutations an operation selects at its root, in order, following fragments. A field under
 * `@skip`/`@include` counts: the cap is decided before variables would tell.
 */
export function heavyFieldsOf(document: DocumentNode, operation: OperationDefinitionNode): string[] {
  if (operation.operation !== "mutation") return [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = (selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (HEAVY_MUTATIONS.has(selection.name.value)) found.push(selection.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // Validation has rejected cycles; `seen` only keeps a repeated spread from being walked twice.
        if (fragment && !seen.has(name)) {
          seen.add(name);
          walk(fragment.selectionSet);
        }
      }
    }
  };
  walk(operation.selectionSet);
  return found;
}

import { GraphQLResolveInfo } from "graphql";
import { FieldNeeds, PropertySelection, propertiesFor } from "../../domain/selection/property-selection";
import { SnapshotProperty } from "../../graph/health/health.queries";
import { FieldSelection } from "../common/field-selection";

/*
 * What each field of AccountHealth needs from a stored snapshot (issue 18, decision 0040). The account and
 * model come from the read itself; `stored` needs nothing; the explanation and the drivers need the stored
 * explanation, which is parsed only when one of them is resolved. A field missing here reads the whole
 * snapshot; `test/unit/resolvers/field-selection.test.ts` checks that every field of the type is listed.
 */
export const ACCOUNT_HEALTH_FIELD_NEEDS: FieldNeeds<SnapshotProperty> = {
  score: ["score"],
  grade: ["grade"],
  confidence: ["confidence"],
  lowConfidence: ["confidence"],
  modelId: [],
  modelVersion: ["version"],
  computedAt: ["computedAt"],
  asOf: ["asOf"],
  stored: [],
  explanation: ["explanation"],
  drivers: ["explanation"],
};

/** The snapshot properties the fields asked of `Account.health` need. */
export function selectedSnapshot(selection: FieldSelection): PropertySelection<SnapshotProperty> {
  // The version is read always: a snapshot asked only for `stored` or `modelId` still needs one property.
  return propertiesFor(selection.fieldsOn("AccountHealth"), ACCOUNT_HEALTH_FIELD_NEEDS, ["version"]);
}

/**
 * Whether the selection of an `Account.health` field asks for the signals behind its explanation
 * (`explanation { signals }`, under any alias, fragment or `@include`): only then does a fresh score read
 * them (issue 18, decision 0039). A `maxDepth` that stops above every mapping leaf still reads them; the
 * signals are then simply not listed.
 */
export function selectsEvidence(info: GraphQLResolveInfo): boolean {
  return FieldSelection.of(info).below("AccountHealth", "explanation").has("HealthExplanationNode", "signals");
}

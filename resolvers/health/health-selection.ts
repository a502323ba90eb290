import { GraphQLResolveInfo } from "graphql";
import { FieldSelection } from "../common/field-selection";

/**
 * Whether the selection of an `Account.health` field asks for the signals behind its explanation
 * (`explanation { signals }`, under any alias, fragment or `@include`): only then does a fresh score read
 * them (issue 18, decision 0039). A `maxDepth` that stops above every mapping leaf still reads them; the
 * signals are then simply not listed.
 */
export function selectsEvidence(info: GraphQLResolveInfo): boolean {
  return FieldSelection.of(info).below("AccountHealth", "explanation").has("HealthExplanationNode", "signals");
}

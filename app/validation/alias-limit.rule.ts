import { ValidationRule } from "graphql";
import { formatCount, limitRefusal, operationLabel } from "../limits/limit-refusal";
import { shapeRule } from "./operation-shape";

/**
 * Rejects operations with more than `maxAliases` aliased fields: each alias runs its field again, so a
 * thousand aliases of one list are a thousand lists. Fragments count every time they are spread.
 */
export function aliasLimitRule(maxAliases: number): ValidationRule {
  return shapeRule(({ aliases }, node) =>
    aliases <= maxAliases
      ? null
      : limitRefusal(
          "TOO_MANY_ALIASES",
          `${operationLabel(node.name?.value)} has ${formatCount(aliases)} aliased fields (a fragment counts ` +
            `every time it is spread); at most ${maxAliases} are allowed. Ask for a list once with a larger ` +
            `page, or split the work into several requests.`,
          { nodes: node },
        ),
  );
}

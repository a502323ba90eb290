import { ValidationRule } from "graphql";
import { formatCount, limitRefusal, operationLabel } from "../limits/limit-refusal";
import { shapeRule } from "./operation-shape";

/**
 * Rejects operations with more than `maxDirectives` directives (`@include`, `@skip`, ...), counting a
 * fragment's every time it is spread: each one is evaluated wherever its field is met.
 */
export function directiveLimitRule(maxDirectives: number): ValidationRule {
  return shapeRule(({ directives }, node) =>
    directives <= maxDirectives
      ? null
      : limitRefusal(
          "TOO_MANY_DIRECTIVES",
          `${operationLabel(node.name?.value)} has ${formatCount(directives)} directives (a fragment counts ` +
            `every time it is spread); at most ${maxDirectives} are allowed. Drop repeated directives, or ` +
            `split the operation.`,
          { nodes: node },
        ),
  );
}

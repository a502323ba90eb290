import { ASTVisitor, ValidationContext } from "graphql";
import { formatCount, limitRefusal, operationLabel } from "../limits/limit-refusal";
import { operationShape } from "./operation-shape";

/**
 * Rejects operations with more than `maxDirectives` directives (`@include`, `@skip`, ...), counting a
 * fragment's every time it is spread: each one is evaluated wherever its field is met.
 */
export function directiveLimitRule(maxDirectives: number) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const { directives } = operationShape(context.getDocument(), node);
      if (directives > maxDirectives) {
        context.reportError(
          limitRefusal(
            "TOO_MANY_DIRECTIVES",
            `${operationLabel(node.name?.value)} has ${formatCount(directives)} directives (a fragment counts every ` +
              `time it is spread); at most ${maxDirectives} are allowed. Drop repeated directives, or split ` +
              `the operation.`,
            { nodes: node },
          ),
        );
      }
      return false;
    },
  });
}

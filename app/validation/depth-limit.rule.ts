import { ASTVisitor, ValidationContext } from "graphql";
import { formatCount, limitRefusal, operationLabel } from "../limits/limit-refusal";
import { operationShape } from "./operation-shape";

/**
 * Rejects operations nested deeper than `maxDepth` fields, before anything runs, so that one query
 * cannot fan out across the whole graph. Fragments are measured once however often they are spread
 * ({@link operationShape}), so a "diamond" of fragments costs linear time here, not 2^depth.
 */
export function depthLimitRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const { depth } = operationShape(context.getDocument(), node);
      if (depth > maxDepth) {
        context.reportError(
          limitRefusal(
            "QUERY_TOO_DEEP",
            `${operationLabel(node.name?.value)} is nested ${formatCount(depth)} levels deep; ` +
              `at most ${maxDepth} are allowed. Split it into several operations.`,
            { nodes: node },
          ),
        );
      }
      // The shape is known; this rule need not visit the operation's fields.
      return false;
    },
  });
}

import { ValidationRule } from "graphql";
import { formatCount, limitRefusal, operationLabel } from "../limits/limit-refusal";
import { shapeRule } from "./operation-shape";

/**
 * Rejects operations nested deeper than `maxDepth` fields, before anything runs, so that one query
 * cannot fan out across the whole graph. Fragments are measured once however often they are spread
 * ({@link shapeRule}), so a "diamond" of fragments costs linear time here, not 2^depth.
 */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return shapeRule(({ depth }, node) =>
    depth <= maxDepth
      ? null
      : limitRefusal(
          "QUERY_TOO_DEEP",
          `${operationLabel(node.name?.value)} is nested ${formatCount(depth)} levels deep; ` +
            `at most ${maxDepth} are allowed. Split it into several operations.`,
          { nodes: node },
        ),
  );
}

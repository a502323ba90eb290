import { ValidationRule } from "graphql";
import { formatCount, limitRefusal, operationLabel } from "../limits/limit-refusal";
import { shapeRule } from "./operation-shape";

/**
 * Rejects operations that select the same field (response key) more than `maxRepeats` times in one
 * selection set, counting the fields its fragments add every time they are spread. Repeats add nothing to
 * the answer, but every tool that walks the document (validation, cost analysis) pays for each one.
 */
export function fieldRepeatLimitRule(maxRepeats: number): ValidationRule {
  return shapeRule(({ worstRepeat }, node) =>
    worstRepeat === null || worstRepeat.count <= maxRepeats
      ? null
      : limitRefusal(
          "FIELD_REPEATED",
          `${operationLabel(node.name?.value)} selects "${worstRepeat.key}" ${formatCount(worstRepeat.count)} ` +
            `times in one selection set (a fragment counts every time it is spread); at most ${maxRepeats} ` +
            `are allowed. Select each field once, and spread each fragment once.`,
          { nodes: node },
        ),
  );
}

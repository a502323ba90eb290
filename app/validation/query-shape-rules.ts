import { ValidationRule } from "graphql";
import { RequestLimits } from "../limits/request-limits";
import { aliasLimitRule } from "./alias-limit.rule";
import { depthLimitRule } from "./depth-limit.rule";
import { directiveLimitRule } from "./directive-limit.rule";
import { fieldRepeatLimitRule } from "./field-repeat-limit.rule";

/** The validation rules that bound an operation's shape, in addition to GraphQL's own. */
export function queryShapeRules(maxDepth: number, limits: RequestLimits): ValidationRule[] {
  return [
    depthLimitRule(maxDepth),
    aliasLimitRule(limits.maxAliases),
    fieldRepeatLimitRule(limits.maxFieldRepeats),
    directiveLimitRule(limits.maxDirectives),
  ];
}

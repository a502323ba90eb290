import { OperationDefinitionNode, valueFromASTUntyped } from "graphql";

/**
 * The variables of a request as sent, with the operation's declared defaults filled in. Not coerced:
 * the request limits look at sizes and page sizes before execution, and coercion errors are execution's
 * to report.
 */
export function variablesWithDefaults(
  operation: OperationDefinitionNode,
  sent: Readonly<Record<string, unknown>> | undefined,
): Record<string, unknown> {
  const values: Record<string, unknown> = { ...sent };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (values[name] === undefined && definition.defaultValue !== undefined) {
      values[name] = valueFromASTUntyped(definition.defaultValue);
    }
  }
  return values;
}

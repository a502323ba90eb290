import { parseArgs, singleOption } from "./command-args";
import { UsageError } from "./command-io";

/** What `npm run db -- cypher` was asked to do. */
export interface CypherCommand {
  readonly statement: string;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly write: boolean;
  readonly json: boolean;
  readonly timeoutMs: number;
}

/** Default transaction timeout of a console statement. */
export const DEFAULT_CYPHER_TIMEOUT_SECONDS = 120;

const PARAMETER_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Reads `cypher [--write] [--json] [--tenant T] [--param name=value]… [--timeout SECONDS] "STATEMENT"`.
 * Parameter values are JSON when they parse as JSON (`42`, `true`, `["a","b"]`, `"007"`), else text. Pure.
 *
 * @throws {UsageError} with what was wrong and how to write it.
 */
export function parseCypherArgs(argv: readonly string[]): CypherCommand {
  const args = parseArgs("cypher", argv, { flags: ["write", "json"], options: ["tenant", "param", "timeout"] });
  if (args.positionals.length !== 1) {
    throw new UsageError(
      args.positionals.length === 0
        ? 'Expected one Cypher statement, e.g. npm run db -- cypher "MATCH (a:Account {tenant: $tenant}) RETURN a.name LIMIT 5" --tenant demo.'
        : `Expected one Cypher statement in quotes, but received ${args.positionals.length} arguments ` +
            `(${args.positionals.map((p) => JSON.stringify(p)).join(" ")}). Put the whole statement in one pair of quotes.`,
    );
  }
  const parameters: Record<string, unknown> = {};
  for (const entry of args.options.get("param") ?? []) {
    const eq = entry.indexOf("=");
    const name = eq === -1 ? entry : entry.slice(0, eq);
    if (eq === -1 || !PARAMETER_NAME.test(name)) {
      throw new UsageError(
        `--param expects name=value with a name of letters, digits and underscores, but received "${entry}". ` +
          'Example: --param limit=10 --param \'names=["Acme","Globex"]\'.',
      );
    }
    if (name in parameters) throw new UsageError(`The parameter $${name} was given twice; give it once.`);
    parameters[name] = parseParameterValue(entry.slice(eq + 1));
  }
  const tenant = singleOption(args, "tenant");
  if (tenant !== undefined) {
    if ("tenant" in parameters) throw new UsageError("Give $tenant either with --tenant or with --param, not both.");
    if (tenant.trim() === "") throw new UsageError("--tenant needs a tenant name, e.g. --tenant demo.");
    parameters.tenant = tenant;
  }
  return {
    statement: args.positionals[0] as string,
    parameters,
    write: args.flags.has("write"),
    json: args.flags.has("json"),
    timeoutMs: parseTimeoutSeconds(singleOption(args, "timeout")) * 1000,
  };
}

/** JSON when it parses (numbers, booleans, null, lists, maps, quoted strings), else the text itself. */
export function parseParameterValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function parseTimeoutSeconds(value: string | undefined): number {
  if (value === undefined) return DEFAULT_CYPHER_TIMEOUT_SECONDS;
  const seconds = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(seconds > 0) || seconds > 86_400) {
    throw new UsageError(
      `--timeout expects seconds between 1 and 86400, but received "${value}". ` +
        `Example: --timeout 600 (the default is ${DEFAULT_CYPHER_TIMEOUT_SECONDS}).`,
    );
  }
  return seconds;
}

import { authSettings, jwtSecret } from "../app/config";
import { assertAgentName, assertTenant, isRole, signToken } from "../app/auth/token";
import { parseScopes, TOKEN_SCOPES, unknownScopes } from "../domain/auth/token-scopes";
import { ROLES } from "../resolvers/context";

const USAGE = `Usage: npm run token -- --tenant <tenant> --role <${ROLES.join("|")}> [--user <externalId>] [--agent <name>] [--scope <scope>]... [--hours <n>]
Prints a bearer token signed with RELATA_JWT_SECRET (or the local secret in RELATA_HOME), valid 12 h by
default and at most RELATA_MAX_TOKEN_LIFETIME_HOURS (24 by default); each token has its own jti.
--user makes the token a user's: its sub is the user's externalId, the API refuses it while the tenant has
no such user, and what it may do is its role capped by the user's roles.
--agent names the AI agent using the token (the "agt" claim, 1-64 of A-Z a-z 0-9 . _ -): it gets the same
role and cap, and what it does appears in the audit trail as agent:<name>.
--scope adds OAuth scopes (the "scope" claim); repeat it or separate scopes by commas. Known scopes:
${Object.entries(TOKEN_SCOPES)
  .map(([scope, meaning]) => `  ${scope}: ${meaning}`)
  .join("\n")}`;

/** Every value given after `--name` (a repeatable option); undefined for one given without a value. */
function allArguments(args: string[], name: string): Array<string | undefined> {
  const values: Array<string | undefined> = [];
  args.forEach((arg, i) => {
    if (arg === `--${name}`) values.push(args[i + 1]);
  });
  return values;
}

function argument(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** What the command prints and its exit code. */
export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run token`: signs a token for a tenant and role, for a lifetime the API accepts. */
export function tokenCommand(args: string[], env: NodeJS.ProcessEnv = process.env): CommandResult {
  const fail = (message: string): CommandResult => ({ code: 2, stdout: "", stderr: `${message}\n` });
  if (args.includes("--help")) return { code: 0, stdout: `${USAGE}\n`, stderr: "" };
  const tenant = argument(args, "tenant") ?? "demo";
  const role = argument(args, "role") ?? "admin";
  const hours = Number(argument(args, "hours") ?? "12");
  const user = argument(args, "user");
  const agent = argument(args, "agent");
  if (
    args.includes("--user") &&
    (user === undefined || user.trim() === "" || user.startsWith("--") || user.length > 200)
  ) {
    return fail(
      `--user must be followed by a user's externalId (1-200 characters); received "${user ?? ""}".\n${USAGE}`,
    );
  }
  if (!isRole(role)) return fail(`--role must be one of ${ROLES.join(", ")}; received "${role}".\n${USAGE}`);
  let maxHours: number;
  try {
    maxHours = authSettings(env).maxTokenLifetimeHours;
  } catch (error) {
    return fail((error as Error).message);
  }
  if (!Number.isFinite(hours) || hours <= 0 || hours > maxHours) {
    return fail(
      `--hours must be a number above 0 and at most ${maxHours} (RELATA_MAX_TOKEN_LIFETIME_HOURS: the API ` +
        `refuses longer-lived tokens); received "${argument(args, "hours")}".`,
    );
  }
  try {
    assertTenant(tenant);
  } catch (error) {
    return fail((error as Error).message);
  }
  if (args.includes("--agent")) {
    try {
      assertAgentName(agent ?? "");
    } catch (error) {
      return fail(`--agent: ${(error as Error).message}.\n${USAGE}`);
    }
  }
  const given = allArguments(args, "scope");
  if (given.some((value) => value === undefined || value.startsWith("--") || value.trim() === "")) {
    return fail(`--scope must be followed by a scope, e.g. --scope ${Object.keys(TOKEN_SCOPES)[0]}.\n${USAGE}`);
  }
  const scopes = parseScopes(given as string[]);
  const unknown = unknownScopes(scopes);
  if (unknown.length > 0) {
    return fail(
      `--scope: ${unknown.map((scope) => `"${scope.slice(0, 60)}"`).join(", ")} ${unknown.length > 1 ? "are not scopes" : "is not a scope"} ` +
        `Relata knows; known scopes: ${Object.keys(TOKEN_SCOPES).join(", ")}.`,
    );
  }
  const claims = {
    tenant,
    role,
    ...(user === undefined ? {} : { user }),
    ...(agent === undefined ? {} : { agent }),
    ...(scopes.length === 0 ? {} : { scopes }),
  };
  return { code: 0, stdout: `${signToken(claims, jwtSecret(env), Math.round(hours * 3600))}\n`, stderr: "" };
}

if (require.main === module) {
  const result = tokenCommand(process.argv.slice(2));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}

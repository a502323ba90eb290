import { jwtSecret } from "../app/config";
import { assertTenant, isRole, signToken } from "../app/auth/token";
import { ROLES } from "../resolvers/context";

const USAGE = `Usage: npm run token -- --tenant <tenant> --role <${ROLES.join("|")}> [--hours <n>]
Prints a bearer token signed with RELATA_JWT_SECRET (or the local secret in RELATA_HOME).`;

function argument(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

function main(args: string[]): number {
  const tenant = argument(args, "tenant") ?? "demo";
  const role = argument(args, "role") ?? "admin";
  const hours = Number(argument(args, "hours") ?? "12");
  if (args.includes("--help")) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!isRole(role)) {
    process.stderr.write(`--role must be one of ${ROLES.join(", ")}; received "${role}".\n${USAGE}\n`);
    return 2;
  }
  if (!Number.isFinite(hours) || hours <= 0) {
    process.stderr.write(`--hours must be a positive number; received "${argument(args, "hours")}".\n`);
    return 2;
  }
  try {
    assertTenant(tenant);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  process.stdout.write(`${signToken({ tenant, role }, jwtSecret(), Math.round(hours * 3600))}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));

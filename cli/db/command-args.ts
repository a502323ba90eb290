import { UsageError } from "./command-io";

/** Arguments split into options (`--name value`, `--name=value`, repeatable) and positionals. */
export interface ParsedArgs {
  readonly options: ReadonlyMap<string, readonly string[]>;
  readonly flags: ReadonlySet<string>;
  readonly positionals: readonly string[];
}

/**
 * Splits `argv` by a command's known flags (no value) and options (one value each). An unknown `--name`
 * is a usage error naming the ones the command takes. Pure.
 */
export function parseArgs(
  command: string,
  argv: readonly string[],
  known: { readonly flags: readonly string[]; readonly options: readonly string[] },
): ParsedArgs {
  const options = new Map<string, string[]>();
  const flags = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith("--") || arg === "--") {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (known.flags.includes(name)) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value, but received "${arg}".`);
      flags.add(name);
      continue;
    }
    if (!known.options.includes(name)) {
      const all = [...known.flags, ...known.options].map((n) => `--${n}`);
      throw new UsageError(
        `\`${command}\` has no option --${name}.${all.length > 0 ? ` It takes ${all.join(", ")}.` : ""}`,
      );
    }
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else value = argv[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value, e.g. --${name} VALUE.`);
    options.set(name, [...(options.get(name) ?? []), value]);
  }
  return { options, flags, positionals };
}

/** The single value of an option given at most once. */
export function singleOption(args: ParsedArgs, name: string): string | undefined {
  const values = args.options.get(name) ?? [];
  if (values.length > 1) throw new UsageError(`--${name} was given ${values.length} times; give it once.`);
  return values[0];
}

import { SENSITIVE_SCOPE } from "../personal-data/access-policy";

/**
 * The token scopes Relata gives a meaning to (the OAuth `scope` claim), with what each opens. Minting
 * tools refuse any other: a misspelt scope would be signed and silently mean nothing.
 */
export const TOKEN_SCOPES: Readonly<Record<string, string>> = {
  [SENSITIVE_SCOPE]: "SENSITIVE personal data in clear, for a role that sees CONTACT values (decision 0028)",
};

/** The scopes of `--scope` arguments (repeatable, comma- or space-separated), distinct, in order given. */
export function parseScopes(values: readonly string[]): string[] {
  const scopes = values.flatMap((value) => value.split(/[\s,]+/)).filter((scope) => scope !== "");
  return [...new Set(scopes)];
}

/** The scopes of `scopes` Relata does not know. */
export function unknownScopes(scopes: readonly string[]): string[] {
  return scopes.filter((scope) => !Object.hasOwn(TOKEN_SCOPES, scope));
}

/**
 * Canonical JSON (the JSON Canonicalization Scheme's rules, RFC 8785, for the values we store): object keys
 * sorted by UTF-16 code units, no whitespace, numbers and strings as ECMAScript's JSON writes them. Two
 * equal values always give the same text, so a hash over it is stable across processes and versions.
 */
export class CanonicalJsonError extends Error {}

export function canonicalJson(value: unknown, path = "$"): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value))
        throw new CanonicalJsonError(`${path} is ${value}; only finite numbers can be hashed`);
      return JSON.stringify(value);
    case "string":
      return JSON.stringify(value);
    case "object": {
      if (Array.isArray(value)) return `[${value.map((item, i) => canonicalJson(item, `${path}[${i}]`)).join(",")}]`;
      if (value instanceof Date) return JSON.stringify(value.toISOString());
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, item]) => item !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item, `${path}.${key}`)}`).join(",")}}`;
    }
    default:
      throw new CanonicalJsonError(`${path} is a ${typeof value}; only JSON values can be hashed`);
  }
}

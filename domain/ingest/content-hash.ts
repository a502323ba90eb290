import { createHash } from "node:crypto";

/** An array index as an object key: JavaScript enumerates such keys first, in numeric order. */
const INDEX_KEY = /^(?:0|[1-9]\d{0,9})$/;
const MAX_INDEX = 4_294_967_294;

function isIndexKey(key: string): boolean {
  return INDEX_KEY.test(key) && Number(key) <= MAX_INDEX;
}

/**
 * The keys of an object in the order the stored hashes were made with: sorted, then enumerated as an object
 * built from them would be (array-index keys first, in numeric order; see {@link canonicalJson}).
 */
function orderedKeys(value: Record<string, unknown>): string[] {
  const keys = Object.keys(value).sort();
  if (!keys.some((key) => key.charCodeAt(0) >= 48 && key.charCodeAt(0) <= 57 && isIndexKey(key))) return keys;
  const indexes = keys.filter(isIndexKey).sort((a, b) => Number(a) - Number(b));
  return [...indexes, ...keys.filter((key) => !isIndexKey(key))];
}

/** One value as JSON; `undefined` where JSON.stringify leaves an object member out. */
function write(value: unknown): string | undefined {
  if (value === null || value === undefined) return value === null ? "null" : undefined;
  if (typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i += 1) out += (i === 0 ? "" : ",") + (write(value[i]) ?? "null");
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = "{";
  let first = true;
  for (const key of orderedKeys(record)) {
    const item = write(record[key]);
    if (item === undefined) continue;
    out += `${first ? "" : ","}${JSON.stringify(key)}:${item}`;
    first = false;
  }
  return `${out}}`;
}

/**
 * A record's content as canonical JSON: object keys sorted at every depth, undefined members left out,
 * undefined list items written as null, objects read by their own enumerable properties (a Date is `{}`;
 * callers turn instants into ISO text first). It is, character for character, what the stored hashes were
 * made from (`JSON.stringify` of a sorted copy, with the key order an object built from sorted keys has),
 * written in one pass without the copy (issue 18; pinned against that form in content-hash.test.ts).
 */
export function canonicalJson(content: unknown): string {
  return write(content) ?? "null";
}

/**
 * A digest of a record's content, independent of key order. Stored on each node so that re-ingesting the
 * same record is recognised as unchanged without comparing every property in Cypher.
 */
export function contentHash(content: unknown): string {
  return createHash("sha1").update(canonicalJson(content)).digest("base64url");
}

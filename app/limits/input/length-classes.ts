import { RequestLimits } from "../request-limits";

/** The kinds of string value, each with its own length limit (see {@link lengthLimitOf}). */
export type LengthClass = "search" | "id" | "cursor" | "text" | "document";

/**
 * Where a value is not what its name and type say by default: a search text, or a whole file. Keys are
 * schema coordinates: `Type.field` for an input object's field, `Type.field(argument:)` for an argument.
 */
export const LENGTH_CLASS_OVERRIDES: Readonly<Record<string, LengthClass>> = {
  "AccountFilter.search": "search",
  "ContactFilter.search": "search",
  "Query.concepts(search:)": "search",
  "MpuFilterInput.search": "search",
  "Mutation.importOntology(content:)": "document",
};

/** Ids and keys by name, whatever their type: external and record ids, source system keys, field names. */
const ID_NAMES: ReadonlySet<string> = new Set([
  "externalId",
  "recordId",
  "sourceSystem",
  "system",
  "field",
  "fields",
  "key",
  "concept",
  "lang",
]);

/**
 * The class of a string at `coordinate` (named `name`, of the named type `typeName`): the override
 * table first, then cursors (`after`), then ids (type `ID` or an id-like name), and text for the rest,
 * so that a new argument or input field always gets a limit.
 */
export function lengthClassOf(coordinate: string, name: string, typeName: string): LengthClass {
  const override = LENGTH_CLASS_OVERRIDES[coordinate];
  if (override !== undefined) return override;
  if (name === "after") return "cursor";
  if (typeName === "ID" || ID_NAMES.has(name)) return "id";
  return "text";
}

/** What a class is called in a refusal, and what to do instead. */
export const LENGTH_CLASS_ADVICE: Readonly<Record<LengthClass, { what: string; advice: string }>> = {
  search: { what: "a search text", advice: "Search with a few words." },
  id: { what: "an id or key", advice: "Pass the id or key exactly as stored." },
  cursor: { what: "a cursor", advice: "Pass a cursor exactly as returned in pageInfo.endCursor." },
  text: { what: "a text value", advice: "Send a shorter value." },
  document: { what: "a whole document", advice: "Split it into smaller parts." },
};

export function lengthLimitOf(lengthClass: LengthClass, limits: RequestLimits): number {
  switch (lengthClass) {
    case "search":
      return limits.maxSearchLength;
    case "id":
      return limits.maxIdLength;
    case "cursor":
      return limits.maxCursorLength;
    case "text":
      return limits.maxTextLength;
    case "document":
      return limits.maxDocumentLength;
    default: {
      const unreachable: never = lengthClass;
      return unreachable;
    }
  }
}

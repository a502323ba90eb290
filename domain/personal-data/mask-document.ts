import { GOLDEN_RECORD_KEYS, PersonalJsonKey } from "./catalogue";
import { PersonalDataAccess, sees } from "./access-policy";
import { maskValue } from "./mask-value";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Masks the value at `steps` (path segments, `x[]` stepping into an array) inside `node`, in place. */
function maskAt(node: unknown, steps: readonly string[], key: PersonalJsonKey): void {
  const [step, ...rest] = steps;
  if (step === undefined || !isRecord(node)) return;
  const name = step.endsWith("[]") ? step.slice(0, -2) : step;
  if (!(name in node)) return;
  if (rest.length === 0) {
    node[name] = maskValue(key.mask, node[name]);
    return;
  }
  const child = node[name];
  if (step.endsWith("[]") && Array.isArray(child)) {
    for (const item of child) maskAt(item, rest, key);
  } else {
    maskAt(child, rest, key);
  }
}

/**
 * A JSON document (parsed) with every declared key the reader may not see masked by its rule; a copy,
 * the input is left as it is. Keys not declared are kept.
 */
export function maskDocument(document: unknown, keys: readonly PersonalJsonKey[], access: PersonalDataAccess): unknown {
  const hidden = keys.filter((key) => !sees(access, key.category));
  if (hidden.length === 0 || document === null || typeof document !== "object") return document;
  const copy = structuredClone(document);
  for (const key of hidden) maskAt(copy, key.path.split("."), key);
  return copy;
}

/** The catalogue key a golden record's field holds (`emails` → `emails[]`), or undefined when not personal. */
export function goldenRecordKey(field: string): PersonalJsonKey | undefined {
  return GOLDEN_RECORD_KEYS.find((key) => key.path.replace(/\[\]$/u, "") === field);
}

/** A golden record field's value as the reader may see it. */
export function maskGoldenValue(field: string, value: unknown, access: PersonalDataAccess): unknown {
  const key = goldenRecordKey(field);
  if (key === undefined || sees(access, key.category)) return value;
  return maskValue(key.mask, value);
}

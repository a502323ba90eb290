import { MIN_SUBSTRING_LENGTH } from "./personal-values";

/** What stands where an erased value was. */
export const ERASED = "[erased]";

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A scrubber for one person's values: whole values equal to one of them (any length, case-insensitive)
 * become {@link ERASED}, and values of at least {@link MIN_SUBSTRING_LENGTH} characters are cut out of
 * longer texts (a task note, a JSON payload). Short values are not searched inside texts: "Li" would
 * otherwise be cut out of every "Liability".
 */
export class PayloadScrubber {
  private readonly whole: ReadonlySet<string>;
  private readonly inside: RegExp | null;

  constructor(values: readonly string[]) {
    this.whole = new Set(values.map((v) => v.toLowerCase()));
    const long = values.filter((v) => v.length >= MIN_SUBSTRING_LENGTH).sort((a, b) => b.length - a.length);
    this.inside = long.length === 0 ? null : new RegExp(long.map(escape).join("|"), "gi");
  }

  /** The text with the person's values replaced; the same string when nothing matched. */
  text(value: string): string {
    if (this.whole.has(value.trim().toLowerCase())) return ERASED;
    if (this.inside === null) return value;
    return value.replace(this.inside, ERASED);
  }

  /**
   * A JSON value with every string leaf scrubbed (and object keys equal to a value dropped); a string that
   * holds JSON is scrubbed as JSON so its structure survives.
   */
  json(value: unknown): unknown {
    if (typeof value === "string") return this.text(value);
    if (Array.isArray(value)) return value.map((v) => this.json(v));
    if (value !== null && typeof value === "object") {
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value)) {
        if (this.whole.has(key.toLowerCase())) continue;
        out[key] = this.json(v);
      }
      return out;
    }
    return value;
  }

  /** A stored property value (text, JSON text or a list of texts) scrubbed; `changed` says whether it moved. */
  property(value: unknown): { value: unknown; changed: boolean } {
    if (typeof value === "string") {
      const trimmed = value.trim();
      if ((trimmed.startsWith("{") || trimmed.startsWith("[")) && trimmed.length > 1) {
        try {
          const scrubbed = JSON.stringify(this.json(JSON.parse(value) as unknown));
          return scrubbed === JSON.stringify(JSON.parse(value) as unknown)
            ? { value, changed: false }
            : { value: scrubbed, changed: true };
        } catch {
          // Not JSON after all: scrubbed as text below.
        }
      }
      const scrubbed = this.text(value);
      return { value: scrubbed, changed: scrubbed !== value };
    }
    if (Array.isArray(value) && value.every((v) => typeof v === "string")) {
      const scrubbed = (value as string[]).map((v) => this.text(v));
      return { value: scrubbed, changed: scrubbed.some((v, i) => v !== value[i]) };
    }
    return { value, changed: false };
  }

  /** Whether a text still holds one of the values (the erasure's own check before it reports). */
  holds(value: string): boolean {
    return this.text(value) !== value;
  }
}

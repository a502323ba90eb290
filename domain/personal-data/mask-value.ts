import { MaskRule } from "./catalogue";

/**
 * Masking of personal values for readers who may not see them (issue 15, decision 0028). Pure functions:
 * the GraphQL guard, the change-event serializer and the exports call them with the catalogue's rule.
 * A masked value keeps only what helps a reader recognise a record without learning the person: an
 * initial, an email's first character and domain, a phone's last two digits.
 */

const STARS = "***";
const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** The user-perceived characters of a text (a flag, an accented letter, a CJK character: one each). */
function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

/** `Zoë Ångström` → `Z*** Å***`; `张伟` → `张***`; an empty name stays empty. */
export function maskName(value: string): string {
  const words = value
    .trim()
    .split(/\s+/u)
    .filter((word) => word !== "");
  return words.map((word) => `${graphemes(word)[0] ?? ""}${STARS}`).join(" ");
}

/** `anna@example.com` → `a***@example.com`; without an `@` it is masked like a name's initial. */
export function maskEmail(value: string): string {
  const text = value.trim();
  const at = text.lastIndexOf("@");
  if (at <= 0) return maskPartial(text);
  const local = graphemes(text.slice(0, at));
  return `${local[0] ?? ""}${STARS}${text.slice(at)}`;
}

/**
 * Every digit but the last two becomes `*`, separators stay, so the shape is recognisable: `+49 170 1234567`
 * → `+** *** *****67`. A country code written as a separate leading group (`+49 …`) is kept: it tells the
 * country, not the person. Fewer than five digits: nothing is kept.
 */
export function maskPhone(value: string): string {
  const text = value.trim();
  const digits = text.replace(/\D/gu, "").length;
  if (digits < 5) return text === "" ? "" : STARS;
  const country = /^\+\d{1,3}(?=[\s.-])/u.exec(text)?.[0] ?? "";
  const rest = text.slice(country.length);
  const restDigits = rest.replace(/\D/gu, "").length;
  let seen = 0;
  const masked = rest.replace(/\d/gu, (digit) => {
    seen += 1;
    return seen > restDigits - 2 ? digit : "*";
  });
  return country + masked;
}

/** The first character and `***`: `12 Zhongshan Road` → `1***`; empty stays empty. */
export function maskPartial(value: string): string {
  const text = value.trim();
  if (text === "") return "";
  return `${graphemes(text)[0] ?? ""}${STARS}`;
}

/**
 * One value masked by a rule. `NULL` hides it whole (a list too); other rules mask lists element by
 * element; null and undefined stay null; a non-string value (a number, an object) cannot be masked partially and becomes null.
 */
export function maskValue(rule: MaskRule, value: unknown): unknown {
  if (value === null || value === undefined || rule === "NULL") return null;
  if (Array.isArray(value)) return value.map((item) => maskValue(rule, item));
  if (typeof value !== "string") return null;
  switch (rule) {
    case "EMAIL":
      return maskEmail(value);
    case "PHONE":
      return maskPhone(value);
    case "NAME":
      return maskName(value);
    case "PARTIAL":
      return maskPartial(value);
    default: {
      const unknownRule: never = rule;
      throw new Error(`unknown mask rule ${String(unknownRule)}`);
    }
  }
}

import { PersonalCategory } from "./catalogue";
import { PersonalDataAccess, sees } from "./access-policy";

/** How a search term is compared with one stored personal value. */
export type PersonalMatch = "CONTAINS" | "EXACT";

/** A search over people's names and emails, as the reader may run it. */
export interface PersonSearch {
  /** The term, trimmed and lower-cased. */
  text: string;
  /** How the term meets the name (IDENTIFIER). */
  name: PersonalMatch;
  /** How the term meets the email (CONTACT). */
  email: PersonalMatch;
}

/**
 * How a reader may search people by a personal value (issue 15, decision 0033). A reader who sees the
 * value's category in clear matches any part of it; a reader who sees it masked matches only the whole
 * value (any case, surrounding spaces ignored): they can find a contact by an email or full name they
 * already know, and get it masked, but cannot learn a value a character at a time by trying prefixes.
 * Null: no search.
 */
export function personSearch(term: string | null | undefined, access: PersonalDataAccess): PersonSearch | null {
  const text = term?.trim().toLowerCase() ?? "";
  if (text === "") return null;
  const match = (category: PersonalCategory): PersonalMatch => (sees(access, category) ? "CONTAINS" : "EXACT");
  return { text, name: match("IDENTIFIER"), email: match("CONTACT") };
}

/** Cypher parameters of a person search: `$search`, `$searchName`, `$searchEmail` (see PERSON_SEARCH_CLAUSE). */
export function personSearchParams(search: PersonSearch | null): Record<string, unknown> {
  return { search: search?.text ?? null, searchName: search?.name ?? "EXACT", searchEmail: search?.email ?? "EXACT" };
}

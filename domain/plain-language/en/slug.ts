/** Kebab-case slugs for templates, review types, intents and flags ("demo-plan", "compliance-pre-review"). */
export function slugOf(words: readonly string[]): string {
  return words
    .join("-")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .replace(/-{2,}/g, "-");
}

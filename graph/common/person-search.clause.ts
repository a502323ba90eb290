/**
 * The predicate of a search over a person's name and email (contacts, users), reading the parameters of
 * `personSearchParams` (domain/personal-data/person-search.ts): `$search` is contained in the value, or
 * equals it when the reader sees that category masked (`$searchName`/`$searchEmail` = "EXACT").
 */
export function personSearchClause(node: string): string {
  const meets = (value: string, mode: string) =>
    `(CASE ${mode} WHEN 'CONTAINS' THEN ${value} CONTAINS $search ELSE ${value} = $search END)`;
  return (
    `($search IS NULL OR ${meets(`toLower(trim(${node}.name))`, "$searchName")} OR ` +
    `${meets(`toLower(trim(coalesce(${node}.email, '')))`, "$searchEmail")})`
  );
}

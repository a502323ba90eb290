const DAY_MS = 86_400_000;

/** The Monday 00:00 UTC that starts the ISO week of `at`, as "YYYY-MM-DD": usage is counted per such week. */
export function weekStartOf(at: Date): string {
  const day = Math.floor(at.getTime() / DAY_MS);
  // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays.
  const monday = day - ((((day + 3) % 7) + 7) % 7);
  return new Date(monday * DAY_MS).toISOString().slice(0, 10);
}

/** The `weeks` week starts that end before the week of `to` (the current, unfinished week is left out), oldest first. */
export function fullWeeksBefore(to: Date, weeks: number): string[] {
  const current = Date.parse(`${weekStartOf(to)}T00:00:00Z`);
  const out: string[] = [];
  for (let i = weeks; i >= 1; i -= 1) out.push(new Date(current - i * 7 * DAY_MS).toISOString().slice(0, 10));
  return out;
}

/** A concept that pulls scores down, counted over a list of accounts. */
export interface DriverTally {
  conceptId: string;
  /** Accounts where it is among the top drivers pulling the score down. */
  accounts: number;
  /** Sum of its (negative) impacts. */
  impact: number;
}

/**
 * The concepts that pull the listed accounts' scores down, most accounts first (then largest total
 * impact): what drives risk across the list. Pure.
 */
export function downDrivers(
  accounts: ReadonlyArray<{ drivers: ReadonlyArray<{ conceptId: string; direction: string; impact: number }> }>,
): DriverTally[] {
  const tally = new Map<string, DriverTally>();
  for (const account of accounts) {
    for (const driver of account.drivers) {
      if (driver.direction !== "DOWN") continue;
      const entry = tally.get(driver.conceptId) ?? { conceptId: driver.conceptId, accounts: 0, impact: 0 };
      entry.accounts += 1;
      entry.impact += driver.impact;
      tally.set(driver.conceptId, entry);
    }
  }
  return [...tally.values()].sort(
    (a, b) => b.accounts - a.accounts || a.impact - b.impact || a.conceptId.localeCompare(b.conceptId),
  );
}

/** An x position on a 0..100 scale drawn `width` wide. Pure. */
export function scaleX(score: number, width: number): number {
  return (Math.max(0, Math.min(100, score)) / 100) * width;
}

/** Pure view logic of the value contracts page (issue 15). */

/** Who may revoke a contract (the role matrix: `revokeValueContract` is admin only). */
export function canRevokeContract(role: string): boolean {
  return role === "admin";
}

/** Who may read contracts at all (the role matrix: admins and analysts). */
export function canReadContracts(role: string): boolean {
  return role === "admin" || role === "analyst";
}

export interface FormulaLike {
  kind: string;
  base?: number | null;
  rate?: number | null;
  cap?: number | null;
  tiers?: ReadonlyArray<{ fromUnits: number; rate: number }> | null;
}

/** A benefit formula in one line, e.g. "LINEAR: 2 + 0.001 × units, at most 10". Pure. */
export function describeFormula(formula: FormulaLike): string {
  const parts: string[] = [];
  if (formula.kind === "TIERED" && formula.tiers && formula.tiers.length > 0) {
    parts.push(`TIERED: ${formula.tiers.map((t) => `≥ ${t.fromUnits} units: ${t.rate}`).join("; ")}`);
  } else {
    const base = formula.base ?? 0;
    const rate = formula.rate ?? 0;
    parts.push(`${formula.kind}: ${base} + ${rate} × units`);
  }
  if (formula.cap !== null && formula.cap !== undefined) parts.push(`≤ ${formula.cap}`);
  return parts.join(", ");
}

/** A ledger entry's payload, parsed when it is JSON, else its text. Pure. */
export function readPayload(text: string | null | undefined): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The statements of a ledger: its BENEFIT entries (a statement records one), newest first. Pure. */
export function statementsOf<E extends { kind: string; seq: number }>(entries: readonly E[]): E[] {
  return entries.filter((e) => e.kind === "BENEFIT").sort((a, b) => b.seq - a.seq);
}

/** The benefit a BENEFIT entry's payload names, e.g. "DISCOUNT_PERCENT 2.5". Pure. */
export function benefitOf(payload: unknown): string | null {
  if (payload === null || typeof payload !== "object") return null;
  const benefit = (payload as { benefit?: unknown }).benefit;
  if (benefit === null || typeof benefit !== "object") return null;
  const { kind, value } = benefit as { kind?: unknown; value?: unknown };
  if (typeof kind !== "string") return null;
  return `${kind} ${typeof value === "number" || typeof value === "string" ? String(value) : "–"}`;
}

/** The total units of a payload, when it names them. Pure. */
export function unitsOf(payload: unknown): number | null {
  if (payload === null || typeof payload !== "object") return null;
  const units =
    (payload as { totalUnits?: unknown; units?: unknown }).totalUnits ?? (payload as { units?: unknown }).units;
  return typeof units === "number" ? units : null;
}

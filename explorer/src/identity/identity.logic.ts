/** Pure view logic of the resolved customer and identity review pages (issue 14). */

/** Who may split, merge and decide pairs (the role matrix: admins, analysts, integrators; not viewers). */
export function canDecideIdentity(role: string): boolean {
  return role === "admin" || role === "analyst" || role === "integrator";
}

export const IDENTITY_ENTITIES = ["PERSON", "ORGANIZATION"] as const;
export type IdentityEntityChoice = (typeof IDENTITY_ENTITIES)[number];

export function isIdentityEntity(value: string | null): value is IdentityEntityChoice {
  return value !== null && (IDENTITY_ENTITIES as readonly string[]).includes(value);
}

/** A probability as a percentage with one decimal ("97.3 %"), or "–". Pure. */
export function formatProbability(p: number | null | undefined): string {
  if (p === null || p === undefined || Number.isNaN(p)) return "–";
  return `${(p * 100).toFixed(1)} %`;
}

/** A partial weight with its sign ("+8.21", "−3.40"), or "–". Pure. */
export function formatWeight(w: number | null | undefined): string {
  if (w === null || w === undefined || Number.isNaN(w)) return "–";
  const text = Math.abs(w).toFixed(2);
  return w < 0 ? `−${text}` : `+${text}`;
}

/**
 * One field's bar in a diverging chart: positive weights grow right of the middle, negative ones left,
 * as a share (0..50) of the half width, scaled by the largest absolute weight shown. Pure.
 */
export function weightBar(weight: number, maxAbs: number): { side: "for" | "against" | "none"; percent: number } {
  if (!Number.isFinite(weight) || weight === 0 || maxAbs <= 0) return { side: "none", percent: 0 };
  const percent = Math.min(50, (Math.abs(weight) / maxAbs) * 50);
  return { side: weight > 0 ? "for" : "against", percent: Math.round(percent * 10) / 10 };
}

/** The largest absolute weight among fields (at least 1, so tiny weights stay tiny). Pure. */
export function maxAbsWeight(fields: ReadonlyArray<{ weight: number }>): number {
  return fields.reduce((m, f) => Math.max(m, Math.abs(f.weight)), 1);
}

export interface AttributesLike {
  fullName?: string | null;
  givenName?: string | null;
  familyName?: string | null;
  companyName?: string | null;
  domain?: string | null;
  emails?: readonly string[] | null;
  phones?: readonly string[] | null;
  dateOfBirth?: string | null;
  address?: {
    lines?: readonly string[] | null;
    locality?: string | null;
    postcode?: string | null;
    country?: string | null;
  } | null;
}

/** The key attributes of an identity as [name, value] rows, the empty ones left out. Pure. */
export function keyAttributes(a: AttributesLike): Array<[string, string]> {
  const name = a.fullName ?? ([a.givenName, a.familyName].filter(Boolean).join(" ") || null);
  const address = a.address
    ? [...(a.address.lines ?? []), a.address.locality, a.address.postcode, a.address.country]
        .filter((p): p is string => typeof p === "string" && p.length > 0)
        .join(", ")
    : "";
  const rows: Array<[string, string | null | undefined]> = [
    ["name", name],
    ["company", a.companyName],
    ["domain", a.domain],
    ["emails", a.emails && a.emails.length > 0 ? a.emails.join(", ") : null],
    ["phones", a.phones && a.phones.length > 0 ? a.phones.join(", ") : null],
    ["dateOfBirth", a.dateOfBirth],
    ["address", address || null],
  ];
  return rows.filter((r): r is [string, string] => typeof r[1] === "string" && r[1].length > 0);
}

/** A golden record value (any JSON) as text. Pure. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return "–";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.map(formatValue).join(", ");
  if (typeof value === "object") {
    return Object.values(value as Record<string, unknown>)
      .filter((v) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))
      .map(formatValue)
      .join(", ");
  }
  return JSON.stringify(value);
}

/** An identity's short label, "channel · externalId", from a list by id; the id when unknown. Pure. */
export function identityLabel(
  id: string,
  identities: ReadonlyArray<{ id: string; channel: string; externalId: string }>,
): string {
  const found = identities.find((i) => i.id === id);
  return found ? `${found.channel} · ${found.externalId}` : id;
}

import { MpuStatus, MpuUseStatus } from "./mpu";

/** A unit as contribution figures read it. */
export interface ContributionUnit {
  id: string;
  authorUserId: string | null;
  authorSubject: string;
  authorTeamId: string | null;
  status: MpuStatus;
  createdAt: string;
  validatedAt: string | null;
  publishedAt: string | null;
  retiredAt: string | null;
}

export interface ContributionUse {
  mpuId: string;
  appliedBySubject: string;
  appliedAt: string;
  status: MpuUseStatus;
  resolvedAt: string | null;
}

export interface Period {
  /** YYYY-MM */
  period: string;
  start: string;
  end: string;
}

export interface AuthorContribution {
  authorSubject: string;
  authorUserId: string | null;
  teamId: string | null;
  created: number;
  validated: number;
  /** Published units of the author applied at least once in the period by someone else. */
  adoptedByOthers: number;
  /** Published units of the author eligible in the period (see {@link publishedInPeriod} and the eligibility set). */
  eligible: number;
  adoptionRate: number | null;
  /** Uses by others of the author's units resolved in the period: succeeded ÷ resolved. */
  successRate: number | null;
  successfulUsesByOthers: number;
  points: number;
}

export interface TeamContribution extends Omit<AuthorContribution, "authorSubject" | "authorUserId" | "teamId"> {
  teamId: string | null;
  authors: number;
}

export interface TenantFigures {
  period: string;
  created: number;
  people: number;
  /** Units created ÷ field people (users holding the rep role) in the month; healthy ≥ 0.8. */
  createdPerPerson: number | null;
  adopted: number;
  eligible: number;
  /** Published units applied by someone other than the author ÷ eligible published units; healthy > 0.65. */
  adoptionRate: number | null;
  createdHealthy: boolean | null;
  adoptionHealthy: boolean | null;
}

export const CREATED_PER_PERSON_HEALTHY = 0.8;
export const ADOPTION_RATE_HEALTHY = 0.65;
/** Contribution points: a validated unit, a unit adopted by others, a successful use by others. */
export const POINTS = { validated: 10, adopted: 5, successfulUse: 2 } as const;

/** A month `YYYY-MM` as a half-open UTC interval; null when it is not one. */
export function parsePeriod(period: string): Period | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const start = new Date(Date.UTC(year, month - 1, 1)).toISOString();
  const end = new Date(Date.UTC(year, month, 1)).toISOString();
  return { period, start, end };
}

/** The month before. */
export function previousPeriod(period: Period): Period {
  const d = new Date(period.start);
  const prev = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1));
  return parsePeriod(prev.toISOString().slice(0, 7))!;
}

const inPeriod = (at: string | null, p: Period) => at !== null && at >= p.start && at < p.end;

/** Published during at least part of the period: published before its end and not retired before its start. */
export function publishedInPeriod(unit: ContributionUnit, p: Period): boolean {
  return (
    unit.publishedAt !== null && unit.publishedAt < p.end && (unit.retiredAt === null || unit.retiredAt >= p.start)
  );
}

/** The units adopted in the period: applied at least once by someone other than the author. */
export function adoptedIds(
  units: readonly ContributionUnit[],
  uses: readonly ContributionUse[],
  p: Period,
): Set<string> {
  const bySubject = new Map(units.map((u) => [u.id, u.authorSubject]));
  const published = new Set(units.filter((u) => publishedInPeriod(u, p)).map((u) => u.id));
  return new Set(
    uses
      .filter(
        (use) =>
          published.has(use.mpuId) && inPeriod(use.appliedAt, p) && use.appliedBySubject !== bySubject.get(use.mpuId),
      )
      .map((use) => use.mpuId),
  );
}

function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/**
 * Contributions per author and per team in a period. `eligibleIds`: the published units whose situation
 * matched at least one account owned by a user other than their author (the service computes it); an adopted
 * unit counts as eligible too, so a rate never exceeds 1.
 */
export function contributions(
  units: readonly ContributionUnit[],
  uses: readonly ContributionUse[],
  eligibleIds: ReadonlySet<string>,
  p: Period,
): { authors: AuthorContribution[]; teams: TeamContribution[] } {
  const adopted = adoptedIds(units, uses, p);
  const unitById = new Map(units.map((u) => [u.id, u]));
  const authors = new Map<string, AuthorContribution & { resolved: number }>();
  const entry = (u: ContributionUnit) => {
    let a = authors.get(u.authorSubject);
    if (a === undefined) {
      a = {
        authorSubject: u.authorSubject,
        authorUserId: u.authorUserId,
        teamId: u.authorTeamId,
        created: 0,
        validated: 0,
        adoptedByOthers: 0,
        eligible: 0,
        adoptionRate: null,
        successRate: null,
        successfulUsesByOthers: 0,
        points: 0,
        resolved: 0,
      };
      authors.set(u.authorSubject, a);
    }
    return a;
  };
  for (const u of units) {
    const a = entry(u);
    if (inPeriod(u.createdAt, p)) a.created += 1;
    if (inPeriod(u.validatedAt, p)) a.validated += 1;
    if (adopted.has(u.id)) a.adoptedByOthers += 1;
    if (publishedInPeriod(u, p) && (eligibleIds.has(u.id) || adopted.has(u.id))) a.eligible += 1;
  }
  for (const use of uses) {
    const u = unitById.get(use.mpuId);
    if (u === undefined || use.appliedBySubject === u.authorSubject) continue;
    if (use.status === "PENDING" || !inPeriod(use.resolvedAt, p)) continue;
    const a = entry(u);
    a.resolved += 1;
    if (use.status === "SUCCEEDED") a.successfulUsesByOthers += 1;
  }
  const list = [...authors.values()].map(({ resolved, ...a }) => ({
    ...a,
    adoptionRate: rate(a.adoptedByOthers, a.eligible),
    successRate: rate(a.successfulUsesByOthers, resolved),
    points:
      POINTS.validated * a.validated +
      POINTS.adopted * a.adoptedByOthers +
      POINTS.successfulUse * a.successfulUsesByOthers,
    resolved,
  }));
  const teams = new Map<string | null, TeamContribution & { resolved: number }>();
  for (const a of list) {
    const t = teams.get(a.teamId) ?? {
      teamId: a.teamId,
      authors: 0,
      created: 0,
      validated: 0,
      adoptedByOthers: 0,
      eligible: 0,
      adoptionRate: null,
      successRate: null,
      successfulUsesByOthers: 0,
      points: 0,
      resolved: 0,
    };
    t.authors += 1;
    t.created += a.created;
    t.validated += a.validated;
    t.adoptedByOthers += a.adoptedByOthers;
    t.eligible += a.eligible;
    t.successfulUsesByOthers += a.successfulUsesByOthers;
    t.points += a.points;
    t.resolved += a.resolved;
    teams.set(a.teamId, t);
  }
  const byPoints = <T extends { points: number }>(x: T[]) => x.sort((a, b) => b.points - a.points);
  return {
    authors: byPoints(list.map(({ resolved: _r, ...a }) => a)),
    teams: byPoints(
      [...teams.values()].map(({ resolved, ...t }) => ({
        ...t,
        adoptionRate: rate(t.adoptedByOthers, t.eligible),
        successRate: rate(t.successfulUsesByOthers, resolved),
      })),
    ),
  };
}

/** The tenant's calibration figures for one period (product brief: ≥ 0.8 created per person, > 65 % adopted). */
export function tenantFigures(
  units: readonly ContributionUnit[],
  uses: readonly ContributionUse[],
  eligibleIds: ReadonlySet<string>,
  people: number,
  p: Period,
): TenantFigures {
  const created = units.filter((u) => inPeriod(u.createdAt, p)).length;
  const adopted = adoptedIds(units, uses, p);
  const eligible = units.filter((u) => publishedInPeriod(u, p) && (eligibleIds.has(u.id) || adopted.has(u.id))).length;
  const createdPerPerson = rate(created, people);
  const adoptionRate = rate(adopted.size, eligible);
  return {
    period: p.period,
    created,
    people,
    createdPerPerson,
    adopted: adopted.size,
    eligible,
    adoptionRate,
    createdHealthy: createdPerPerson === null ? null : createdPerPerson >= CREATED_PER_PERSON_HEALTHY,
    adoptionHealthy: adoptionRate === null ? null : adoptionRate > ADOPTION_RATE_HEALTHY,
  };
}

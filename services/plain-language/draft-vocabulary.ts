import { DraftDirectory } from "../../domain/plain-language/draft";
import { OntologyPack } from "../../ontology/model/ontology.model";
import { DirectoryRows } from "../../graph/plain-language/draft-directory.repository";

// The words people use for things the graph names by code, in both languages. The graph says which of them
// a tenant has (its users' roles, its organizations' kinds, its health grades); these tables say what they
// are called.

const ROLE_NAMES: Readonly<Record<string, readonly string[]>> = {
  admin: ["admin", "admins", "administrator", "administrators", "管理员"],
  analyst: ["analyst", "analysts", "分析师"],
  integrator: ["integrator", "integrators", "integration team", "集成人员", "集成方"],
  viewer: ["viewer", "viewers", "查看者", "只读用户"],
};

const ACCOUNT_OWNER_NAMES = [
  "account owner",
  "owner",
  "account manager",
  "sales lead",
  "the rep",
  "sales rep",
  "客户负责人",
  "客户经理",
  "销售负责人",
  "负责的销售",
] as const;

const ORGANIZATION_KIND_NAMES: Readonly<Record<string, readonly string[]>> = {
  SERVICE_PROVIDER: ["service partner", "service provider", "服务商", "维保服务商"],
  RESELLER: ["reseller", "distributor", "dealer", "经销商", "代理商", "分销商"],
  SUPPLIER: ["supplier", "供应商"],
  PARTNER: ["partner", "合作伙伴"],
};

const GRADE_NAMES: Readonly<Record<string, readonly string[]>> = {
  GREEN: ["green", "绿色", "绿灯"],
  YELLOW: ["yellow", "amber", "黄色", "黄灯"],
  RED: ["red", "红色", "红灯"],
};

/** The grades every tenant has until it defines its own health model (services/health/health-model.ts). */
const DEFAULT_GRADES = ["GREEN", "YELLOW", "RED"] as const;

/** Distinct non-empty names, in order, compared without case and surrounding spaces. */
function names(...candidates: ReadonlyArray<string | null | undefined>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const candidate of candidates) {
    const name = candidate?.trim();
    if (!name) continue;
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

/** "HEALTH_CARE" → "health care": how a stored code reads in a sentence. */
function spoken(value: string): string {
  return value.replace(/[_-]+/g, " ").toLowerCase();
}

/** The pack titles of an industry whose value names a pack ("HEALTHCARE" → the healthcare pack's titles). */
function packTitles(value: string, packs: readonly OntologyPack[]): string[] {
  const pack = packs.find((p) => p.pack === value.toLowerCase().replace(/[_\s]+/g, "-"));
  return pack === undefined ? [] : Object.values(pack.title);
}

/** "https://erp.example.com/hooks" → "erp.example.com", and its first label "erp". */
function hostNames(url: string | null): string[] {
  if (url === null) return [];
  try {
    const host = new URL(url).hostname;
    return [host, host.split(".")[0] ?? ""];
  } catch {
    return [];
  }
}

/**
 * The vocabulary a parser resolves names against, from the tenant's graph: each user by name and external
 * id, teams by name and external id, the roles its users hold, organizations with their kinds, webhook
 * endpoints by description and host, the account field values present in the data, and the grades of its
 * health models. Nothing here comes from another tenant: every row was read in this tenant's scope.
 */
export function draftVocabulary(rows: DirectoryRows, packs: readonly OntologyPack[]): DraftDirectory {
  const heldRoles = [...new Set(rows.users.flatMap((u) => u.roles))].sort();
  const kinds = [...new Set(rows.organizations.flatMap((o) => (o.kind === null ? [] : [o.kind])))].sort();
  const grades = [...new Set(rows.gradeBands.length === 0 ? DEFAULT_GRADES : rows.gradeBands.flat())];
  const fieldValues = (values: readonly string[], withPacks: boolean) =>
    Object.fromEntries(
      [...values]
        .sort()
        .map((value) => [value, names(value, spoken(value), ...(withPacks ? packTitles(value, packs) : []))]),
    );
  return {
    users: rows.users.map((u) => ({ id: u.externalId, names: names(u.name, u.externalId) })),
    teams: rows.teams.map((t) => ({
      id: t.id,
      names: names(t.name, t.name === null || /\bteam$/i.test(t.name) ? null : `${t.name} team`, t.externalId),
    })),
    roles: heldRoles.map((role) => ({ id: role, names: names(role, ...(ROLE_NAMES[role] ?? [])) })),
    accountOwner: { names: [...ACCOUNT_OWNER_NAMES] },
    organizations: rows.organizations.map((o) => ({ id: o.id, kind: o.kind ?? "PARTNER", names: names(o.name) })),
    organizationKinds: Object.fromEntries(
      kinds.map((kind) => [kind, names(...(ORGANIZATION_KIND_NAMES[kind] ?? [spoken(kind)]))]),
    ),
    webhookEndpoints: rows.endpoints.map((e) => ({ id: e.id, names: names(e.description, ...hostNames(e.url)) })),
    accountFields: {
      industry: fieldValues(rows.industries, true),
      segment: fieldValues(rows.segments, false),
      region: fieldValues(rows.regions, false),
    },
    healthGrades: Object.fromEntries(
      grades.map((grade) => [grade, names(grade, ...(GRADE_NAMES[grade] ?? [spoken(grade)]))]),
    ),
  };
}

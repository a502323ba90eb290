import { EventGroup, isEventGroup } from "../events/events.logic";
import { IdentityEntityChoice, isIdentityEntity } from "../identity/identity.logic";
import { isWorkView, STATUS_CHOICES, StatusChoice, WorkView } from "../work/work.logic";
import { isMpuView, MpuPageView } from "../mpus/mpus.logic";

/** The explorer's base path on the server. */
export const BASE = "/explorer";

/** Every view of the explorer, as its URL says. */
export type Route =
  | { page: "search"; q: string; industry: string | null; segment: string | null; region: string | null }
  | { page: "account"; id: string }
  | { page: "graph"; node: string | null }
  | { page: "health" }
  | { page: "ontologies" }
  | { page: "events"; group: EventGroup }
  | { page: "work"; view: WorkView; status: StatusChoice }
  | { page: "playbooks"; id: string | null }
  | { page: "contracts"; account: string | null; id: string | null }
  | { page: "customer"; id: string }
  | { page: "identity-review"; entity: IdentityEntityChoice }
  | { page: "experiments"; id: string | null; mpu: string | null }
  | { page: "mpus"; view: MpuPageView }
  | { page: "consents"; person: string }
  | { page: "requests"; person: string }
  | { page: "anchors"; id: string | null; top: number; weeks: number }
  | { page: "lineage"; id: string | null; field: string | null; maxNodes: number | null }
  | { page: "impact"; id: string | null; field: string | null }
  | { page: "not-found"; path: string };

/** Attribution's defaults and ranges (the API's: top 1-50, weeks 1-26). */
export const ATTRIBUTION = { top: 5, weeks: 4, maxTop: 50, maxWeeks: 26 } as const;

/** Lineage's node budget: the API's range (1-1000); without one, the API's default (200). */
export const LINEAGE_MAX_NODES = 1000;

/** A whole number from a query parameter within [1, max], else the default. Pure. */
function boundedInt(text: string | null, fallback: number, max: number): number {
  const value = Number(text);
  return text !== null && Number.isInteger(value) && value >= 1 && value <= max ? value : fallback;
}

/** The view a URL stands for. Pure. */
export function parseRoute(pathname: string, search: string): Route {
  const params = new URLSearchParams(search);
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  const parts = rest.split("/").filter((p) => p.length > 0);
  if (parts.length === 0 || (parts.length === 1 && parts[0] === "search")) {
    return {
      page: "search",
      q: params.get("q") ?? "",
      industry: params.get("industry"),
      segment: params.get("segment"),
      region: params.get("region"),
    };
  }
  if (parts[0] === "accounts" && parts.length === 2) return { page: "account", id: decodeURIComponent(parts[1]!) };
  if (parts[0] === "graph" && parts.length === 1) return { page: "graph", node: params.get("node") };
  if (parts[0] === "health" && parts.length === 1) return { page: "health" };
  if (parts[0] === "ontologies" && parts.length === 1) return { page: "ontologies" };
  if (parts[0] === "events" && parts.length === 1) {
    const group = params.get("group");
    return { page: "events", group: isEventGroup(group) ? group : "all" };
  }
  if (parts[0] === "work" && parts.length === 1) {
    const view = params.get("view");
    const status = params.get("status");
    return {
      page: "work",
      view: isWorkView(view) ? view : "mine",
      status: (STATUS_CHOICES as readonly string[]).includes(status ?? "") ? (status as StatusChoice) : "OPEN",
    };
  }
  if (parts[0] === "playbooks" && parts.length === 1) return { page: "playbooks", id: null };
  if (parts[0] === "playbooks" && parts.length === 2) return { page: "playbooks", id: decodeURIComponent(parts[1]!) };
  if (parts[0] === "contracts" && parts.length === 1)
    return { page: "contracts", account: params.get("account"), id: null };
  if (parts[0] === "contracts" && parts.length === 2) {
    return { page: "contracts", account: params.get("account"), id: decodeURIComponent(parts[1]!) };
  }
  if (parts[0] === "customers" && parts.length === 2) return { page: "customer", id: decodeURIComponent(parts[1]!) };
  if (parts[0] === "identity-review" && parts.length === 1) {
    const entity = params.get("entity");
    return { page: "identity-review", entity: isIdentityEntity(entity) ? entity : "PERSON" };
  }
  if (parts[0] === "experiments" && parts.length <= 2) {
    return { page: "experiments", id: parts[1] ? decodeURIComponent(parts[1]) : null, mpu: params.get("mpu") };
  }
  if (parts[0] === "mpus" && parts.length === 1) {
    const view = params.get("view");
    return { page: "mpus", view: isMpuView(view) ? view : "queue" };
  }
  if (parts[0] === "people" && parts.length === 3 && (parts[2] === "consents" || parts[2] === "requests")) {
    return { page: parts[2], person: decodeURIComponent(parts[1]!) };
  }
  if (parts[0] === "anchors" && parts.length <= 2) {
    return {
      page: "anchors",
      id: parts[1] ? decodeURIComponent(parts[1]) : null,
      top: boundedInt(params.get("top"), ATTRIBUTION.top, ATTRIBUTION.maxTop),
      weeks: boundedInt(params.get("weeks"), ATTRIBUTION.weeks, ATTRIBUTION.maxWeeks),
    };
  }
  if (parts[0] === "lineage" && parts.length === 1) {
    const max = params.get("maxNodes");
    return {
      page: "lineage",
      id: params.get("id") || null,
      field: params.get("field") || null,
      maxNodes: max === null ? null : boundedInt(max, LINEAGE_MAX_NODES, LINEAGE_MAX_NODES),
    };
  }
  if (parts[0] === "impact" && parts.length === 1) {
    return { page: "impact", id: params.get("id") || null, field: params.get("field") || null };
  }
  return { page: "not-found", path: pathname };
}

/** `?id=…&field=…` of the lineage and impact pages, and lineage's node budget. Pure. */
function targetQuery(id: string | null, field: string | null, maxNodes: number | null = null): string {
  const params = new URLSearchParams();
  if (id) params.set("id", id);
  if (field) params.set("field", field);
  if (maxNodes !== null) params.set("maxNodes", String(maxNodes));
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** The URL of a view. Pure; parseRoute(href(r)) gives r back. */
export function href(route: Route): string {
  switch (route.page) {
    case "search": {
      const params = new URLSearchParams();
      if (route.q) params.set("q", route.q);
      if (route.industry) params.set("industry", route.industry);
      if (route.segment) params.set("segment", route.segment);
      if (route.region) params.set("region", route.region);
      const query = params.toString();
      return `${BASE}/search${query ? `?${query}` : ""}`;
    }
    case "account":
      return `${BASE}/accounts/${encodeURIComponent(route.id)}`;
    case "graph":
      return `${BASE}/graph${route.node ? `?node=${encodeURIComponent(route.node)}` : ""}`;
    case "health":
      return `${BASE}/health`;
    case "ontologies":
      return `${BASE}/ontologies`;
    case "events":
      return `${BASE}/events${route.group === "all" ? "" : `?group=${route.group}`}`;
    case "work": {
      const params = new URLSearchParams();
      if (route.view !== "mine") params.set("view", route.view);
      if (route.status !== "OPEN") params.set("status", route.status);
      const query = params.toString();
      return `${BASE}/work${query ? `?${query}` : ""}`;
    }
    case "playbooks":
      return `${BASE}/playbooks${route.id ? `/${encodeURIComponent(route.id)}` : ""}`;
    case "contracts":
      return `${BASE}/contracts${route.id ? `/${encodeURIComponent(route.id)}` : ""}${
        route.account ? `?account=${encodeURIComponent(route.account)}` : ""
      }`;
    case "customer":
      return `${BASE}/customers/${encodeURIComponent(route.id)}`;
    case "identity-review":
      return `${BASE}/identity-review${route.entity === "PERSON" ? "" : `?entity=${route.entity}`}`;
    case "experiments":
      return `${BASE}/experiments${route.id ? `/${encodeURIComponent(route.id)}` : ""}${
        route.mpu ? `?mpu=${encodeURIComponent(route.mpu)}` : ""
      }`;
    case "mpus":
      return `${BASE}/mpus${route.view === "queue" ? "" : `?view=${route.view}`}`;
    case "consents":
    case "requests":
      return `${BASE}/people/${encodeURIComponent(route.person)}/${route.page}`;
    case "anchors": {
      const params = new URLSearchParams();
      if (route.top !== ATTRIBUTION.top) params.set("top", String(route.top));
      if (route.weeks !== ATTRIBUTION.weeks) params.set("weeks", String(route.weeks));
      const query = params.toString();
      return `${BASE}/anchors${route.id ? `/${encodeURIComponent(route.id)}` : ""}${query ? `?${query}` : ""}`;
    }
    case "lineage":
      return `${BASE}/lineage${targetQuery(route.id, route.field, route.maxNodes)}`;
    case "impact":
      return `${BASE}/impact${targetQuery(route.id, route.field)}`;
    case "not-found":
      return route.path;
  }
}

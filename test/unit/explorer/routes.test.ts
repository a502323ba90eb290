import { href, parseRoute, Route } from "../../../explorer/src/routing/routes";

describe("the explorer's URLs", () => {
  it("reads the search page with its words and filters", () => {
    expect(parseRoute("/explorer/search", "?q=%E6%BB%A1%E6%84%8F%E5%BA%A6&industry=Retail")).toEqual({
      page: "search",
      q: "满意度",
      industry: "Retail",
      segment: null,
      region: null,
    });
  });

  it("takes the bare base path and its slash for the search page", () => {
    expect(parseRoute("/explorer", "").page).toBe("search");
    expect(parseRoute("/explorer/", "").page).toBe("search");
  });

  it("reads an account's 360 from /explorer/accounts/<id>", () => {
    expect(parseRoute("/explorer/accounts/QWNjb3VudDox", "")).toEqual({ page: "account", id: "QWNjb3VudDox" });
  });

  it("reads the events page with its group, and falls back to every change for an unknown one", () => {
    expect(parseRoute("/explorer/events", "?group=signals")).toEqual({ page: "events", group: "signals" });
    expect(parseRoute("/explorer/events", "?group=nope")).toEqual({ page: "events", group: "all" });
  });

  it("reads the work page's view and status, falling back to my open tasks", () => {
    expect(parseRoute("/explorer/work", "?view=all&status=DONE")).toEqual({
      page: "work",
      view: "all",
      status: "DONE",
    });
    expect(parseRoute("/explorer/work", "?view=x&status=y")).toEqual({ page: "work", view: "mine", status: "OPEN" });
  });

  it("says which path it does not know", () => {
    expect(parseRoute("/explorer/nope/1/2", "")).toEqual({ page: "not-found", path: "/explorer/nope/1/2" });
  });

  it("writes URLs that read back as the same view", () => {
    const routes: Route[] = [
      { page: "search", q: "acme hea", industry: null, segment: "SMB", region: "华东" },
      { page: "account", id: "a/b c" },
      { page: "graph", node: "T3JnOjE=" },
      { page: "graph", node: null },
      { page: "events", group: "all" },
      { page: "events", group: "health" },
      { page: "work", view: "mine", status: "OPEN" },
      { page: "work", view: "inbox", status: "ALL" },
      { page: "playbooks", id: null },
      { page: "playbooks", id: "pb_1 2" },
      { page: "contracts", account: null, id: null },
      { page: "contracts", account: "acc 1", id: null },
      { page: "contracts", account: "acc 1", id: "vc_1/2" },
      { page: "customer", id: "per_1 2" },
      { page: "identity-review", entity: "PERSON" },
      { page: "identity-review", entity: "ORGANIZATION" },
    ];
    for (const route of routes) {
      const url = new URL(href(route), "http://localhost");
      expect(parseRoute(url.pathname, url.search)).toEqual(route);
    }
  });
});

describe("the routes of the identity and contracts pages (issues 14, 15)", () => {
  it("reads an unknown review entity as PERSON", () => {
    expect(parseRoute("/explorer/identity-review", "?entity=ROBOT")).toEqual({
      page: "identity-review",
      entity: "PERSON",
    });
  });

  it("reads a person's consents and requests, anchors with attribution's bounds, lineage and impact targets", () => {
    expect(parseRoute("/explorer/people/per_1/consents", "")).toEqual({ page: "consents", person: "per_1" });
    expect(parseRoute("/explorer/people/per_1/requests", "")).toEqual({ page: "requests", person: "per_1" });
    expect(parseRoute("/explorer/people/per_1/other", "").page).toBe("not-found");
    expect(parseRoute("/explorer/anchors", "")).toEqual({ page: "anchors", id: null, top: 5, weeks: 4 });
    expect(parseRoute("/explorer/anchors/anc_1", "?top=10&weeks=26")).toEqual({
      page: "anchors",
      id: "anc_1",
      top: 10,
      weeks: 26,
    });
    expect(parseRoute("/explorer/anchors/anc_1", "?top=0&weeks=27")).toMatchObject({ top: 5, weeks: 4 });
    expect(parseRoute("/explorer/lineage", "?id=acc_1&field=health")).toEqual({
      page: "lineage",
      id: "acc_1",
      field: "health",
      maxNodes: null,
    });
    expect(parseRoute("/explorer/lineage", "?id=acc_1&maxNodes=5000")).toMatchObject({ maxNodes: 1000 });
    expect(parseRoute("/explorer/impact", "")).toEqual({ page: "impact", id: null, field: null });
  });

  it("writes the new pages' URLs back", () => {
    const routes: Route[] = [
      { page: "consents", person: "per_1" },
      { page: "requests", person: "per_1" },
      { page: "anchors", id: null, top: 5, weeks: 4 },
      { page: "anchors", id: "anc_1", top: 3, weeks: 8 },
      { page: "lineage", id: "acc_1", field: "core:satisfaction", maxNodes: null },
      { page: "lineage", id: "acc_1", field: "health", maxNodes: 500 },
      { page: "impact", id: "src_1", field: "logins" },
      { page: "lineage", id: null, field: null, maxNodes: null },
    ];
    for (const route of routes) {
      const url = new URL(href(route), "http://localhost");
      expect(parseRoute(url.pathname, url.search)).toEqual(route);
    }
  });
});

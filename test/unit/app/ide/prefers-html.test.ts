import { prefersHtml } from "../../../../app/ide/prefers-html";

describe("prefersHtml (issue 19: the IDE for browsers at GET /graphql)", () => {
  it("is true for what browsers send when the address bar opens a page", () => {
    // Chromium and Firefox.
    expect(
      prefersHtml(
        "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7",
      ),
    ).toBe(true);
    expect(prefersHtml("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")).toBe(true);
    expect(prefersHtml("text/html")).toBe(true);
  });

  it("is false for API clients, curl and fetch's default", () => {
    expect(prefersHtml(undefined)).toBe(false);
    expect(prefersHtml("")).toBe(false);
    expect(prefersHtml("*/*")).toBe(false);
    expect(prefersHtml("application/json")).toBe(false);
    expect(prefersHtml("application/graphql-response+json, application/json;q=0.9")).toBe(false);
  });

  it("weighs quality first, then specificity, then order", () => {
    expect(prefersHtml("application/json;q=0.5, text/html")).toBe(true);
    expect(prefersHtml("text/html;q=0.5, application/json")).toBe(false);
    expect(prefersHtml("text/html;q=0, */*")).toBe(false);
    expect(prefersHtml("text/*, */*")).toBe(true);
    expect(prefersHtml("text/html, application/json")).toBe(true);
    expect(prefersHtml("application/json, text/html")).toBe(false);
  });
});

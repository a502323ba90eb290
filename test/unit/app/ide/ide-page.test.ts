import { IDE_CONTENT_SECURITY_POLICY, IDE_SECURITY_HEADERS, idePage } from "../../../../app/ide/ide-page";

const manifest = {
  files: [],
  ide: "ide-AAAA.js",
  ideCss: "ide-BBBB.css",
  editorWorker: "editor.worker-CCCC.js",
  jsonWorker: "json.worker-DDDD.js",
  graphqlWorker: "graphql.worker-EEEE.js",
};

describe("the IDE page (issue 19: no CDN, no other origin)", () => {
  it("loads its script, style sheet and workers from this API's /ide/ path only", () => {
    const page = idePage(manifest, "/ide/", "/graphql");
    const urls = [...page.matchAll(/(?:src|href|data-[a-z-]+)="([^"]*)"/g)].map((m) => m[1]);
    expect(urls).toEqual([
      "data:,",
      "/ide/ide-BBBB.css",
      "/graphql",
      "/ide/editor.worker-CCCC.js",
      "/ide/json.worker-DDDD.js",
      "/ide/graphql.worker-EEEE.js",
      "/ide/ide-AAAA.js",
    ]);
    expect(page).not.toMatch(/https?:\/\//);
    // No inline script: the policy forbids it.
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page).toMatch(/<script src="\/ide\/ide-AAAA\.js"><\/script>/);
  });

  it("escapes what it writes into attributes", () => {
    expect(idePage({ ...manifest, ide: 'x"><script>' }, "/ide/", "/graphql")).toContain(
      'src="/ide/x&quot;&gt;&lt;script&gt;"',
    );
  });

  it("has a Content-Security-Policy that allows this origin only, and no inline or eval'd script", () => {
    const directives = Object.fromEntries(
      IDE_CONTENT_SECURITY_POLICY.split(";").map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives["default-src"]).toEqual(["'none'"]);
    expect(directives["script-src"]).toEqual(["'self'"]);
    expect(directives["connect-src"]).toEqual(["'self'"]);
    expect(directives["worker-src"]).toEqual(["'self'"]);
    expect(directives["frame-ancestors"]).toEqual(["'none'"]);
    // Only 'self', data: URLs (fonts inside the style sheet) and inline styles (Monaco, React) anywhere.
    const sources = Object.values(directives).flat();
    expect(sources.filter((s) => !["'self'", "'none'", "data:", "'unsafe-inline'"].includes(s))).toEqual([]);
    expect(directives["style-src"]).toContain("'unsafe-inline'");
    expect(IDE_SECURITY_HEADERS["content-security-policy"]).toBe(IDE_CONTENT_SECURITY_POLICY);
  });
});

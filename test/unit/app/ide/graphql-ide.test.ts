import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, Server } from "node:http";
import { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { GraphqlIde } from "../../../../app/ide/graphql-ide";

const manifest = {
  files: ["ide-AAAA.js", "ide-BBBB.css", "editor.worker-C.js", "json.worker-D.js", "graphql.worker-E.js"],
  ide: "ide-AAAA.js",
  ideCss: "ide-BBBB.css",
  editorWorker: "editor.worker-C.js",
  jsonWorker: "json.worker-D.js",
  graphqlWorker: "graphql.worker-E.js",
};
const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

/** Serves `ide` the way RelataServer does: the page at /graphql for browsers, files under /ide/. */
async function serve(ide: GraphqlIde): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    void (async () => {
      if (path.startsWith("/ide/") && (await ide.serveAsset(path, req, res))) return;
      if (path === "/graphql" && ide.wants(req)) return ide.servePage(res);
      res.statusCode = 418;
      res.end("not the IDE");
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe("the IDE's HTTP handler (issue 19)", () => {
  let dir: string;
  let url: string;
  let server: Server;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "relata-ide-"));
    mkdirSync(join(dir, "ide"));
    writeFileSync(join(dir, "ide", "manifest.json"), JSON.stringify(manifest));
    writeFileSync(join(dir, "ide", "ide-AAAA.js"), "console.log('ide');\n");
    writeFileSync(join(dir, "ide", "ide-AAAA.js.gz"), gzipSync("console.log('ide');\n"));
    writeFileSync(join(dir, "secret.txt"), "not for browsers");
    ({ url, server } = await serve(new GraphqlIde(true, "/graphql", join(dir, "ide"))));
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers a browser's GET with the page and its security headers, and leaves API clients alone", async () => {
    const page = await fetch(`${url}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toMatch(/^default-src 'none'/);
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(await page.text()).toContain('<script src="/ide/ide-AAAA.js"></script>');
    for (const accept of ["*/*", "application/json"]) {
      expect((await fetch(`${url}/graphql`, { headers: { accept } })).status).toBe(418);
    }
  });

  it("serves listed files, gzipped when taken, for good, with the same policy", async () => {
    const plain = await fetch(`${url}/ide/ide-AAAA.js`, { headers: { "accept-encoding": "identity" } });
    expect(plain.status).toBe(200);
    expect(plain.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(plain.headers.get("content-security-policy")).toMatch(/^default-src 'none'/);
    expect(await plain.text()).toBe("console.log('ide');\n");
    // fetch asks for gzip and decodes it.
    const gzipped = await fetch(`${url}/ide/ide-AAAA.js`);
    expect(gzipped.headers.get("content-encoding")).toBe("gzip");
    expect(await gzipped.text()).toBe("console.log('ide');\n");
  });

  it("serves nothing its build does not list", async () => {
    for (const path of ["/ide/manifest.json", "/ide/nothing.js", "/ide/..%2Fsecret.txt", "/ide/%E0%A4%A"]) {
      expect({ path, status: (await fetch(`${url}${path}`)).status }).toEqual({ path, status: 404 });
    }
  });

  it("says how to build the IDE when it is not built", async () => {
    const missing = await serve(new GraphqlIde(true, "/graphql", join(dir, "absent")));
    try {
      const page = await fetch(`${missing.url}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
      expect(page.status).toBe(503);
      expect(await page.text()).toMatch(/not built.*npm run build/s);
    } finally {
      await new Promise((resolve) => missing.server.close(resolve));
    }
  });

  it("is neither page nor files when RELATA_IDE=0", async () => {
    const off = await serve(new GraphqlIde(false, "/graphql", join(dir, "ide")));
    try {
      expect((await fetch(`${off.url}/graphql`, { headers: { accept: BROWSER_ACCEPT } })).status).toBe(418);
      expect((await fetch(`${off.url}/ide/ide-AAAA.js`)).status).toBe(418);
    } finally {
      await new Promise((resolve) => off.server.close(resolve));
    }
  });
});

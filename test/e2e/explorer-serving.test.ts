import { gunzipSync } from "node:zlib";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { ensureExplorerBuilt } from "./support/explorer-browser";

/** How the API serves the explorer's files and its local demo token (issue 13). */
const tenant = uniqueTenant("explorer-serve");
let demoOn: TestApi;
let demoOff: TestApi;
let origin: string;

beforeAll(async () => {
  ensureExplorerBuilt();
  demoOn = await startTestApi({
    RELATA_DEMO: "1",
    RELATA_DEMO_TENANT: tenant,
    RELATA_EXPLORER_DEMO_TOKEN_MINUTES: "30",
  });
  demoOff = await startTestApi({ RELATA_DEMO: "0" });
  origin = new URL(demoOn.url).origin;
}, 240_000);

afterAll(async () => {
  await demoOn?.stop();
  await demoOff?.stop();
});

async function page(path: string) {
  const response = await fetch(`${origin}${path}`, { headers: { "accept-encoding": "identity" } });
  return { response, text: await response.text() };
}

describe("serving the explorer", () => {
  it("answers the app's page at /explorer/ with a strict policy and no caching", async () => {
    const { response, text } = await page("/explorer/");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-security-policy")).toMatch(/default-src 'none'; script-src 'self'/);
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(text).toMatch(/<script type="module" crossorigin src="\/explorer\/assets\/index-[\w-]+\.js"><\/script>/);
  });

  it("answers deep links with the same page (the app routes them)", async () => {
    const root = await page("/explorer/");
    for (const path of ["/explorer/accounts/QWNjb3VudDox", "/explorer/search?q=%E6%BB%A1", "/explorer/graph"]) {
      const { response, text } = await page(path);
      expect(response.status).toBe(200);
      expect(text).toBe(root.text);
    }
  });

  it("redirects /explorer to /explorer/", async () => {
    const response = await fetch(`${origin}/explorer`, { redirect: "manual" });
    expect(response.status).toBe(308);
    expect(response.headers.get("location")).toBe("/explorer/");
  });

  it("serves hashed assets with their types, cached for good, gzipped when asked", async () => {
    const { text: html } = await page("/explorer/");
    const script = /src="(\/explorer\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const style = /href="(\/explorer\/assets\/[^"]+\.css)"/.exec(html)![1]!;
    const js = await fetch(`${origin}${script}`, { headers: { "accept-encoding": "gzip" } });
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(js.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const css = await page(style);
    expect(css.response.headers.get("content-type")).toBe("text/css; charset=utf-8");
    // fetch decodes gzip itself; a raw request shows the encoding.
    const raw = await import("node:http").then(
      (http) =>
        new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
          http
            .get(`${origin}${script}`, { headers: { "accept-encoding": "gzip" } }, (res) => {
              const chunks: Buffer[] = [];
              res.on("data", (c: Buffer) => chunks.push(c));
              res.on("end", () => resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }));
            })
            .on("error", reject);
        }),
    );
    expect(raw.encoding).toBe("gzip");
    expect(gunzipSync(raw.body).toString("utf8")).toBe(await js.text());
  });

  it("answers 404 for an asset that does not exist and for paths that climb out of the build", async () => {
    expect((await page("/explorer/assets/nope-123.js")).response.status).toBe(404);
    expect((await page("/explorer/assets/..%2F..%2F..%2Fpackage.json")).response.status).toBe(404);
  });

  it("refuses writes to the explorer's files", async () => {
    const response = await fetch(`${origin}/explorer/`, { method: "POST" });
    expect(response.status).toBe(405);
  });
});

describe("the local demo token", () => {
  it("is offered to a browser on this machine when the server runs the demo tenant", async () => {
    const response = await fetch(`${origin}/explorer/demo-token`);
    expect(await response.json()).toEqual({ available: true, tenant });
  });

  it("signs a short-lived viewer token for the demo tenant that the API accepts", async () => {
    const response = await fetch(`${origin}/explorer/demo-token`, {
      method: "POST",
      headers: { "x-relata-explorer": "1" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as { token: string; tenant: string; role: string; expiresInSeconds: number };
    expect(body).toMatchObject({ tenant, role: "viewer", expiresInSeconds: 1800 });
    const claims = JSON.parse(Buffer.from(body.token.split(".")[1]!, "base64url").toString()) as {
      exp: number;
      iat: number;
    };
    expect(claims.exp - claims.iat).toBe(1800);
    const viewer = await demoOn.post<{ viewer: { tenant: string; role: string } }>(
      "{ viewer { tenant role } }",
      {},
      { token: body.token },
    );
    expect(viewer.body.errors).toBeUndefined();
    expect(viewer.body.data!.viewer).toEqual({ tenant, role: "viewer" });
    // A viewer may not write.
    const write = await demoOn.post(
      `mutation { upsertSourceSystems(input: [{ key: "x", name: "X", kind: CRM }]) { created } }`,
      {},
      { token: body.token },
    );
    expect(write.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("is refused without the explorer's header (a cross-site form cannot send it)", async () => {
    const response = await fetch(`${origin}/explorer/demo-token`, { method: "POST" });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { token?: string }).token).toBeUndefined();
  });

  it("is refused behind a proxy (forwarded headers), where every request looks local", async () => {
    for (const header of ["x-forwarded-for", "forwarded"]) {
      const response = await fetch(`${origin}/explorer/demo-token`, {
        method: "POST",
        headers: { "x-relata-explorer": "1", [header]: header === "forwarded" ? "for=203.0.113.9" : "203.0.113.9" },
      });
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: string }).error).toMatch(
        /only to browsers on the server's own machine/,
      );
    }
  });

  it("is refused when the server does not run the demo tenant", async () => {
    const other = new URL(demoOff.url).origin;
    expect(await (await fetch(`${other}/explorer/demo-token`)).json()).toMatchObject({ available: false });
    const response = await fetch(`${other}/explorer/demo-token`, {
      method: "POST",
      headers: { "x-relata-explorer": "1" },
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: string }).error).toMatch(/RELATA_DEMO=0/);
  });
});

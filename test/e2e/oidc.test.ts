import { randomUUID } from "node:crypto";
import { createServer, Server } from "node:http";
import { AddressInfo } from "node:net";
import { CryptoKey, exportJWK, exportSPKI, generateKeyPair, JWK, SignJWT } from "jose";
import jwt from "jsonwebtoken";
import { ViewerDocument } from "../../schema/generated/graphql";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf, onlyErrorOf } from "./support/responses";

// Issue 9, item 13: tokens of an identity provider (OIDC), verified against its key set served by a real
// HTTP server started here, with keys generated here.

const tenant = uniqueTenant("oidc");
const AUDIENCE = "relata-api";
const TENANT_CLAIM = "https://relata.example/tenant";

interface SigningKey {
  kid: string;
  alg: "RS256" | "ES256";
  privateKey: CryptoKey;
  publicJwk: JWK;
}

async function signingKey(kid: string, alg: "RS256" | "ES256"): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, alg, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: "sig" } };
}

/** A provider: discovery document and key set over HTTP, counting key-set fetches. */
class IdentityProvider {
  published: SigningKey[] = [];
  jwksFetches = 0;
  private server: Server | null = null;
  issuer = "";

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      res.setHeader("content-type", "application/json");
      if (req.url === "/.well-known/openid-configuration") {
        res.end(JSON.stringify({ issuer: this.issuer, jwks_uri: `${this.issuer}/keys` }));
      } else if (req.url === "/keys") {
        this.jwksFetches += 1;
        res.end(JSON.stringify({ keys: this.published.map((k) => k.publicJwk) }));
      } else {
        res.statusCode = 404;
        res.end("{}");
      }
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.issuer = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

const idp = new IdentityProvider();
let rsa: SigningKey;
let ec: SigningKey;
let stranger: SigningKey;
let api: TestApi;

const now = (): number => Math.floor(Date.now() / 1000);

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A token of the provider: valid claims for the tenant as an analyst, with `overrides` applied. */
async function idpToken(
  key: SigningKey,
  overrides: Record<string, unknown> = {},
  header: Record<string, unknown> = {},
): Promise<string> {
  const claims: Record<string, unknown> = {
    iss: idp.issuer,
    aud: AUDIENCE,
    sub: "lena@acme.example",
    iat: now(),
    exp: now() + 3600,
    jti: randomUUID(),
    [TENANT_CLAIM]: tenant,
    realm_access: { roles: ["everyone", "relata-analysts", "offline_access"] },
    ...overrides,
  };
  for (const [name, value] of Object.entries(claims)) if (value === undefined) delete claims[name];
  return new SignJWT(claims).setProtectedHeader({ alg: key.alg, kid: key.kid, ...header }).sign(key.privateKey);
}

async function refusal(token: string): Promise<string> {
  const response = await api.post("{ viewer { tenant } }", {}, { token });
  const error = onlyErrorOf(response, 401);
  expect(error.extensions?.code).toBe("UNAUTHENTICATED");
  return error.message;
}

beforeAll(async () => {
  rsa = await signingKey("rsa-1", "RS256");
  ec = await signingKey("ec-1", "ES256");
  stranger = await signingKey("stranger", "RS256");
  idp.published = [rsa, ec];
  await idp.start();
  api = await startTestApi({
    RELATA_OIDC_ISSUER: idp.issuer,
    RELATA_OIDC_AUDIENCE: AUDIENCE,
    RELATA_OIDC_TENANT_CLAIM: TENANT_CLAIM,
    RELATA_OIDC_ROLE_CLAIM: "realm_access.roles",
    RELATA_OIDC_ROLE_MAP: "relata-admins=admin,relata-analysts=analyst,crm-sync=integrator,everyone=viewer",
    RELATA_OIDC_JWKS_COOLDOWN_SECONDS: "0",
  });
}, 120_000);

afterAll(async () => {
  await api?.stop();
  await idp.stop();
});

describe("an identity provider's tokens", () => {
  it("accepts an RS256 token: tenant from its claim, the broadest mapped role, sub and jti", async () => {
    const token = await idpToken(rsa, { jti: "rsa-token-1" });
    expect(dataOf(await api.run(ViewerDocument, {}, { token })).viewer).toEqual({
      tenant,
      role: "analyst",
      subject: "lena@acme.example",
      tokenId: "rsa-token-1",
    });
  });

  it("accepts an ES256 token", async () => {
    const token = await idpToken(ec, { realm_access: { roles: ["crm-sync"] } });
    expect(dataOf(await api.run(ViewerDocument, {}, { token })).viewer.role).toBe("integrator");
  });

  it("lets the mapped role do what the role matrix gives it", async () => {
    const writer = await idpToken(ec, { realm_access: { roles: ["crm-sync"] } });
    const reader = await idpToken(rsa, { realm_access: { roles: ["everyone"] } });
    const mutation = `mutation { upsertAccounts(input: [{ sourceSystem: "crm", externalId: "O-1", name: "Oidc Ltd" }]) { created } }`;
    expect(dataOf(await api.post<{ upsertAccounts: { created: number } }>(mutation, {}, { token: writer }))).toEqual({
      upsertAccounts: { created: 1 },
    });
    const refused = await api.post(mutation, {}, { token: reader });
    expect(onlyErrorOf(refused, 200).message).toMatch(/Your role \(viewer\) may not call upsertAccounts/);
  });

  it("fetches the key set once, not per request", async () => {
    await api.run(ViewerDocument, {}, { token: await idpToken(rsa) });
    const fetches = idp.jwksFetches;
    for (let i = 0; i < 5; i += 1) {
      const token = await idpToken(i % 2 === 0 ? rsa : ec);
      expect(dataOf(await api.run(ViewerDocument, {}, { token })).viewer.tenant).toBe(tenant);
    }
    expect(idp.jwksFetches).toBe(fetches);
  });

  it("follows a key rotation: a token signed with a newly published key is accepted", async () => {
    const rotated = await signingKey("rsa-2", "RS256");
    idp.published = [rsa, ec, rotated];
    const token = await idpToken(rotated);
    expect(dataOf(await api.run(ViewerDocument, {}, { token })).viewer.tenant).toBe(tenant);
  });

  it("keeps accepting Relata's own HS256 tokens", async () => {
    expect(dataOf(await api.run(ViewerDocument, {}, { token: api.token(tenant, "viewer") })).viewer.role).toBe(
      "viewer",
    );
  });
});

describe("refused identity-provider tokens", () => {
  it("refuses a token from another issuer", async () => {
    const message = await refusal(await idpToken(rsa, { iss: "https://evil.example" }));
    expect(message).toMatch(/the token was issued by "https:\/\/evil.example", not by http:\/\/127.0.0.1/);
    expect(message).toContain("RELATA_OIDC_ISSUER");
  });

  it("refuses a token for another audience", async () => {
    expect(await refusal(await idpToken(rsa, { aud: "another-app" }))).toMatch(
      /the token is for the audience "another-app", not "relata-api" \(RELATA_OIDC_AUDIENCE\)/,
    );
  });

  it("refuses a token signed with a key the provider does not publish", async () => {
    expect(await refusal(await idpToken(stranger))).toMatch(/the identity provider has no key with kid "stranger"/);
  });

  it("refuses a token naming a published kid but signed with another key", async () => {
    const forged = await idpToken({ ...stranger, kid: "rsa-1" });
    expect(await refusal(forged)).toMatch(/the signature does not match the key of http:\/\/127.0.0.1/);
  });

  it("refuses an expired token", async () => {
    expect(await refusal(await idpToken(rsa, { iat: now() - 7200, exp: now() - 3600 }))).toMatch(
      /the token has expired/,
    );
  });

  it("refuses a token without exp, or living longer than the cap", async () => {
    expect(await refusal(await idpToken(ec, { exp: undefined }))).toMatch(/the token has no expiry \("exp"\)/);
    expect(await refusal(await idpToken(ec, { exp: now() + 7 * 86400 }))).toMatch(/the token lives 7 days/);
  });

  it("refuses a token without the tenant claim, and names the claim", async () => {
    expect(await refusal(await idpToken(rsa, { [TENANT_CLAIM]: undefined }))).toMatch(
      /the token has no "https:\/\/relata.example\/tenant" claim naming its tenant \(RELATA_OIDC_TENANT_CLAIM\)/,
    );
  });

  it("refuses a token naming several tenants", async () => {
    expect(await refusal(await idpToken(rsa, { [TENANT_CLAIM]: [tenant, "other"] }))).toMatch(
      /must name one tenant, not a list/,
    );
  });

  it("refuses a token whose roles map to no Relata role", async () => {
    expect(await refusal(await idpToken(rsa, { realm_access: { roles: ["offline_access"] } }))).toMatch(
      /the "realm_access.roles" claim \("offline_access"\) names no Relata role .* mapped by RELATA_OIDC_ROLE_MAP/,
    );
  });

  it("refuses a token whose roles cannot be collapsed into one", async () => {
    expect(await refusal(await idpToken(rsa, { realm_access: { roles: ["relata-analysts", "crm-sync"] } }))).toMatch(
      /gives the roles analyst and integrator, and none of them may do everything the others may/,
    );
  });

  it("refuses an HS256 token signed with the provider's public key as the secret (algorithm confusion)", async () => {
    const { createPublicKey } = await import("node:crypto");
    const pem = await exportSPKI(createPublicKey({ key: rsa.publicJwk as never, format: "jwk" }) as never);
    const claims = { iss: idp.issuer, aud: AUDIENCE, [TENANT_CLAIM]: tenant, role: "admin", tenant };
    const token = jwt.sign(claims, pem, { algorithm: "HS256", expiresIn: 600 });
    expect(await refusal(token)).toMatch(/the token is invalid \(malformed, or signed with another secret\)/);
  });

  it("refuses an algorithm it does not accept from the provider", async () => {
    const token = jwt.sign({ tenant, role: "admin" }, "x".repeat(64), { algorithm: "HS384", expiresIn: 600 });
    expect(await refusal(token)).toMatch(
      /signed with "HS384"; this server accepts HS256 \(npm run token\) and RS256\/ES256 from the identity provider/,
    );
  });
});

describe("an identity provider that cannot be reached", () => {
  let offline: TestApi;

  beforeAll(async () => {
    offline = await startTestApi({
      RELATA_OIDC_ISSUER: idp.issuer,
      RELATA_OIDC_AUDIENCE: AUDIENCE,
      RELATA_OIDC_TENANT_CLAIM: TENANT_CLAIM,
      RELATA_OIDC_ROLE_CLAIM: "realm_access.roles",
      RELATA_OIDC_ROLE_MAP: "everyone=viewer",
      // A port that was just free: nothing listens, so fetching the keys fails at once.
      RELATA_OIDC_JWKS_URI: `http://127.0.0.1:${await closedPort()}/keys`,
    });
  }, 120_000);

  afterAll(async () => {
    await offline?.stop();
  });

  it("answers its tokens with 503 SERVICE_UNAVAILABLE, not 401, and keeps serving Relata's own", async () => {
    const response = await offline.post("{ viewer { tenant } }", {}, { token: await idpToken(rsa) });
    const error = onlyErrorOf(response, 503);
    expect(error.extensions?.code).toBe("SERVICE_UNAVAILABLE");
    expect(error.message).toMatch(
      /The identity provider's keys could not be fetched \(fetch failed: ECONNREFUSED\).* try again shortly/,
    );
    const own = await offline.run(ViewerDocument, {}, { token: offline.token(tenant, "viewer") });
    expect(dataOf(own).viewer.tenant).toBe(tenant);
  });
});

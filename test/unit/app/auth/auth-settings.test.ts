import { parseRoleMap } from "../../../../app/auth/auth-settings";
import { authSettings } from "../../../../app/config";

describe("authSettings", () => {
  it("defaults to a 24 h cap, a 5 s revocation refresh and no identity provider", () => {
    expect(authSettings({})).toEqual({
      maxTokenLifetimeHours: 24,
      revocationRefreshSeconds: 5,
      userRolesTtlSeconds: 5,
      oidc: null,
    });
  });

  it("reads an identity provider with its defaults", () => {
    const settings = authSettings({ RELATA_OIDC_ISSUER: "https://idp.example/", RELATA_OIDC_AUDIENCE: "relata-api" });
    expect(settings.oidc).toEqual({
      issuer: "https://idp.example/",
      jwksUri: null,
      audience: "relata-api",
      tenantClaim: "tenant",
      roleClaim: "role",
      roleMap: null,
      jwksCooldownSeconds: 30,
    });
  });

  it("reads the claims, the role map and the key-set settings", () => {
    const { oidc } = authSettings({
      RELATA_OIDC_ISSUER: "https://idp.example",
      RELATA_OIDC_AUDIENCE: "relata-api",
      RELATA_OIDC_JWKS_URI: "https://idp.example/keys",
      RELATA_OIDC_TENANT_CLAIM: "https://relata.example/tenant",
      RELATA_OIDC_ROLE_CLAIM: "groups",
      RELATA_OIDC_ROLE_MAP: "relata-admins=admin, crm sync = integrator",
      RELATA_OIDC_JWKS_COOLDOWN_SECONDS: "0",
    });
    expect(oidc).toMatchObject({
      jwksUri: "https://idp.example/keys",
      tenantClaim: "https://relata.example/tenant",
      roleClaim: "groups",
      jwksCooldownSeconds: 0,
    });
    expect([...(oidc?.roleMap ?? [])]).toEqual([
      ["relata-admins", "admin"],
      ["crm sync", "integrator"],
    ]);
  });

  it("requires an audience with the issuer", () => {
    expect(() => authSettings({ RELATA_OIDC_ISSUER: "https://idp.example" })).toThrow(
      /RELATA_OIDC_AUDIENCE must be set with RELATA_OIDC_ISSUER/,
    );
  });

  it("refuses OIDC settings without an issuer", () => {
    expect(() => authSettings({ RELATA_OIDC_AUDIENCE: "x", RELATA_OIDC_ROLE_CLAIM: "groups" })).toThrow(
      /RELATA_OIDC_AUDIENCE, RELATA_OIDC_ROLE_CLAIM set without RELATA_OIDC_ISSUER/,
    );
  });

  it("refuses an issuer that is not an http(s) URL", () => {
    expect(() => authSettings({ RELATA_OIDC_ISSUER: "idp.example", RELATA_OIDC_AUDIENCE: "x" })).toThrow(
      /RELATA_OIDC_ISSUER must be an http\(s\) URL; it is "idp.example"/,
    );
  });

  it("refuses a cap below one hour and a refresh below one second", () => {
    expect(() => authSettings({ RELATA_MAX_TOKEN_LIFETIME_HOURS: "0" })).toThrow(
      /RELATA_MAX_TOKEN_LIFETIME_HOURS must be an integer of at least 1/,
    );
    expect(() => authSettings({ RELATA_REVOCATION_REFRESH_SECONDS: "0.5" })).toThrow(
      /RELATA_REVOCATION_REFRESH_SECONDS must be an integer of at least 1/,
    );
  });
});

describe("parseRoleMap", () => {
  it("refuses an entry without a Relata role, and says which one", () => {
    expect(() => parseRoleMap("a=admin,b=root")).toThrow(
      /entry 2 \("b=root"\) must be <identity provider name>=<role>/,
    );
    expect(() => parseRoleMap("admins")).toThrow(/entry 1 \("admins"\)/);
  });
});

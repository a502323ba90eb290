import { CorsPolicy, parseCorsOrigins } from "../../../../app/http/cors";

const APP = "https://app.example.com";

describe("parseCorsOrigins", () => {
  describe("accepted settings", () => {
    it("allows no origin when unset or empty", () => {
      expect(parseCorsOrigins(undefined)).toEqual([]);
      expect(parseCorsOrigins(" , ")).toEqual([]);
    });

    it("reads a comma list and normalises each origin", () => {
      expect(parseCorsOrigins(" https://App.Example.com/ ,http://localhost:5173,https://x.test:443")).toEqual([
        APP,
        "http://localhost:5173",
        "https://x.test",
      ]);
    });

    it('takes "*" alone as any origin', () => {
      expect(parseCorsOrigins("*")).toBe("*");
    });
  });

  describe("rejected settings", () => {
    it.each([
      ["app.example.com", /is not an origin/],
      ["ftp://files.example.com", /not an http\(s\) origin/],
      ["https://app.example.com/graphql", /has a path/],
      ["https://user@app.example.com", /has a path, query or user name/],
      ["https://app.example.com?x=1", /has a path, query/],
      [`*,${APP}`, /mixes "\*" with other origins/],
    ])("rejects %s and says how to write it", (raw, why) => {
      expect(() => parseCorsOrigins(raw)).toThrow(why);
      if (raw !== `*,${APP}`) expect(() => parseCorsOrigins(raw)).toThrow(/scheme:\/\/host\[:port\]/);
    });
  });
});

describe("CorsPolicy", () => {
  const policy = new CorsPolicy({ origins: [APP], maxAgeSeconds: 600 });

  describe("allowed origins", () => {
    it("matches exact origins only", () => {
      expect(policy.allows(APP)).toBe(true);
      expect(policy.allows("https://app.example.com:8443")).toBe(false);
      expect(policy.allows("http://app.example.com")).toBe(false);
      expect(policy.allows("https://evil-app.example.com")).toBe(false);
      expect(policy.allows("null")).toBe(false);
      expect(policy.allows(undefined)).toBe(false);
    });

    it("answers a preflight with methods, the API's headers, max-age and Vary: Origin", () => {
      expect(policy.answer("OPTIONS", APP, "POST")).toEqual({
        finalStatus: 204,
        headers: {
          vary: "Origin",
          "access-control-allow-origin": APP,
          "access-control-allow-methods": "GET, POST, OPTIONS",
          "access-control-allow-headers":
            "authorization, content-type, x-relata-debug, x-relata-purpose, apollo-require-preflight, x-apollo-operation-name",
          "access-control-max-age": "600",
        },
      });
    });

    it("adds the allowed origin and the readable Retry-After to actual requests", () => {
      expect(policy.answer("POST", APP, undefined)).toEqual({
        headers: { vary: "Origin", "access-control-allow-origin": APP, "access-control-expose-headers": "retry-after" },
      });
    });

    it('answers "*" literally when any origin is allowed', () => {
      const any = new CorsPolicy({ origins: "*", maxAgeSeconds: 60 });
      expect(any.answer("POST", "https://anything.test", undefined).headers).toEqual({
        "access-control-allow-origin": "*",
        "access-control-expose-headers": "retry-after",
      });
      expect(any.answer("OPTIONS", "https://anything.test", "POST").finalStatus).toBe(204);
    });
  });

  describe("other origins", () => {
    it("refuses a preflight from an origin not listed, without CORS headers", () => {
      const answer = policy.answer("OPTIONS", "https://evil.test", "POST");
      expect(answer.finalStatus).toBe(403);
      expect(answer.headers).toEqual({ vary: "Origin" });
      expect(JSON.stringify(answer.body)).toContain("RELATA_CORS_ORIGINS");
    });

    it("adds nothing to an actual request from an origin not listed", () => {
      expect(policy.answer("POST", "https://evil.test", undefined).headers).toEqual({ vary: "Origin" });
    });

    it("allows no origin by default", () => {
      const none = new CorsPolicy({ origins: [], maxAgeSeconds: 600 });
      expect(none.answer("OPTIONS", APP, "POST")).toMatchObject({ finalStatus: 403, headers: {} });
      expect(none.answer("POST", APP, undefined).headers).toEqual({});
    });

    it("answers a plain OPTIONS request (no preflight) with what the endpoint allows", () => {
      expect(policy.answer("OPTIONS", undefined, undefined)).toEqual({
        finalStatus: 204,
        headers: { vary: "Origin", allow: "GET, POST, OPTIONS" },
      });
    });
  });
});

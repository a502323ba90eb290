import { fragmentWithoutToken, tokenFromFragment } from "../../../explorer/src/api/token-fragment";
import { classifyFailure } from "../../../explorer/src/api/explorer-error";

describe("a token in the URL fragment", () => {
  it("is read from #token=…, alone or among other parameters", () => {
    expect(tokenFromFragment("#token=eyJ.abc.def")).toBe("eyJ.abc.def");
    expect(tokenFromFragment("#lang=zh&token=eyJ.x.y")).toBe("eyJ.x.y");
  });

  it("is absent from an empty fragment or one without a token", () => {
    expect(tokenFromFragment("")).toBeNull();
    expect(tokenFromFragment("#section-2")).toBeNull();
    expect(tokenFromFragment("#token=")).toBeNull();
  });

  it("is removed from the fragment, leaving the rest", () => {
    expect(fragmentWithoutToken("#token=eyJ.x.y")).toBe("");
    expect(fragmentWithoutToken("#lang=zh&token=eyJ.x.y")).toBe("#lang=zh");
  });
});

describe("classifying a failed answer", () => {
  it("takes a 401 or an UNAUTHENTICATED error for a refused token", () => {
    expect(classifyFailure(401, [{ message: "Not authenticated: the token has expired." }])?.kind).toBe(
      "UNAUTHENTICATED",
    );
    expect(classifyFailure(200, [{ message: "x", extensions: { code: "UNAUTHENTICATED" } }])?.kind).toBe(
      "UNAUTHENTICATED",
    );
  });

  it("takes a 502-504 for a server that cannot be reached", () => {
    expect(classifyFailure(503, [])?.kind).toBe("SERVER_DOWN");
    expect(classifyFailure(502, [])?.message).toMatch(/502/);
  });

  it("takes a FORBIDDEN error for a missing role, other errors as failures, data as no failure", () => {
    expect(classifyFailure(200, [{ message: "no", extensions: { code: "FORBIDDEN" } }])?.kind).toBe("FORBIDDEN");
    expect(classifyFailure(400, [{ message: "bad", extensions: { code: "BAD_USER_INPUT" } }])?.kind).toBe("FAILED");
    expect(classifyFailure(200, [])).toBeNull();
  });
});

import { parse } from "graphql";
import { asLimitRefusal, limitRefusal } from "../../../../app/limits/limit-refusal";

describe("asLimitRefusal", () => {
  it("files a refusal of the request limits under BAD_USER_INPUT whatever code Apollo gave it", () => {
    const formatted = {
      message: "too deep",
      extensions: { code: "GRAPHQL_VALIDATION_FAILED", reason: "QUERY_TOO_DEEP" },
    };
    expect(asLimitRefusal(formatted)).toEqual({
      message: "too deep",
      extensions: { code: "BAD_USER_INPUT", reason: "QUERY_TOO_DEEP" },
    });
  });

  it("turns the parser's token limit into TOO_MANY_TOKENS with what to do", () => {
    let message = "";
    try {
      parse("{ a b c d e f }", { maxTokens: 4 });
    } catch (error) {
      message = (error as Error).message;
    }
    const refusal = asLimitRefusal({ message, extensions: { code: "GRAPHQL_PARSE_FAILED" } });
    expect(refusal?.extensions).toEqual({ code: "BAD_USER_INPUT", reason: "TOO_MANY_TOKENS" });
    expect(refusal?.message).toMatch(/^The document has more than 4 tokens .*Send large values as variables/);
  });

  it("leaves every other error alone", () => {
    expect(asLimitRefusal({ message: "x", extensions: { code: "BAD_USER_INPUT", reason: "INVALID_ID" } })).toBeNull();
    expect(
      asLimitRefusal({ message: "Syntax Error: Unexpected Name", extensions: { code: "GRAPHQL_PARSE_FAILED" } }),
    ).toBeNull();
  });
});

describe("limitRefusal", () => {
  it("asks for HTTP 400 only when raised after validation (Apollo gives validation errors 400 itself)", () => {
    expect(limitRefusal("QUERY_TOO_COSTLY", "m", { afterValidation: true }).extensions).toEqual({
      code: "BAD_USER_INPUT",
      reason: "QUERY_TOO_COSTLY",
      http: { status: 400 },
    });
    expect(limitRefusal("TOO_MANY_ALIASES", "m").extensions).toEqual({
      code: "BAD_USER_INPUT",
      reason: "TOO_MANY_ALIASES",
    });
  });
});

import { statusForErrors } from "../../../../app/plugins/http-status.plugin";

describe("statusForErrors (issue 9)", () => {
  it("answers 503 when any error is SERVICE_UNAVAILABLE", () => {
    expect(
      statusForErrors([
        { message: "bad", extensions: { code: "BAD_USER_INPUT" } },
        { message: "down", extensions: { code: "SERVICE_UNAVAILABLE" } },
      ]),
    ).toBe(503);
  });

  it("keeps Apollo's status for other codes, no errors, and errors without a code", () => {
    expect(statusForErrors([{ message: "slow", extensions: { code: "TIMEOUT" } }])).toBeUndefined();
    expect(statusForErrors([{ message: "no code" }])).toBeUndefined();
    expect(statusForErrors([])).toBeUndefined();
    expect(statusForErrors(undefined)).toBeUndefined();
  });
});

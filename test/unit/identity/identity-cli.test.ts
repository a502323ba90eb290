import { join } from "node:path";
import { febrlDirectory } from "../../../bench/identity/febrl-files";
import { identityCommand } from "../../../cli/identity";

const REPOSITORY_ROOT = join(__dirname, "..", "..", "..");

describe("npm run identity -- evaluate", () => {
  it("finds the Febrl files beside the repository", () => {
    expect(febrlDirectory(REPOSITORY_ROOT)).not.toBeNull();
  });

  it("deduplicates febrl1 with F1 of at least 0.95 and ends with one JSON line", () => {
    const file = join(febrlDirectory(REPOSITORY_ROOT)!, "febrl1.csv");
    const result = identityCommand(["evaluate", file, "--truth", "febrl", "--json"]);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout.trim().split("\n").pop()!) as Record<string, number>;
    expect(Object.keys(summary)).toEqual(["pairs", "links", "precision", "recall", "f1", "seconds"]);
    expect(summary.f1).toBeGreaterThanOrEqual(0.95);
    expect(summary.pairs).toBeLessThan((1000 * 999) / 2);
    expect(result.stdout).toContain("pairs compared");
  });

  it("explains what it expects when the truth is missing or unknown", () => {
    expect(identityCommand(["evaluate", "people.csv"]).stderr).toContain("--truth is required");
    expect(identityCommand(["evaluate", "a.csv", "--truth", "oracle"]).stderr).toContain('"febrl" or "column:NAME"');
    expect(identityCommand(["frobnicate"]).code).toBe(2);
  });
});

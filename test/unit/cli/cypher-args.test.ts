import { UsageError } from "../../../cli/db/command-io";
import { DEFAULT_CYPHER_TIMEOUT_SECONDS, parseCypherArgs } from "../../../cli/db/cypher-args";

describe("npm run db -- cypher arguments (issue 19)", () => {
  it("reads the statement, --tenant as $tenant and --param values as JSON when they parse", () => {
    const command = parseCypherArgs([
      "MATCH (a:Account {tenant: $tenant}) RETURN a LIMIT $n",
      "--tenant",
      "acme",
      "--param",
      "n=5",
      '--param=names=["A","B"]',
      "--param",
      "code=007x",
      "--param",
      'quoted="007"',
    ]);
    expect(command).toEqual({
      statement: "MATCH (a:Account {tenant: $tenant}) RETURN a LIMIT $n",
      parameters: { tenant: "acme", n: 5, names: ["A", "B"], code: "007x", quoted: "007" },
      write: false,
      json: false,
      timeoutMs: DEFAULT_CYPHER_TIMEOUT_SECONDS * 1000,
    });
  });

  it("reads --write, --json and --timeout", () => {
    expect(parseCypherArgs(["--write", "--json", "--timeout", "5", "CREATE ()"])).toMatchObject({
      write: true,
      json: true,
      timeoutMs: 5000,
    });
  });

  const refusals: Array<[string, string[], RegExp]> = [
    ["no statement", [], /Expected one Cypher statement/],
    ["an unquoted statement", ["MATCH", "(n)", "RETURN", "n"], /in one pair of quotes/],
    ["an unknown option", ["RETURN 1", "--writ"], /has no option --writ\. It takes --write/],
    ["a parameter without a value", ["RETURN 1", "--param", "n"], /expects name=value/],
    ["a parameter named badly", ["RETURN 1", "--param", "1x=2"], /expects name=value/],
    ["a parameter given twice", ["RETURN 1", "--param", "n=1", "--param", "n=2"], /given twice/],
    ["$tenant given both ways", ["RETURN 1", "--tenant", "a", "--param", "tenant=b"], /not both/],
    ["a blank tenant", ["RETURN 1", "--tenant", " "], /needs a tenant name/],
    ["a bad timeout", ["RETURN 1", "--timeout", "soon"], /--timeout expects seconds/],
    ["an option without its value", ["RETURN 1", "--timeout"], /--timeout needs a value/],
  ];
  it.each(refusals)("refuses %s with a message saying what to write", (_name, argv, message) => {
    expect(() => parseCypherArgs(argv)).toThrow(UsageError);
    expect(() => parseCypherArgs(argv)).toThrow(message);
  });
});

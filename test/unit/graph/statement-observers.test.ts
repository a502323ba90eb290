import { StatementEnd, StatementObservers, StatementStart } from "../../../graph/statement-observer";

const statement: StatementStart = { name: "account.byIds", mode: "READ", database: "neo4j" };

describe("statement observers (issue 19: metrics and spans of every statement)", () => {
  it("tell every observer of a statement's start and of its end, in order", () => {
    const seen: string[] = [];
    const observers = new StatementObservers();
    for (const id of ["metrics", "traces"]) {
      observers.add({
        started: (start) => {
          seen.push(`${id} start ${start.name}`);
          return (end: StatementEnd) => seen.push(`${id} end ${end.rows} ${end.error ?? "ok"}`);
        },
      });
    }
    const end = observers.started(statement);
    expect(seen).toEqual(["metrics start account.byIds", "traces start account.byIds"]);
    end({ rows: 3, ms: 1.5 });
    observers.started(statement)({ rows: 0, ms: 2, error: "TIMEOUT" });
    expect(seen.slice(2)).toEqual([
      "metrics end 3 ok",
      "traces end 3 ok",
      "metrics start account.byIds",
      "traces start account.byIds",
      "metrics end 0 TIMEOUT",
      "traces end 0 TIMEOUT",
    ]);
  });

  it("see statements of executors made before an observer was added", () => {
    const observers = new StatementObservers();
    const before = observers.started(statement);
    let ended = 0;
    observers.add({ started: () => () => (ended += 1) });
    before({ rows: 1, ms: 1 });
    expect(ended).toBe(0);
    observers.started(statement)({ rows: 1, ms: 1 });
    expect(ended).toBe(1);
  });
});

/**
 * What Neo4j's EXPLAIN says a statement does: `r` reads, `rw` reads and writes, `w` writes, `s` changes the
 * schema or the DBMS (indexes, constraints, users) — or is an administration command such as SHOW DATABASES.
 */
export type CypherQueryType = "r" | "rw" | "w" | "s";

/** How a statement is checked with EXPLAIN before it runs, and how to map error positions back. */
export interface ExplainPlan {
  /** The text to EXPLAIN. */
  readonly text: string;
  /** Lines the EXPLAIN text adds before the statement; subtracted from positions in error messages. */
  readonly addedLines: number;
  /** Characters it adds before the statement. */
  readonly addedChars: number;
}

const LEADING_MODE = /^(\s*)(EXPLAIN|PROFILE)\b/i;

/**
 * The statement without a trailing semicolon (as typed in cypher-shell) and surrounding blanks; Neo4j
 * takes one statement per call. Pure.
 */
export function normaliseStatement(statement: string): string {
  return statement.trim().replace(/;\s*$/, "").trimEnd();
}

/**
 * The EXPLAIN form of a statement. A statement that starts with EXPLAIN is explained as is; PROFILE (which
 * runs it) becomes EXPLAIN of the same length, so positions match. Anything else gets `EXPLAIN` on a line
 * of its own, so columns in error messages stay the user's and only line numbers shift. Pure.
 */
export function explainPlan(statement: string): ExplainPlan {
  const mode = LEADING_MODE.exec(statement);
  if (mode) {
    return {
      text: statement.replace(LEADING_MODE, (_all, space: string) => `${space}EXPLAIN`),
      addedLines: 0,
      addedChars: 0,
    };
  }
  return { text: `EXPLAIN\n${statement}`, addedLines: 1, addedChars: "EXPLAIN\n".length };
}

/**
 * Rewrites the positions in a Neo4j error message ("(line 2, column 7 (offset: 14))") about the EXPLAIN
 * text so they point into the user's statement. Pure.
 */
export function shiftErrorPositions(message: string, plan: ExplainPlan): string {
  if (plan.addedLines === 0 && plan.addedChars === 0) return message;
  return message.replace(
    /\(line (\d+), column (\d+) \(offset: (\d+)\)\)/g,
    (_all, line: string, column: string, offset: string) =>
      `(line ${Math.max(1, Number(line) - plan.addedLines)}, column ${column} ` +
      `(offset: ${Math.max(0, Number(offset) - plan.addedChars)}))`,
  );
}

/**
 * Whether EXPLAIN already shows that a statement writes data, so it is refused without `--write` before it
 * runs. Schema and administration statements (`s`) are left to the server: SHOW DATABASES is one and only
 * reads, while a read session refuses CREATE INDEX or CREATE USER by itself. Pure.
 */
export function writesData(type: string): boolean {
  return type === "rw" || type === "w";
}

/** What a query type means, for messages. */
export function describeQueryType(type: string): string {
  switch (type) {
    case "r":
      return "reads only";
    case "rw":
      return "reads and writes data";
    case "w":
      return "writes data";
    case "s":
      return "changes the schema or the DBMS (indexes, constraints, users, databases)";
    default:
      return `is of an unknown kind ("${type}")`;
  }
}

import { GraphErrorCode } from "./graph.errors";

/** A statement about to be sent: what observers may know of it. Never its parameters (personal data). */
export interface StatementStart {
  /** The statement's fixed name (a {@link CypherQuery} name, or a multi-statement transaction's). */
  readonly name: string;
  readonly mode: "READ" | "WRITE";
  readonly database: string;
  /** The statement's Cypher text (parameters stay out of it); absent for a multi-statement transaction. */
  readonly text?: string;
  /** The GraphQL operation that sent it, when one did. */
  readonly operation?: string | null;
}

/** How a statement ended: rows returned and time taken (retries included), or the translated error code. */
export interface StatementEnd {
  readonly rows: number;
  readonly ms: number;
  readonly error?: GraphErrorCode;
}

/**
 * Watches the statements the executor runs (metrics, trace spans). `started` is called as a statement
 * starts, in the caller's async context, and returns what to call once it has ended.
 */
export interface StatementObserver {
  started(statement: StatementStart): (end: StatementEnd) => void;
}

const nothing = (): void => undefined;

/**
 * The observers of one process's executors, shared by all of them (like the statement counter), so one
 * registered after an executor was made still sees its statements. Empty, it costs one length check.
 */
export class StatementObservers {
  private readonly observers: StatementObserver[] = [];

  add(observer: StatementObserver): void {
    this.observers.push(observer);
  }

  started(statement: StatementStart): (end: StatementEnd) => void {
    if (this.observers.length === 0) return nothing;
    const ends = this.observers.map((observer) => observer.started(statement));
    return (end) => {
      for (const finish of ends) finish(end);
    };
  }
}

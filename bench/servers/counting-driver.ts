import type { Driver, ManagedTransaction, Session } from "neo4j-driver";

/** Cypher statements a bench server has sent to Neo4j since it started. */
export class CypherCounter {
  statements = 0;
}

/**
 * Wraps a driver so that every statement run through its sessions (auto-commit or inside a managed
 * transaction) is counted: the Cypher round trips per request of servers that do not report them
 * themselves (the Neo4j GraphQL Library, the raw endpoint).
 */
export function countingDriver(driver: Driver, counter: CypherCounter): Driver {
  return new Proxy(driver, {
    get(target, property, receiver) {
      if (property === "session") {
        return (...args: Parameters<Driver["session"]>) => countingSession(target.session(...args), counter);
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function countingSession(session: Session, counter: CypherCounter): Session {
  const countingTransaction = (tx: ManagedTransaction): ManagedTransaction =>
    new Proxy(tx, {
      get(target, property, receiver) {
        if (property === "run") {
          return (...args: Parameters<ManagedTransaction["run"]>) => {
            counter.statements += 1;
            return target.run(...args);
          };
        }
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
  return new Proxy(session, {
    get(target, property, receiver) {
      if (property === "executeRead" || property === "executeWrite") {
        return <T>(work: (tx: ManagedTransaction) => Promise<T> | T, config?: Parameters<Session["executeRead"]>[1]) =>
          target[property]((tx) => work(countingTransaction(tx)), config);
      }
      if (property === "run") {
        return (...args: Parameters<Session["run"]>) => {
          counter.statements += 1;
          return target.run(...args);
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

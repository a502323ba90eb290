import { Driver } from "neo4j-driver";
import { CypherExecutor, StatementCounter } from "./executor";
import { Neo4jConnection, openDriver } from "./neo4j-driver";
import { ConnectionPoolStats, readPoolStats } from "./pool-stats";
import { StatementObserver, StatementObservers } from "./statement-observer";

/**
 * The process's connection to Neo4j: one driver, opened and verified at start, closed at shutdown.
 * Upper layers get executors from it and never see the driver.
 */
export class GraphDatabase {
  private readonly counter = new StatementCounter();
  private readonly observers = new StatementObservers();

  private constructor(
    private readonly driver: Driver,
    readonly database: string,
  ) {}

  static async open(connection: Neo4jConnection): Promise<GraphDatabase> {
    return new GraphDatabase(await openDriver(connection), connection.database);
  }

  executor(timeoutMs: number): CypherExecutor {
    return new CypherExecutor(this.driver, {
      database: this.database,
      timeoutMs,
      counter: this.counter,
      observers: this.observers,
    });
  }

  /** Lets `observer` see every statement of every executor of this database, made before or after. */
  observeStatements(observer: StatementObserver): void {
    this.observers.add(observer);
  }

  /** The driver's connection pool right now, or null when this driver version does not show it. */
  poolStats(): ConnectionPoolStats | null {
    return readPoolStats(this.driver);
  }

  /** How many Cypher statements this process has sent so far (retries included), by every executor. */
  get statementsRun(): number {
    return this.counter.statements;
  }

  /** Resolves when Neo4j answers; rejects with the driver's reason otherwise. */
  async verifyConnectivity(): Promise<void> {
    await this.driver.verifyConnectivity({ database: this.database });
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}

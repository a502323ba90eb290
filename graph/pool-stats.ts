import { Driver } from "neo4j-driver";

/** The driver's connection pool at one moment, summed over the servers it talks to. */
export interface ConnectionPoolStats {
  /** Connections lent to a session right now. */
  inUse: number;
  /** Open connections waiting in the pool. */
  idle: number;
  /** Sessions waiting for a connection because the pool is at its maximum size. */
  waiting: number;
  /** The pool's maximum size per server. */
  maxSize: number;
}

/** The parts of neo4j-driver's internal pool that {@link readPoolStats} reads (neo4j-driver-core's Pool). */
interface InternalPool {
  _maxSize: number;
  _activeResourceCounts: Record<string, number>;
  _pools: Record<string, { length: number }>;
  _acquireRequests: Record<string, unknown[]>;
}

function isInternalPool(value: unknown): value is InternalPool {
  const pool = value as Partial<InternalPool> | null;
  return (
    typeof pool === "object" &&
    pool !== null &&
    typeof pool._maxSize === "number" &&
    typeof pool._activeResourceCounts === "object" &&
    typeof pool._pools === "object" &&
    typeof pool._acquireRequests === "object"
  );
}

/**
 * Reads the driver's pool. neo4j-driver has no public pool metrics, so this looks at its connection
 * provider's pool, checking every field it reads; when a driver upgrade changes them it answers null and
 * the pool metrics are left out, never wrong (a test pins that this driver version shows them).
 */
export function readPoolStats(driver: Driver): ConnectionPoolStats | null {
  const provider = (driver as unknown as { _connectionProvider?: { _connectionPool?: unknown } | null })
    ._connectionProvider;
  const pool = provider?._connectionPool;
  if (!isInternalPool(pool)) return null;
  const sum = (values: number[]): number => values.reduce((total, n) => total + (Number.isFinite(n) ? n : 0), 0);
  return {
    inUse: sum(Object.values(pool._activeResourceCounts)),
    idle: sum(Object.values(pool._pools).map((server) => server?.length ?? 0)),
    waiting: sum(Object.values(pool._acquireRequests).map((requests) => requests?.length ?? 0)),
    maxSize: pool._maxSize,
  };
}

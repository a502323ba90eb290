import type { VariantKind } from "../scenarios/scenario";

/** The servers compared, each a process of its own so its CPU time can be read from /proc. */
export type VariantId =
  "relata" | "relata-baseline" | "relata-unbatched" | "relata-uncached" | "neo4j-graphql" | "raw" | "apollo-floor";

/**
 * A checkout whose build (`<dir>/dist/app/main.js`) runs beside Relata as "Relata, baseline build", to
 * compare a change before and after in one run (same Neo4j, same data, interleaved). Off when unset.
 */
export const BASELINE_ENV = "RELATA_BENCH_BASELINE";

export interface VariantDescriptor {
  readonly id: VariantId;
  readonly kind: VariantKind;
  readonly label: string;
}

/** In run order; the interleaving goes through them in this order in every round. */
export const VARIANTS: readonly VariantDescriptor[] = [
  { id: "relata", kind: "relata", label: "Relata" },
  { id: "relata-baseline", kind: "relata", label: "Relata, baseline build" },
  { id: "relata-unbatched", kind: "relata", label: "Relata, batching off" },
  // B5a only: before issue 18's cache of health models and mappings (RELATA_HEALTH_CONFIG_CACHE=0).
  { id: "relata-uncached", kind: "relata", label: "Relata, health config cache off (before)" },
  { id: "neo4j-graphql", kind: "neo4j-graphql", label: "@neo4j/graphql 7" },
  { id: "raw", kind: "raw", label: "raw driver endpoint" },
  { id: "apollo-floor", kind: "apollo", label: "Apollo Server" },
];

/** A variant's server, started and answering. */
export interface RunningVariant {
  readonly descriptor: VariantDescriptor;
  readonly baseUrl: string;
  /** The server process, whose CPU time is sampled. */
  readonly pid: number;
  /** Cypher statements the server has sent since it started, when it counts them (bench servers do). */
  cypherStatements(): Promise<number | null>;
  stop(): Promise<void>;
}

import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { Logger } from "pino";
import { Counter, Registry } from "prom-client";
import { GraphDatabase } from "../../graph/graph-database";
import { PlaybookEvidenceRepository } from "../../graph/automation/playbook-evidence.repository";
import { PlaybookRunnerRepository } from "../../graph/automation/playbook-runner.repository";
import { ChangeFeedRepository } from "../../graph/events/change-feed.repository";
import { OntologyRepository } from "../../graph/ontology/ontology.repository";
import { FiringSink } from "../../services/automation/firing-sink";
import { createFiringService } from "../../services/automation/create-automation";
import { ChangeOutbox } from "../../graph/events/change-outbox";
import { systemClock } from "../../domain/time/clock";
import { rolesAllowedByMatrix } from "./roles-allowed";
import { PlaybookEvaluator } from "../../services/automation/playbook-evaluator";
import { PlaybookRunner } from "../../services/automation/playbook-runner";
import { RelataConfig } from "../config";

/** A claim on a tenant outlives one page's work by this much. */
const LEASE_MS = 60_000;

export interface RunningAutomation {
  runner: PlaybookRunner | null;
  stop(): Promise<void>;
}

/** Builds the actions side for one tenant (the FiringService; tests may hand in another sink). */
export type FiringSinkFactory = (tenant: string) => FiringSink;

/**
 * Starts this process's playbook runner (unless RELATA_AUTOMATION=0): it polls on RELATA_AUTOMATION_POLL_MS
 * and counts events evaluated, firings by outcome and breaker trips when metrics are on.
 */
export function startPlaybookAutomation(
  database: GraphDatabase,
  config: RelataConfig,
  log: Logger,
  registry: Registry | null,
  sinkFor: FiringSinkFactory | null = null,
): RunningAutomation {
  if (!config.automation.enabled) return { runner: null, stop: () => Promise.resolve() };
  const counter = (name: string, help: string, labelNames: string[] = []) =>
    registry === null ? null : new Counter({ name, help, labelNames, registers: [registry] });
  const events = counter("relata_automation_events_total", "Change events the playbook runner evaluated.");
  const firings = counter(
    "relata_automation_firings_total",
    "Playbook firings, by what the actions side answered (PROPOSED, EXECUTED, PARTIAL, FAILED, REFUSED).",
    ["outcome"],
  );
  const breakers = counter(
    "relata_automation_breaker_trips_total",
    "Firings held back by a circuit breaker (SUBJECT_LIMIT, TENANT_RATE) and automatic pauses (FAILURES).",
    ["breaker"],
  );
  const executor = database.executor(config.queryTimeoutMs);
  // The actions side of each tenant: its writes' change events are the runner's, attributed to the job.
  const sink =
    sinkFor ??
    ((tenant: string) =>
      createFiringService(
        executor,
        tenant,
        new ChangeOutbox(tenant, "job:playbook-runner", config.changes.enabled),
        rolesAllowedByMatrix,
        systemClock,
      ));
  const runner = new PlaybookRunner(
    new PlaybookRunnerRepository(executor),
    (tenant) => {
      const evidence = new PlaybookEvidenceRepository(executor, tenant);
      return {
        feed: new ChangeFeedRepository(executor, tenant),
        evidence,
        evaluator: new PlaybookEvaluator(evidence, new OntologyRepository(executor, tenant)),
        sink: sink(tenant),
      };
    },
    {
      owner: `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`,
      pollIntervalMs: config.automation.pollIntervalMs,
      leaseMs: LEASE_MS,
      pageSize: config.automation.pageSize,
      pagesPerClaim: 20,
      tenantRatePerHour: config.automation.tenantRatePerHour,
      maxSignalsPerEvaluation: 100_000,
    },
    log.child({ component: "automation" }),
    {
      events: (count) => events?.inc(count),
      firing: (outcome) => firings?.inc({ outcome }),
      breaker: (breaker) => breakers?.inc({ breaker }),
    },
  );
  runner.start();
  return { runner, stop: () => runner.stop() };
}

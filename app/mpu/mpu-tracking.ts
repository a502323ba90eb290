import { Logger } from "pino";
import { Clock } from "../../domain/time/clock";
import { GraphDatabase } from "../../graph/graph-database";
import { ChangeOutbox } from "../../graph/events/change-outbox";
import { TaskRepository } from "../../graph/automation/task.repository";
import { MpuTrackerRepository } from "../../graph/mpu/mpu-tracker.repository";
import { AutomationPager } from "../../services/automation/automation-paging";
import { createAutomationStore } from "../../services/automation/create-automation";
import { TaskService } from "../../services/automation/task.service";
import { MPU_TRACKER_ACTOR, MpuTracker } from "../../services/mpu/mpu-tracker";
import { RelataConfig } from "../config";

export interface RunningMpuTracking {
  tracker: MpuTracker | null;
  stop(): Promise<void>;
}

/**
 * Starts this process's MPU tracker (unless RELATA_MPU_TRACKER=0). Escalation tasks are made by the task
 * service of each tenant, attributed to the tracker job.
 */
export function startMpuTracking(
  database: GraphDatabase,
  config: RelataConfig,
  log: Logger,
  clock: Clock,
): RunningMpuTracking {
  if (!config.mpu.trackerEnabled) return { tracker: null, stop: () => Promise.resolve() };
  const executor = database.executor(config.queryTimeoutMs);
  const tasksFor = (tenant: string) =>
    new TaskService(
      new TaskRepository(executor, tenant),
      tenant,
      createAutomationStore(executor, tenant, new ChangeOutbox(tenant, MPU_TRACKER_ACTOR, config.changes.enabled)),
      new AutomationPager(tenant, {
        defaultSize: config.defaultPageSize,
        maxSize: config.maxPageSize,
        cursorSecret: "mpu-tracker-does-not-page",
      }),
      { subject: MPU_TRACKER_ACTOR, role: "admin" },
      clock,
    );
  const tracker = new MpuTracker(
    new MpuTrackerRepository(executor, config.changes.enabled),
    tasksFor,
    clock,
    { pollIntervalMs: config.mpu.trackerPollMs, batch: config.mpu.trackerBatch, tenants: config.mpu.trackerTenants },
    log.child({ component: "mpu-tracker" }),
  );
  tracker.start();
  return { tracker, stop: () => tracker.stop() };
}

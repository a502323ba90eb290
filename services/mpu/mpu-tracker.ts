import { Logger } from "pino";
import { Clock } from "../../domain/time/clock";
import { mpuUseChange } from "../../domain/mpu/mpu-records";
import { evaluateUse, UseVerdict } from "../../domain/mpu/use-evaluation";
import { MpuTrackerRepository, PendingUse } from "../../graph/mpu/mpu-tracker.repository";
import { TaskService } from "../automation/task.service";

export interface MpuTrackerOptions {
  pollIntervalMs: number;
  batch: number;
  /** Only these tenants' uses; null: every tenant's. */
  tenants: readonly string[] | null;
}

/** The actor of the tracker's records. */
export const MPU_TRACKER_ACTOR = "job:mpu-tracker";

/**
 * Follows pending MPU uses (issue 16, decision 0029): every poll it reads a batch of pending uses of every
 * tenant (least recently checked first), the facts that decide them (signals, the opportunity's stage, tasks
 * done) in one statement per tenant, decides each with the pure {@link evaluateUse}, and resolves the decided
 * ones — a BROKEN one after opening an escalation task through the task service. Times come from `clock`, so
 * tests move time instead of sleeping.
 */
export class MpuTracker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly repository: MpuTrackerRepository,
    private readonly tasksFor: (tenant: string) => TaskService,
    private readonly clock: Clock,
    private readonly options: MpuTrackerOptions,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .then(() => undefined)
        .catch((error: unknown) => this.log.warn({ err: error }, "MPU tracker: a poll failed; trying again next time"))
        .finally(() => {
          this.running = null;
          this.schedule();
        });
    }, this.options.pollIntervalMs);
    this.timer.unref();
  }

  /** One poll: returns how many uses it resolved. */
  async tick(): Promise<number> {
    const pending = await this.repository.pending(this.options.batch, this.options.tenants);
    const byTenant = new Map<string, PendingUse[]>();
    for (const p of pending) byTenant.set(p.tenant, [...(byTenant.get(p.tenant) ?? []), p]);
    let resolved = 0;
    for (const [tenant, uses] of byTenant) {
      const facts = await this.repository.facts(tenant, uses);
      const now = this.clock();
      const stillPending: string[] = [];
      for (const { use, definition } of uses) {
        const fact = facts.get(use.id);
        if (fact === undefined) {
          // The account is gone (deleted): nothing can prove or break the use any more.
          await this.resolve(tenant, use.id, use.mpuId, use.accountId, {
            status: "FAILED",
            reason: "the account no longer exists",
          });
          resolved += 1;
          continue;
        }
        const verdict = evaluateUse(definition, Date.parse(use.appliedAt), fact, now.getTime());
        if (verdict.status === "PENDING") {
          stillPending.push(use.id);
          continue;
        }
        await this.resolve(tenant, use.id, use.mpuId, use.accountId, verdict);
        resolved += 1;
      }
      await this.repository.markChecked(tenant, stillPending, now.toISOString());
    }
    return resolved;
  }

  private async resolve(
    tenant: string,
    id: string,
    mpuId: string,
    accountId: string,
    verdict: Exclude<UseVerdict, { status: "PENDING" }>,
  ): Promise<void> {
    let taskId: string | null = null;
    let reason = verdict.reason;
    if (verdict.status === "BROKEN") {
      try {
        const task = await this.tasksFor(tenant).create({
          kind: "TASK",
          template: "mpu-escalation",
          title: verdict.breaker.title,
          accountId,
          assignee: verdict.breaker.escalateTo,
          dueInDays: 1,
        });
        taskId = task.id;
      } catch (error) {
        // The use still breaks: the breaker's point is to stop. Why nobody was told is kept on the use.
        reason = `${reason}; the escalation task could not be created: ${error instanceof Error ? error.message : String(error)}`;
        this.log.warn({ err: error, tenant, useId: id }, "MPU tracker: could not open an escalation task");
      }
    }
    const now = this.clock().toISOString();
    await this.repository.resolve(
      tenant,
      id,
      { status: verdict.status, reason: reason.slice(0, 2_000), taskId },
      now,
      (use) => ({
        kind: "MPU_USE_RESOLVED",
        accountIds: [use.accountId],
        userIds: use.appliedByUserId === null ? [] : [use.appliedByUserId],
        actor: MPU_TRACKER_ACTOR,
        payload: {
          mpuId,
          useId: use.id,
          status: use.status,
          ...(taskId === null ? {} : { escalationTaskId: taskId }),
        },
      }),
      (use) => mpuUseChange("MPU_USE_RESOLVED", use, "PENDING"),
    );
  }
}

import { StoredAuditCheckpoint } from "../../domain/audit/audit-checkpoint";
import { auditTime } from "../../domain/audit/audit-record";
import { AuditSigningKey, signCheckpoint } from "../../domain/audit/audit-signature";
import { Clock, systemClock } from "../../domain/time/clock";
import { AuditCheckpointRepository } from "../../graph/audit/audit-checkpoint.repository";

export interface AuditCheckpointLogger {
  info(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

export interface AuditCheckpointSchedule {
  /** Sign a moved head once its last checkpoint is this old; 0 turns the job off. */
  intervalSeconds: number;
  /** Sign as soon as a chain grew by this many records since its last checkpoint. */
  records: number;
}

/** Heads signed per round; the next round takes the rest. */
const HEADS_PER_ROUND = 500;
/** How often the job looks for chains that grew past the record threshold. */
const CHECK_EVERY_MS = 5_000;

/**
 * Signs every tenant's audit chain head (docs/audit.md): `(:AuditCheckpoint {tenant, seq, hash, at, keyId,
 * signature, publicKeyPem})`, with the key kept outside Neo4j. A head is signed when it moved and its
 * last checkpoint is older than the interval, or the chain grew by the record threshold. Several
 * processes may run it: a checkpoint is merged on (tenant, seq, keyId).
 */
export class AuditCheckpointJob {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly repository: AuditCheckpointRepository,
    private readonly key: AuditSigningKey,
    private readonly schedule: AuditCheckpointSchedule,
    private readonly log: AuditCheckpointLogger,
    private readonly clock: Clock = systemClock,
  ) {}

  /**
   * One round now: the checkpoints written. `force` signs every moved head, due or not; `tenant` limits
   * the round to one tenant (tests, `npm run db`).
   */
  async runOnce(options: { force?: boolean; tenant?: string } = {}): Promise<StoredAuditCheckpoint[]> {
    const force = options.force ?? false;
    const now = this.clock();
    const at = auditTime(now.toISOString()) as string;
    const dueBefore = force ? at : new Date(now.getTime() - this.schedule.intervalSeconds * 1000).toISOString();
    const heads = await this.repository.dueHeads(
      dueBefore,
      force ? 1 : this.schedule.records,
      HEADS_PER_ROUND,
      options.tenant ?? null,
    );
    const checkpoints = heads.map((head): StoredAuditCheckpoint => {
      const signed = signCheckpoint(this.key, {
        tenant: head.tenant,
        seq: head.seq,
        headHash: head.hash,
        signedAt: at,
      });
      return {
        tenant: head.tenant,
        seq: head.seq,
        hash: head.hash,
        at,
        keyId: signed.keyId,
        signature: signed.signature,
        publicKeyPem: this.key.publicKeyPem,
      };
    });
    await this.repository.write(checkpoints);
    return checkpoints;
  }

  start(): void {
    if (this.schedule.intervalSeconds <= 0 || this.timer !== null) return;
    this.timer = setInterval(
      () => {
        if (this.running !== null) return;
        this.running = this.runOnce()
          .catch((error: unknown) =>
            this.log.error({ component: "audit", err: error }, "audit checkpoint failed; retrying later"),
          )
          .finally(() => {
            this.running = null;
          });
      },
      Math.min(CHECK_EVERY_MS, this.schedule.intervalSeconds * 1000),
    );
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}

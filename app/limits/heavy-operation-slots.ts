import { RateLimitError } from "./rate-limit.errors";

/** How many heavy operations a tenant may run at once on one API instance, and how long others wait. */
export interface HeavyOperationSettings {
  perTenant: number;
  /** How long a heavy operation over the cap waits for a slot before it is refused; 0 refuses at once. */
  waitMs: number;
}

/** Schedules `run` after `ms`; returns a function that cancels it. Tests pass their own. */
export type Schedule = (ms: number, run: () => void) => () => void;

const realSchedule: Schedule = (ms, run) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

interface Waiter {
  grant(release: () => void): void;
  cancel: () => void;
}

interface TenantSlots {
  active: number;
  waiting: Waiter[];
}

/**
 * Caps the heavy operations (bulk upserts, recompute, calibration, ontology import) each tenant runs at
 * once, so one tenant's batch jobs cannot take every database connection. Over the cap an operation waits
 * in line (first come, first served) up to `waitMs`, then is refused with HEAVY_OPERATION_LIMIT. In
 * memory and per API instance.
 */
export class HeavyOperationSlots {
  private readonly tenants = new Map<string, TenantSlots>();

  constructor(
    private readonly settings: HeavyOperationSettings,
    private readonly schedule: Schedule = realSchedule,
  ) {
    if (!Number.isInteger(settings.perTenant) || settings.perTenant < 1) {
      throw new Error(`heavy operations per tenant must be an integer ≥ 1; got ${settings.perTenant}`);
    }
  }

  /**
   * Takes one of the tenant's slots for `operation`, waiting in line if all are taken. Resolves with the
   * function that gives the slot back (calling it twice is harmless); rejects with a RateLimitError.
   */
  acquire(tenant: string, operation: string): Promise<() => void> {
    const slots = this.slotsOf(tenant);
    if (slots.active < this.settings.perTenant) {
      slots.active += 1;
      return Promise.resolve(this.releaser(tenant));
    }
    if (this.settings.waitMs <= 0) return Promise.reject(this.refusal(tenant, operation));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: (release) => resolve(release),
        cancel: this.schedule(this.settings.waitMs, () => {
          slots.waiting.splice(slots.waiting.indexOf(waiter), 1);
          this.forgetIfIdle(tenant, slots);
          reject(this.refusal(tenant, operation));
        }),
      };
      slots.waiting.push(waiter);
    });
  }

  /** Heavy operations of the tenant running now. */
  active(tenant: string): number {
    return this.tenants.get(tenant)?.active ?? 0;
  }

  /** Heavy operations of the tenant waiting for a slot. */
  waiting(tenant: string): number {
    return this.tenants.get(tenant)?.waiting.length ?? 0;
  }

  private releaser(tenant: string): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const slots = this.slotsOf(tenant);
      const next = slots.waiting.shift();
      if (next) {
        // The slot passes straight to the next in line: `active` stays the same.
        next.cancel();
        next.grant(this.releaser(tenant));
        return;
      }
      slots.active -= 1;
      this.forgetIfIdle(tenant, slots);
    };
  }

  private slotsOf(tenant: string): TenantSlots {
    let slots = this.tenants.get(tenant);
    if (!slots) {
      slots = { active: 0, waiting: [] };
      this.tenants.set(tenant, slots);
    }
    return slots;
  }

  private forgetIfIdle(tenant: string, slots: TenantSlots): void {
    if (slots.active === 0 && slots.waiting.length === 0) this.tenants.delete(tenant);
  }

  private refusal(tenant: string, operation: string): RateLimitError {
    const waited = this.settings.waitMs > 0 ? ` (waited ${this.settings.waitMs} ms for one to finish)` : "";
    return new RateLimitError(
      "HEAVY_OPERATION_LIMIT",
      `${operation} refused: tenant "${tenant}" already runs ${this.settings.perTenant} heavy operation(s) ` +
        `(bulk upserts, recomputeHealth, calibrateHealthModel, importOntology) on this API instance${waited}. ` +
        "Send the next one when a running one has answered.",
      HEAVY_RETRY_AFTER_SECONDS,
    );
  }
}

/**
 * Retry-After for a refused heavy operation: when a slot frees is unknown, and heavy operations take
 * seconds, so a few seconds keeps retries from hammering the instance.
 */
export const HEAVY_RETRY_AFTER_SECONDS = 5;

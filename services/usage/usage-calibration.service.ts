import { Clock } from "../../domain/time/clock";
import {
  calibrationChecks,
  CalibrationCheck,
  checkCalibrationPeriod,
  WeeklyUsage,
} from "../../domain/usage/calibration-checks";
import { fullWeeksBefore } from "../../domain/usage/usage-week";
import { UsageRepository } from "../../graph/usage/usage.repository";

const WEEK_MS = 7 * 86_400_000;

export interface UsageCalibrationReport {
  /** The first day of the period and the day after its last. */
  from: string;
  to: string;
  weeks: string[];
  /** Who the per-person figures divide by; null when none are known. */
  people: number | null;
  checks: CalibrationCheck[];
}

/**
 * The product brief's three calibration checks for one tenant, over whole weeks: counted API usage, playbook
 * firings and their actions, MPUs and their uses (the MPU contract), and the tenant's users.
 */
export class UsageCalibrationService {
  constructor(
    private readonly usage: UsageRepository,
    private readonly clock: Clock,
  ) {}

  async calibrate(period: { weeks?: number | null; to?: string | null }): Promise<UsageCalibrationReport> {
    const { weeks: count, to } = checkCalibrationPeriod(period.weeks, period.to, this.clock());
    const weeks = fullWeeksBefore(to, count);
    const fromMs = Date.parse(`${weeks[0]}T00:00:00Z`);
    const toMs = fromMs + weeks.length * WEEK_MS;
    const [counts, runs, users, mpus] = await Promise.all([
      this.usage.weeklyCounts(weeks),
      this.usage.automationRuns(fromMs, toMs),
      this.usage.people(),
      this.usage.mpuFacts(fromMs, toMs),
    ]);
    const usage: WeeklyUsage[] = weeks.map((week, i) => {
      const c = counts.get(week);
      return {
        week,
        automationCalls: c?.automation ?? 0,
        automationRuns: runs.get(i) ?? 0,
        aiCalls: c?.ai ?? 0,
        anchorCalls: c?.anchor ?? 0,
      };
    });
    // Without User records, the users seen calling in the period are the people.
    const seen = new Set([...counts.values()].flatMap((c) => c.users)).size;
    const people = users.all > 0 ? users.all : seen > 0 ? seen : null;
    return {
      from: new Date(fromMs).toISOString(),
      to: new Date(toMs).toISOString(),
      weeks,
      people,
      checks: calibrationChecks(weeks, { usage, people, mpus, fieldPeople: users.field > 0 ? users.field : null }),
    };
  }
}

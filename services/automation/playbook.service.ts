import { randomUUID } from "node:crypto";
import { evaluateFeedback, FeedbackState, FiringTask, tallyFeedback } from "../../domain/automation/feedback";
import { PlaybookDefinition, PlaybookStatus } from "../../domain/automation/playbook";
import { PlaybookError } from "../../domain/automation/playbook.errors";
import { PlaybookFiringRecord, PlaybookVersionRecord, StoredPlaybook } from "../../domain/automation/stored-playbook";
import { parsePlaybook } from "../../domain/automation/validate-playbook";
import { PaginationError } from "../../domain/pagination/pagination.errors";
import { PlaybookActor, PlaybookRepository } from "../../graph/automation/playbook.repository";
import { actorOf } from "../../domain/audit/actor";
import { PlaybookEvaluator } from "./playbook-evaluator";
import { PlaybookSimulator, SimulationReport } from "./playbook-simulator";

export interface PlaybookSettings {
  defaultPageSize: number;
  maxPageSize: number;
}

export interface PlaybookPage {
  playbooks: StoredPlaybook[];
  endCursor: string | null;
  hasMore: boolean;
}

export interface FiringPage {
  firings: PlaybookFiringRecord[];
  endCursor: string | null;
  hasMore: boolean;
}

/** A playbook's record: what it did and whether it worked (the intent–action–feedback triple, measured). */
export interface PlaybookStats {
  /** Firings counted (the newest {@link STATS_FIRINGS} at most). */
  firings: number;
  /** By what the actions side answered: PENDING, PROPOSED, EXECUTED, PARTIAL, FAILED, REFUSED. */
  outcomes: Array<{ outcome: string; count: number }>;
  proposalsConfirmed: number;
  proposalsRejected: number;
  proposalsPending: number;
  tasks: number;
  tasksCompletedInTime: number;
  feedbackMet: number;
  feedbackPending: number;
  feedbackMissed: number;
  /** feedbackMet / (feedbackMet + feedbackMissed); null until a firing is decided. */
  successRate: number | null;
}

/** The newest firings stats are computed from. */
export const STATS_FIRINGS = 1000;
/** The longest period one simulation may replay. */
export const MAX_SIMULATION_DAYS = 366;

const PLAYBOOK_CURSOR = "pb1:";
const FIRING_CURSOR = "pbf1:";

/** One tenant's playbooks: saving versions, the lifecycle, simulation and stats. */
export class PlaybookService {
  constructor(
    private readonly repository: PlaybookRepository,
    private readonly evaluator: PlaybookEvaluator,
    private readonly simulator: PlaybookSimulator,
    private readonly settings: PlaybookSettings,
    /** Who saves and changes playbooks: the token's subject, and the agent acting with it (decision 0022). */
    private readonly actor: PlaybookActor,
    private readonly now: () => number = Date.now,
  ) {}

  /** Creates a playbook (no id) or saves a new version of one; a saved version is never changed. */
  async save(id: string | null, input: unknown): Promise<StoredPlaybook> {
    const definition = this.parse(input);
    if (!(await this.repository.ownerAllowed(definition.ownerUserId))) {
      throw new PlaybookError(
        "PLAYBOOK_OWNER_NOT_FOUND",
        `ownerUserId "${definition.ownerUserId.slice(0, 80)}" is not a user of your tenant; a playbook acts with ` +
          `its owner's permissions, so name an existing user (upsertUsers adds them).`,
      );
    }
    const now = new Date(this.now()).toISOString();
    if (id === null) return this.repository.create(`pb_${randomUUID().replace(/-/g, "")}`, definition, now, this.actor);
    const saved = await this.repository.saveVersion(id, definition, now, this.actor);
    if (saved !== null) return saved;
    throw (await this.repository.status(id)) === "RETIRED" ? this.retired(id) : this.notFound(id);
  }

  /** The definition from input, or INVALID_PLAYBOOK listing every problem with its path. */
  parse(input: unknown): PlaybookDefinition {
    const parsed = parsePlaybook(input);
    if (parsed.definition === null) {
      throw new PlaybookError(
        "INVALID_PLAYBOOK",
        `The playbook has ${parsed.problems.length} problem(s): ${parsed.problems.slice(0, 10).join("; ")}` +
          `${parsed.problems.length > 10 ? "; …" : ""}. Fix them and save again (docs/automation.md).`,
        parsed.problems,
      );
    }
    return parsed.definition;
  }

  async activate(id: string): Promise<StoredPlaybook> {
    return this.changed(id, await this.repository.activate(id, this.nowIso(), this.actor));
  }

  async pause(id: string, reason: string): Promise<StoredPlaybook> {
    const text = reason.trim();
    if (text === "" || text.length > 500) {
      throw new PlaybookError("INVALID_PLAYBOOK", "reason must be 1-500 characters: say why the playbook is paused.");
    }
    return this.changed(
      id,
      await this.repository.pause(
        id,
        `Paused by ${this.actor.agent === undefined ? this.actor.subject : actorOf(this.actor.subject, this.actor.agent)}: ${text}`,
        this.nowIso(),
        this.actor,
      ),
    );
  }

  async retire(id: string): Promise<StoredPlaybook> {
    const retired = await this.repository.retire(id, this.nowIso(), this.actor);
    if (retired === null) throw this.notFound(id);
    return retired;
  }

  async get(id: string): Promise<StoredPlaybook> {
    const found = await this.repository.get(id);
    if (found === null) throw this.notFound(id);
    return found;
  }

  async list(
    filter: { status: PlaybookStatus | null; ownerUserId: string | null },
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<PlaybookPage> {
    const size = this.pageSize(first);
    const start = decodeCursor(after, PLAYBOOK_CURSOR, /^pb_[0-9a-f]{32}$/, "playbooks");
    const rows = await this.repository.list(filter, size + 1, start);
    const playbooks = rows.slice(0, size);
    const last = playbooks.at(-1);
    return {
      playbooks,
      hasMore: rows.length > size,
      endCursor: last === undefined ? null : encodeCursor(PLAYBOOK_CURSOR, last.id),
    };
  }

  async versions(id: string, limit = 100): Promise<PlaybookVersionRecord[]> {
    return this.repository.versions(id, limit);
  }

  async firings(
    playbookId: string | null,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<FiringPage> {
    if (playbookId !== null) await this.get(playbookId);
    const size = this.pageSize(first);
    const before = decodeCursor(after, FIRING_CURSOR, /^\d{1,15}$/, "playbookFirings");
    const rows = await this.repository.firings(playbookId, size + 1, before === null ? null : Number(before));
    const firings = rows.slice(0, size);
    const last = rows[size - 1];
    return {
      firings,
      hasMore: rows.length > size,
      endCursor: last === undefined || rows.length <= size ? null : encodeCursor(FIRING_CURSOR, String(last.number)),
    };
  }

  /**
   * Replays `from`..`to` for a stored playbook (its current version) or an inline definition, with no
   * side effects at all (see {@link PlaybookSimulator}).
   */
  async simulate(
    id: string | null,
    input: unknown | null,
    from: Date,
    to: Date,
  ): Promise<SimulationReport & { version: number | null }> {
    const start = from.getTime();
    const end = to.getTime();
    if (
      !Number.isFinite(start) ||
      !Number.isFinite(end) ||
      start >= end ||
      end - start > MAX_SIMULATION_DAYS * 86_400_000
    ) {
      throw new PlaybookError(
        "INVALID_SIMULATION",
        `from must be before to, at most ${MAX_SIMULATION_DAYS} days apart; got ${from.toISOString()} to ${to.toISOString()}.`,
      );
    }
    if ((id === null) === (input === null)) {
      throw new PlaybookError(
        "INVALID_SIMULATION",
        "Pass either the id of a saved playbook or an inline definition, not both.",
      );
    }
    if (id !== null) {
      const playbook = await this.get(id);
      return {
        ...(await this.simulator.simulate(id, playbook.definition, start, end)),
        version: playbook.currentVersion,
      };
    }
    return { ...(await this.simulator.simulate("(inline)", this.parse(input), start, end)), version: null };
  }

  /** Firings, proposals, tasks and feedback of a playbook, over its newest {@link STATS_FIRINGS} firings. */
  async stats(playbook: StoredPlaybook): Promise<PlaybookStats> {
    const feedback = playbook.definition.feedback;
    const selector =
      feedback.kind === "SIGNAL_OBSERVED" ? await this.evaluator.resolveSelector(feedback.signals) : null;
    const rows = await this.repository.aftermath(playbook.id, STATS_FIRINGS, {
      fields: selector === null ? null : selector.query.fields.map((f) => ({ ...f })),
      valueEquals: selector?.query.valueEquals ?? null,
    });
    const now = this.now();
    const outcomes = new Map<string, number>();
    const states: FeedbackState[] = [];
    let tasks = 0;
    let inTime = 0;
    let confirmed = 0;
    let rejected = 0;
    let pending = 0;
    for (const row of rows) {
      outcomes.set(row.outcome, (outcomes.get(row.outcome) ?? 0) + 1);
      confirmed += row.proposals.filter((p) => p === "CONFIRMED").length;
      rejected += row.proposals.filter((p) => p === "REJECTED").length;
      pending += row.proposals.filter((p) => p === "PENDING").length;
      const firingTasks: FiringTask[] = row.tasks.map((t) => ({
        template: t.template,
        status: (t.status as FiringTask["status"]) ?? "OPEN",
        completedAt: toMs(t.completedAt),
      }));
      tasks += row.tasks.length;
      inTime += row.tasks.filter((t) => {
        const done = toMs(t.completedAt);
        const due = toMs(t.dueAt);
        return t.status === "DONE" && done !== null && (due === null || done <= due);
      }).length;
      const scoreAt = [...row.scores].filter((s) => s.at <= row.firedAt).sort((a, b) => b.at - a.at)[0];
      states.push(
        evaluateFeedback(
          feedback,
          {
            firedAt: row.firedAt,
            tasks: firingTasks,
            signalTimes: row.signalTimes,
            scoreAtFiring: scoreAt?.score ?? null,
            laterScores: row.scores.filter((s) => s.at > row.firedAt),
            proposalRejected: row.proposals.includes("REJECTED"),
          },
          now,
        ),
      );
    }
    const tally = tallyFeedback(states);
    return {
      firings: rows.length,
      outcomes: [...outcomes.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([outcome, count]) => ({ outcome, count })),
      proposalsConfirmed: confirmed,
      proposalsRejected: rejected,
      proposalsPending: pending,
      tasks,
      tasksCompletedInTime: inTime,
      feedbackMet: tally.met,
      feedbackPending: tally.pending,
      feedbackMissed: tally.missed,
      successRate: tally.successRate,
    };
  }

  private pageSize(first: number | null | undefined): number {
    const size = first ?? this.settings.defaultPageSize;
    if (!Number.isInteger(size) || size < 1 || size > this.settings.maxPageSize) {
      throw new PaginationError(
        "PAGE_SIZE_OUT_OF_RANGE",
        `first must be between 1 and ${this.settings.maxPageSize}; it is ${size}. Ask for fewer and follow endCursor.`,
      );
    }
    return size;
  }

  private nowIso(): string {
    return new Date(this.now()).toISOString();
  }

  private async changed(id: string, playbook: StoredPlaybook | null): Promise<StoredPlaybook> {
    if (playbook !== null) return playbook;
    throw (await this.repository.status(id)) === "RETIRED" ? this.retired(id) : this.notFound(id);
  }

  private retired(id: string): PlaybookError {
    return new PlaybookError(
      "PLAYBOOK_RETIRED",
      `Playbook ${id.slice(0, 80)} is retired; a retired playbook stays as it was for the record. Save a new playbook instead.`,
    );
  }

  private notFound(id: string): PlaybookError {
    return new PlaybookError(
      "PLAYBOOK_NOT_FOUND",
      `No playbook ${id.slice(0, 80)} in your tenant; \`playbooks\` lists the ones you have.`,
    );
  }
}

function encodeCursor(prefix: string, value: string): string {
  return Buffer.from(`${prefix}${value}`).toString("base64url");
}

function decodeCursor(cursor: string | null | undefined, prefix: string, shape: RegExp, field: string): string | null {
  if (cursor === null || cursor === undefined || cursor === "") return null;
  const text = /^[A-Za-z0-9_-]{1,80}$/.test(cursor) ? Buffer.from(cursor, "base64url").toString("utf8") : "";
  const value = text.startsWith(prefix) ? text.slice(prefix.length) : "";
  if (!shape.test(value)) {
    throw new PaginationError(
      "INVALID_CURSOR",
      `"${cursor.slice(0, 80)}" is not a ${field} cursor; pass the endCursor ${field} returned.`,
    );
  }
  return value;
}

function toMs(value: unknown): number | null {
  if (typeof value === "number") return value;
  if (typeof value === "string") {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : ms;
  }
  return null;
}

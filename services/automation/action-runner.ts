import { automationId } from "../../domain/automation/automation-ids";
import { ActionOutcomeRecord } from "../../domain/automation/firing-outcome";
import { Assignee, PlaybookAction } from "../../domain/automation/playbook";
import { PlaybookFiring } from "../../domain/automation/playbook-firing";
import { dueAfter, ResolvedAssignee } from "../../domain/automation/task";
import { playbookActionPayload } from "../../domain/webhooks/webhook-payload";
import { nodeId } from "../../domain/ids/node-id";
import { FiringAccount } from "../../graph/automation/action-targets.repository";
import { AutomationTransaction } from "../../graph/automation/automation-store";
import { completeRow } from "../ingest/record-rows";

/** The source system the intent signals of playbooks come from (registered on first use). */
export const AUTOMATION_SOURCE_SYSTEM = "relata-automation";

/** Where the firing's actions run: its accounts as they are now, and the instant they run at. */
export interface ActionContext {
  firing: PlaybookFiring;
  accounts: readonly FiringAccount[];
  now: string;
}

type Result = Omit<ActionOutcomeRecord, "index" | "kind">;

function failed(reason: string, details: Record<string, unknown> | null = null): Result {
  return { status: "FAILED", reason, details };
}

/**
 * Carries out one action of a firing inside its transaction and says what became of it. An action that
 * cannot be done (an assignee nobody is, no record to flag, an endpoint that is not the tenant's) fails with
 * the reason; the firing's other actions still run. Database errors are not caught: the transaction rolls
 * back whole.
 */
export class ActionRunner {
  constructor(private readonly tenant: string) {}

  async perform(tx: AutomationTransaction, context: ActionContext, index: number): Promise<ActionOutcomeRecord> {
    const action = context.firing.actions[index]!;
    const result = await this.run(tx, context, action, index);
    return { index, kind: action.kind, ...result };
  }

  private run(
    tx: AutomationTransaction,
    context: ActionContext,
    action: PlaybookAction,
    index: number,
  ): Promise<Result> {
    switch (action.kind) {
      case "CREATE_TASK":
        return this.task(tx, context, index, {
          kind: "TASK",
          template: action.template,
          reviewType: null,
          title: action.title,
          assignee: action.assignee,
          dueInDays: action.dueInDays,
        });
      case "OPEN_REVIEW":
        return this.task(tx, context, index, {
          kind: "REVIEW",
          template: action.reviewType,
          reviewType: action.reviewType,
          title: action.title,
          assignee: action.assignee,
          dueInDays: action.dueInDays,
        });
      case "RAISE_INTENT_SIGNAL":
        return this.intentSignal(tx, context, index, action.intent, action.strength ?? null);
      case "FLAG_RECORDS":
        return this.flag(tx, context, index, action.target, action.flag, action.note ?? null);
      case "CALL_WEBHOOK":
        return this.webhook(tx, context, index, action.endpointId);
      default: {
        const unknown: never = action;
        return Promise.resolve(failed(`Unknown action ${JSON.stringify(unknown)}.`));
      }
    }
  }

  private async task(
    tx: AutomationTransaction,
    context: ActionContext,
    index: number,
    spec: {
      kind: "TASK" | "REVIEW";
      template: string;
      reviewType: string | null;
      title: string;
      assignee: Assignee;
      dueInDays: number;
    },
  ): Promise<Result> {
    const resolved = await this.resolveAssignee(tx, context, spec.assignee);
    if ("reason" in resolved) return failed(resolved.reason, { assignee: { ...spec.assignee } });
    const { firing } = context;
    const accountIds = context.accounts.filter((a) => a.exists).map((a) => a.id);
    const task = await tx.tasks.create(
      {
        id: automationId("Task", this.tenant, firing.firingId, index),
        kind: spec.kind,
        template: spec.template,
        reviewType: spec.reviewType,
        title: spec.title,
        dueAt: dueAfter(context.now, spec.dueInDays),
        firingId: firing.firingId,
        playbookId: firing.playbookId,
        playbookVersion: firing.playbookVersion,
        assignee: resolved,
        accountIds,
        evidence: JSON.stringify(evidenceOf(firing)),
      },
      context.now,
    );
    return {
      status: "DONE",
      resultId: task.id,
      details: { taskKind: spec.kind, assignee: { ...resolved }, accountIds, dueAt: task.dueAt },
      userIds: resolved.kind === "USER" && resolved.id !== null ? [resolved.id] : [],
    };
  }

  /** Who the task goes to, or why nobody can take it. */
  async resolveAssignee(
    tx: AutomationTransaction,
    context: ActionContext,
    assignee: Assignee,
  ): Promise<ResolvedAssignee | { reason: string }> {
    switch (assignee.kind) {
      case "ACCOUNT_OWNER": {
        const owned = context.accounts.find((a) => a.exists && a.ownerId !== null);
        if (owned === undefined) {
          return {
            reason:
              `ACCOUNT_OWNER: none of the firing's accounts (${context.firing.accountIds.join(", ") || "none"}) has ` +
              `an owner. Record one ((:User)-[:OWNS]->(:Account) through upsertUsers), or assign the task to a user, ` +
              `role or team.`,
          };
        }
        return { kind: "USER", id: owned.ownerId, role: null, requested: "ACCOUNT_OWNER" };
      }
      case "USER":
        if (!(await tx.targets.userExists(assignee.userId))) {
          return { reason: `USER: no user ${assignee.userId} in this tenant; upsertUsers records users.` };
        }
        return { kind: "USER", id: assignee.userId, role: null, requested: "USER" };
      case "ROLE":
        if ((await tx.targets.roleHolders(assignee.role)) === 0) {
          return {
            reason: `ROLE: no user of this tenant holds the role ${assignee.role}, so nobody would see the task.`,
          };
        }
        return { kind: "ROLE", id: null, role: assignee.role, requested: "ROLE" };
      case "TEAM": {
        const team = await tx.targets.team(assignee.teamId);
        if (team === null)
          return { reason: `TEAM: no team ${assignee.teamId} in this tenant; upsertTeams records teams.` };
        return { kind: "TEAM", id: team, role: null, requested: "TEAM" };
      }
      case "ORGANIZATION": {
        if (assignee.servingRegion) {
          const region = context.firing.region ?? context.accounts.find((a) => a.region !== null)?.region ?? null;
          if (region === null) {
            return {
              reason:
                "ORGANIZATION (servingRegion): the firing names no region and none of its accounts has one, so no " +
                "organization serving it can be found.",
            };
          }
          const accountIds = context.accounts.filter((a) => a.exists).map((a) => a.id);
          const relationship = assignee.relationship ?? null;
          const organization = await tx.targets.servingOrganization(
            region,
            relationship,
            accountIds,
            relationship !== null,
          );
          if (organization === null) {
            return {
              reason:
                `ORGANIZATION (servingRegion): no organization serves the region ${region}` +
                (relationship === null ? "" : ` with a ${relationship} relationship to the firing's accounts`) +
                `; record it with upsertOrganizations (servesRegions).`,
            };
          }
          return { kind: "ORGANIZATION", id: organization, role: null, requested: "ORGANIZATION" };
        }
        if (!assignee.organizationId) {
          return { reason: "ORGANIZATION: give organizationId, or servingRegion: true." };
        }
        const organization = await tx.targets.organization(assignee.organizationId);
        if (organization === null) {
          return { reason: `ORGANIZATION: no organization ${assignee.organizationId} in this tenant.` };
        }
        return { kind: "ORGANIZATION", id: organization, role: null, requested: "ORGANIZATION" };
      }
      default: {
        const unknown: never = assignee;
        return { reason: `Unknown assignee ${JSON.stringify(unknown)}.` };
      }
    }
  }

  private async intentSignal(
    tx: AutomationTransaction,
    context: ActionContext,
    index: number,
    intent: string,
    strength: number | null,
  ): Promise<Result> {
    const accounts = context.accounts.filter((a) => a.exists);
    if (accounts.length === 0) {
      return failed(`RAISE_INTENT_SIGNAL: none of the firing's accounts exists (any more); no signal was raised.`);
    }
    const { firing } = context;
    const rows = accounts.map((account, i) =>
      completeRow(
        {
          index: i,
          id: nodeId("Signal", this.tenant, AUTOMATION_SOURCE_SYSTEM, `${firing.firingId}/${index}/${account.id}`),
          sourceSystem: AUTOMATION_SOURCE_SYSTEM,
          externalId: `${firing.firingId}/${index}/${account.id}`,
          targetId: account.id,
          sent: {
            field: `intent:${intent}`,
            valueType: "NUMBER",
            numberValue: strength ?? 1,
            stringValue: null,
            booleanValue: null,
            unit: null,
            observedAt: new Date(firing.firedAt),
          },
        },
        null,
        "REPLACE",
      ),
    );
    const ids = await tx.writeAccountSignals(AUTOMATION_SOURCE_SYSTEM, rows, context.now);
    return {
      status: "DONE",
      resultId: ids[0] ?? null,
      details: { signalIds: ids, field: `intent:${intent}`, accountIds: accounts.map((a) => a.id) },
    };
  }

  private async flag(
    tx: AutomationTransaction,
    context: ActionContext,
    index: number,
    target: "ACCOUNT" | "ASSET" | "BATCH",
    flag: string,
    note: string | null,
  ): Promise<Result> {
    const { firing } = context;
    const keys = [
      ...new Set(
        target === "ACCOUNT"
          ? firing.accountIds
          : target === "ASSET"
            ? (firing.assetIds ?? [])
            : (firing.batchCodes ?? []),
      ),
    ];
    if (keys.length === 0) {
      return failed(`FLAG_RECORDS: the firing names no ${target.toLowerCase()} records to flag ${flag}.`);
    }
    const flagged = await tx.flags.flag(
      target,
      keys.map((key) => ({ key, id: automationId("Flag", this.tenant, firing.firingId, index, key) })),
      { flag, note, firingId: firing.firingId, playbookId: firing.playbookId },
      context.now,
    );
    const missing = keys.filter((key) => !flagged.has(key));
    if (flagged.size === 0) {
      return failed(
        `FLAG_RECORDS: none of the ${target.toLowerCase()} records ${keys.join(", ")} exists in this tenant.`,
        {
          missing,
        },
      );
    }
    return {
      status: "DONE",
      resultId: [...flagged.values()][0] ?? null,
      details: { target, flag, flagged: [...flagged.keys()], flagIds: [...flagged.values()], missing },
    };
  }

  private async webhook(
    tx: AutomationTransaction,
    context: ActionContext,
    index: number,
    endpointId: string,
  ): Promise<Result> {
    const endpoint = await tx.targets.endpoint(endpointId);
    if (endpoint === null) {
      return {
        status: "REFUSED",
        reason: `CALL_WEBHOOK: ${endpointId} is not a webhook endpoint of this tenant; a playbook may call only its own tenant's endpoints.`,
        details: { endpointId },
      };
    }
    const { firing } = context;
    const createdAt = Date.parse(context.now);
    const payload = playbookActionPayload(createdAt, {
      firingId: firing.firingId,
      playbookId: firing.playbookId,
      playbookVersion: firing.playbookVersion,
      mode: firing.mode,
      firedAt: firing.firedAt,
      actionIndex: index,
      accountIds: [...firing.accountIds],
      region: firing.region ?? null,
      assetIds: [...(firing.assetIds ?? [])],
      batchCodes: [...(firing.batchCodes ?? [])],
      triggeringRecordIds: firing.triggeringEvents.map((event) => event.recordId),
      basis: firing.basis.map((outcome) => ({ condition: outcome.condition, passed: outcome.passed })),
    });
    const deliveryId = automationId("WebhookDelivery", this.tenant, firing.firingId, index);
    const queued = await tx.targets.enqueueWebhook(endpointId, deliveryId, payload, createdAt);
    return {
      status: "DONE",
      resultId: queued,
      details: { endpointId, deliveryId: queued, endpointEnabled: endpoint.enabled },
    };
  }
}

/** Why a task exists, kept on it: the firing, its basis in short, and the records that triggered it. */
export function evidenceOf(firing: PlaybookFiring): Record<string, unknown> {
  return {
    firingId: firing.firingId,
    playbookId: firing.playbookId,
    playbookVersion: firing.playbookVersion,
    firedAt: firing.firedAt,
    basis: firing.basis.map((outcome) => ({ condition: outcome.condition, passed: outcome.passed })),
    triggeringRecordIds: [...new Set(firing.triggeringEvents.map((event) => event.recordId))],
    region: firing.region ?? null,
    assetIds: [...(firing.assetIds ?? [])],
    batchCodes: [...(firing.batchCodes ?? [])],
  };
}

import { createInboxItemQuery, inboxPageQuery } from "./inbox-item.queries";
import neo4j from "neo4j-driver";
import { CypherExecutor, CypherQuery, PlainRow } from "../executor";
import { AutomationRun } from "./automation-run";
import { PagePosition } from "./task.repository";

export type ProposalStatus = "PENDING" | "CONFIRMED" | "REJECTED";

/** A SUGGEST firing waiting for (or decided by) its owner. */
export interface Proposal {
  id: string;
  firingId: string;
  playbookId: string;
  playbookVersion: number;
  playbookName: string;
  ownerUserId: string;
  status: ProposalStatus;
  createdAt: string;
  /** The firing as the engine handed it over (JSON, ids and values only): what confirming carries out. */
  firing: string;
  /** The action outcomes when proposed (PROPOSED or REFUSED), then as carried out once confirmed (JSON). */
  actions: string;
  accountIds: string[];
  decidedAt: string | null;
  decidedBy: string | null;
  reason: string | null;
  /** The firing's status once confirmed (EXECUTED, PARTIAL, FAILED, REFUSED). */
  outcome: string | null;
  createdAtMs: number;
}

const PROPOSAL_PROJECTION = `
CALL (p) {
  OPTIONAL MATCH (p)-[:ABOUT]->(a:Account)
  RETURN collect(a.id) AS accountIds
}
RETURN p {
  .id, .firingId, .playbookId, .playbookVersion, .playbookName, .ownerUserId, .status, .createdAt, .firing, .actions,
  .decidedAt, .decidedBy, .reason, .outcome, createdAtMs: p.createdAt.epochMillis, accountIds: accountIds
} AS proposal`;

const PROPOSAL_PAGE = inboxPageQuery("proposals.page", "Proposal", "p", PROPOSAL_PROJECTION);

const CREATE_PROPOSAL = createInboxItemQuery("proposals.create", "Proposal", "p", "PENDING");

/** Locks the proposal (a write before the read), so two decisions on it are made one after the other. */
const LOCK_PROPOSAL: CypherQuery = {
  name: "proposals.lock",
  text: `
MATCH (p:Proposal {tenant: $tenant, id: $id})
SET p.decisionLock = true
REMOVE p.decisionLock
WITH p
${PROPOSAL_PROJECTION}`,
};

const DECIDE_PROPOSAL: CypherQuery = {
  name: "proposals.decide",
  text: `
MATCH (p:Proposal {tenant: $tenant, id: $id})
WHERE p.status = 'PENDING'
SET p.status = $status, p.decidedAt = datetime($now), p.decidedBy = $by, p.reason = $reason,
  p.outcome = $outcome, p.actions = coalesce($actions, p.actions)
WITH p
${PROPOSAL_PROJECTION}`,
};

const FIRING_SEEN: CypherQuery = {
  name: "firings.seen",
  text: `
OPTIONAL MATCH (p:Proposal {tenant: $tenant, firingId: $firingId})
OPTIONAL MATCH (r:Receipt {tenant: $tenant, firingId: $firingId})
RETURN p IS NOT NULL OR r IS NOT NULL AS seen`,
};

export function toProposal(row: PlainRow): Proposal {
  const p = row.proposal as Record<string, unknown>;
  const str = (key: string) => (typeof p[key] === "string" ? (p[key] as string) : null);
  return {
    id: String(p.id),
    firingId: String(p.firingId),
    playbookId: String(p.playbookId),
    playbookVersion: Number(p.playbookVersion ?? 0),
    playbookName: String(p.playbookName ?? ""),
    ownerUserId: String(p.ownerUserId),
    status: String(p.status) as ProposalStatus,
    createdAt: String(p.createdAt),
    firing: String(p.firing ?? "{}"),
    actions: String(p.actions ?? "[]"),
    accountIds: ((p.accountIds as string[] | null) ?? []).map(String),
    decidedAt: str("decidedAt"),
    decidedBy: str("decidedBy"),
    reason: str("reason"),
    outcome: str("outcome"),
    createdAtMs: Number(p.createdAtMs ?? 0),
  };
}

export interface ProposalFilterParams {
  status: ProposalStatus | null;
  playbookId: string | null;
  accountId: string | null;
  ownerUserId: string | null;
}

/** Reads the tenant's proposals. */
export class ProposalRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly tenant: string,
  ) {}

  async page(filter: ProposalFilterParams, position: PagePosition): Promise<Proposal[]> {
    const rows = await this.executor.read(PROPOSAL_PAGE, {
      tenant: this.tenant,
      ...filter,
      afterMs: position.afterMs === null ? null : neo4j.int(position.afterMs),
      afterId: position.afterId,
      limit: neo4j.int(position.limit),
    });
    return rows.map(toProposal);
  }
}

export interface NewProposal {
  id: string;
  firingId: string;
  playbookId: string;
  playbookVersion: number;
  playbookName: string;
  ownerUserId: string;
  firing: string;
  actions: string;
  accountIds: readonly string[];
}

/** Proposal writes inside a transaction of the actions side. */
export class ProposalWrites {
  constructor(
    private readonly run: AutomationRun,
    private readonly tenant: string,
  ) {}

  /** Whether this firing was carried out already (it left a proposal or a receipt). */
  async firingSeen(firingId: string): Promise<boolean> {
    const [row] = await this.run(FIRING_SEEN, { tenant: this.tenant, firingId });
    return row?.seen === true;
  }

  async create(proposal: NewProposal, now: string): Promise<void> {
    const { id, accountIds, playbookVersion, ...props } = proposal;
    await this.run(CREATE_PROPOSAL, {
      tenant: this.tenant,
      id,
      now,
      accountIds: [...accountIds],
      props: { ...props, playbookVersion: neo4j.int(playbookVersion) },
    });
  }

  async lock(id: string): Promise<Proposal | null> {
    const [row] = await this.run(LOCK_PROPOSAL, { tenant: this.tenant, id });
    return row ? toProposal(row) : null;
  }

  async decide(
    id: string,
    decision: {
      status: "CONFIRMED" | "REJECTED";
      by: string;
      reason: string | null;
      outcome: string | null;
      actions: string | null;
    },
    now: string,
  ): Promise<Proposal | null> {
    const [row] = await this.run(DECIDE_PROPOSAL, { tenant: this.tenant, id, now, ...decision });
    return row ? toProposal(row) : null;
  }
}

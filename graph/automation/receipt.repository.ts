import { createInboxItemQuery, inboxPageQuery } from "./inbox-item.queries";
import neo4j from "neo4j-driver";
import { CypherExecutor, CypherQuery, PlainRow } from "../executor";
import { AutomationRun } from "./automation-run";
import { PagePosition } from "./task.repository";

export type ReceiptStatus = "UNACKNOWLEDGED" | "ACKNOWLEDGED";

/** What an AUTO firing did, for its owner to acknowledge. */
export interface Receipt {
  id: string;
  firingId: string;
  playbookId: string;
  playbookVersion: number;
  playbookName: string;
  ownerUserId: string;
  status: ReceiptStatus;
  createdAt: string;
  /** The firing's status (EXECUTED, PARTIAL, FAILED, REFUSED). */
  outcome: string;
  /** The action outcomes (JSON). */
  actions: string;
  accountIds: string[];
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  createdAtMs: number;
}

const RECEIPT_PROJECTION = `
CALL (r) {
  OPTIONAL MATCH (r)-[:ABOUT]->(a:Account)
  RETURN collect(a.id) AS accountIds
}
RETURN r {
  .id, .firingId, .playbookId, .playbookVersion, .playbookName, .ownerUserId, .status, .createdAt, .outcome,
  .actions, .acknowledgedAt, .acknowledgedBy, createdAtMs: r.createdAt.epochMillis, accountIds: accountIds
} AS receipt`;

const RECEIPT_PAGE = inboxPageQuery("receipts.page", "Receipt", "r", RECEIPT_PROJECTION);

const CREATE_RECEIPT = createInboxItemQuery("receipts.create", "Receipt", "r", "UNACKNOWLEDGED");

const LOCK_RECEIPT: CypherQuery = {
  name: "receipts.lock",
  text: `
MATCH (r:Receipt {tenant: $tenant, id: $id})
SET r.ackLock = true
REMOVE r.ackLock
WITH r
${RECEIPT_PROJECTION}`,
};

const ACKNOWLEDGE_RECEIPT: CypherQuery = {
  name: "receipts.acknowledge",
  text: `
MATCH (r:Receipt {tenant: $tenant, id: $id})
WHERE r.status = 'UNACKNOWLEDGED'
SET r.status = 'ACKNOWLEDGED', r.acknowledgedAt = datetime($now), r.acknowledgedBy = $by
WITH r
${RECEIPT_PROJECTION}`,
};

export function toReceipt(row: PlainRow): Receipt {
  const r = row.receipt as Record<string, unknown>;
  const str = (key: string) => (typeof r[key] === "string" ? (r[key] as string) : null);
  return {
    id: String(r.id),
    firingId: String(r.firingId),
    playbookId: String(r.playbookId),
    playbookVersion: Number(r.playbookVersion ?? 0),
    playbookName: String(r.playbookName ?? ""),
    ownerUserId: String(r.ownerUserId),
    status: String(r.status) as ReceiptStatus,
    createdAt: String(r.createdAt),
    outcome: String(r.outcome ?? ""),
    actions: String(r.actions ?? "[]"),
    accountIds: ((r.accountIds as string[] | null) ?? []).map(String),
    acknowledgedAt: str("acknowledgedAt"),
    acknowledgedBy: str("acknowledgedBy"),
    createdAtMs: Number(r.createdAtMs ?? 0),
  };
}

export interface ReceiptFilterParams {
  status: ReceiptStatus | null;
  playbookId: string | null;
  accountId: string | null;
  ownerUserId: string | null;
}

/** Reads the tenant's receipts. */
export class ReceiptRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly tenant: string,
  ) {}

  async page(filter: ReceiptFilterParams, position: PagePosition): Promise<Receipt[]> {
    const rows = await this.executor.read(RECEIPT_PAGE, {
      tenant: this.tenant,
      ...filter,
      afterMs: position.afterMs === null ? null : neo4j.int(position.afterMs),
      afterId: position.afterId,
      limit: neo4j.int(position.limit),
    });
    return rows.map(toReceipt);
  }
}

export interface NewReceipt {
  id: string;
  firingId: string;
  playbookId: string;
  playbookVersion: number;
  playbookName: string;
  ownerUserId: string;
  outcome: string;
  actions: string;
  accountIds: readonly string[];
}

/** Receipt writes inside a transaction of the actions side. */
export class ReceiptWrites {
  constructor(
    private readonly run: AutomationRun,
    private readonly tenant: string,
  ) {}

  async create(receipt: NewReceipt, now: string): Promise<void> {
    const { id, accountIds, playbookVersion, ...props } = receipt;
    await this.run(CREATE_RECEIPT, {
      tenant: this.tenant,
      id,
      now,
      accountIds: [...accountIds],
      props: { ...props, playbookVersion: neo4j.int(playbookVersion) },
    });
  }

  async lock(id: string): Promise<Receipt | null> {
    const [row] = await this.run(LOCK_RECEIPT, { tenant: this.tenant, id });
    return row ? toReceipt(row) : null;
  }

  async acknowledge(id: string, by: string, now: string): Promise<Receipt | null> {
    const [row] = await this.run(ACKNOWLEDGE_RECEIPT, { tenant: this.tenant, id, by, now });
    return row ? toReceipt(row) : null;
  }
}

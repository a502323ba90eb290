import neo4j from "neo4j-driver";
import { PlaybookOwner } from "../../domain/automation/action-permissions";
import { CypherQuery } from "../executor";
import { AutomationRun } from "./automation-run";

// What the actions of a firing act on and for: the owner, the accounts, the assignees, the webhook
// endpoint. Read inside the firing's own transaction, so what is decided and what is written agree.

const OWNER: CypherQuery = {
  name: "automation.owner",
  text: `
MATCH (u:User {tenant: $tenant, externalId: $userId})
RETURN u.externalId AS userId, coalesce(u.roles, []) AS roles`,
};

/** Each account of the firing, in order: whether it exists, its region and its owner (a user's externalId). */
const ACCOUNTS: CypherQuery = {
  name: "automation.accounts",
  text: `
UNWIND range(0, size($ids) - 1) AS i
OPTIONAL MATCH (a:Account {tenant: $tenant, id: $ids[i]})
CALL (a) {
  OPTIONAL MATCH (owner:User {tenant: $tenant})-[:OWNS]->(a)
  WITH owner ORDER BY owner.externalId
  RETURN collect(owner.externalId)[0] AS ownerId
}
RETURN i, $ids[i] AS id, a IS NOT NULL AS exists, a.region AS region, ownerId
ORDER BY i`,
};

const USER_EXISTS: CypherQuery = {
  name: "automation.userExists",
  text: `
OPTIONAL MATCH (u:User {tenant: $tenant, externalId: $userId})
RETURN u IS NOT NULL AS exists`,
};

const ROLE_HOLDERS: CypherQuery = {
  name: "automation.roleHolders",
  text: `
MATCH (u:User {tenant: $tenant})
WHERE $role IN coalesce(u.roles, [])
RETURN count(u) AS holders`,
};

/** A team by its id, or by its external id (how playbooks written by hand tend to name it). */
const TEAM: CypherQuery = {
  name: "automation.team",
  text: `
MATCH (t:Team {tenant: $tenant})
WHERE t.id = $teamId OR t.externalId = $teamId
RETURN t.id AS id
ORDER BY CASE WHEN t.id = $teamId THEN 0 ELSE 1 END
LIMIT 1`,
};

const ORGANIZATION: CypherQuery = {
  name: "automation.organization",
  text: `
MATCH (o:Organization {tenant: $tenant, id: $organizationId})
RETURN o.id AS id`,
};

/**
 * The organization serving a region (its `servesRegions` holds it); one related to the firing's accounts
 * by `$relationship` (e.g. SERVICES) first, and then by id, so the choice is stable.
 */
const SERVING_ORGANIZATION: CypherQuery = {
  name: "automation.servingOrganization",
  text: `
MATCH (o:Organization {tenant: $tenant})
WHERE $region IN coalesce(o.servesRegions, [])
WITH o, CASE WHEN $relationship IS NULL THEN false
  ELSE EXISTS { MATCH (o)-[r]->(a:Account {tenant: $tenant}) WHERE type(r) = $relationship AND a.id IN $accountIds }
  END AS related
WHERE $relationship IS NULL OR related OR NOT $requireRelationship
RETURN o.id AS id, related
ORDER BY related DESC, o.id
LIMIT 1`,
};

const ENDPOINT: CypherQuery = {
  name: "automation.webhookEndpoint",
  text: `
MATCH (e:WebhookEndpoint {tenant: $tenant, id: $id})
RETURN e.enabled AS enabled`,
};

/**
 * A delivery that carries its own body (a playbook's CALL_WEBHOOK), queued like the feed's deliveries: the
 * dispatcher signs and sends it, with the same retries and log. It sorts after the deliveries already made
 * (its firstSequence is the endpoint's cursor), so a receiver sees it after the events before it.
 */
const ENQUEUE_DELIVERY: CypherQuery = {
  name: "automation.enqueueWebhook",
  text: `
MATCH (e:WebhookEndpoint {tenant: $tenant, id: $endpointId})
SET e.deliveryCount = coalesce(e.deliveryCount, 0) + 1
MERGE (d:WebhookDelivery {id: $deliveryId})
  ON CREATE SET d.tenant = e.tenant, d.endpointId = e.id, d.number = e.deliveryCount, d.status = 'PENDING',
    d.attempts = 0, d.firstSequence = e.cursor, d.lastSequence = e.cursor, d.eventCount = 0, d.eventTypes = [],
    d.createdAt = $now, d.nextAttemptAt = $now, d.attemptLog = [], d.payload = $payload
RETURN d.id AS id`,
};

export interface FiringAccount {
  id: string;
  exists: boolean;
  region: string | null;
  ownerId: string | null;
}

/** Reads (and, for webhooks, queues) what the actions of a firing act on, inside its transaction. */
export class ActionTargets {
  constructor(
    private readonly run: AutomationRun,
    private readonly tenant: string,
  ) {}

  async owner(userId: string): Promise<PlaybookOwner | null> {
    const [row] = await this.run(OWNER, { tenant: this.tenant, userId });
    return row ? { userId: String(row.userId), roles: ((row.roles as string[]) ?? []).map(String) } : null;
  }

  async accounts(ids: readonly string[]): Promise<FiringAccount[]> {
    if (ids.length === 0) return [];
    const rows = await this.run(ACCOUNTS, { tenant: this.tenant, ids: [...ids] });
    return rows.map((row) => ({
      id: String(row.id),
      exists: row.exists === true,
      region: typeof row.region === "string" ? row.region : null,
      ownerId: typeof row.ownerId === "string" ? row.ownerId : null,
    }));
  }

  async userExists(userId: string): Promise<boolean> {
    const [row] = await this.run(USER_EXISTS, { tenant: this.tenant, userId });
    return row?.exists === true;
  }

  async roleHolders(role: string): Promise<number> {
    const [row] = await this.run(ROLE_HOLDERS, { tenant: this.tenant, role });
    return Number(row?.holders ?? 0);
  }

  async team(teamId: string): Promise<string | null> {
    const [row] = await this.run(TEAM, { tenant: this.tenant, teamId });
    return row ? String(row.id) : null;
  }

  async organization(organizationId: string): Promise<string | null> {
    const [row] = await this.run(ORGANIZATION, { tenant: this.tenant, organizationId });
    return row ? String(row.id) : null;
  }

  /** The organization serving `region`; with `relationship`, one so related to the accounts (required when asked). */
  async servingOrganization(
    region: string,
    relationship: string | null,
    accountIds: readonly string[],
    requireRelationship: boolean,
  ): Promise<string | null> {
    const [row] = await this.run(SERVING_ORGANIZATION, {
      tenant: this.tenant,
      region,
      relationship,
      accountIds: [...accountIds],
      requireRelationship,
    });
    return row ? String(row.id) : null;
  }

  /** Whether the endpoint is the tenant's (null when not) and enabled. */
  async endpoint(id: string): Promise<{ enabled: boolean } | null> {
    const [row] = await this.run(ENDPOINT, { tenant: this.tenant, id });
    return row ? { enabled: row.enabled === true } : null;
  }

  async enqueueWebhook(endpointId: string, deliveryId: string, payload: string, now: number): Promise<string | null> {
    const [row] = await this.run(ENQUEUE_DELIVERY, {
      tenant: this.tenant,
      endpointId,
      deliveryId,
      payload,
      now: neo4j.int(now),
    });
    return row ? String(row.id) : null;
  }
}

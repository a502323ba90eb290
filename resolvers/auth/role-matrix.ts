import { Actor, capDenial, effectiveAllows } from "../../domain/auth/role-cap";
import { Principal, ROLES, Role } from "../context";

/** The root types whose fields the matrix governs. */
export type GuardedType = "Query" | "Mutation";

/** A matrix key: a root type and one of its fields, e.g. `"Mutation.upsertAccounts"`. */
export type OperationKey = `${GuardedType}.${string}`;

/** Who may call what: every mutation and every restricted query, mapped to the roles allowed. */
export type RoleMatrix = Readonly<Record<OperationKey, readonly Role[]>>;

// The groups the issue-9 matrix speaks of. A new role joins the groups it belongs to here; a new operation
// takes one line in ROLE_MATRIX below.
const EVERY_ROLE: readonly Role[] = ROLES;
/** Write records, signals, outcomes, ontologies and mappings (e.g. a CRM sync). */
const DATA_WRITERS: readonly Role[] = ["admin", "integrator"];
/** Manage health models, calibration, recompute and manual measures. */
const HEALTH_MANAGERS: readonly Role[] = ["admin", "analyst"];
const ADMINS: readonly Role[] = ["admin"];
/** Register and manage webhooks, and read their delivery logs (their URLs may carry tokens). */
const WEBHOOK_MANAGERS: readonly Role[] = ["admin", "integrator"];
/**
 * Author, activate, pause and retire playbooks (issue 11). Analysts own the playbooks' logic as they own
 * health models; a playbook acts with its owner's permissions, not its author's, so authoring grants
 * nothing beyond what the owner may do.
 */
const PLAYBOOK_MANAGERS: readonly Role[] = ["admin", "analyst"];
/** Read and verify the audit trail (decision 0019): it names who decided what about which accounts. */
const AUDITORS: readonly Role[] = ["admin", "analyst"];
/**
 * Value contracts (issue 15, decision 0026) are commercial terms with customers: admins define and revoke
 * them; admins and analysts read them, verify their ledgers and issue statements (which record only what
 * follows from the ledger); the pipelines that process the data (integrators) record its use.
 */
const CONTRACT_WRITERS: readonly Role[] = ["admin"];
const CONTRACT_READERS: readonly Role[] = ["admin", "analyst"];
const CONTRACT_USERS: readonly Role[] = ["admin", "integrator"];
/**
 * A/B tests of micro-practice units (issue 16, decision 0030): analysts own the measurement of what works, as
 * they own health models; admins too. Who starts one decides which customers do not get a validated practice
 * recommended for the test's length, so reps, viewers and integrators do not. Reports are open to every role:
 * the field teams whose practice is measured should see the result.
 */
const EXPERIMENT_MANAGERS: readonly Role[] = ["admin", "analyst"];
/**
 * Value anchors (issue 17, decision 0031): the people who own targets and their logic (analysts, admins) define,
 * redefine and recompute them; every role reads them, their attribution and effects (reads are open: looking at
 * one's anchors is what the calibration counts).
 */
const ANCHOR_MANAGERS: readonly Role[] = ["admin", "analyst"];
/** Hand out work: create tasks and reviews (and so own playbooks that do). */
const TASK_CREATORS: readonly Role[] = ["admin", "analyst", "integrator"];

/**
 * Personal-data requests (issue 15, decision 0027). Access and erasure requests read or destroy everything
 * about a person, so only admins (the tenant's privacy officers) make them; consent records come from the
 * pipelines (integrators) like any record; reading a person's consents is for those who decide about
 * processing (admins, analysts) and the pipelines that check before they process.
 */
const PRIVACY_OFFICERS: readonly Role[] = ["admin"];
const CONSENT_WRITERS: readonly Role[] = ["admin", "integrator"];
const CONSENT_READERS: readonly Role[] = ["admin", "analyst", "integrator"];

/**
 * Resolve identities and decide about them (issue 14): integrators load channel identities and start runs;
 * analysts review pairs, merge and split. Reads (resolved customers, runs, the review queue, models) are open.
 */
const IDENTITY_RESOLVERS: readonly Role[] = ["admin", "analyst", "integrator"];

/**
 * Lineage and impact (issue 17) are open to every role: each source they show (explanations, mappings, models,
 * playbooks, golden records) is already readable by every role. Usage calibration shows how the tenant's people
 * use Relata: for the people who run it (decision 0032).
 */
const USAGE_READERS: readonly Role[] = ["admin", "analyst"];

/**
 * Micro-practice units (issue 16, decision 0029): field people (reps) author, capture, submit and apply them,
 * as do analysts and admins. Reviewing needs the same roles AND the tenant's minimum seniority, checked by
 * the service (MPU_REVIEWER_BELOW_RANK). Publishing and retiring are open to the same roles, but the service
 * lets only the unit's author (once validated) or a tenant admin do it. Reads are open: the service hides
 * private units (cold-start protection).
 */
const MPU_AUTHORS: readonly Role[] = ["admin", "analyst", "rep"];
const MPU_REVIEWERS: readonly Role[] = ["admin", "analyst", "rep"];

/**
 * The one role table of the API. Every mutation needs an entry (a mutation without one is refused to every
 * role: {@link rolesFor}); queries are open to every role unless listed. docs/security.md prints this table
 * (`npm run docs:roles`), and a unit test fails when the two disagree.
 */
export const ROLE_MATRIX: RoleMatrix = {
  "Mutation.upsertSourceSystems": DATA_WRITERS,
  "Mutation.upsertAccounts": DATA_WRITERS,
  "Mutation.upsertContacts": DATA_WRITERS,
  "Mutation.upsertOpportunities": DATA_WRITERS,
  "Mutation.upsertAssets": DATA_WRITERS,
  "Mutation.upsertTickets": DATA_WRITERS,
  // Tickets read like the other records (a contact's personal fields masked by the catalogue).
  "Query.tickets": EVERY_ROLE,
  "Mutation.upsertOrganizations": DATA_WRITERS,
  "Mutation.ingestSignals": DATA_WRITERS,
  "Mutation.upsertTeams": DATA_WRITERS,
  "Mutation.upsertUsers": DATA_WRITERS,
  "Mutation.setOutcomes": DATA_WRITERS,
  "Mutation.deleteAccounts": DATA_WRITERS,
  "Mutation.restoreAccounts": DATA_WRITERS,
  "Mutation.deleteContacts": DATA_WRITERS,
  "Mutation.restoreContacts": DATA_WRITERS,
  "Mutation.deleteOpportunities": DATA_WRITERS,
  "Mutation.restoreOpportunities": DATA_WRITERS,
  "Mutation.deleteAssets": DATA_WRITERS,
  "Mutation.restoreAssets": DATA_WRITERS,
  "Mutation.deleteOrganizations": DATA_WRITERS,
  "Mutation.restoreOrganizations": DATA_WRITERS,
  "Mutation.deleteSignals": DATA_WRITERS,
  "Mutation.restoreSignals": DATA_WRITERS,
  "Mutation.importOntology": DATA_WRITERS,
  "Mutation.upsertMapping": DATA_WRITERS,
  "Mutation.deleteMapping": DATA_WRITERS,
  // A read that is a mutation only because its answer can be large; everyone who reads may export.
  "Mutation.exportOntology": EVERY_ROLE,
  "Mutation.defineHealthModel": HEALTH_MANAGERS,
  "Mutation.calibrateHealthModel": HEALTH_MANAGERS,
  "Mutation.recomputeHealth": HEALTH_MANAGERS,
  "Mutation.setManualMeasure": HEALTH_MANAGERS,
  "Mutation.revokeToken": ADMINS,
  "Mutation.savePlaybook": PLAYBOOK_MANAGERS,
  "Mutation.activatePlaybook": PLAYBOOK_MANAGERS,
  "Mutation.pausePlaybook": PLAYBOOK_MANAGERS,
  "Mutation.retirePlaybook": PLAYBOOK_MANAGERS,
  // A replay reads up to a year of signals: for the people who author playbooks.
  "Query.simulatePlaybook": PLAYBOOK_MANAGERS,
  // Drafting saves nothing; the draft says when the caller's roles may not save it or have an action done.
  "Query.draftPlaybookFromText": EVERY_ROLE,
  "Mutation.registerWebhook": WEBHOOK_MANAGERS,
  "Mutation.updateWebhook": WEBHOOK_MANAGERS,
  "Mutation.disableWebhook": WEBHOOK_MANAGERS,
  "Mutation.enableWebhook": WEBHOOK_MANAGERS,
  "Mutation.deleteWebhook": WEBHOOK_MANAGERS,
  "Mutation.rotateWebhookSecret": WEBHOOK_MANAGERS,
  "Mutation.redeliver": WEBHOOK_MANAGERS,
  "Query.webhooks": WEBHOOK_MANAGERS,
  "Query.webhook": WEBHOOK_MANAGERS,
  "Query.webhookDeliveries": WEBHOOK_MANAGERS,
  "Query.auditTrail": AUDITORS,
  "Query.verifyAuditTrail": AUDITORS,
  // Issue 11, the actions side. Creating a task by hand is the permission a playbook's CREATE_TASK and
  // OPEN_REVIEW actions need; viewers follow work, they do not hand it out.
  "Mutation.createTask": TASK_CREATORS,
  // Open to every role: the service lets only an assignee (user, team member, role holder) or an admin
  // complete a task, and only the playbook's owner (or an admin) decide a proposal or acknowledge a receipt.
  "Mutation.completeTask": EVERY_ROLE,
  "Mutation.confirmProposal": EVERY_ROLE,
  "Mutation.rejectProposal": EVERY_ROLE,
  "Mutation.acknowledgeReceipt": EVERY_ROLE,
  "Query.myTasks": EVERY_ROLE,
  "Query.tasks": EVERY_ROLE,
  "Query.task": EVERY_ROLE,
  "Query.proposals": EVERY_ROLE,
  "Query.receipts": EVERY_ROLE,
  "Query.auditCheckpoints": AUDITORS,
  "Mutation.defineValueAnchor": ANCHOR_MANAGERS,
  "Mutation.updateValueAnchor": ANCHOR_MANAGERS,
  "Mutation.recomputeValueAnchor": ANCHOR_MANAGERS,
  "Mutation.defineValueContract": CONTRACT_WRITERS,
  "Mutation.revokeValueContract": CONTRACT_WRITERS,
  "Mutation.recordContractUsage": CONTRACT_USERS,
  "Mutation.contractStatement": CONTRACT_READERS,
  "Query.valueContracts": CONTRACT_READERS,
  "Query.valueContract": CONTRACT_READERS,
  "Query.valueContractLedger": CONTRACT_READERS,
  "Query.verifyContractLedger": CONTRACT_READERS,
  // The pipelines that record usage check first.
  "Query.contractProcessingAllowed": [...CONTRACT_READERS, "integrator"],
  "Mutation.createMpu": MPU_AUTHORS,
  "Mutation.updateMpu": MPU_AUTHORS,
  "Mutation.captureMpu": MPU_AUTHORS,
  "Mutation.submitMpu": MPU_AUTHORS,
  "Mutation.reviewMpu": MPU_REVIEWERS,
  // Whoever hears the customer's confirmation records it (the author, a colleague, an admin).
  "Mutation.recordMpuConfirmation": MPU_AUTHORS,
  "Mutation.publishMpu": MPU_AUTHORS,
  "Mutation.retireMpu": MPU_AUTHORS,
  "Mutation.applyMpu": MPU_AUTHORS,
  "Mutation.setMpuSettings": ADMINS,
  // Issue 14, identity resolution.
  "Mutation.upsertIdentities": DATA_WRITERS,
  "Mutation.resolveIdentities": IDENTITY_RESOLVERS,
  "Mutation.decideIdentityPair": IDENTITY_RESOLVERS,
  "Mutation.splitIdentity": IDENTITY_RESOLVERS,
  "Mutation.mergeIdentities": IDENTITY_RESOLVERS,
  // Issue 17, lineage and usage calibration.
  "Query.lineage": EVERY_ROLE,
  "Query.impact": EVERY_ROLE,
  "Query.usageCalibration": USAGE_READERS,
  // Issue 15, personal-data requests.
  "Mutation.recordConsents": CONSENT_WRITERS,
  "Query.consents": CONSENT_READERS,
  "Query.exportPersonData": PRIVACY_OFFICERS,
  "Mutation.erasePerson": PRIVACY_OFFICERS,
  // Issue 16, MPU experiments.
  "Mutation.startMpuExperiment": EXPERIMENT_MANAGERS,
  "Mutation.stopMpuExperiment": EXPERIMENT_MANAGERS,
  "Query.mpuExperiment": EVERY_ROLE,
  "Query.mpuExperiments": EVERY_ROLE,
};

/** The HTTP endpoints outside GraphQL, by a short name: the route and the roles allowed. */
export const HTTP_ROUTES = { healthExport: "GET /v1/exports/health", changes: "GET /v1/changes" } as const;
export type HttpRoute = (typeof HTTP_ROUTES)[keyof typeof HTTP_ROUTES];

/**
 * Who may call the HTTP endpoints outside GraphQL; printed under the matrix in docs/security.md. A route
 * missing here is refused to everyone ({@link routeDenial}).
 */
export const HTTP_ROUTE_ROLES: Readonly<Record<HttpRoute, readonly Role[]>> = {
  // The accounts and stored scores that `accounts { health }` gives every role, in bulk; a read.
  "GET /v1/exports/health": EVERY_ROLE,
  // The change feed (`changes` query and subscription) in bulk; a read, open to every role like them.
  "GET /v1/changes": EVERY_ROLE,
};

/**
 * Why a caller may not call an HTTP route, or null when it may; names the roles that may. The token's role
 * is capped by the roles of the user it names, as for GraphQL operations.
 */
export function routeDenial(
  principal: Pick<Principal, "role" | "subject" | "userRoles">,
  route: HttpRoute,
): string | null {
  const allowed = HTTP_ROUTE_ROLES[route] ?? [];
  if (!allowed.includes(principal.role)) {
    return (
      `Your role (${principal.role}) may not call ${route}: it needs the ${either(allowed)} role. ` +
      `Ask an admin of your tenant for a token with ${allowed.length === 1 ? "that role" : "one of those roles"}.`
    );
  }
  return userCapDenial(principal, route, allowed);
}

/**
 * Why the roles of the user a token names refuse an operation its role allows (naming the token's role,
 * the user and their roles), or null when the token names no user or the user may.
 */
export function userCapDenial(
  principal: Pick<Principal, "role" | "subject" | "userRoles">,
  what: string,
  allowed: readonly Role[],
): string | null {
  return capDenial(what, allowed, {
    tokenRole: principal.role,
    userRoles: principal.userRoles ?? null,
    user: principal.subject,
  });
}

/** What a root type allows when the matrix has no entry: reads are open, writes fail closed. */
export const UNLISTED: Readonly<Record<GuardedType, readonly Role[]>> = {
  Query: EVERY_ROLE,
  Mutation: [],
};

/** The roles that may call a root field: its matrix entry, or the root type's default ({@link UNLISTED}). */
export function rolesFor(type: GuardedType, field: string, matrix: RoleMatrix = ROLE_MATRIX): readonly Role[] {
  return matrix[`${type}.${field}`] ?? UNLISTED[type];
}

function either(roles: readonly string[]): string {
  if (roles.length <= 1) return roles.join("");
  return `${roles.slice(0, -1).join(", ")} or ${roles[roles.length - 1]}`;
}

/**
 * Why `role` may not call a root field, or null when it may. The reason names the roles that may, so a
 * caller knows which token to ask for.
 */
export function accessDenial(
  role: Role,
  type: GuardedType,
  field: string,
  matrix: RoleMatrix = ROLE_MATRIX,
): string | null {
  const allowed = rolesFor(type, field, matrix);
  if (allowed.includes(role)) return null;
  if (allowed.length === 0) {
    return (
      `No role may call ${field}: it has no entry in the role matrix, so it is refused to everyone. ` +
      `This is a server defect; please report it.`
    );
  }
  return (
    `Your role (${role}) may not call ${field}: it needs the ${either(allowed)} role. ` +
    `Ask an admin of your tenant for a token with ${allowed.length === 1 ? "that role" : "one of those roles"}.`
  );
}

/**
 * Whether an actor (a token's role and its user's roles; either may be null, see domain/auth/role-cap.ts)
 * may call an operation of the matrix, e.g. `allowsOperation("Mutation.upsertAccounts", { tokenRole: null,
 * userRoles: owner.roles })` for a playbook acting with its owner's permissions.
 */
export function allowsOperation(key: OperationKey, actor: Actor, matrix: RoleMatrix = ROLE_MATRIX): boolean {
  const [type, field] = key.split(".") as [GuardedType, string];
  return effectiveAllows(rolesFor(type, field, matrix), actor);
}

/** Everything a role may call that is listed in the matrix. */
function grantsOf(role: Role, matrix: RoleMatrix): Set<string> {
  return new Set(Object.entries(matrix).flatMap(([key, roles]) => (roles.includes(role) ? [key] : [])));
}

/**
 * The one role among `roles` that may do everything each of the others may, or null when there is none
 * (e.g. analyst and integrator). A token that maps to several roles (an identity provider's groups) gets
 * this one; duplicates are ignored.
 */
export function broadestRole(roles: readonly Role[], matrix: RoleMatrix = ROLE_MATRIX): Role | null {
  const distinct = [...new Set(roles)];
  const grants = new Map(distinct.map((role) => [role, grantsOf(role, matrix)]));
  return (
    distinct.find((candidate) => {
      const mine = grants.get(candidate) as Set<string>;
      return distinct.every((other) => [...(grants.get(other) as Set<string>)].every((key) => mine.has(key)));
    }) ?? null
  );
}

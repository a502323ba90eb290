import { CypherQuery } from "../executor";
import { CONTRACT_FIELDS, ENTRY_FIELDS } from "./value-contract-rows";

const CREATE_ENTRY = `
CREATE (e:ContractLedgerEntry {
  tenant: $tenant, contractId: $entry.contractId, seq: $entry.seq, at: $entry.at, kind: $entry.kind,
  actor: $entry.actor, period: $entry.period, payload: $entry.payload, prevHash: $entry.prevHash, hash: $entry.hash
})`;

/** Creates a contract with its GRANT entry, for a live account of the tenant; no row when there is none. */
export const DEFINE_CONTRACT: CypherQuery = {
  name: "contracts.define",
  text: `
MATCH (a:Account {tenant: $tenant, id: $accountId})
CREATE (c:ValueContract {
  tenant: $tenant, id: $id, accountId: $accountId, definition: $definition, definitionHash: $definitionHash,
  status: 'ACTIVE', createdAt: $now, createdBy: $actor, ledgerSeq: $entry.seq, ledgerHash: $entry.hash
})
${CREATE_ENTRY}
RETURN ${CONTRACT_FIELDS}`,
};

/**
 * Takes the contract's ledger lock and reads it. The write (SET then REMOVE) takes the node's write lock
 * before anything reads it, so two appends never read the same head (the audit head's trick, decision 0019).
 */
export const LOCK_CONTRACT: CypherQuery = {
  name: "contracts.lock",
  text: `
MATCH (c:ValueContract {tenant: $tenant, id: $id})
SET c.ledgerLock = true
REMOVE c.ledgerLock
RETURN ${CONTRACT_FIELDS}`,
};

/** Appends a sealed entry and moves the head; a REVOKE also marks the contract revoked. */
export const APPEND_ENTRY: CypherQuery = {
  name: "contracts.appendEntry",
  text: `
MATCH (c:ValueContract {tenant: $tenant, id: $id})
SET c.ledgerSeq = $entry.seq, c.ledgerHash = $entry.hash
FOREACH (_ IN CASE WHEN $revoke THEN [1] ELSE [] END |
  SET c.status = 'REVOKED', c.revokedAt = $entry.at, c.revokedReason = $reason)
${CREATE_ENTRY}
RETURN ${CONTRACT_FIELDS}`,
};

/** A period's entries of one kind, in order (through the (tenant, contractId, period) index). */
export const ENTRIES_OF_PERIOD: CypherQuery = {
  name: "contracts.entriesOfPeriod",
  text: `
MATCH (e:ContractLedgerEntry {tenant: $tenant, contractId: $id, period: $period})
WHERE e.kind = $kind
RETURN ${ENTRY_FIELDS}
ORDER BY e.seq`,
};

export const GET_CONTRACT: CypherQuery = {
  name: "contracts.get",
  text: `
MATCH (c:ValueContract {tenant: $tenant, id: $id})
RETURN ${CONTRACT_FIELDS}`,
};

/** Newest first (createdAt, then id, both descending), after the cursor's position. */
export const LIST_CONTRACTS: CypherQuery = {
  name: "contracts.list",
  text: `
MATCH (c:ValueContract {tenant: $tenant})
WHERE ($accountId IS NULL OR c.accountId = $accountId)
  AND ($afterCreatedAt IS NULL OR c.createdAt < $afterCreatedAt
       OR (c.createdAt = $afterCreatedAt AND c.id < $afterId))
WITH c ORDER BY c.createdAt DESC, c.id DESC LIMIT $limit
RETURN ${CONTRACT_FIELDS}`,
};

export const COUNT_CONTRACTS: CypherQuery = {
  name: "contracts.count",
  text: `
MATCH (c:ValueContract {tenant: $tenant})
WHERE ($accountId IS NULL OR c.accountId = $accountId)
RETURN count(c) AS total`,
};

/** Entries numbered after `after`, in order, at most `limit` (through the (tenant, contractId, seq) constraint). */
export const LEDGER_PAGE: CypherQuery = {
  name: "contracts.ledgerPage",
  text: `
MATCH (e:ContractLedgerEntry {tenant: $tenant, contractId: $id})
WHERE e.seq > $after
WITH e ORDER BY e.seq LIMIT $limit
RETURN ${ENTRY_FIELDS}`,
};

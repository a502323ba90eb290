import { Migration } from "./migration";

/**
 * Bidirectional value contracts (issue 15, decision 0026): contracts by tenant and id and by account, and
 * each contract's hash-chained ledger by number and by period.
 */
export const valueContractsMigration: Migration = {
  version: 15,
  description: "value contracts and their ledgers",
  statements: [
    "CREATE CONSTRAINT value_contract_id IF NOT EXISTS FOR (c:ValueContract) REQUIRE (c.tenant, c.id) IS UNIQUE",
    "CREATE INDEX value_contract_account IF NOT EXISTS FOR (c:ValueContract) ON (c.tenant, c.accountId, c.createdAt)",
    "CREATE INDEX value_contract_created IF NOT EXISTS FOR (c:ValueContract) ON (c.tenant, c.createdAt)",
    "CREATE CONSTRAINT contract_ledger_seq IF NOT EXISTS FOR (e:ContractLedgerEntry) REQUIRE (e.tenant, e.contractId, e.seq) IS UNIQUE",
    "CREATE INDEX contract_ledger_period IF NOT EXISTS FOR (e:ContractLedgerEntry) ON (e.tenant, e.contractId, e.period)",
  ],
};

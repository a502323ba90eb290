import { ACCOUNT_OWNED_LABELS, DELETABLE_LABELS } from "../../../graph/common/deleted-labels";
import * as queries from "../../../graph/contracts/value-contract.queries";
import { deleteQuery, purgeQuery, restoreQuery } from "../../../graph/deletion/deletion.queries";

// Issue 15: a contract's ledger is append-only; account deletion and purge never reach contracts or entries.

const CONTRACT_LABELS = /ValueContract|ContractLedgerEntry/;

describe("the contract ledger is append-only", () => {
  it("is only ever created into by the contract queries, never set, removed or deleted", () => {
    const texts = Object.values(queries).map((q) => q.text);
    expect(texts.length).toBeGreaterThan(5);
    for (const text of texts) {
      expect(text).not.toMatch(/\bDELETE\b|\bDETACH\b/);
      // Entries are bound to `e`; only contracts (`c`) are ever SET or REMOVEd.
      expect(text).not.toMatch(/\b(SET|REMOVE)\s+e\./);
    }
  });

  it("keeps contracts and their ledgers out of deletion, restore and purge", () => {
    for (const label of [...DELETABLE_LABELS, ...ACCOUNT_OWNED_LABELS]) expect(label).not.toMatch(CONTRACT_LABELS);
    const texts = [
      ...DELETABLE_LABELS.flatMap((label) => [deleteQuery(label).text, restoreQuery(label).text]),
      ...[...DELETABLE_LABELS, ...ACCOUNT_OWNED_LABELS].map((label) => purgeQuery(label).text),
    ];
    for (const text of texts) expect(text).not.toMatch(CONTRACT_LABELS);
  });
});

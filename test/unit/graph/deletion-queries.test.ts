import { deleteQuery, purgeQuery, restoreQuery } from "../../../graph/deletion/deletion.queries";
import { ACCOUNT_OWNED_LABELS, DELETABLE_LABELS } from "../../../graph/common/deleted-labels";

describe("deletion queries", () => {
  it("hide an account with its contacts, opportunities, assets, signals and every health record label", () => {
    const text = deleteQuery("Account").text;
    for (const label of ["Account", "Contact", "Opportunity", "Asset", "Signal", ...ACCOUNT_OWNED_LABELS]) {
      expect(text).toContain(`REMOVE n:${label} SET n:Deleted${label},`);
    }
  });

  it("take nothing along with an opportunity, an organization or a signal", () => {
    for (const label of ["Opportunity", "Organization", "Signal"] as const) {
      expect(deleteQuery(label).text.match(/REMOVE n:/g)).toHaveLength(1);
    }
  });

  it("restore by deletion id, every label the deletion hid, and check the parent of a dependent record", () => {
    const text = restoreQuery("Account").text;
    for (const label of ["Account", "Contact", "Opportunity", "Asset", "Signal", ...ACCOUNT_OWNED_LABELS]) {
      expect(text).toContain(`MATCH (n:Deleted${label} {tenant: $tenant, deletionId: deletionId})`);
    }
    expect(restoreQuery("Contact").text).toContain("(root)-[:WORKS_AT]->(p:DeletedAccount)");
    expect(restoreQuery("Account").text).toContain("null AS parentId");
  });

  it("are scoped to the tenant, except the purge, which is a job over every tenant and leaves tombstones", () => {
    for (const label of DELETABLE_LABELS) {
      expect(deleteQuery(label).text).toContain(`(root:${label} {tenant: $tenant, id: row.id})`);
      expect(restoreQuery(label).text).toContain(`(root:Deleted${label} {tenant: $tenant, id: row.id})`);
      expect(purgeQuery(label).text).toContain("MERGE (t:PurgedRecord {tenant: n.tenant, id: n.id})");
    }
    expect(purgeQuery("HealthScore").text).not.toContain("PurgedRecord");
  });
});

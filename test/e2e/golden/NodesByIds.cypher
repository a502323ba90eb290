// account.byIds (READ)
UNWIND $ids AS id
MATCH (a:Account {tenant: $tenant, id: id})
RETURN a {.*, firstSeenAt: a.firstSeenAt.epochMillis, lastUpdatedAt: a.lastUpdatedAt.epochMillis} AS account

// node.byIds (READ)
UNWIND $refs AS ref
CALL (ref) {
  WITH ref WHERE ref.kind = 'Account'
  MATCH (n:Account {id: ref.id}) WHERE n.tenant = $tenant
  RETURN 'Account' AS kind, n {.externalId, .id, .name, .region, .sourceSystem} AS node
  UNION ALL
  WITH ref WHERE ref.kind = 'Contact'
  MATCH (n:Contact {id: ref.id}) WHERE n.tenant = $tenant
  RETURN 'Contact' AS kind, n {accountId: head([(n)-[:WORKS_AT]->(a:Account) | a.id]), .buyingRole, .externalId, .id, .name, .sourceSystem} AS node
  UNION ALL
  WITH ref WHERE ref.kind = 'Signal'
  MATCH (n:Signal {id: ref.id}) WHERE n.tenant = $tenant
  RETURN 'Signal' AS kind, n {.externalId, .field, .id, .numberValue, .sourceSystem, subject: head([(n)-[:ABOUT]->(s) WHERE s:Account OR s:Contact OR s:Asset |
    {id: s.id, kind: CASE WHEN s:Account THEN 'ACCOUNT' WHEN s:Contact THEN 'CONTACT' ELSE 'ASSET' END}])} AS node
}
RETURN ref.index AS index, kind, node

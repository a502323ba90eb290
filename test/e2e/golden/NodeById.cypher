// node.byIds (READ)
UNWIND $refs AS ref
CALL (ref) {
  WITH ref WHERE ref.kind = 'Account'
  MATCH (n:Account {id: ref.id}) WHERE n.tenant = $tenant
  RETURN 'Account' AS kind, n {.externalId, .id, .name, .region, .sourceSystem} AS node
}
RETURN ref.index AS index, kind, node

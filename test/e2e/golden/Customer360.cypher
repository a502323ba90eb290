// account.assets+account.contacts+account.network+account.opportunities+account.signals (READ)
UNWIND $keys_0 AS key
MATCH (parent:Account {tenant: $tenant, id: key.parentId})
CALL (parent, key) {
  MATCH (parent)<-[r:INSTALLED_AT]-(child:Asset)
  WHERE true
    AND (key.after IS NULL OR child.name > key.after[0] OR (child.name = key.after[0] AND child.id > key.after[1]))
  WITH child, r, child.name AS sortKey1, child.id AS sortKey2
  ORDER BY sortKey1 ASC, sortKey2 ASC
  LIMIT $limit_0
  RETURN collect({node: child {.id, .installedOn, .model, .name, .serialNumber, accountId: parent.id}, sortKey: [sortKey1, sortKey2]}) AS items
}
CALL (parent, key) {
  WITH parent, key WHERE key.withTotal
  MATCH (parent)<-[r:INSTALLED_AT]-(child:Asset)
  WHERE true
  RETURN count(*) AS total
}
RETURN 0 AS part, key.index AS index, items, total
UNION ALL

UNWIND $keys_1 AS key
MATCH (parent:Account {tenant: $tenant, id: key.parentId})
CALL (parent, key) {
  MATCH (parent)<-[r:WORKS_AT]-(child:Contact)
  WHERE true
    AND (key.after IS NULL OR child.name > key.after[0] OR (child.name = key.after[0] AND child.id > key.after[1]))
  WITH child, r, child.name AS sortKey1, child.id AS sortKey2
  ORDER BY sortKey1 ASC, sortKey2 ASC
  LIMIT $limit_1
  RETURN collect({node: child {.buyingRole, .email, .id, .name, .title, accountId: parent.id}, sortKey: [sortKey1, sortKey2]}) AS items
}
CALL (parent, key) {
  WITH parent, key WHERE key.withTotal
  MATCH (parent)<-[r:WORKS_AT]-(child:Contact)
  WHERE true
  RETURN count(*) AS total
}
RETURN 1 AS part, key.index AS index, items, total
UNION ALL

UNWIND $keys_2 AS key
MATCH (parent:Account {tenant: $tenant, id: key.parentId})
CALL (parent, key) {
  MATCH (parent)<-[r:PARTNER_OF|SUPPLIES|SERVICES|RESELLS_TO]-(child:Organization)
  WHERE (key.relationships IS NULL OR type(r) IN key.relationships)
    AND (key.after IS NULL OR child.name > key.after[0] OR (child.name = key.after[0] AND child.id + '|' + type(r) > key.after[1]))
  WITH child, r, child.name AS sortKey1, child.id + '|' + type(r) AS sortKey2
  ORDER BY sortKey1 ASC, sortKey2 ASC
  LIMIT $limit_2
  RETURN collect({node: {organization: child {.id, .kind, .name, .region}, relationship: type(r)}, sortKey: [sortKey1, sortKey2]}) AS items
}
CALL (parent, key) {
  WITH parent, key WHERE key.withTotal
  MATCH (parent)<-[r:PARTNER_OF|SUPPLIES|SERVICES|RESELLS_TO]-(child:Organization)
  WHERE (key.relationships IS NULL OR type(r) IN key.relationships)
  RETURN count(*) AS total
}
RETURN 2 AS part, key.index AS index, items, total
UNION ALL

UNWIND $keys_3 AS key
MATCH (parent:Account {tenant: $tenant, id: key.parentId})
CALL (parent, key) {
  MATCH (parent)<-[r:FOR_ACCOUNT]-(child:Opportunity)
  WHERE (key.stages IS NULL OR child.stage IN key.stages)
    AND (key.after IS NULL OR coalesce(child.closeDate, '0000-00-00') < key.after[0] OR (coalesce(child.closeDate, '0000-00-00') = key.after[0] AND child.id < key.after[1]))
  WITH child, r, coalesce(child.closeDate, '0000-00-00') AS sortKey1, child.id AS sortKey2
  ORDER BY sortKey1 DESC, sortKey2 DESC
  LIMIT $limit_3
  RETURN collect({node: child {.amount, .closeDate, .currency, .id, .name, .stage, accountId: parent.id}, sortKey: [sortKey1, sortKey2]}) AS items
}
CALL (parent, key) {
  WITH parent, key WHERE key.withTotal
  MATCH (parent)<-[r:FOR_ACCOUNT]-(child:Opportunity)
  WHERE (key.stages IS NULL OR child.stage IN key.stages)
  RETURN count(*) AS total
}
RETURN 3 AS part, key.index AS index, items, total
UNION ALL

UNWIND $keys_4 AS key
MATCH (parent:Account {tenant: $tenant, id: key.parentId})
CALL (parent, key) {
  MATCH (parent)<-[r:ABOUT]-(child:Signal)
  WHERE ((key.fields IS NULL OR child.field IN key.fields) AND (key.since IS NULL OR child.observedAt >= datetime(key.since)) AND (key.until IS NULL OR child.observedAt < datetime(key.until)))
    AND (key.after IS NULL OR child.observedAt.epochMillis < key.after[0] OR (child.observedAt.epochMillis = key.after[0] AND child.id < key.after[1]))
  WITH child, r, child.observedAt.epochMillis AS sortKey1, child.id AS sortKey2
  ORDER BY sortKey1 DESC, sortKey2 DESC
  LIMIT $limit_4
  RETURN collect({node: child {.booleanValue, .externalId, .field, .id, .numberValue, observedAt: child.observedAt.epochMillis, .sourceSystem, .stringValue, .unit, .valueType, subjectKind: 'ACCOUNT', subjectId: parent.id}, sortKey: [sortKey1, sortKey2]}) AS items
}
CALL (parent, key) {
  WITH parent, key WHERE key.withTotal
  MATCH (parent)<-[r:ABOUT]-(child:Signal)
  WHERE ((key.fields IS NULL OR child.field IN key.fields) AND (key.since IS NULL OR child.observedAt >= datetime(key.since)) AND (key.until IS NULL OR child.observedAt < datetime(key.until)))
  RETURN count(*) AS total
}
RETURN 4 AS part, key.index AS index, items, total

// account.byIds (READ)
UNWIND $ids AS id
MATCH (a:Account {tenant: $tenant, id: id})
RETURN a {.annualRevenue, .externalId, firstSeenAt: a.firstSeenAt.epochMillis, .id, .industry, lastUpdatedAt: a.lastUpdatedAt.epochMillis, .name, .region, .segment, .sourceSystem} AS account

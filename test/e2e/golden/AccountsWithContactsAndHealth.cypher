// account.contacts (READ)
UNWIND $keys AS key
MATCH (parent:Account {tenant: $tenant, id: key.parentId})
CALL (parent, key) {
  MATCH (parent)<-[r:WORKS_AT]-(child:Contact)
  WHERE true
    AND (key.after IS NULL OR child.name > key.after[0] OR (child.name = key.after[0] AND child.id > key.after[1]))
  WITH child, r, child.name AS sortKey1, child.id AS sortKey2
  ORDER BY sortKey1 ASC, sortKey2 ASC
  LIMIT $limit
  RETURN collect({node: child {.buyingRole, .id, .name, .title, accountId: parent.id}, sortKey: [sortKey1, sortKey2]}) AS items
}
CALL (parent, key) {
  WITH parent, key WHERE key.withTotal
  MATCH (parent)<-[r:WORKS_AT]-(child:Contact)
  WHERE true
  RETURN count(*) AS total
}
RETURN key.index AS index, items, total

// account.list.NAME_ASC (READ)
MATCH (a:Account) USING INDEX a:Account(tenant, name)
WHERE a.tenant = $tenant AND a.name IS NOT NULL AND 
  ($industries IS NULL OR a.industry IN $industries)
  AND ($segments IS NULL OR a.segment IN $segments)
  AND ($regions IS NULL OR a.region IN $regions)
  AND ($minAnnualRevenue IS NULL OR a.annualRevenue >= $minAnnualRevenue)
  AND ($after IS NULL OR a.name > $after[0] OR (a.name = $after[0] AND a.id > $after[1]))
WITH a ORDER BY a.tenant ASC, a.name ASC, a.id ASC
LIMIT $limit
RETURN a {.id, .name} AS account, [a.name, a.id] AS sortKey

// health.latestScores (READ)
UNWIND $accountIds AS accountId
MATCH (h:HealthScore {tenant: $tenant, accountId: accountId, modelId: $modelId, latest: true})
RETURN accountId, h {computedAt: h.computedAt.epochMillis, .confidence, .grade, .score, .version} AS score

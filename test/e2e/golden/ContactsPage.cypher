// account.byIds (READ)
UNWIND $ids AS id
MATCH (a:Account {tenant: $tenant, id: id})
RETURN a {.*, firstSeenAt: a.firstSeenAt.epochMillis, lastUpdatedAt: a.lastUpdatedAt.epochMillis} AS account

// contact.list (READ)
MATCH (n:Contact {tenant: $tenant})
WHERE (($accountIds IS NULL OR head([(n)-[:WORKS_AT]->(a:Account) | a.id]) IN $accountIds) AND ($buyingRoles IS NULL OR n.buyingRole IN $buyingRoles) AND ($sourceSystems IS NULL OR n.sourceSystem IN $sourceSystems) AND ($search IS NULL OR (CASE $searchName WHEN 'CONTAINS' THEN toLower(trim(n.name)) CONTAINS $search ELSE toLower(trim(n.name)) = $search END) OR (CASE $searchEmail WHEN 'CONTAINS' THEN toLower(trim(coalesce(n.email, ''))) CONTAINS $search ELSE toLower(trim(coalesce(n.email, ''))) = $search END)))
  AND ($after IS NULL OR n.name > $after[0] OR (n.name = $after[0] AND n.id > $after[1]))
WITH n, n.name AS sortKey1, n.id AS sortKey2
ORDER BY sortKey1 ASC, sortKey2 ASC
LIMIT $limit
RETURN n {accountId: head([(n)-[:WORKS_AT]->(a:Account) | a.id]), .buyingRole, .id, .name} AS node, [sortKey1, sortKey2] AS sortKey

// contact.list.count (READ)
MATCH (n:Contact {tenant: $tenant})
WHERE (($accountIds IS NULL OR head([(n)-[:WORKS_AT]->(a:Account) | a.id]) IN $accountIds) AND ($buyingRoles IS NULL OR n.buyingRole IN $buyingRoles) AND ($sourceSystems IS NULL OR n.sourceSystem IN $sourceSystems) AND ($search IS NULL OR (CASE $searchName WHEN 'CONTAINS' THEN toLower(trim(n.name)) CONTAINS $search ELSE toLower(trim(n.name)) = $search END) OR (CASE $searchEmail WHEN 'CONTAINS' THEN toLower(trim(coalesce(n.email, ''))) CONTAINS $search ELSE toLower(trim(coalesce(n.email, ''))) = $search END)))
RETURN count(n) AS total

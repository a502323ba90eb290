// account.byIds (READ)
UNWIND $ids AS id
MATCH (a:Account {tenant: $tenant, id: id})
RETURN a {.annualRevenue, .externalId, firstSeenAt: a.firstSeenAt.epochMillis, .id, .industry, lastUpdatedAt: a.lastUpdatedAt.epochMillis, .name, .region, .segment, .sourceSystem} AS account

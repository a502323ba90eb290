// The time budget of each family of test files, in seconds of test-file time summed over the family (files run
// in parallel workers, so a family's sum can exceed the wall time it adds). Measured on the README's machine
// size (2 cores) while idle; the suite as a whole aims at under 10 minutes of wall time there. A family over
// its budget is reported after the run; it does not fail the run, because a busy machine is slower, and tests
// never assert wall-clock times. A new slow family gets its own line here.
module.exports = {
  wallSeconds: 600,
  families: [
    { name: "unit", pattern: "^test/unit/", seconds: 60 },
    { name: "health scoring e2e", pattern: "^test/e2e/health", seconds: 90 },
    {
      name: "lists and round trips e2e",
      pattern: "^test/e2e/(pagination|query-count|customer-360|golden-cypher)",
      seconds: 60,
    },
    { name: "ingest e2e", pattern: "^test/e2e/ingest", seconds: 45 },
    // A small demo tenant loaded, scored, then deleted, restored and purged record by record.
    { name: "deletes e2e", pattern: "^test/e2e/deletion", seconds: 45 },
    // The import and export commands in-process against the run's Neo4j, and the export over HTTP.
    { name: "import and export e2e", pattern: "^test/e2e/(import|export)", seconds: 45 },
    {
      name: "outages and recovery",
      pattern: "^test/(e2e/hardening-outage|integration/managed-neo4j-supervision)",
      seconds: 180,
    },
    { name: "request limits e2e", pattern: "^test/e2e/hardening", seconds: 60 },
    // Four JVM starts of a dedicated Neo4j (db browser, a backup, npm start's own, a restore) plus dumps.
    { name: "backup, restore, browser", pattern: "^test/integration/managed-neo4j-backup", seconds: 150 },
    // Four tenants each seeded across a contact and five channels, exported, erased and scanned whole.
    { name: "personal-data requests e2e", pattern: "^test/e2e/personal-data", seconds: 90 },
    { name: "auth e2e", pattern: "^test/e2e/(auth|oidc|role-matrix|token-revocation)", seconds: 60 },
    // Chains appended, signed, tampered with and verified; the trail read by every filter and role.
    { name: "audit trail", pattern: "^test/(e2e|integration)/audit", seconds: 90 },
    { name: "Neo4j integration", pattern: "^test/integration/", seconds: 60 },
    // One headless Chromium (Debian's, driven by playwright-core) loading the IDE from the API.
    { name: "IDE in Chromium e2e", pattern: "^test/e2e/ide-browser", seconds: 45 },
    // Three API instances each: metrics defaults, token and opt-ins, off; OTLP JSON, protobuf, none.
    { name: "observability e2e", pattern: "^test/e2e/observability", seconds: 60 },
    // Two tenants of every record type; node/nodes, lookups, the top-level lists, facets and notices.
    { name: "lookups, lists and facets e2e", pattern: "^test/e2e/(lookups|record-lists|facets)", seconds: 90 },
    // The change feed, NDJSON, subscriptions over WebSocket, and each write path's events.
    { name: "change events e2e", pattern: "^test/e2e/(change|changes)", seconds: 90 },
    // A receiver in the test process; one file compiles the server (when stale) and kills and restarts it.
    { name: "webhooks e2e", pattern: "^test/e2e/webhooks", seconds: 200 },
    // Headless Chromium driving the explorer against a small demo tenant.
    { name: "explorer in Chromium e2e", pattern: "^test/e2e/(explorer|neighbourhood)", seconds: 180 },
    // Issue 11: users, teams, regions, batches and the role cap.
    { name: "people and data e2e", pattern: "^test/e2e/(users-and-teams|regions-and-batches|role-cap)", seconds: 90 },
    // Issue 11's actions side: five tenants seeded through the API, firings carried out, the queue worked through.
    { name: "automation e2e", pattern: "^test/e2e/automation", seconds: 120 },
    // The playbook engine: three scenarios through the runner (polled by the test), simulation, breakers.
    { name: "playbooks e2e", pattern: "^test/e2e/playbooks", seconds: 90 },
    // A small demo tenant loaded with its people and playbooks, then one scenario through the runner.
    { name: "demo automation e2e", pattern: "^test/e2e/demo-automation", seconds: 120 },
    // Issue 15: a tenant with personal data everywhere, read through every path by every role; the graph scanned.
    { name: "personal data e2e", pattern: "^test/e2e/personal-data", seconds: 180 },
    // The MCP server against the real API (in process, and built on stdio: a stale build adds its compile time).
    { name: "agents through MCP e2e", pattern: "^test/e2e/mcp-", seconds: 150 },
    // Issue 12: a sentence drafted against a seeded tenant's vocabulary, with a tiny LLM server in the test.
    { name: "plain-language e2e", pattern: "^test/e2e/plain-language", seconds: 60 },
    // Issue 17: a tenant with a merged duplicate, a recompute and a playbook; usage counted and calibrated.
    { name: "lineage and usage e2e", pattern: "^test/e2e/(lineage|usage-calibration)", seconds: 120 },
    // Issue 16: one tenant through the MPU gate over HTTP, and a tracker polled on a moved clock.
    { name: "MPU e2e", pattern: "^test/e2e/mpu", seconds: 60 },
    { name: "other e2e", pattern: "^test/e2e/", seconds: 60 },
  ],
};

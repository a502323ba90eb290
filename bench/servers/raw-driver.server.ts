/**
 * Variant 4: the raw endpoint — a plain node:http server with neo4j-driver that runs one hand-written
 * Cypher statement per request (raw-driver.queries.ts) and shapes the rows like the GraphQL operations'
 * answers, so the equal-answer check compares like with like. Also serves the driver floor (F1), one
 * account's health scored now (B5a, with Relata's pure scoring functions and a model loaded at start) and
 * the raw side of bulk ingest (B6). Forked by the runner; see bench-server-ipc.ts.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import neo4j, { type Driver } from "neo4j-driver";

import { upsertChange } from "../../domain/events/record-changes";
import { nodeId } from "../../domain/ids/node-id";
import { ChangeOutbox } from "../../graph/events/change-outbox";
import { toPlain } from "../../graph/neo4j-values";
import { signalRow as relataSignalRow } from "../../services/ingest/record-rows";
import type { SignalInput } from "../../schema/generated/graphql";
import { announceReady, requiredEnv } from "./bench-server-ipc";
import { CypherCounter, countingDriver } from "./counting-driver";
import { accountHealthAnswer, type HealthInputMeasure, type HealthInputSignal } from "./raw-account-health";
import { loadRawHealthModels, type RawHealthModel } from "./raw-health-model";
import {
  ACCOUNT_BY_ID,
  ACCOUNT_HEALTH_INPUTS,
  ACCOUNTS_WITH_CONTACTS,
  BRIDGE,
  CUSTOMER_360,
  FIELDS_MEASURING,
  ingestSignalsAbout,
  RETURN_ONE,
} from "./raw-driver.queries";

type Row = Record<string, unknown>;
type Body = Record<string, unknown>;

const BUILT_IN_SCOPE = "_builtin";
const SUBJECT_LABELS = { ACCOUNT: "Account", CONTACT: "Contact", ASSET: "Asset" } as const;

class RawEndpoint {
  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    /** Health models per tenant, loaded once at start (B5a). */
    private readonly healthModels: ReadonlyMap<string, RawHealthModel>,
    /** Off only when Relata's are (RELATA_CHANGE_EVENTS=off): B6 compares like with like. */
    private readonly changeEvents: boolean,
  ) {}

  /**
   * One statement as an auto-commit transaction: one network round trip, the cheapest way the driver
   * offers to run a read (Relata's executor reads the same way), so this stays the floor.
   */
  private async read(cypher: string, params: Row): Promise<Row[]> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.run(cypher, params);
      return result.records.map((record) => record.toObject() as Row);
    } finally {
      await session.close();
    }
  }

  async returnOne(): Promise<unknown> {
    const [row] = await this.read(RETURN_ONE, {});
    return { data: { one: row?.one } };
  }

  async accountById(body: Body): Promise<unknown> {
    const [row] = await this.read(ACCOUNT_BY_ID, { tenant: body.tenant, id: body.id });
    return { data: { account: row?.account ?? null } };
  }

  async customer360(body: Body): Promise<unknown> {
    const rows = await this.read(CUSTOMER_360, { tenant: body.tenant, id: body.id, signals: body.signals });
    const row = rows[0];
    if (!row) return { data: { account: null } };
    const page = (items: unknown[]) => ({
      totalCount: items.length,
      edges: items.slice(0, 50).map((node) => ({ node })),
    });
    const network = row.network as Array<{ relationship: string; node: Row }>;
    return {
      data: {
        account: {
          ...(row.account as Row),
          contacts: page(row.contacts as Row[]),
          opportunities: page(row.opportunities as Row[]),
          assets: page(row.assets as Row[]),
          network: { totalCount: network.length, edges: network.slice(0, 50) },
          signals: { totalCount: row.signalCount, edges: (row.signals as Row[]).map((node) => ({ node })) },
        },
      },
    };
  }

  async accountsWithContacts(body: Body): Promise<unknown> {
    const first = Number(body.first);
    const rows = await this.read(ACCOUNTS_WITH_CONTACTS, {
      tenant: body.tenant,
      limit: neo4j.int(first + 1),
      contacts: neo4j.int(Number(body.contacts)),
      modelId: body.modelId,
    });
    const page = rows.slice(0, first);
    return {
      data: {
        accounts: {
          pageInfo: { hasNextPage: rows.length > first, endCursor: (page.at(-1)?.id as string | undefined) ?? null },
          edges: page.map((row) => ({
            node: {
              id: row.id,
              name: row.name,
              contacts: {
                totalCount: row.contactCount,
                edges: (row.contacts as Row[]).map((node) => ({ node })),
              },
              health: row.health ?? null,
            },
          })),
        },
      },
    };
  }

  /**
   * B5a: one account scored now and explained, as a hand-written service would: the model from memory,
   * one statement for the account's signals and manual measures, Relata's pure scoring functions.
   */
  async accountHealth(body: Body): Promise<unknown> {
    const tenant = String(body.tenant);
    const model = this.healthModels.get(tenant);
    if (!model) {
      throw new Error(
        `No health model of tenant "${tenant}" was loaded at start; the raw endpoint loads the default model of ` +
          "every tenant that has one stored, so start it after the tenant's health was first computed.",
      );
    }
    const asOf = Date.now();
    const [row] = await this.read(ACCOUNT_HEALTH_INPUTS, {
      tenant,
      id: body.id,
      asOf: neo4j.int(asOf),
      earliest: neo4j.int(asOf - model.maxWindowMs),
      fields: model.fields,
      contacts: model.model.includeContacts,
      assets: model.model.includeAssets,
    });
    if (!row) return { data: { account: null } };
    const health = accountHealthAnswer(
      model,
      row.signals as HealthInputSignal[],
      row.measures as HealthInputMeasure[],
      asOf,
      Number(body.drivers ?? 5),
      body.maxDepth === undefined || body.maxDepth === null ? null : Number(body.maxDepth),
    );
    return { data: { account: { id: row.id, health } } };
  }

  async fieldsMeasuring(body: Body): Promise<unknown> {
    const tenant = String(body.tenant);
    const rows = await this.read(FIELDS_MEASURING, {
      tenant,
      scopes: [tenant, BUILT_IN_SCOPE],
      conceptId: body.conceptId,
    });
    return {
      data: {
        fieldsMeasuring: rows.map((row) => {
          const path = (row.path as string[]).map((id) => ({ id }));
          return {
            system: row.system,
            field: row.field,
            distance: row.distance,
            concept: path[0],
            path,
            mapping: { aggregation: parseJson(row.aggregation), source: sourceOf(row.scope) },
          };
        }),
      },
    };
  }

  async bridge(body: Body): Promise<unknown> {
    const tenant = String(body.tenant);
    const rows = await this.read(BRIDGE, {
      tenant,
      scopes: [tenant, BUILT_IN_SCOPE],
      system: body.system,
      field: body.field,
    });
    return {
      data: {
        bridge: rows.map((row) => {
          const m = row.mapping as Row;
          const labels = parseJson(row.labels) as { pref?: Record<string, string> } | null;
          return {
            mapping: {
              system: row.system,
              field: row.field,
              conceptId: row.conceptId,
              dataType: m.dataType,
              unit: m.unit ?? null,
              targetUnit: m.targetUnit ?? null,
              transform: parseJson(m.transform),
              polarity: m.polarity,
              normalization: parseJson(m.normalization),
              aggregation: parseJson(m.aggregation),
              weight: m.weight,
              predicate: m.predicate,
              author: m.author,
              justification: m.justification,
              confidence: m.confidence,
              date: m.date,
              source: sourceOf(row.scope),
              pack: m.pack ?? null,
            },
            concept: { id: row.conceptId, prefLabel: labels?.pref?.en ?? row.conceptId },
            paths: (row.paths as string[][]).map((ids) => ({ concepts: ids.map((id) => ({ id })) })),
          };
        }),
      },
    };
  }

  /** Writes the rows in one transaction, one UNWIND per subject label; reports what it created. */
  async ingestSignals(body: Body): Promise<unknown> {
    const tenant = String(body.tenant);
    const now = new Date().toISOString();
    const inputs = body.rows as SignalInput[];
    const byLabel = new Map<string, Row[]>();
    for (const [index, input] of inputs.entries()) {
      const label = SUBJECT_LABELS[input.subject.kind];
      const rows = byLabel.get(label) ?? [];
      rows.push({ ...signalRow(tenant, input, label), index });
      byLabel.set(label, rows);
    }
    // The same change events as Relata's ingest (issue 18: a fair comparison has the outbox on both
    // sides): one SIGNAL_CREATED per created signal with its fields and subject, appended with Relata's
    // outbox in the same transaction; a rerun creates nothing and appends nothing.
    const outbox = this.changeEvents ? new ChangeOutbox(tenant, "user:bench-raw") : null;
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      const created = await session.executeWrite(async (tx) => {
        let nodes = 0;
        let relationships = 0;
        const createdIndexes: number[] = [];
        for (const [label, rows] of byLabel) {
          const result = await tx.run(ingestSignalsAbout(label as "Account"), { tenant, rows, now });
          const updates = result.summary.counters.updates();
          nodes += updates.nodesCreated;
          relationships += updates.relationshipsCreated;
          for (const record of result.records) createdIndexes.push(Number(record.get("index")));
        }
        if (outbox !== null && createdIndexes.length > 0) {
          const changes = createdIndexes
            .sort((a, b) => a - b)
            .flatMap((index) => {
              const row = relataSignalRow(tenant, index, inputs[index]! as never);
              const change = upsertChange(
                "SIGNAL",
                {
                  id: row.id,
                  sourceSystem: row.sourceSystem,
                  externalId: row.externalId,
                  props: row.sent,
                  targetId: row.targetId!,
                },
                "CREATED",
                null,
                null,
              );
              return change === null ? [] : [change];
            });
          await outbox.append(
            async (query, params) =>
              (await tx.run(query.text, params)).records.map((r) => toPlain(r.toObject()) as Record<string, unknown>),
            now,
            changes,
          );
        }
        return { nodes, relationships };
      });
      return { data: { ingestSignals: { created: created.nodes, relationshipsCreated: created.relationships } } };
    } finally {
      await session.close();
    }
  }
}

function signalRow(tenant: string, input: SignalInput, label: "Account" | "Contact" | "Asset"): Row {
  const valueType =
    input.numberValue !== null && input.numberValue !== undefined
      ? "NUMBER"
      : input.booleanValue !== null && input.booleanValue !== undefined
        ? "BOOLEAN"
        : "STRING";
  return {
    id: nodeId("Signal", tenant, input.sourceSystem, input.recordId),
    subjectId: nodeId(label, tenant, input.subject.sourceSystem ?? input.sourceSystem, input.subject.externalId),
    sourceSystem: input.sourceSystem,
    recordId: input.recordId,
    props: {
      field: input.field,
      valueType,
      numberValue: input.numberValue ?? null,
      stringValue: input.stringValue ?? null,
      booleanValue: input.booleanValue ?? null,
      unit: input.unit ?? null,
      observedAt: neo4j.types.DateTime.fromStandardDate(new Date(input.observedAt)),
    },
  };
}

function parseJson(value: unknown): unknown {
  return typeof value === "string" ? (JSON.parse(value) as unknown) : null;
}

function sourceOf(scope: unknown): string {
  return scope === BUILT_IN_SCOPE ? "BUILT_IN" : "TENANT";
}

function readJson(req: IncomingMessage): Promise<Body> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      try {
        resolve(chunks.length === 0 ? {} : (JSON.parse(Buffer.concat(chunks).toString("utf8")) as Body));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

async function main(): Promise<void> {
  const database = requiredEnv("NEO4J_DATABASE");
  const counter = new CypherCounter();
  const driver = countingDriver(
    neo4j.driver(requiredEnv("NEO4J_URI"), neo4j.auth.basic(requiredEnv("NEO4J_USER"), requiredEnv("NEO4J_PASSWORD")), {
      disableLosslessIntegers: true,
    }),
    counter,
  );
  await driver.verifyConnectivity({ database });
  const changeEvents = !["0", "off", "false", "no"].includes((process.env.RELATA_CHANGE_EVENTS ?? "").toLowerCase());
  const endpoint = new RawEndpoint(driver, database, await loadRawHealthModels(driver, database), changeEvents);
  const routes: Record<string, (body: Body) => Promise<unknown>> = {
    "/f1": () => endpoint.returnOne(),
    "/b1": (body) => endpoint.accountById(body),
    "/b2": (body) => endpoint.customer360(body),
    "/b3": (body) => endpoint.accountsWithContacts(body),
    "/b4a": (body) => endpoint.fieldsMeasuring(body),
    "/b4b": (body) => endpoint.bridge(body),
    "/b5a": (body) => endpoint.accountHealth(body),
    "/b6": (body) => endpoint.ingestSignals(body),
  };
  const server = createServer((req, res) => {
    const route = routes[req.url ?? ""];
    if (!route) return send(res, 404, { error: `No route ${req.url ?? ""}` });
    readJson(req)
      .then(route)
      .then((answer) => send(res, 200, answer))
      .catch((error: unknown) => send(res, 500, { errors: [{ message: (error as Error).message }] }));
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.once("SIGTERM", () => {
    server.close();
    void driver.close().finally(() => process.exit(0));
  });
  announceReady((server.address() as AddressInfo).port, () => counter.statements);
}

main().catch((error: unknown) => {
  process.stderr.write(`raw endpoint failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});

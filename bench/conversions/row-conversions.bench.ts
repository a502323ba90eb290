import { GraphQLDateTimeISO } from "graphql-scalars";
import neo4j from "neo4j-driver";
import { toPlain } from "../../graph/neo4j-values";
import { toSignal } from "../../graph/signal/signal.repository";
import { toConnection } from "../../resolvers/common/connection";
import { DateTimeISOScalar } from "../../resolvers/common/date-time-iso.scalar";

/**
 * Per-row costs of turning a Neo4j answer into a GraphQL answer (issue 18, "fewer conversions"), on
 * 200 signal rows shaped as the driver hands them over for the Customer360 signal list: maps whose
 * integers are driver Integers and whose instants are epoch milliseconds. Each stage is timed alone over
 * many repetitions, in µs per row (median of rounds). Run: `npm run bench:conversions`.
 * Not measured here: the driver's own decoding of the Bolt stream (it happens before `toObject()`).
 */
const ROWS = 200;
const REPEAT = 200;
const ROUNDS = 7;

function driverRows(): Array<Record<string, unknown>> {
  const base = Date.UTC(2026, 9, 1);
  return Array.from({ length: ROWS }, (_, i) => ({
    index: neo4j.int(0),
    node: {
      id: `Signal:${i.toString(16).padStart(24, "0")}`,
      sourceSystem: "iot",
      externalId: `S-${i}`,
      field: i % 2 === 0 ? "uptime" : "errors",
      valueType: "NUMBER",
      numberValue: i * 1.5,
      stringValue: null,
      booleanValue: null,
      unit: "percent",
      observedAt: neo4j.int(base + i * 60_000),
      firstSeenAt: neo4j.int(base),
      lastUpdatedAt: neo4j.int(base),
      subjectKind: "ACCOUNT",
      subjectId: "Account:abc",
    },
    sortKey: [neo4j.int(base + i * 60_000), `Signal:${i}`],
  }));
}

function time(run: () => void): number {
  const rounds: number[] = [];
  for (let r = 0; r < ROUNDS; r += 1) {
    const started = process.hrtime.bigint();
    for (let k = 0; k < REPEAT; k += 1) run();
    rounds.push(Number(process.hrtime.bigint() - started) / 1000 / (REPEAT * ROWS));
  }
  return rounds.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)] as number;
}

function main(): void {
  const raw = driverRows();
  const plain = raw.map((row) => toPlain(row) as Record<string, unknown>);
  const signals = plain.map((row) => toSignal(row.node as Record<string, unknown>));
  const instants = signals.flatMap((s) => [s.observedAt, s.firstSeenAt, s.lastUpdatedAt]);
  const dates = instants.map((s) => new Date(s));
  const page = { items: signals.map((node) => ({ node, sortKey: [1, node.id] })), hasNextPage: true, totalCount: 9 };
  let sink = 0;
  const stages: Array<[string, () => void]> = [
    ["driver values to plain (toPlain)", () => void (sink += raw.map((row) => toPlain(row)).length)],
    [
      "row to domain object (toSignal, 3 instants to ISO)",
      () => void (sink += plain.map((r) => toSignal(r.node as Record<string, unknown>)).length),
    ],
    [
      "3 DateTimeISO serialisations of ISO strings",
      () => void (sink += instants.map((s) => GraphQLDateTimeISO.serialize(s)).length),
    ],
    [
      "3 DateTimeISO serialisations of ISO strings, Relata's scalar",
      () => void (sink += instants.map((s) => DateTimeISOScalar.serialize(s)).length),
    ],
    [
      "3 DateTimeISO serialisations of Date objects",
      () => void (sink += dates.map((d) => GraphQLDateTimeISO.serialize(d)).length),
    ],
    [
      "connection shaping (toConnection, lazy edges)",
      () => void (sink += toConnection(page, { tenant: "bench", list: "account.signals" }, "secret").edges.length),
    ],
  ];
  console.log(`| Stage (${ROWS} signal rows) | µs per row |\n| --- | ---: |`);
  for (const [label, run] of stages) console.log(`| ${label} | ${time(run).toFixed(2)} |`);
  if (sink < 0) console.log(sink);
}

main();

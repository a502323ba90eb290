/**
 * `npm run -s audit -- export [--out FILE]` and `npm run -s audit -- verify FILE [--keys FILE]`: an auditor's
 * copy of a tenant's audit trail, taken through the API (RELATA_URL, RELATA_TOKEN of an admin or analyst),
 * and its verification offline, without the server or the database (docs/audit.md).
 */
import { once } from "node:events";
import { createReadStream, createWriteStream, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { RelataApiError, RelataClient, relataClientOptionsFromEnv } from "../app/mcp/relata-client";
import { publicKeyFromPem } from "../domain/audit/audit-signature";
import { TrailLine, TrailVerification, TrailVerifier } from "../domain/audit/trail-export";
import { parseArgs, singleOption } from "./db/command-args";
import { CommandIo, PROCESS_IO, progressTo, UsageError } from "./db/command-io";

const USAGE = `Usage:
  npm run -s audit -- export [--out FILE] [--page N]
  npm run -s audit -- verify FILE [--keys KEYS]

export   Writes the tenant's whole audit trail as NDJSON (head with the published keys, the signed checkpoints,
         the records newest first, an end line) to FILE or stdout, through the API: set RELATA_URL (default
         http://localhost:4000/graphql) and RELATA_TOKEN (an admin's or analyst's token; the tenant is the
         token's). --page: records per request (default 500, the API's page limit).
verify   Checks an exported file offline: every record's hash, the links between them, the numbering from
         the newest down (to the genesis hash when the export reaches record 1), and every checkpoint's
         signature and hash. --keys: the audit public keys you trust, as saved from GET /v1/audit/public-key
         (JSON) or PEM; without it the keys in the file's head are used, which proves the file is intact but
         not who signed it.

Exit codes: 0 done (verify: intact); 1 failed (verify: problems found, listed); 2 bad arguments.`;

const RECORD_FIELDS = `seq at hash prevHash id kind actor accountIds userIds playbookId playbookVersion firingId payloadText`;

interface GraphRecord {
  seq: number;
  at: string;
  hash: string;
  prevHash: string;
  id: string;
  kind: string;
  actor: string;
  accountIds: string[];
  userIds: string[];
  playbookId: string | null;
  playbookVersion: number | null;
  firingId: string | null;
  payloadText: string;
}

interface GraphCheckpoint {
  seq: number;
  hash: string;
  at: string;
  keyId: string;
  signature: string;
}

async function write(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, "drain");
}

/** The trail as lines, fetched page by page: head, checkpoints ascending, records newest first, end. */
async function* exportTrail(client: RelataClient, page: number, say: (m: string) => void): AsyncGenerator<TrailLine> {
  const head = await client.request<{
    viewer: { tenant: string };
    auditSigningKeys: Array<{ keyId: string; publicKeyPem: string }>;
  }>(`query { viewer { tenant } auditSigningKeys { keyId publicKeyPem } }`);
  const tenant = head.viewer.tenant;
  yield { type: "head", tenant, exportedAt: new Date().toISOString(), keys: head.auditSigningKeys };
  let checkpoints = 0;
  const seen = new Set<string>();
  for (let from = 1; ;) {
    const { auditCheckpoints } = await client.request<{ auditCheckpoints: GraphCheckpoint[] }>(
      `query ($from: Int, $first: Int) { auditCheckpoints(from: $from, first: $first) { seq hash at keyId signature } }`,
      { from, first: page },
    );
    for (const c of auditCheckpoints) {
      const key = `${c.seq}/${c.keyId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      checkpoints += 1;
      // The key beside it is informational: a verifier trusts only keys it is given (or the head's).
      const publicKeyPem = head.auditSigningKeys.find((k) => k.keyId === c.keyId)?.publicKeyPem ?? "";
      yield { type: "checkpoint", tenant, ...c, publicKeyPem };
    }
    if (auditCheckpoints.length < page) break;
    // The next page starts at the last number (several keys may have signed it); repeats are skipped.
    const last = auditCheckpoints[auditCheckpoints.length - 1]!.seq;
    from = last === from ? last + 1 : last;
  }
  let records = 0;
  let after: string | null = null;
  for (;;) {
    const {
      auditTrail,
    }: {
      auditTrail: { edges: Array<{ node: GraphRecord }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    } = await client.request(
      `query ($first: Int, $after: String) { auditTrail(first: $first, after: $after) {
          edges { node { ${RECORD_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
      { first: page, after },
    );
    for (const { node } of auditTrail.edges) {
      records += 1;
      yield {
        type: "record",
        tenant,
        id: node.id,
        seq: node.seq,
        at: node.at,
        prevHash: node.prevHash,
        hash: node.hash,
        kind: node.kind as never,
        ...(node.playbookId === null ? {} : { playbookId: node.playbookId }),
        ...(node.playbookVersion === null ? {} : { playbookVersion: node.playbookVersion }),
        ...(node.firingId === null ? {} : { firingId: node.firingId }),
        accountIds: node.accountIds,
        userIds: node.userIds,
        actor: node.actor,
        payload: node.payloadText,
      };
    }
    if (records >= 10_000 && records % 10_000 < page) say(`exported ${records} records`);
    if (!auditTrail.pageInfo.hasNextPage || auditTrail.pageInfo.endCursor === null) break;
    after = auditTrail.pageInfo.endCursor;
  }
  yield { type: "end", records, checkpoints };
}

async function runExport(argv: readonly string[], env: NodeJS.ProcessEnv, io: CommandIo): Promise<number> {
  const args = parseArgs("export", argv, { flags: [], options: ["out", "page"] });
  if (args.positionals.length > 0)
    throw new UsageError(`\`export\` takes no arguments, but received "${args.positionals[0]}".`);
  const pageText = singleOption(args, "page") ?? "500";
  const page = Number(pageText);
  if (!Number.isInteger(page) || page < 1 || page > 10_000) {
    throw new UsageError(`--page must be a whole number from 1 to 10000; it is "${pageText}".`);
  }
  let client: RelataClient;
  try {
    // A page of records can take a while on a busy server: two minutes per request, not the MCP's 15 s.
    client = new RelataClient({ ...relataClientOptionsFromEnv(env), timeoutMs: 120_000 });
  } catch (error) {
    throw new UsageError((error as Error).message.replace("the MCP server acts", "the export reads the trail"));
  }
  const out = singleOption(args, "out") ?? null;
  const say = progressTo(io);
  const file = out === null ? null : createWriteStream(out);
  const sink: Writable | null = file ?? (io.stdout instanceof Writable ? io.stdout : null);
  let end: Extract<TrailLine, { type: "end" }> | null = null;
  try {
    for await (const line of exportTrail(client, page, say)) {
      const text = `${JSON.stringify(line)}\n`;
      if (sink !== null) await write(sink, text);
      else io.stdout.write(text);
      if (line.type === "end") end = line;
    }
  } finally {
    if (file !== null) {
      await new Promise<void>((resolve, reject) => file.end((e?: Error | null) => (e ? reject(e) : resolve())));
    }
  }
  say(
    `Exported ${end?.records ?? 0} audit records and ${end?.checkpoints ?? 0} checkpoints${out === null ? "" : ` to ${out}`}; ` +
      `check it with \`npm run -s audit -- verify ${out ?? "FILE"} --keys KEYS\`.`,
  );
  return 0;
}

/** The trusted keys of a --keys file: the JSON of GET /v1/audit/public-key, or one or more PEM public keys. */
export function readTrustedKeys(text: string, name: string): Map<string, string> {
  const pems: string[] = [];
  const trimmed = text.trim();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      throw new UsageError(`${name} is not valid JSON; save the answer of GET /v1/audit/public-key, or PEM keys.`);
    }
    const list = Array.isArray(parsed) ? parsed : (parsed as { keys?: unknown }).keys;
    if (!Array.isArray(list))
      throw new UsageError(`${name} has no "keys" list (the shape of GET /v1/audit/public-key).`);
    for (const [i, key] of list.entries()) {
      const pem = (key as { publicKeyPem?: unknown }).publicKeyPem;
      if (typeof pem !== "string") throw new UsageError(`${name}: key ${i} has no publicKeyPem.`);
      pems.push(pem);
    }
  } else {
    pems.push(...(trimmed.match(/-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g) ?? []));
  }
  if (pems.length === 0) throw new UsageError(`${name} holds no public key.`);
  const keys = new Map<string, string>();
  for (const [i, pem] of pems.entries()) {
    try {
      const key = publicKeyFromPem(pem);
      keys.set(key.keyId, key.publicKeyPem);
    } catch (error) {
      throw new UsageError(`${name}: key ${i} is not an Ed25519 public key (${(error as Error).message}).`);
    }
  }
  return keys;
}

export function describeVerification(result: TrailVerification, fileKeys: boolean): string {
  const range = result.from === null ? "no records" : `records ${result.from}–${result.to}`;
  const lines = [
    `${result.ok ? "Intact" : "NOT intact"}: tenant ${result.tenant ?? "?"}, ${result.records} records (${range}), ` +
      `${result.checkpoints} checkpoints, signed through record ${result.signedThrough ?? "none"}.`,
  ];
  if (result.from !== null && !result.fromGenesis) {
    lines.push(`The oldest record is ${result.from}, not 1: the chain's start was not checked.`);
  }
  if (fileKeys) {
    lines.push(
      "No --keys given: the signatures were checked against the keys in the file itself, which proves the file is " +
        "intact but not who signed it. Pass the keys the operator published with --keys.",
    );
  }
  for (const p of result.problems)
    lines.push(`  ${p.kind}${p.seq === null ? "" : ` at record ${p.seq}`} (line ${p.line}): ${p.message}`);
  return `${lines.join("\n")}\n`;
}

async function runVerify(argv: readonly string[], io: CommandIo): Promise<number> {
  const args = parseArgs("verify", argv, { flags: [], options: ["keys"] });
  if (args.positionals.length !== 1) throw new UsageError("`verify` takes one file: npm run -s audit -- verify FILE.");
  const file = args.positionals[0]!;
  const keysFile = singleOption(args, "keys");
  let trusted: Map<string, string> | null = null;
  if (keysFile !== undefined) {
    let text: string;
    try {
      text = readFileSync(keysFile, "utf8");
    } catch (error) {
      throw new UsageError(`Cannot read --keys ${keysFile}: ${(error as NodeJS.ErrnoException).code ?? "error"}.`);
    }
    trusted = readTrustedKeys(text, keysFile);
  }
  const verifier = new TrailVerifier(trusted);
  const say = progressTo(io);
  let count = 0;
  try {
    const lines = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity });
    for await (const line of lines) {
      verifier.line(line);
      count += 1;
      if (count % 100_000 === 0) say(`checked ${count} lines`);
    }
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  const result = verifier.finish();
  io.stdout.write(describeVerification(result, verifier.trustsFileKeys));
  return result.ok ? 0 : 1;
}

export async function runAuditCommand(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  io: CommandIo = PROCESS_IO,
): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === "export") return await runExport(rest, env, io);
    if (command === "verify") return await runVerify(rest, io);
    if (command === undefined || command === "help" || command === "--help") {
      io.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    throw new UsageError(`Unknown command "${command}": use export or verify.`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof RelataApiError) {
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

if (require.main === module) {
  void runAuditCommand(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
    setImmediate(() => process.exit(code));
  });
}

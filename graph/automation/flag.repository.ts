import { CypherExecutor, CypherQuery, PlainRow } from "../executor";
import { AutomationRun } from "./automation-run";

export type FlagTargetKind = "ACCOUNT" | "ASSET" | "BATCH";

/** A flag a playbook put on a record (an account, an asset, a production batch). */
export interface Flag {
  id: string;
  flag: string;
  note: string | null;
  targetKind: FlagTargetKind;
  /** The account's or asset's id, or the batch's code. */
  targetKey: string;
  firingId: string | null;
  playbookId: string | null;
  at: string;
}

const FLAG_FIELDS = `f { .id, .flag, .note, .targetKind, .targetKey, .firingId, .playbookId, .at } AS flag`;

/**
 * Flags the targets that exist (accounts and assets by id, batches by code), one `Flag` node each, linked
 * to its record by FLAGS; MERGE by id keeps a retried firing from flagging twice.
 */
const FLAG_TARGETS: CypherQuery = {
  name: "flags.create",
  text: `
UNWIND $targets AS target
OPTIONAL MATCH (account:Account {tenant: $tenant, id: target.key}) WHERE $kind = 'ACCOUNT'
OPTIONAL MATCH (asset:Asset {tenant: $tenant, id: target.key}) WHERE $kind = 'ASSET'
OPTIONAL MATCH (batch:Batch {tenant: $tenant, code: target.key}) WHERE $kind = 'BATCH'
WITH target, coalesce(account, asset, batch) AS node
WHERE node IS NOT NULL
MERGE (f:Flag {tenant: $tenant, id: target.id})
  ON CREATE SET f += $props, f.targetKind = $kind, f.targetKey = target.key, f.at = datetime($now)
MERGE (f)-[:FLAGS]->(node)
RETURN target.key AS key, f.id AS id`,
};

const FLAGS_OF_TARGETS: CypherQuery = {
  name: "flags.ofTargets",
  text: `
UNWIND $keys AS key
MATCH (f:Flag {tenant: $tenant, targetKind: $kind, targetKey: key})
WITH key, f ORDER BY f.at DESC, f.id DESC
RETURN key, ${FLAG_FIELDS}`,
};

function toFlag(row: PlainRow): Flag {
  const f = row.flag as Record<string, unknown>;
  const str = (key: string) => (typeof f[key] === "string" ? (f[key] as string) : null);
  return {
    id: String(f.id),
    flag: String(f.flag),
    note: str("note"),
    targetKind: String(f.targetKind) as FlagTargetKind,
    targetKey: String(f.targetKey),
    firingId: str("firingId"),
    playbookId: str("playbookId"),
    at: String(f.at),
  };
}

/** Reads the flags of records. */
export class FlagRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly tenant: string,
  ) {}

  /** The flags of each target, newest first, in one statement (the `flags` field loaders). */
  async ofTargets(kind: FlagTargetKind, keys: readonly string[]): Promise<Map<string, Flag[]>> {
    const rows = await this.executor.read(FLAGS_OF_TARGETS, { tenant: this.tenant, kind, keys: [...keys] });
    const out = new Map<string, Flag[]>();
    for (const row of rows) {
      const key = String(row.key);
      out.set(key, [...(out.get(key) ?? []), toFlag(row)]);
    }
    return out;
  }
}

/** Flag writes inside a transaction of the actions side. */
export class FlagWrites {
  constructor(
    private readonly run: AutomationRun,
    private readonly tenant: string,
  ) {}

  /** Flags the targets that exist; returns the flag ids by target key (missing targets are left out). */
  async flag(
    kind: FlagTargetKind,
    targets: ReadonlyArray<{ key: string; id: string }>,
    props: { flag: string; note: string | null; firingId: string | null; playbookId: string | null },
    now: string,
  ): Promise<Map<string, string>> {
    const rows = await this.run(FLAG_TARGETS, { tenant: this.tenant, kind, targets: [...targets], props, now });
    return new Map(rows.map((row) => [String(row.key), String(row.id)]));
  }
}

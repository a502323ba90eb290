import { sourceSystemId } from "../../domain/ids/global-id";
import { SourceSystem } from "../../domain/model";
import { SourceSystemKind } from "../../domain/records";
import { text } from "../common/row-mapping";
import { CypherExecutor, CypherQuery } from "../executor";

const ALL_SOURCE_SYSTEMS: CypherQuery = {
  name: "sourceSystem.all",
  text: `
MATCH (s:SourceSystem {tenant: $tenant})
RETURN s.key AS key, s.name AS name, s.kind AS kind
ORDER BY s.key`,
};

/** Reads the source systems a tenant has registered or mentioned in records. */
export class SourceSystemRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly tenant: string,
  ) {}

  async all(): Promise<SourceSystem[]> {
    const rows = await this.executor.read(ALL_SOURCE_SYSTEMS, { tenant: this.tenant });
    return rows.map((row) => toSourceSystem(row, this.tenant));
  }
}

/** A stored source system with its id for `tenant`. */
export function toSourceSystem(row: Record<string, unknown>, tenant: string): SourceSystem {
  return {
    id: sourceSystemId(tenant, text(row, "key")),
    key: text(row, "key"),
    name: text(row, "name"),
    kind: text(row, "kind") as SourceSystemKind,
  };
}

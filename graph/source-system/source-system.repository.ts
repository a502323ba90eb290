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
    return rows.map((row) => ({
      key: text(row, "key"),
      name: text(row, "name"),
      kind: text(row, "kind") as SourceSystemKind,
    }));
  }
}

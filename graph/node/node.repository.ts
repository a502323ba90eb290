import { GlobalIdRef, isSourceSystemIdOf } from "../../domain/ids/global-id";
import { IdentifiedKind, nodeId } from "../../domain/ids/node-id";
import {
  Account,
  Asset,
  Contact,
  Opportunity,
  Organization,
  Signal,
  SourceSystem,
  Team,
  User,
} from "../../domain/model";
import { toTeam, toUser } from "../people/people.repository";
import { toAccount } from "../account/account.repository";
import { toAsset } from "../asset/asset.repository";
import { ALL_PROPERTIES, PropertySelection } from "../../domain/selection/property-selection";
import { keyedNodeProjection, selectedNodeProjection } from "../common/node-projection";
import { toContact } from "../contact/contact.repository";
import { CypherExecutor, CypherQuery } from "../executor";
import { toOpportunity } from "../opportunity/opportunity.repository";
import { toOrganization } from "../organization/organization.repository";
import { toSignal } from "../signal/signal.repository";
import { toSourceSystem } from "../source-system/source-system.repository";
import {
  ACCOUNT_RECORD,
  ASSET_RECORD,
  CONTACT_RECORD,
  OPPORTUNITY_RECORD,
  ORGANIZATION_RECORD,
  SIGNAL_RECORD,
} from "../records/record-nodes";

/** A record read by its global id, tagged with its GraphQL type name (what `Node` resolves to). */
export type NodeRecord =
  | (Account & { __typename: "Account" })
  | (Contact & { __typename: "Contact" })
  | (Opportunity & { __typename: "Opportunity" })
  | (Asset & { __typename: "Asset" })
  | (Organization & { __typename: "Organization" })
  | (Signal & { __typename: "Signal" })
  | (SourceSystem & { __typename: "SourceSystem" })
  | (User & { __typename: "User" })
  | (Team & { __typename: "Team" });

/** The record kinds read by {@link NodeRepository.findByRefs}; concepts are read by the ontology repository. */
export type RecordRef = Exclude<GlobalIdRef, { kind: "Concept" }>;

/** Which properties a read by id returns per record kind; a kind not named reads every property. */
export type NodeSelections = Readonly<Partial<Record<RecordRef["kind"], PropertySelection>>>;

/** Projects a kind whose reads take every property, whatever is selected (users, teams). */
const everyProperty = () => keyedNodeProjection("n");

/** One branch per kind: the id's prefix names the label, so each ref costs one unique-index seek. */
const BRANCHES: ReadonlyArray<{
  kind: RecordRef["kind"];
  match: string;
  projection: (selection: PropertySelection) => string;
}> = [
  {
    kind: "Account",
    match: "(n:Account {id: ref.id})",
    projection: (selection) => selectedNodeProjection("n", selection, ACCOUNT_RECORD),
  },
  {
    kind: "Contact",
    match: "(n:Contact {id: ref.id})",
    projection: (selection) => selectedNodeProjection("n", selection, CONTACT_RECORD),
  },
  {
    kind: "Opportunity",
    match: "(n:Opportunity {id: ref.id})",
    projection: (selection) => selectedNodeProjection("n", selection, OPPORTUNITY_RECORD),
  },
  {
    kind: "Asset",
    match: "(n:Asset {id: ref.id})",
    projection: (selection) => selectedNodeProjection("n", selection, ASSET_RECORD),
  },
  {
    kind: "Organization",
    match: "(n:Organization {id: ref.id})",
    projection: (selection) => selectedNodeProjection("n", selection, ORGANIZATION_RECORD),
  },
  {
    kind: "Signal",
    match: "(n:Signal {id: ref.id})",
    projection: (selection) => selectedNodeProjection("n", selection, SIGNAL_RECORD),
  },
  { kind: "User", match: "(n:User {id: ref.id})", projection: everyProperty },
  { kind: "Team", match: "(n:Team {id: ref.id})", projection: everyProperty },
  { kind: "SourceSystem", match: "(n:SourceSystem {key: ref.key})", projection: () => "n {.key, .name, .kind}" },
];

/** Statement texts per set of kinds and selections; past this many, rarer shapes are rendered each time. */
const CACHED_TEXTS = 256;
const texts = new Map<string, CypherQuery>();

/**
 * Records of the kinds asked for by id, in one statement: one branch per kind present in the batch, each
 * projecting that kind's selection. Deleted records carry other labels and are not found, and every branch
 * is scoped by `$tenant`.
 */
function nodesByRefsQuery(kinds: ReadonlySet<RecordRef["kind"]>, selections: NodeSelections): CypherQuery {
  const branches = BRANCHES.filter((branch) => kinds.has(branch.kind));
  const key = branches.map((b) => `${b.kind}:${(selections[b.kind] ?? ALL_PROPERTIES).key}`).join(";");
  const known = texts.get(key);
  if (known !== undefined) return known;
  const query: CypherQuery = {
    name: "node.byIds",
    text: `
UNWIND $refs AS ref
CALL (ref) {
${branches
  .map(
    (b) => `  WITH ref WHERE ref.kind = '${b.kind}'
  MATCH ${b.match} WHERE n.tenant = $tenant
  RETURN '${b.kind}' AS kind, ${b.projection(selections[b.kind] ?? ALL_PROPERTIES)} AS node`,
  )
  .join("\n  UNION ALL\n")}
}
RETURN ref.index AS index, kind, node`,
  };
  if (texts.size < CACHED_TEXTS) texts.set(key, query);
  return query;
}

/** Reads records of one tenant by their global ids. */
export class NodeRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly tenant: string,
  ) {}

  /**
   * The ref of the record of `kind` keyed (sourceSystem, externalId) in this tenant. Ids are derived from
   * that key (domain/ids/node-id.ts), so the lookup is the same unique-index seek as a read by id.
   */
  refOfExternalId(kind: IdentifiedKind, sourceSystem: string, externalId: string): RecordRef {
    return { kind, id: nodeId(kind, this.tenant, sourceSystem, externalId) };
  }

  /**
   * The records for `refs`, aligned with them; null where the tenant has no such live record. With
   * `selections`, a kind named there holds values only in its selected properties (decision 0040).
   */
  async findByRefs(refs: readonly RecordRef[], selections: NodeSelections = {}): Promise<Array<NodeRecord | null>> {
    // A source-system id issued for another tenant names nothing here, even when this tenant has the key.
    const asked = refs
      .map((ref, index) => ({ index, kind: ref.kind, id: ref.id, key: "key" in ref ? ref.key : null, ref }))
      .filter(({ ref }) => ref.kind !== "SourceSystem" || isSourceSystemIdOf(this.tenant, ref))
      .map(({ ref: _ref, ...param }) => param);
    if (asked.length === 0) return refs.map(() => null);
    const kinds = new Set(asked.map((ref) => ref.kind));
    const rows = await this.executor.read(nodesByRefsQuery(kinds, selections), { tenant: this.tenant, refs: asked });
    const found: Array<NodeRecord | null> = refs.map(() => null);
    for (const row of rows)
      found[row.index as number] = this.toNode(String(row.kind), row.node as Record<string, unknown>);
    return found;
  }

  private toNode(kind: string, row: Record<string, unknown>): NodeRecord {
    switch (kind as NodeRecord["__typename"]) {
      case "Account":
        return { ...toAccount(row), __typename: "Account" };
      case "Contact":
        return { ...toContact(row), __typename: "Contact" };
      case "Opportunity":
        return { ...toOpportunity(row), __typename: "Opportunity" };
      case "Asset":
        return { ...toAsset(row), __typename: "Asset" };
      case "Organization":
        return { ...toOrganization(row), __typename: "Organization" };
      case "Signal":
        return { ...toSignal(row), __typename: "Signal" };
      case "User":
        return { ...toUser(row), __typename: "User" };
      case "Team":
        return { ...toTeam(row), __typename: "Team" };
      case "SourceSystem":
        return { ...toSourceSystem(row, this.tenant), __typename: "SourceSystem" };
      default:
        throw new Error(`node.byIds returned the unknown kind ${kind}`);
    }
  }
}

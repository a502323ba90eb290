import { LineageGraph } from "../../../domain/lineage/lineage-graph";
import { LineageProvider } from "../../../domain/lineage/lineage-provider";
import { LineageTarget } from "../../../domain/lineage/lineage-target";
import { HealthValueLineage, isAccountId } from "./health-value-lineage";

/** Concept ids are pack-qualified ("core:satisfaction"). */
const CONCEPT_ID = /^[^\s:]+:\S+$/;

/** Lineage of a concept's value on an account, as the health model computes it: an account id and a concept id. */
export class ConceptValueLineageProvider implements LineageProvider {
  readonly kind = "CONCEPT_VALUE";
  readonly describes =
    'an account id with a concept id as field ("core:satisfaction": the concept\'s value on the account)';

  constructor(private readonly values: HealthValueLineage) {}

  claims(target: LineageTarget): boolean {
    return isAccountId(target.id) && target.field !== null && CONCEPT_ID.test(target.field);
  }

  lineage(target: LineageTarget): Promise<LineageGraph | null> {
    return this.values.graph(target, target.field);
  }
}

import { LineageGraph } from "../../../domain/lineage/lineage-graph";
import { LineageProvider } from "../../../domain/lineage/lineage-provider";
import { LineageTarget } from "../../../domain/lineage/lineage-target";
import { HealthValueLineage, isAccountId } from "./health-value-lineage";

/** Lineage of an account's health score: an account id, with no field or the field "health". */
export class HealthScoreLineageProvider implements LineageProvider {
  readonly kind = "HEALTH_SCORE";
  readonly describes =
    'an account id ("acc_…") with no field or field "health" (its health score; modelId picks the model)';

  constructor(private readonly values: HealthValueLineage) {}

  claims(target: LineageTarget): boolean {
    return isAccountId(target.id) && (target.field === null || target.field === "health");
  }

  lineage(target: LineageTarget): Promise<LineageGraph | null> {
    return this.values.graph(target, null);
  }
}

import { fieldValue } from "../../../domain/identity/compare-identities";
import { IdentityField, SurvivorshipRule } from "../../../domain/identity/identity-model";
import { NormalisedIdentity } from "../../../domain/identity/normalise-identity";
import { isResolvedId } from "../../../domain/identity-graph/identity-ids";
import { goldenFieldLineage } from "../../../domain/lineage/golden-field-lineage";
import { LineageGraph } from "../../../domain/lineage/lineage-graph";
import { LineageError } from "../../../domain/lineage/lineage.errors";
import { LineageProvider } from "../../../domain/lineage/lineage-provider";
import { LineageTarget } from "../../../domain/lineage/lineage-target";
import { IdentityError } from "../../identity/identity.errors";
import { IdentityService } from "../../identity/identity.service";

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * Lineage of a golden-record field of a resolved customer (a person "per_…", an organization "rorg_…" or an
 * account): the identity and channel the value survived from, and the survivorship rule that chose it.
 */
export class GoldenFieldLineageProvider implements LineageProvider {
  readonly kind = "GOLDEN_FIELD";
  readonly describes =
    'a resolved customer id ("per_…", "rorg_…" or "acc_…") with a golden-record field ("fullName", "emails", …)';

  constructor(private readonly identity: IdentityService) {}

  claims(target: LineageTarget): boolean {
    return (
      isResolvedId(target.id) && target.field !== null && target.field !== "health" && FIELD_NAME.test(target.field)
    );
  }

  async lineage(target: LineageTarget): Promise<LineageGraph | null> {
    const field = target.field!;
    let customer;
    try {
      customer = await this.identity.resolvedCustomer(target.id);
    } catch (error) {
      if (error instanceof IdentityError && error.code === "RESOLVED_CUSTOMER_NOT_FOUND") return null;
      throw error;
    }
    const golden = customer.golden.find((f) => f.field === field);
    if (golden === undefined) {
      throw new LineageError(
        "LINEAGE_TARGET_NOT_FOUND",
        `resolved customer ${target.id} has no golden value for "${field.slice(0, 60)}"; its golden record has ` +
          `${customer.golden.map((f) => f.field).join(", ") || "no fields"}.`,
      );
    }
    const model = await this.identity.model(customer.entity);
    const rules = ((model.spec as { survivorship?: SurvivorshipRule[] }).survivorship ?? []) as SurvivorshipRule[];
    const rule = rules.find((r) => r.field === field);
    const graph = goldenFieldLineage({
      customer: { id: customer.id, kind: customer.kind, entity: customer.entity },
      field,
      golden: { value: golden.value, identityId: golden.identityId, channel: golden.channel, rule: golden.rule },
      rule: rule
        ? { strategy: rule.strategy, trustedChannels: rule.trustedChannels ?? null }
        : { strategy: golden.rule },
      modelVersion: customer.modelVersion,
      members: customer.identities.map((identity) => ({
        identityId: identity.id,
        channel: identity.channel,
        externalId: identity.externalId,
        observedAt: identity.observedAt,
        value: fieldValue(
          { ...(identity.normalised as NormalisedIdentity), id: identity.id, observedAt: identity.observedAt },
          field as IdentityField,
        ),
      })),
      maxNodes: target.maxNodes,
    });
    if (target.at !== null) {
      graph.notes.push("Golden records are computed when read: this is the value now; `at` does not apply to them.");
    }
    return graph;
  }
}

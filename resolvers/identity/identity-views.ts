import { StoredIdentity, StoredLink, StoredReviewPair, StoredRun } from "../../domain/identity-graph/stored-identity";
import { ResolvedCustomerView as ResolvedCustomer } from "../../services/identity/identity.service";
import {
  IdentityLinkView,
  IdentityReviewPairView,
  IdentityRunView,
  IdentityView,
  ResolvedCustomerView,
} from "./identity.type";

export function toIdentityView(identity: StoredIdentity): IdentityView {
  return {
    id: identity.id,
    entity: identity.entity,
    channel: identity.channel,
    externalId: identity.externalId,
    attributes: identity.attributes as IdentityView["attributes"],
    normalised: identity.normalised,
    observedAt: identity.observedAt,
    firstSeenAt: identity.firstSeenAt,
    lastUpdatedAt: identity.lastUpdatedAt,
    resolvedCustomerId: identity.resolvedId,
    resolvedCustomerKind: identity.resolvedKind,
    recordId: identity.recordId,
  };
}

export const toLinkView = (link: StoredLink): IdentityLinkView => ({ ...link });

export function toResolvedCustomerView(customer: ResolvedCustomer): ResolvedCustomerView {
  return {
    id: customer.id,
    kind: customer.kind,
    entity: customer.entity,
    createdAt: customer.createdAt,
    identities: customer.identities.map(toIdentityView),
    links: customer.links.map(toLinkView),
    goldenRecord: customer.golden.map((g) => ({ ...g })),
    accountIds: customer.accountIds,
    modelVersion: customer.modelVersion,
  };
}

export const toRunView = (run: StoredRun): IdentityRunView => ({ ...run });

export const toReviewPairView = (pair: StoredReviewPair): IdentityReviewPairView => ({
  aId: pair.a,
  bId: pair.b,
  fields: pair.fields,
  totalWeight: pair.totalWeight,
  probability: pair.probability,
  modelVersion: pair.modelVersion,
  at: pair.at,
});

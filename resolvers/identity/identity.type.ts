import { GraphQLJSON } from "graphql-scalars";
import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { IDENTITY_ENTITIES } from "../../domain/identity/identity";
import { enumOf } from "../common/enums";

export const IdentityEntityEnum = enumOf(IDENTITY_ENTITIES);
registerEnumType(IdentityEntityEnum, {
  name: "IdentityEntity",
  description: "What a channel identity stands for: a person (buyer, contact, patient) or an organization.",
});
export const IdentityRunModeEnum = enumOf(["INCREMENTAL", "FULL"] as const);
registerEnumType(IdentityRunModeEnum, {
  name: "IdentityRunMode",
  description:
    "INCREMENTAL: resolve the identities no resolved customer holds yet against existing clusters, in the request. " +
    "FULL: re-resolve every identity of the entity in the background (resumable).",
});
export const IdentityRunStatusEnum = enumOf(["RUNNING", "SUCCEEDED", "FAILED"] as const);
registerEnumType(IdentityRunStatusEnum, { name: "IdentityRunStatus" });
export const IdentityDecisionEnum = enumOf(["SAME", "DIFFERENT"] as const);
registerEnumType(IdentityDecisionEnum, {
  name: "IdentityDecision",
  description: "A person's decision about a pair: later runs keep SAME pairs together (must-link) and DIFFERENT apart.",
});
export const IdentityDecidedByEnum = enumOf(["RULE", "MODEL", "PERSON"] as const);
registerEnumType(IdentityDecidedByEnum, { name: "IdentityDecidedBy" });
export const ResolvedCustomerKindEnum = enumOf(["PERSON", "ACCOUNT", "ORGANIZATION"] as const);
registerEnumType(ResolvedCustomerKindEnum, {
  name: "ResolvedCustomerKind",
  description:
    "PERSON: a resolved human. ACCOUNT: an existing account. ORGANIZATION: an organization known only from channels.",
});

@ObjectType("PostalAddress", { simpleResolvers: true })
export class PostalAddressView {
  @Field(() => [String], { nullable: true })
  lines?: string[] | null;
  @Field(() => String, { nullable: true })
  locality?: string | null;
  @Field(() => String, { nullable: true })
  region?: string | null;
  @Field(() => String, { nullable: true })
  postcode?: string | null;
  @Field(() => String, { nullable: true })
  country?: string | null;
}

@ObjectType("IdentityAttributes", { simpleResolvers: true, description: "The attributes as the channel sent them." })
export class IdentityAttributesView {
  @Field(() => String, { nullable: true })
  givenName?: string | null;
  @Field(() => String, { nullable: true })
  familyName?: string | null;
  @Field(() => String, { nullable: true })
  fullName?: string | null;
  @Field(() => [String], { nullable: true })
  emails?: string[] | null;
  @Field(() => [String], { nullable: true })
  phones?: string[] | null;
  @Field(() => PostalAddressView, { nullable: true })
  address?: PostalAddressView | null;
  @Field(() => String, { nullable: true })
  dateOfBirth?: string | null;
  @Field(() => String, { nullable: true })
  nationalId?: string | null;
  @Field(() => String, { nullable: true })
  taxId?: string | null;
  @Field(() => String, { nullable: true })
  companyName?: string | null;
  @Field(() => String, { nullable: true })
  domain?: string | null;
  @Field(() => [String], { nullable: true })
  deviceIds?: string[] | null;
  @Field(() => [String], { nullable: true })
  verifiedEmails?: string[] | null;
  @Field(() => [String], { nullable: true })
  verifiedPhones?: string[] | null;
}

@ObjectType("Identity", {
  simpleResolvers: true,
  description: "One record a channel knows about a person or an organization, with its provenance.",
})
export class IdentityView {
  @Field(() => ID)
  id!: string;
  @Field(() => IdentityEntityEnum)
  entity!: string;
  @Field({ description: "The channel or source system (its provenance)." })
  channel!: string;
  @Field()
  externalId!: string;
  @Field(() => IdentityAttributesView)
  attributes!: IdentityAttributesView;
  @Field(() => GraphQLJSON, { nullable: true, description: "The normalised form the matcher compares." })
  normalised!: unknown;
  @Field(() => String, { nullable: true })
  observedAt!: string | null;
  @Field()
  firstSeenAt!: string;
  @Field()
  lastUpdatedAt!: string;
  @Field(() => ID, { nullable: true, description: "The resolved customer it is a member of (null until resolved)." })
  resolvedCustomerId!: string | null;
  @Field(() => ResolvedCustomerKindEnum, { nullable: true })
  resolvedCustomerKind!: string | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'For identities enrolled from the CRM: the contact ("crm-contact") or account ("crm-account") it stands for.',
  })
  recordId!: string | null;
}

@ObjectType("IdentityLinkField", { simpleResolvers: true, description: "One field's comparison in a link's evidence." })
export class IdentityLinkFieldView {
  @Field()
  field!: string;
  @Field({ description: 'The comparison level reached, e.g. "exact", "jaro-winkler >= 0.92", "different", "missing".' })
  level!: string;
  @Field(() => Int, { description: "The level's index (0 = best, -1 = a side had no value): the comparison vector." })
  levelIndex!: number;
  @Field(() => Float, { description: "The partial match weight the level contributed (log2 of m/u)." })
  weight!: number;
}

@ObjectType("IdentityLink", { simpleResolvers: true, description: "Why two identities are one customer." })
export class IdentityLinkView {
  @Field(() => ID)
  a!: string;
  @Field(() => ID)
  b!: string;
  @Field(() => [IdentityLinkFieldView], { description: "The comparison vector with each field's partial weight." })
  fields!: IdentityLinkFieldView[];
  @Field(() => Float, { nullable: true, description: "The sum of the partial weights (Fellegi–Sunter)." })
  totalWeight!: number | null;
  @Field(() => Float, { nullable: true, description: "The match probability." })
  probability!: number | null;
  @Field(() => Int, { nullable: true, description: "The identity model version that decided (null for people)." })
  modelVersion!: number | null;
  @Field(() => IdentityDecidedByEnum)
  decidedBy!: string;
  @Field(() => String, {
    nullable: true,
    description: "The deterministic rule that linked the pair, or the person's reason.",
  })
  rule!: string | null;
  @Field()
  at!: string;
  @Field(() => ID, { nullable: true })
  runId!: string | null;
  @Field(() => String, { nullable: true, description: "Who decided, for PERSON links." })
  actor!: string | null;
}

@ObjectType("GoldenRecordField", {
  simpleResolvers: true,
  description: "One field of a golden record: its value, the identity it came from and the survivorship rule.",
})
export class GoldenRecordFieldView {
  @Field()
  field!: string;
  @Field(() => GraphQLJSON, { nullable: true })
  value!: unknown;
  @Field(() => ID)
  identityId!: string;
  @Field()
  channel!: string;
  @Field({ description: 'e.g. "MOST_TRUSTED_SOURCE", "MOST_RECENT", "MOST_FREQUENT", "LONGEST".' })
  rule!: string;
}

@ObjectType("ResolvedCustomer", {
  simpleResolvers: true,
  description:
    "One customer resolved from many channel identities: a person, an account or a channel-only organization.",
})
export class ResolvedCustomerView {
  @Field(() => ID)
  id!: string;
  @Field(() => ResolvedCustomerKindEnum)
  kind!: string;
  @Field(() => IdentityEntityEnum)
  entity!: string;
  @Field(() => String, { nullable: true })
  createdAt!: string | null;
  @Field(() => [IdentityView])
  identities!: IdentityView[];
  @Field(() => [IdentityLinkView], { description: "The links among its identities, with evidence." })
  links!: IdentityLinkView[];
  @Field(() => [GoldenRecordFieldView])
  goldenRecord!: GoldenRecordFieldView[];
  @Field(() => [ID], {
    description: "The accounts it relates to: itself for an account; for a person, the accounts its contacts work at.",
  })
  accountIds!: string[];
  @Field(() => Int, { description: "The identity model version the golden record was built with." })
  modelVersion!: number;
}

@ObjectType("IdentityRun", { simpleResolvers: true, description: "A resolution run and its progress." })
export class IdentityRunView {
  @Field(() => ID)
  id!: string;
  @Field(() => IdentityEntityEnum)
  entity!: string;
  @Field(() => IdentityRunModeEnum)
  mode!: string;
  @Field(() => IdentityRunStatusEnum)
  status!: string;
  @Field()
  startedAt!: string;
  @Field()
  updatedAt!: string;
  @Field(() => String, { nullable: true })
  finishedAt!: string | null;
  @Field(() => Int, { description: "Identities the run considers." })
  total!: number;
  @Field(() => Int, { description: "Chunks of clusters written so far (a resumed run continues after them)." })
  checkpoint!: number;
  @Field(() => Int)
  clusters!: number;
  @Field(() => Int)
  links!: number;
  @Field(() => Int)
  reviewPairs!: number;
  @Field(() => Int, { nullable: true })
  modelVersion!: number | null;
  @Field(() => String, { nullable: true })
  error!: string | null;
  @Field(() => Int, { description: "How often the run was taken over after an interruption." })
  resumes!: number;
}

@ObjectType("IdentityReviewPair", { description: "A pair the model is unsure about (between the two thresholds)." })
export class IdentityReviewPairView {
  @Field(() => ID)
  aId!: string;
  @Field(() => ID)
  bId!: string;
  @Field(() => [IdentityLinkFieldView])
  fields!: IdentityLinkFieldView[];
  @Field(() => Float, { nullable: true })
  totalWeight!: number | null;
  @Field(() => Float)
  probability!: number;
  @Field(() => Int, { nullable: true })
  modelVersion!: number | null;
  @Field()
  at!: string;
}

@ObjectType("IdentityReviewPage", { simpleResolvers: true })
export class IdentityReviewPageView {
  @Field(() => [IdentityReviewPairView])
  pairs!: IdentityReviewPairView[];
  @Field(() => String, { nullable: true })
  endCursor!: string | null;
  @Field()
  hasNextPage!: boolean;
}

@ObjectType("IdentityDecisionResult", {
  simpleResolvers: true,
  description: "What a merge, split or pair decision did.",
})
export class IdentityDecisionResultView {
  @Field(() => Int, { description: "Identities whose resolved customer changed." })
  moved!: number;
  @Field(() => [ResolvedCustomerView], { description: "The resolved customers afterwards, the one asked about first." })
  resolvedCustomers!: ResolvedCustomerView[];
}

@ObjectType("IdentityModel", { simpleResolvers: true, description: "An entity's identity model, versioned as data." })
export class IdentityModelView {
  @Field(() => IdentityEntityEnum)
  entity!: string;
  @Field(() => Int, { description: "0 for the built-in default." })
  version!: number;
  @Field(() => GraphQLJSON, { description: "Blocking rules, comparisons, m/u, thresholds and survivorship." })
  spec!: unknown;
  @Field(() => String, { nullable: true })
  createdAt!: string | null;
  @Field(() => String, { nullable: true })
  createdBy!: string | null;
  @Field(() => String, { nullable: true })
  note!: string | null;
  @Field()
  isDefault!: boolean;
}

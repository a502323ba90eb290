import { Field, InputType } from "type-graphql";

@InputType({
  description: "A postal address as the channel has it; normalised (abbreviations, case, width) before comparing.",
})
export class PostalAddressInput {
  @Field(() => [String], { nullable: true, description: "Street lines, in the channel's order (at most 5)." })
  lines?: string[] | null;

  @Field(() => String, { nullable: true })
  locality?: string | null;

  @Field(() => String, { nullable: true })
  region?: string | null;

  @Field(() => String, { nullable: true })
  postcode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "ISO 3166-1 alpha-2; also the default region of phones without a country code.",
  })
  country?: string | null;
}

@InputType({ description: "Whatever the channel knows; every field optional. Lists hold at most 20 entries." })
export class IdentityAttributesInput {
  @Field(() => String, { nullable: true })
  givenName?: string | null;

  @Field(() => String, { nullable: true })
  familyName?: string | null;

  @Field(() => String, { nullable: true, description: "A full name, when the channel does not split it." })
  fullName?: string | null;

  @Field(() => [String], { nullable: true })
  emails?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: "In any format; stored as E.164. An invalid phone rejects the record.",
  })
  phones?: string[] | null;

  @Field(() => PostalAddressInput, { nullable: true })
  address?: PostalAddressInput | null;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD." })
  dateOfBirth?: string | null;

  @Field(() => String, { nullable: true })
  nationalId?: string | null;

  @Field(() => String, { nullable: true })
  taxId?: string | null;

  @Field(() => String, { nullable: true })
  companyName?: string | null;

  @Field(() => String, { nullable: true, description: 'A web domain such as "example.com".' })
  domain?: string | null;

  @Field(() => [String], { nullable: true, description: "Device or cookie ids." })
  deviceIds?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: "The emails (of `emails`) the channel verified: only verified ones link by rule.",
  })
  verifiedEmails?: string[] | null;

  @Field(() => [String], { nullable: true, description: "The phones (of `phones`) the channel verified." })
  verifiedPhones?: string[] | null;
}

@InputType({
  description:
    "One record a channel knows about a person or an organization. entity, channel and externalId are " +
    "required; they are nullable here so that a record missing one is rejected on its own, not the whole batch.",
})
export class IdentityInput {
  @Field(() => String, { nullable: true, description: "PERSON or ORGANIZATION." })
  entity?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The channel or source system, e.g. "tmall", "amazon-de", "webshop", "call-center".',
  })
  channel?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The channel's id for the record; (channel, externalId) is the identity's key in the tenant.",
  })
  externalId?: string | null;

  @Field(() => IdentityAttributesInput, { nullable: true })
  attributes?: IdentityAttributesInput | null;

  @Field(() => String, {
    nullable: true,
    description: 'When the channel last saw these attributes (ISO 8601); survivorship "most recent" uses it.',
  })
  observedAt?: string | null;
}

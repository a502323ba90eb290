import { Field, ID, InputType, registerEnumType } from "type-graphql";
import { CONSENT_CHANNELS, CONSENT_PURPOSES, LEGAL_BASES } from "../../domain/personal-data/consent";
import { enumOf } from "../common/enums";

export const ConsentPurposeEnum = enumOf(CONSENT_PURPOSES);
registerEnumType(ConsentPurposeEnum, {
  name: "ConsentPurpose",
  description: "A purpose of processing a person's data; actions and exports that need one check it.",
  valuesConfig: {
    MARKETING: { description: "Contacting the person about offers; intent signals about them (RAISE_INTENT_SIGNAL)." },
    ANALYTICS: { description: "Their data in aggregate analysis and analytical exports." },
    AUTOMATION: { description: "Automated decisions their data triggers (CREATE_TASK, OPEN_REVIEW)." },
    DATA_SHARING: { description: "Handing their data to a third party (CALL_WEBHOOK)." },
  },
});
export const LegalBasisEnum = enumOf(LEGAL_BASES);
registerEnumType(LegalBasisEnum, {
  name: "LegalBasis",
  description: "The lawful basis: GDPR art. 6(1) (a)–(f), or the additional PIPL art. 13 bases (prefixed PIPL_).",
});
export const ConsentChannelEnum = enumOf(CONSENT_CHANNELS);
registerEnumType(ConsentChannelEnum, { name: "ConsentChannel", description: "How the consent was given or recorded." });

@InputType({ description: "A channel identity, by its channel and the channel's id." })
export class ConsentIdentityRefInput {
  @Field()
  channel!: string;

  @Field()
  externalId!: string;
}

@InputType({
  description:
    "One consent record, keyed by (sourceSystem, externalId): sending it again unchanged is UNCHANGED, changed " +
    "(e.g. withdrawnAt set) is UPDATED and appends a version. Name the person exactly once: personId, contactId " +
    "(a contact resolved to a person) or identity.",
})
export class ConsentInput {
  @Field({
    description: "The system the consent comes from (consent platform, web shop, CRM); at most 200 characters.",
  })
  sourceSystem!: string;

  @Field({ description: "The consent record's id in that system; at most 200 characters." })
  externalId!: string;

  @Field(() => ID, { nullable: true })
  personId?: string | null;

  @Field(() => ID, { nullable: true })
  contactId?: string | null;

  @Field(() => ConsentIdentityRefInput, { nullable: true })
  identity?: ConsentIdentityRefInput | null;

  @Field(() => ConsentPurposeEnum)
  purpose!: string;

  @Field(() => LegalBasisEnum)
  legalBasis!: string;

  @Field(() => ConsentChannelEnum)
  channel!: string;

  @Field(() => String, {
    nullable: true,
    description: "What the person agreed to, as shown to them (at most 2,000 characters). CONSENT needs text or URL.",
  })
  evidenceText?: string | null;

  @Field(() => String, { nullable: true, description: "Where the proof is kept (an http(s) URL)." })
  evidenceUrl?: string | null;

  @Field({ description: "ISO-8601 instant with a zone." })
  grantedAt!: string;

  @Field(() => String, { nullable: true, description: "When it was withdrawn; from then on it is not valid." })
  withdrawnAt?: string | null;

  @Field(() => String, { nullable: true, description: "When it lapses by itself." })
  expiresAt?: string | null;
}

import { Field, Float, ID, InputType, registerEnumType } from "type-graphql";
import { BENEFIT_KINDS, DATA_CATEGORIES, DATA_PURPOSES, FORMULA_KINDS } from "../../domain/contracts/contract-terms";
import { ContractDefinitionInput } from "../../domain/contracts/validate-contract";
import { enumOf } from "../common/enums";

export const DataCategoryEnum = enumOf(DATA_CATEGORIES);
registerEnumType(DataCategoryEnum, {
  name: "DataCategory",
  description: "A kind of customer data a value contract can grant.",
  valuesConfig: {
    USAGE: { description: "How the customer uses the product (features, sessions, volumes)." },
    TELEMETRY: { description: "Machine and device data (IoT readings, battery health, error codes)." },
    SUPPORT: { description: "Tickets, calls and satisfaction scores." },
    COMMERCIAL: { description: "Orders, renewals, prices and payment behaviour." },
  },
});
export const DataPurposeEnum = enumOf(DATA_PURPOSES);
registerEnumType(DataPurposeEnum, { name: "DataPurpose", description: "What granted data may be used for." });
export const BenefitKindEnum = enumOf(BENEFIT_KINDS);
registerEnumType(BenefitKindEnum, {
  name: "BenefitKind",
  valuesConfig: {
    DISCOUNT_PERCENT: { description: "A subscription discount in percent (0 to 100, two decimals)." },
    API_QUOTA: { description: "A monthly API call quota (whole calls)." },
  },
});
export const FormulaKindEnum = enumOf(FORMULA_KINDS);
registerEnumType(FormulaKindEnum, {
  name: "BenefitFormulaKind",
  valuesConfig: {
    LINEAR: { description: "base + rate × units, at most cap." },
    TIERED: {
      description: "base + each tier's rate × the units within it (marginal, like tax brackets), at most cap.",
    },
  },
});

@InputType({
  description: "One tier of a TIERED formula: rate per unit from fromUnits up to the next tier's fromUnits.",
})
export class FormulaTierInput {
  @Field(() => Float)
  fromUnits!: number;

  @Field(() => Float)
  rate!: number;
}

@InputType({
  description:
    "A declarative benefit formula (data, never code). LINEAR takes base, rate and cap; TIERED takes base, tiers " +
    "and cap. For DISCOUNT_PERCENT, base and cap are at most 100.",
})
export class BenefitFormulaInput {
  @Field(() => FormulaKindEnum)
  kind!: string;

  @Field(() => Float, { nullable: true, description: "Given even with no units; 0 when left out." })
  base?: number | null;

  @Field(() => Float, { nullable: true, description: "LINEAR: benefit per unit used." })
  rate?: number | null;

  @Field(() => Float, { nullable: true, description: "The most the benefit can reach; none when left out." })
  cap?: number | null;

  @Field(() => [FormulaTierInput], { nullable: true, description: "TIERED: the tiers, the first from 0, ascending." })
  tiers?: FormulaTierInput[] | null;
}

@InputType({ description: "What the tenant gives back per month." })
export class ContractBenefitInput {
  @Field(() => BenefitKindEnum)
  kind!: string;

  @Field(() => BenefitFormulaInput)
  formula!: BenefitFormulaInput;
}

@InputType({ description: "What the customer grants: categories and purposes, anonymised or not, from when to when." })
export class ContractGrantInput {
  @Field(() => [DataCategoryEnum])
  categories!: string[];

  @Field(() => [DataPurposeEnum])
  purposes!: string[];

  @Field({ description: "True: only anonymised data may be processed under the contract." })
  anonymisedOnly!: boolean;

  @Field(() => Date)
  startsAt!: Date;

  @Field(() => Date, { nullable: true, description: "Exclusive; none: until revoked." })
  endsAt?: Date | null;
}

@InputType({ description: "A value contract between your tenant and one customer account (docs/value-contracts.md)." })
export class ValueContractInput {
  @Field(() => ID, { description: "The customer account's id." })
  accountId!: string;

  @Field(() => String, {
    nullable: true,
    description: "A short name for people (no personal data: it is kept forever).",
  })
  title?: string | null;

  @Field(() => ContractGrantInput)
  grant!: ContractGrantInput;

  @Field(() => ContractBenefitInput)
  benefit!: ContractBenefitInput;
}

/** The input as the domain's validator takes it (plain objects, no class instances). */
export function plainContractInput(input: ValueContractInput): ContractDefinitionInput {
  const f = input.benefit?.formula;
  return {
    accountId: input.accountId,
    title: input.title ?? null,
    grant: input.grant && {
      categories: input.grant.categories,
      purposes: input.grant.purposes,
      anonymisedOnly: input.grant.anonymisedOnly,
      startsAt: input.grant.startsAt,
      endsAt: input.grant.endsAt ?? null,
    },
    benefit: input.benefit && {
      kind: input.benefit.kind,
      formula: f && {
        kind: f.kind,
        base: f.base ?? null,
        rate: f.rate ?? null,
        cap: f.cap ?? null,
        tiers: f.tiers ? f.tiers.map((t) => ({ fromUnits: t.fromUnits, rate: t.rate })) : null,
      },
    },
    period: "MONTH",
  };
}

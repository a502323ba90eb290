import { Field, Float, InputType, Int, registerEnumType } from "type-graphql";
import { CALIBRATION_DEFAULTS } from "../../services/health/health-calibration";

export const CalibrationPolarityEnum = { KEEP: "KEEP", FOLLOW_DATA: "FOLLOW_DATA" } as const;
registerEnumType(CalibrationPolarityEnum, {
  name: "CalibrationPolarity",
  description: "What calibration does with a concept whose higher values went with the bad outcome.",
  valuesConfig: {
    KEEP: { description: "Keep the polarity the model version reads it with; it gets weight 0." },
    FOLLOW_DATA: {
      description:
        "Read it reversed (1 − value) with the weight its effect earns; its explanation says the model version " +
        "reversed its declared polarity, learned from outcomes.",
    },
  },
});

@InputType({ description: "Which outcomes count as bad, and how long before the outcome the features are read." })
export class CalibrationOutcomeInput {
  @Field(() => [String], { defaultValue: [...CALIBRATION_DEFAULTS.badLabels] })
  badLabels!: string[];

  @Field(() => Int, {
    defaultValue: CALIBRATION_DEFAULTS.horizonDays,
    description: "Features are read this many days before each outcome (0 to 3650).",
  })
  horizonDays!: number;
}

@InputType({ description: "How the regression is fitted and cross-validated, and what to do with opposite effects." })
export class CalibrationFitInput {
  @Field(() => Float, {
    defaultValue: CALIBRATION_DEFAULTS.l2,
    description:
      "L2 penalty on the standardised coefficients, relative to the mean log-loss (0 to 1000). The default keeps " +
      "the fit finite; raise it (e.g. 0.1) for few accounts or many correlated concepts.",
  })
  l2!: number;

  @Field(() => Int, { defaultValue: CALIBRATION_DEFAULTS.folds, description: "Cross-validation folds (2 to 20)." })
  folds!: number;

  @Field(() => Int, {
    defaultValue: CALIBRATION_DEFAULTS.seed,
    description: "Seed of the fold assignment (0 to 2147483647): the same seed gives the same folds.",
  })
  seed!: number;

  @Field(() => CalibrationPolarityEnum, { defaultValue: CALIBRATION_DEFAULTS.polarity })
  polarity!: "KEEP" | "FOLLOW_DATA";
}

import { GraphQLResolveInfo } from "graphql";
import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  Float,
  ID,
  Info,
  Int,
  Mutation,
  Query,
  registerEnumType,
  Resolver,
  Root,
} from "type-graphql";
import { LOW_CONFIDENCE_BELOW } from "../../domain/health/confidence";
import { assertNodeId } from "../../domain/ids/node-id";
import { CALIBRATION_DEFAULTS } from "../../services/health/health-calibration";
import { DEFAULT_BANDS, DEFAULT_MODEL_ID, ModelScopeKind } from "../../services/health/health-model";
import { toConnection } from "../common/connection";
import { PageArgs } from "../common/page-args";
import { pageRequest } from "../common/page-request";
import { selectsField } from "../common/selection";
import { assertExplanationDepth, MAX_EXPLANATION_DEPTH } from "../../domain/health/explanation-rows";
import { RequestContext } from "../context";
import { IngestResult } from "../ingest/ingest-result.type";
import { Account } from "../account/account.type";
import { FieldSelection } from "../common/field-selection";
import { healthModelView, liveHealthView, snapshotView, storedHealthView } from "./health-view";
import { selectedSnapshot, selectsEvidence } from "./health-selections";
import { AccountHealth, HealthDriver, HealthExplanationNode, HealthSnapshot } from "./account-health.type";
import { AtRiskConnection } from "./at-risk.type";
import { CalibrationFitInput, CalibrationOutcomeInput } from "./calibration.input";
import { calibrationReportView } from "./calibration-view";
import { CalibrationReport } from "./calibration.type";
import { HealthDistributionGroup } from "./health-distribution.type";
import { HealthModelInput } from "./health-model.input";
import { HealthModel } from "./health-model.type";
import { ManualMeasureInput } from "./manual-measure.input";
import { ManualMeasure } from "./manual-measure.type";
import { OutcomeInput } from "./outcome.input";
import { RecomputeResult } from "./recompute-result.type";

export const HealthGroupByEnum = { INDUSTRY: "INDUSTRY", SEGMENT: "SEGMENT", REGION: "REGION" } as const;
registerEnumType(HealthGroupByEnum, { name: "HealthGroupBy" });

@Resolver(() => AccountHealth)
export class AccountHealthResolver {
  @FieldResolver(() => [HealthExplanationNode], {
    description:
      "The score explained: concepts, then mappings and manual measures, then (fresh scores) signals. With " +
      "maxDepth, only the top of the tree: the nodes at most that deep, in the same order and with the same " +
      "values as in the whole list (a compact answer; fresh scores build nothing below it).",
  })
  explanation(
    @Root() health: AccountHealth,
    @Arg("maxDepth", () => Int, {
      nullable: true,
      description: `0 lists the root alone, 1 the root and its top-level concepts, up to ${MAX_EXPLANATION_DEPTH}; omitted, every level.`,
    })
    maxDepth: number | null,
  ): HealthExplanationNode[] {
    return health.explanationTo(assertExplanationDepth(maxDepth ?? null));
  }

  @FieldResolver(() => [HealthDriver], { description: "The concepts that pull the score down or up most." })
  drivers(@Root() health: AccountHealth, @Arg("top", () => Int, { defaultValue: 5 }) top: number): HealthDriver[] {
    return health.driverList.slice(0, Math.max(0, top));
  }
}

@Resolver(() => Account)
export class AccountHealthFieldsResolver {
  @FieldResolver(() => AccountHealth, {
    nullable: true,
    description:
      "The account's health: the latest stored score, or one computed now when there is none or fresh is true " +
      "(fresh scores explain down to the signals and their record ids).",
  })
  async health(
    @Root() account: Account,
    @Arg("modelId", () => ID, { defaultValue: DEFAULT_MODEL_ID }) modelId: string,
    @Arg("fresh", { defaultValue: false }) fresh: boolean,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: RequestContext,
  ): Promise<AccountHealth> {
    if (!fresh) {
      // Only the snapshot properties the selection needs (decision 0040): a page of scores and grades
      // does not read the explanations.
      const select = selectedSnapshot(FieldSelection.of(info));
      const stored = await ctx.loaders.health.latestScore.load({ modelId, accountId: account.id, select });
      if (stored) return storedHealthView(stored);
    }
    // A fresh score reads its evidence signals (one statement more) only when the client selects them.
    const evidence = fresh && selectsEvidence(info);
    return liveHealthView(await ctx.loaders.health.liveScore.load(`${modelId}|${account.id}|${evidence ? 1 : 0}`));
  }

  @FieldResolver(() => [HealthSnapshot], { description: "Stored scores over time, oldest first." })
  async healthHistory(
    @Root() account: Account,
    @Arg("modelId", () => ID, { defaultValue: DEFAULT_MODEL_ID }) modelId: string,
    @Arg("from", () => Date, { nullable: true }) from: Date | null,
    @Arg("to", () => Date, { nullable: true }) to: Date | null,
    @Ctx() ctx: RequestContext,
  ): Promise<HealthSnapshot[]> {
    const scores = await ctx.health.history(
      account.id,
      modelId,
      from?.toISOString() ?? null,
      to?.toISOString() ?? null,
    );
    return scores.map(snapshotView);
  }
}

@Resolver()
export class HealthResolver {
  @Query(() => [HealthModel], {
    description: "Every version of your health models (a default model exists from the start).",
  })
  async healthModels(@Ctx() ctx: RequestContext) {
    return (await ctx.health.models()).map(healthModelView);
  }

  @Query(() => HealthModel, { description: "The active version of a model, or the version asked for." })
  async healthModel(
    @Arg("id", () => ID) id: string,
    @Arg("version", () => Int, { nullable: true }) version: number | null,
    @Ctx() ctx: RequestContext,
  ) {
    return healthModelView(await ctx.health.model(id, version ?? null));
  }

  @Query(() => AtRiskConnection, {
    description:
      "Accounts by stored score, lowest first, optionally of one grade; scores resting on too little data " +
      "(confidence below minConfidence) are left out.",
  })
  async atRiskAccounts(
    @Arg("modelId", () => ID, { defaultValue: DEFAULT_MODEL_ID }) modelId: string,
    @Arg("grade", () => String, { nullable: true }) grade: string | null,
    @Arg("minConfidence", () => Float, {
      defaultValue: LOW_CONFIDENCE_BELOW,
      description: "Only scores with at least this confidence (0..1); 0 lists every score.",
    })
    minConfidence: number,
    @Args() page: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: RequestContext,
  ) {
    const request = pageRequest(ctx, `atRisk:${modelId}:${grade ?? ""}:${minConfidence}`, page);
    const withTotal = selectsField(info, "totalCount");
    const result = await ctx.health.atRisk(
      modelId,
      grade ?? null,
      minConfidence,
      request.first,
      request.after,
      withTotal,
    );
    return toConnection(result, request.scope, ctx.paging.cursorSecret, ({ score, account }) => ({
      account,
      health: snapshotView(score),
    }));
  }

  @Query(() => [HealthDistributionGroup], { description: "Counts per grade and score percentiles per group." })
  healthDistribution(
    @Arg("modelId", () => ID, { defaultValue: DEFAULT_MODEL_ID }) modelId: string,
    @Arg("groupBy", () => HealthGroupByEnum) groupBy: "INDUSTRY" | "SEGMENT" | "REGION",
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.health.distribution(modelId, groupBy);
  }

  @Mutation(() => HealthModel, {
    description: "Creates a model or a new version of it; old scores keep their version.",
  })
  async defineHealthModel(@Arg("input", () => HealthModelInput) input: HealthModelInput, @Ctx() ctx: RequestContext) {
    const version = await ctx.health.defineModel(input.id, {
      name: input.name,
      scope: { kind: input.scopeKind as ModelScopeKind, value: input.scopeValue ?? null },
      rootConcept: input.rootConcept,
      weights: input.weights ?? {},
      bands: input.bands ?? DEFAULT_BANDS,
      windowDays: input.windowDays ?? null,
      includeContacts: input.includeContacts,
      includeAssets: input.includeAssets,
      source: "MANUAL",
      calibration: null,
      reversedConcepts: [],
      categoryLevels: {},
    });
    return healthModelView(version);
  }

  @Mutation(() => RecomputeResult, {
    description:
      "Stores fresh scores: for the accounts named, or all accounts in the model's scope (incremental: only those " +
      "with new signals since the last run). An interrupted run is resumed.",
  })
  recomputeHealth(
    @Arg("modelId", () => ID, { defaultValue: DEFAULT_MODEL_ID }) modelId: string,
    @Arg("accountIds", () => [ID], { nullable: true }) accountIds: string[] | null,
    @Arg("incremental", { defaultValue: false }) incremental: boolean,
    @Ctx() ctx: RequestContext,
  ) {
    const ids = accountIds ? accountIds.map((id, i) => assertNodeId("Account", id, `accountIds[${i}]`)) : null;
    return ctx.health.recompute(modelId, ids, incremental);
  }

  @Mutation(() => CalibrationReport, {
    description:
      "Learns the model's top-level weights (and a category's level values) from outcomes on accounts " +
      "(regularised logistic regression, cross-validated) and creates a new CALIBRATED version, or with dryRun " +
      "only reports; reports AUCs, importance, polarity conflicts and a backtest.",
  })
  async calibrateHealthModel(
    @Arg("modelId", () => ID, { defaultValue: DEFAULT_MODEL_ID }) modelId: string,
    @Arg("outcome", () => CalibrationOutcomeInput, { nullable: true }) outcome: CalibrationOutcomeInput | null,
    @Arg("fit", () => CalibrationFitInput, { nullable: true }) fit: CalibrationFitInput | null,
    @Arg("dryRun", { defaultValue: false, description: "Report everything, create no model version." })
    dryRun: boolean,
    @Ctx() ctx: RequestContext,
  ) {
    const calibrated = await ctx.health.calibrate(modelId, {
      ...CALIBRATION_DEFAULTS,
      ...(outcome ?? {}),
      ...(fit ?? {}),
      dryRun,
    });
    return calibrationReportView(calibrated, dryRun);
  }

  @Mutation(() => IngestResult, { description: "Outcome labels per account and date, in bulk and idempotently." })
  setOutcomes(@Arg("input", () => [OutcomeInput]) input: OutcomeInput[], @Ctx() ctx: RequestContext) {
    return ctx.health.setOutcomes(ctx.principal.tenant, input, 20_000);
  }

  @Mutation(() => ManualMeasure, {
    description: "A person's judgement of a concept for an account; enters scores like a mapped value.",
  })
  setManualMeasure(@Arg("input", () => ManualMeasureInput) input: ManualMeasureInput, @Ctx() ctx: RequestContext) {
    return ctx.health.setManualMeasure({
      accountId: assertNodeId("Account", input.accountId, "accountId"),
      concept: input.concept,
      value: input.value,
      author: ctx.principal.subject,
      comment: input.comment ?? null,
      expiresAt: input.expiresAt ? input.expiresAt.toISOString() : null,
    });
  }
}

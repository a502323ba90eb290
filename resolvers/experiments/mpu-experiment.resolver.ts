import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { RequestContext } from "../context";
import { plainStartInput, StartMpuExperimentInput } from "./mpu-experiment.input";
import { MpuExperimentReportView, MpuExperimentView, toExperimentView, toReportView } from "./mpu-experiment.type";

/** A/B tests of micro-practice units (issue 16, docs/mpu-experiments.md): adapters over MpuExperimentService. */
@Resolver()
export class MpuExperimentResolver {
  @Mutation(() => MpuExperimentView, {
    description:
      "Starts an A/B test of a PUBLISHED or VALIDATED micro-practice unit: assigns the eligible accounts or " +
      "opportunities to TREATMENT or CONTROL by stable hashing (units a running experiment of the same unit holds " +
      "are left out). While it runs, recommendations hide the unit from the CONTROL arm.",
  })
  async startMpuExperiment(
    @Ctx() ctx: RequestContext,
    @Arg("input", () => StartMpuExperimentInput) input: StartMpuExperimentInput,
  ): Promise<MpuExperimentView> {
    return toExperimentView(await ctx.experiments.start(plainStartInput(input)));
  }

  @Mutation(() => MpuExperimentView, {
    description: "Stops a RUNNING experiment: CONCLUDED at or after its horizon, STOPPED before it.",
  })
  async stopMpuExperiment(@Ctx() ctx: RequestContext, @Arg("id", () => ID) id: string): Promise<MpuExperimentView> {
    return toExperimentView(await ctx.experiments.stop(id));
  }

  @Query(() => MpuExperimentReportView, {
    description:
      "An experiment's report as of now: per arm n, successes and rate; absolute and relative lift with 95% " +
      "intervals; the test used and its p-value; the verdict. NOT_FOUND when your tenant has no such experiment.",
  })
  async mpuExperiment(@Ctx() ctx: RequestContext, @Arg("id", () => ID) id: string): Promise<MpuExperimentReportView> {
    return toReportView(await ctx.experiments.report(id));
  }

  @Query(() => [MpuExperimentView], { description: "A unit's experiments, newest first (at most 100)." })
  async mpuExperiments(
    @Ctx() ctx: RequestContext,
    @Arg("mpuId", () => ID) mpuId: string,
  ): Promise<MpuExperimentView[]> {
    return (await ctx.experiments.list(mpuId)).map(toExperimentView);
  }
}

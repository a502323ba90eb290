import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { RequestContext } from "../context";
import { UsagePeriodInput } from "./usage-calibration.input";
import { UsageCalibrationView } from "./usage-calibration.type";

/** Usage calibration (issue 17): named so it is not confused with health-model calibration. */
@Resolver()
export class UsageCalibrationResolver {
  @Query(() => UsageCalibrationView, {
    description:
      "The product brief's three checks: automation and AI use growing week over week (≥ 25%), MPUs created per " +
      "person per month (≥ 0.8) and adopted (> 65%), anchor queries per person per week (> 5); each with its value, " +
      "threshold, verdict, trend and a sentence. Admins and analysts.",
  })
  usageCalibration(
    @Arg("period", () => UsagePeriodInput, { nullable: true }) period: UsagePeriodInput | null,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.usageCalibration.calibrate(period ?? {});
  }
}

import { TwoArms } from "./arm-counts";
import { Interval, wilsonInterval } from "./wilson-interval";

/**
 * The interval for the absolute lift, treatment rate − control rate, by Newcombe's hybrid score method
 * (Newcombe 1998, "Interval estimation for the difference between independent proportions: comparison of
 * eleven methods", Statistics in Medicine 17:873–890, method 10): the Wilson intervals (l₁, u₁) of the
 * treatment and (l₂, u₂) of the control combine as
 * δ − √((p₁−l₁)² + (u₂−p₂)²) … δ + √((u₁−p₁)² + (p₂−l₂)²). Unlike the Wald interval it keeps its coverage
 * near 0 and 1 and for small arms; it is unpooled, so it may (rarely) disagree with the pooled z-test at
 * the boundary.
 */
export function newcombeDifferenceInterval({ control, treatment }: TwoArms, z: number): Interval {
  const p1 = treatment.successes / treatment.n;
  const p2 = control.successes / control.n;
  const w1 = wilsonInterval(treatment, z);
  const w2 = wilsonInterval(control, z);
  const difference = p1 - p2;
  return {
    lower: difference - Math.sqrt((p1 - w1.lower) ** 2 + (w2.upper - p2) ** 2),
    upper: difference + Math.sqrt((w1.upper - p1) ** 2 + (p2 - w2.lower) ** 2),
  };
}

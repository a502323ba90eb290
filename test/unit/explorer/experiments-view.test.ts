import {
  formatPercent,
  formatPoints,
  formatPValue,
  liftAxis,
  liftX,
} from "../../../explorer/src/experiments/experiments.logic";
import { href, parseRoute } from "../../../explorer/src/routing/routes";

describe("the MPU experiment page's formatting", () => {
  it("writes rates as percentages and lifts as signed points", () => {
    expect(formatPercent(0.5911330049261084)).toBe("59.1%");
    expect(formatPercent(null)).toBe("–");
    expect(formatPoints(0.251)).toBe("+25.1 pp");
    expect(formatPoints(-0.03)).toBe("−3.0 pp");
  });

  it("writes tiny p-values as < 0.0001", () => {
    expect(formatPValue(4.9e-7)).toBe("< 0.0001");
    expect(formatPValue(0.48571)).toBe("0.4857");
    expect(formatPValue(null)).toBe("–");
  });

  it("draws the lift on an axis centred on no difference, wide enough for the interval", () => {
    expect(liftAxis([0.25, 0.15, 0.34])).toBe(0.4);
    expect(liftAxis([0.01, -0.02, 0.03])).toBe(0.1);
    expect(liftX(0, 0.4, 400)).toBe(200);
    expect(liftX(-0.4, 0.4, 400)).toBe(0);
    expect(liftX(9, 0.4, 400)).toBe(400);
  });
});

describe("the MPU experiment page's URLs", () => {
  it.each([
    { page: "experiments" as const, id: "mpx_abc", mpu: null },
    { page: "experiments" as const, id: null, mpu: "mpu-visual data" },
    { page: "experiments" as const, id: "mpx_abc", mpu: "mpu-1" },
  ])("round-trips %p", (route) => {
    const url = new URL(href(route), "http://localhost");
    expect(parseRoute(url.pathname, url.search)).toEqual(route);
  });
});

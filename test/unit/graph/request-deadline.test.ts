import { RequestDeadline } from "../../../graph/request-deadline";

/** A monotonic clock the test moves by hand. */
function manualClock(start = 1_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("RequestDeadline", () => {
  it("counts the time left from when it was made", () => {
    const clock = manualClock();
    const deadline = new RequestDeadline(500, clock.now);
    expect(deadline.remainingMs()).toBe(500);
    clock.advance(200);
    expect(deadline.remainingMs()).toBe(300);
    expect(deadline.expired()).toBe(false);
    clock.advance(300);
    expect(deadline.expired()).toBe(true);
  });

  it("keeps counting from the start when its limit changes (a mutation gets a longer allowance)", () => {
    const clock = manualClock();
    const deadline = new RequestDeadline(500, clock.now);
    clock.advance(600);
    expect(deadline.expired()).toBe(true);
    deadline.setLimit(10_000);
    expect(deadline.limitMs).toBe(10_000);
    expect(deadline.remainingMs()).toBe(9_400);
  });

  it("never expires when there is none", () => {
    expect(RequestDeadline.none().remainingMs()).toBe(Number.POSITIVE_INFINITY);
    expect(RequestDeadline.none().expired()).toBe(false);
  });
});

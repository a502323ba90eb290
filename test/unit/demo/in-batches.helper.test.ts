import { inBatches } from "../../../demo/in-batches.helper";

describe("inBatches", () => {
  it("groups items into full batches and a last partial one", () => {
    expect([...inBatches([1, 2, 3, 4, 5], 2)]).toEqual([[1, 2], [3, 4], [5]]);
  });

  it("yields nothing for an empty iterable", () => {
    expect([...inBatches([], 3)]).toEqual([]);
  });

  it("pulls items from the source only as batches are consumed", () => {
    let produced = 0;
    function* source(): Generator<number> {
      for (;;) {
        produced += 1;
        yield produced;
      }
    }
    const batches = inBatches(source(), 10);
    expect(batches.next().value).toHaveLength(10);
    expect(produced).toBe(10);
  });

  it("rejects a batch size that is not a positive integer", () => {
    expect(() => [...inBatches([1], 0)]).toThrow(/positive integer batch size/);
  });
});

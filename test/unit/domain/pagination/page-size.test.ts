import { PaginationError } from "../../../../domain/pagination/pagination.errors";
import { resolvePageSize } from "../../../../domain/pagination/page-size";

const LIMITS = { defaultSize: 20, maxSize: 500 };

function pageSizeError(first: number): PaginationError {
  try {
    resolvePageSize(first, LIMITS);
  } catch (error) {
    if (error instanceof PaginationError) return error;
    throw error;
  }
  throw new Error(`expected first=${first} to be rejected`);
}

describe("resolvePageSize", () => {
  describe("accepted sizes", () => {
    it("uses the default page size when first is omitted or null", () => {
      expect(resolvePageSize(undefined, LIMITS)).toBe(20);
      expect(resolvePageSize(null, LIMITS)).toBe(20);
    });

    it("never defaults above the maximum", () => {
      expect(resolvePageSize(undefined, { defaultSize: 50, maxSize: 10 })).toBe(10);
    });

    it("accepts every integer from 0 to the maximum inclusive", () => {
      expect(resolvePageSize(0, LIMITS)).toBe(0);
      expect(resolvePageSize(1, LIMITS)).toBe(1);
      expect(resolvePageSize(500, LIMITS)).toBe(500);
    });
  });

  describe("rejected sizes", () => {
    it.each([501, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
      "rejects first = %p as PAGE_SIZE_OUT_OF_RANGE",
      (first) => {
        expect(pageSizeError(first).code).toBe("PAGE_SIZE_OUT_OF_RANGE");
      },
    );

    it("names the allowed range, the received value and how to fetch more", () => {
      const error = pageSizeError(501);
      expect(error.message).toMatch(/^first must be an integer between 0 and 500; received 501\./);
      expect(error.message).toMatch(/pageInfo\.endCursor/);
    });

    it("names the argument it was given", () => {
      expect(() => resolvePageSize(-1, LIMITS, "contacts.first")).toThrow(/^contacts\.first must be/);
    });
  });
});

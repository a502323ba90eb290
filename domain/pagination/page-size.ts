import { PaginationError } from "./pagination.errors";

export interface PageSizeLimits {
  defaultSize: number;
  maxSize: number;
}

/** The number of items to return for `first`, or a clear error when it is outside 0..max. */
export function resolvePageSize(first: number | null | undefined, limits: PageSizeLimits, argument = "first"): number {
  if (first === null || first === undefined) return Math.min(limits.defaultSize, limits.maxSize);
  if (!Number.isInteger(first) || first < 0 || first > limits.maxSize) {
    throw new PaginationError(
      "PAGE_SIZE_OUT_OF_RANGE",
      `${argument} must be an integer between 0 and ${limits.maxSize}; received ${first}. ` +
        `Fetch larger lists page by page, passing pageInfo.endCursor as after.`,
    );
  }
  return first;
}

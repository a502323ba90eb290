import { decodeCursor, encodeCursor } from "../../domain/pagination/cursor";
import { PageSizeLimits, resolvePageSize } from "../../domain/pagination/page-size";
import { PagePosition } from "../../graph/automation/task.repository";

export interface AutomationPaging extends PageSizeLimits {
  cursorSecret: string;
}

/** One page of a list of the actions side, newest first. */
export interface AutomationPage<T> {
  items: T[];
  endCursor: string | null;
  hasNextPage: boolean;
}

/** Pages the lists of tasks, proposals and receipts (newest first, by creation instant then id). */
export class AutomationPager {
  constructor(
    private readonly tenant: string,
    private readonly paging: AutomationPaging,
  ) {}

  /** Where a page starts and how many rows to read (one more than asked, to tell whether more follow). */
  position(
    list: string,
    first: number | null | undefined,
    after: string | null | undefined,
  ): PagePosition & { size: number } {
    const size = resolvePageSize(first, this.paging);
    if (after === null || after === undefined || after === "")
      return { afterMs: null, afterId: null, limit: size + 1, size };
    const [ms, id] = decodeCursor(after, { tenant: this.tenant, list }, this.paging.cursorSecret, 2);
    return { afterMs: Number(ms), afterId: String(id), limit: size + 1, size };
  }

  page<T extends { id: string; createdAtMs: number }>(
    list: string,
    rows: readonly T[],
    size: number,
  ): AutomationPage<T> {
    const items = rows.slice(0, size);
    const last = items.at(-1);
    return {
      items,
      hasNextPage: rows.length > size,
      endCursor:
        last === undefined
          ? null
          : encodeCursor({ tenant: this.tenant, list }, [last.createdAtMs, last.id], this.paging.cursorSecret),
    };
  }
}

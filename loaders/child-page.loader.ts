import DataLoader from "dataloader";
import { Page } from "../domain/model";
import { ChildPageRequest } from "../graph/common/child-list.reader";

export interface LoaderOptions {
  /** False turns batching off (one query per key), to measure what batching buys. */
  batch: boolean;
}

/**
 * A loader of pages of children (an account's contacts, signals, ...). Keys are whole page requests, so
 * the same account asked with different arguments is two keys; every key of one tick goes to one query.
 */
export function createChildPageLoader<T>(
  fetchPages: (requests: readonly ChildPageRequest[]) => Promise<Array<Page<T>>>,
  options: LoaderOptions,
): DataLoader<ChildPageRequest, Page<T>, string> {
  return new DataLoader<ChildPageRequest, Page<T>, string>((requests) => fetchPages(requests), {
    batch: options.batch,
    maxBatchSize: 1000,
    cacheKeyFn: (request) => JSON.stringify(request),
  });
}

import DataLoader from "dataloader";
import { Account } from "../domain/model";
import { PropertySelection, unionOf } from "../domain/selection/property-selection";
import { AccountProperty, AccountRepository } from "../graph/account/account.repository";
import { LoaderOptions } from "./child-page.loader";

/** Accounts by id, one query per batch; null for ids the tenant does not have. */
export function createAccountByIdLoader(
  accounts: AccountRepository,
  options: LoaderOptions,
): DataLoader<string, Account | null> {
  return new DataLoader<string, Account | null>((ids) => accounts.findByIds(ids), {
    batch: options.batch,
    maxBatchSize: 1000,
  });
}

/** An account asked for with the properties a request selects. */
export interface SelectedAccountKey {
  id: string;
  select: PropertySelection<AccountProperty>;
}

/**
 * Accounts by id with only the selected properties (issue 18): one query per batch, projecting what every
 * key of the batch selects. The selection is part of the cache key, so an account read once with fewer
 * properties is not handed to a later load that selects more.
 */
export function createSelectedAccountLoader(
  accounts: AccountRepository,
  options: LoaderOptions,
): DataLoader<SelectedAccountKey, Account | null, string> {
  return new DataLoader<SelectedAccountKey, Account | null, string>(
    (keys) =>
      accounts.findByIds(
        keys.map((key) => key.id),
        unionOf(keys.map((key) => key.select)),
      ),
    { batch: options.batch, maxBatchSize: 1000, cacheKeyFn: (key) => `${key.select.key}|${key.id}` },
  );
}

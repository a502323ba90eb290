import DataLoader from "dataloader";
import { Account } from "../domain/model";
import { AccountRepository } from "../graph/account/account.repository";
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

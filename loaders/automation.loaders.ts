import DataLoader from "dataloader";
import { Task, TaskStatus } from "../domain/automation/task";
import { Flag, FlagRepository, FlagTargetKind } from "../graph/automation/flag.repository";
import { TaskRepository } from "../graph/automation/task.repository";
import { LoaderOptions } from "./child-page.loader";

export interface AccountTasksKey {
  accountId: string;
  status: TaskStatus | null;
  limit: number;
}

/** The loaders of the actions side's fields on records (`Account.tasks`, `Account.flags`, ...), per request. */
export interface AutomationLoaders {
  tasksByAccount: DataLoader<AccountTasksKey, Task[], string>;
  flags: Record<FlagTargetKind, DataLoader<string, Flag[]>>;
}

function flagLoader(flags: FlagRepository, kind: FlagTargetKind, options: LoaderOptions): DataLoader<string, Flag[]> {
  return new DataLoader<string, Flag[]>(
    async (keys) => {
      const found = await flags.ofTargets(kind, keys);
      return keys.map((key) => found.get(key) ?? []);
    },
    { batch: options.batch, maxBatchSize: 1000 },
  );
}

export function createAutomationLoaders(
  tasks: TaskRepository,
  flags: FlagRepository,
  options: LoaderOptions,
): AutomationLoaders {
  return {
    // One statement per (status, limit) asked in a batch: in practice one per request.
    tasksByAccount: new DataLoader<AccountTasksKey, Task[], string>(
      async (keys) => {
        const groups = new Map<string, AccountTasksKey[]>();
        for (const key of keys) {
          const group = `${key.status ?? ""}|${key.limit}`;
          groups.set(group, [...(groups.get(group) ?? []), key]);
        }
        const found = new Map<string, Task[]>();
        for (const group of groups.values()) {
          const { status, limit } = group[0]!;
          const byAccount = await tasks.byAccounts(
            group.map((key) => key.accountId),
            status,
            limit,
          );
          for (const key of group) found.set(JSON.stringify(key), byAccount.get(key.accountId) ?? []);
        }
        return keys.map((key) => found.get(JSON.stringify(key)) ?? []);
      },
      { batch: options.batch, maxBatchSize: 1000, cacheKeyFn: (key) => JSON.stringify(key) },
    ),
    flags: {
      ACCOUNT: flagLoader(flags, "ACCOUNT", options),
      ASSET: flagLoader(flags, "ASSET", options),
      BATCH: flagLoader(flags, "BATCH", options),
    },
  };
}

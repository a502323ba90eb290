/**
 * A guard against duplicate tasks, said anywhere in a Chinese rule: "如果已经有没完成的拜访任务，就别重复派了",
 * "已有未关闭的回访任务的不再创建", "若已存在进行中的排查任务则跳过", "不要重复派单", "已有跟进中任务的客户除外".
 * Each is the rule's `NO_OPEN_TASK` condition (with the task's name as its template when it is said); the
 * grammar reads the rest of the sentence without it.
 */

/** A task still open: not done, not closed, in progress, or one of the same kind already there. */
const OPEN =
  "还没(?:有)?完成|没有完成|没完成|未完成|尚未完成|未关闭|没关闭|没有关闭|未结束|没结束|进行中|正在进行|正在处理|正在跟进|跟进中|处理中|待处理|未处理|没处理|未结|未办结|在办|开着|同类|同样|相同|类似";

/** A task word, with what may name it before (拜访任务, 回访工单, 跟进待办). */
const TASK = "([^，,。；;的]{0,10}?)(?:任务|工单|待办|派单)";

/** The accounts or owner that already have such a task (该客户, 这家客户, 客户经理手上). */
const HOLDER = "(?:该客户|这个客户|这家客户|这位客户|客户)?(?:名下|手上|那边|这边)?";

/** Not creating another one: 别重复派了, 不用再派, 不再创建, 无需新建, 就跳过. */
const DONT_CREATE =
  "(?:就|则|那就|那么|便)?(?:先)?(?:(?:别|不要|不用|无需|不必|不再|勿|不需要|没必要|不)(?:再)?(?:重复)?(?:派|创建|建|开|生成|新建|发|下发|分配|安排|派发|派单|提醒|通知)(?:任务|工单)?(?:了)?|(?:跳过|略过|忽略)(?:它|这条|这次|该客户)?(?:了)?)";

const GUARD_IF = new RegExp(
  `(?:如果|若是|若|假如|要是|倘若|只要)?${HOLDER}(?:已经|已|还|仍然|仍|目前|当前|本来)?(?:有|存在|挂着)(?:一个|一条|一张|个|条|张)?(?:${OPEN})(?:的)?${TASK}(?:的话|的时候|时|的)?[，,]?${DONT_CREATE}`,
  "u",
);

/** "已有跟进中任务的客户除外": the accounts with an open task are left out. */
const GUARD_EXCEPT = new RegExp(
  `(?:已经|已|还|仍)?(?:有|存在)(?:${OPEN})(?:的)?${TASK}的(?:客户|账户)?(?:除外|不算|不算在内|排除在外|不在此列)`,
  "u",
);

/** "不要重复派单", "避免重复创建任务": a duplicate forbidden with no task named. */
const GUARD_PLAIN = new RegExp(
  `(?:请|并且|并|但|同时)?(?:别|不要|不用|无需|不必|勿|切勿|避免|防止|不)重复(?:派|创建|建|开|生成|新建|下发|分配|安排|派发)(?:单|任务|工单)?(?:了)?`,
  "u",
);

export interface DuplicateGuard {
  /** Where the guard is in the sentence. */
  start: number;
  end: number;
  /** The open task's name when the guard says it (拜访 of 拜访任务), else "". */
  taskName: string;
}

/** The first guard against duplicate tasks in a normalised sentence, or null. */
export function findDuplicateGuard(text: string): DuplicateGuard | null {
  for (const re of [GUARD_IF, GUARD_EXCEPT, GUARD_PLAIN]) {
    const m = re.exec(text);
    if (m) return { start: m.index, end: m.index + m[0].length, taskName: (m[1] ?? "").trim() };
  }
  return null;
}

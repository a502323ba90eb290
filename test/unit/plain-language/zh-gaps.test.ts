/**
 * Gaps of the Chinese grammar (issue 12) closed with general rules, each checked on sentences of our own
 * (none is a corpus sentence), from several industries, in 书面 and 口语 registers and both scripts:
 * deadlines said as a day or a period's end, urgency said as 立即/马上, calendar dates and schedules named
 * as not understood, triggers joined by 或 (a rule has one), 口语 comparisons and "you" addressed.
 */
import { loadCorpusContext } from "../../../cli/nl";
import { PlaybookAction } from "../../../domain/automation/playbook";
import { PlaybookDraft } from "../../../domain/plain-language/draft";
import { draftPlaybookFromText } from "../../../domain/plain-language/draft-playbook";

const context = loadCorpusContext();
const draft = (text: string): PlaybookDraft => draftPlaybookFromText(text, context, "zh");

/** The deadlines of a draft's tasks and reviews, in order. */
function dues(d: PlaybookDraft): number[] {
  return d.actions.flatMap((a: PlaybookAction) =>
    a.kind === "CREATE_TASK" || a.kind === "OPEN_REVIEW" ? [a.dueInDays] : [],
  );
}

describe("deadlines said as a day: the end of the period it falls in, in days from the firing", () => {
  it.each([
    // Before next week begins is the end of this week (English "by next week" is 7 as well).
    ["银行客户的健康等级变红时，请客户经理下周一前回访。", 7],
    ["銀行客戶的健康等級變紅時，請客戶經理下週一前回訪。", 7],
    ["学校客户的健康等级变黄时，让教学服务团队下周之前回访。", 7],
    // A later day of next week is by the end of that week.
    ["跨境电商卖家的拒付率高于1%时，请财务下周五前核对，并同步到风控系统。", 14],
    // A day of this week, or its end, is the week ("by the end of the week").
    ["医院客户的设备开机率低于85%时，请服务经理本周五之前上门检查。", 7],
    ["软件客户的联系人被删除时，让客户负责人周五前确认一下。", 7],
    ["学校客户的健康等级变红了，你先问我一下，然后叫教学服务团队本周内回访。", 7],
    // The end of the month, the quarter, the year is the period's length ("end of month" 30).
    ["保险客户的健康等级变黄时，让客户成功团队在月底前完成一次复盘。", 30],
    ["银行客户的反洗钱预警在三十天内超过3条时，交由合规部在季度末前完成评审。", 90],
    ["制造企业的报废率超过8%时，请质量工程师年底前出一份改进方案。", 365],
    // The end of next month is two months' length.
    ["中小企业客户的授权使用率连续三个月低于30%，就让实施团队上门培训，下个月底前完成。", 60],
    ["软件客户的健康等级变红时，请客户经理下个月初之前回访。", 30],
    // Working days count as days; 下班前 is the day itself, 明天下班前 the next.
    ["软件客户的联系人被删除时，请二线支持团队三个工作日内处理。", 3],
    ["保險客戶的聯絡人被刪除時，交給合規專員兩個工作天內覆核。", 2],
    ["电商客户的退货率超过15%时，请王芳明天下班前打个电话。", 1],
    ["医院客户的健康等级变红时，请服务经理下班前回个电话。", 0],
  ])("%s is due in %i days", (text, days) => {
    const d = draft(text);
    expect(d.trigger).not.toBeNull();
    expect(dues(d)).toEqual([days]);
    expect(d.unrecognised).toEqual([]);
  });

  it("reads 限 before a duration said once for every doer (都限两天) as their deadline", () => {
    const d = draft("车队客户的充电桩可用率低于90%时，让区域经理和绿伏一起排查，都限两天。");
    expect(d.actions).toMatchObject([
      { kind: "CREATE_TASK", assignee: { kind: "ROLE", role: "regional-manager" }, dueInDays: 2 },
      {
        kind: "CREATE_TASK",
        assignee: { kind: "ORGANIZATION", organizationId: "org-greenvolt-service" },
        dueInDays: 2,
      },
    ]);
    expect(dues(draft("保险客户的联系人被删除时，交给合规专员复核，限三天。"))).toEqual([3]);
  });

  it("does not read a bare weekday that is no deadline (周末不要触发, 每周一次) as one", () => {
    const weekend = draft("医院客户的健康等级变红时，让服务经理一周内回访；周末不要触发。");
    expect(dues(weekend)).toEqual([7]);
    expect(weekend.unrecognised).toContain("周末不要触发");
  });
});

describe("urgency said as 立即 / 马上 / 第一时间: due the same day unless a deadline is said", () => {
  it.each([
    ["银行客户的账户信息被修改后，请合规专员立即复核。", [0]],
    ["制造业客户的报废率高于6%时，马上让质量团队跟进。", [0]],
    ["医院客户的健康等级变红时，第一时间通知服务经理。", [0]],
    ["車隊客戶的充電樁可用率跌破90%時，立刻讓綠伏派人檢修。", [0]],
    // The deadline said wins over the urgency.
    ["电商客户退货率一超15%，马上抄送财务，明天下班前核对完。", [1]],
    ["学校客户的健康等级变红时，立即通知教学服务团队，两天内完成回访。", [2]],
  ])("%s", (text, expected) => {
    const d = draft(text);
    expect(d.trigger).not.toBeNull();
    expect(dues(d)).toEqual(expected);
  });

  it("keeps the same-day and 24-hour deadlines", () => {
    expect(dues(draft("学校客户的健康等级变红时，请客户经理当天回访。"))).toEqual([0]);
    expect(dues(draft("医院客户的联系人被删除时，请客户负责人24小时内确认。"))).toEqual([1]);
  });
});

describe("what cannot be said in a playbook is named as not understood", () => {
  it.each([
    ["请客户经理在12月31日前回访健康等级变红的银行客户。", "12月31日前"],
    ["医院客户的健康等级变红时，请服务经理15号之前上门。", "15号之前"],
    ["保险客户的联系人被删除时，让合规专员三月五号以前复核。", "三月五号以前"],
  ])("names the calendar date of %s and keeps the default deadline", (text, date) => {
    const d = draft(text);
    expect(d.unrecognised).toContain(date);
    expect(dues(d)).toEqual([3]);
  });

  it.each([
    ["每周一检查一次制造业客户的报废率，高于6%就通知质量团队。", "每周一检查一次", "manufacturing:scrap-rate"],
    ["每天早上看一下医院客户的设备开机率，低于85%就请服务经理处理。", "每天早上看一下", "healthcare:equipment-uptime"],
    ["每月1号查一下电商客户的退货率，超过15%就让财务核对。", "每月1号查一下", "ecommerce:return-rate"],
    ["定期巡检车队客户的充电桩可用率，跌破90%就让绿伏派人检修。", "定期巡检", "automotive:charger-availability"],
  ])("names the schedule of %s and reads the rest", (text, schedule, concept) => {
    const d = draft(text);
    expect(d.unrecognised).toContain(schedule);
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept });
    expect(d.actions).toHaveLength(1);
  });

  it("keeps 每周 of a rate and 定期复核 of a concept", () => {
    const rate = draft("软件客户的未结工单在最近30天里每周增加超过5张时，让二线支持团队排查。");
    expect(rate.trigger?.kind).toBe("CONCEPT_TREND");
    expect(rate.unrecognised).toEqual([]);
    const review = draft("银行客户的定期复核逾期超过30天时，请合规专员处理。");
    expect(review.trigger?.kind).toBe("CONCEPT_THRESHOLD");
    expect(review.unrecognised).toEqual([]);
  });

  it.each([
    ["银行客户的健康等级变红或者续约风险升高时，请客户经理回访。", "续约风险升高"],
    ["电商客户的退货率超过15%或拒付率超过1%时，让财务核对。", "拒付率超过1%"],
    ["学校客户的健康等级变黄或是出勤率低于九成时，请教学服务团队回访。", "出勤率低于九成"],
    // The words read as the other trigger's subject are part of its name.
    ["医院客户的健康等级变红或设备开机率低于85%时，请服务经理上门。", "设备开机率低于85%"],
    ["软件客户的联系人被删除或健康等级变红时，请客户负责人确认。", "联系人被删除"],
    ["银行客户的联系人被删除，或者健康等级变红，就请客户经理回访。", "联系人被删除"],
  ])("keeps one trigger of %s and names the other whole", (text, other) => {
    const d = draft(text);
    expect(d.trigger).not.toBeNull();
    expect(d.unrecognised).toContain(other);
    expect(d.unrecognised.some((u) => u.startsWith("者"))).toBe(false);
  });
});

describe("口语 and conditions on either side", () => {
  it.each([
    ["电商客户退货率超15%，让财务核对。"],
    ["电商客户的退货率一超百分之十五，就让财务核对一下。"],
    ["让财务核对一下，要是电商客户的退货率超15%的话。"],
    ["要是哪个电商卖家的退货率过了百分之二十，麻烦通知一下财务，三天内处理完。"],
    ["帮我盯一下电商客户的退货率，超了15%就让财务核对。"],
    ["请监控电商客户的退货率，一旦超过百分之十五，就叫财务核对。"],
  ])("reads 超 / 一超 / 过了 before a number as 超过, and a request to watch as no more than the rule: %s", (text) => {
    const d = draft(text);
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept: "ecommerce:return-rate" });
    expect(d.conditions).toMatchObject([{ kind: "ACCOUNT_FIELD", field: "industry", values: ["ECOMMERCE"] }]);
    expect(d.actions).toMatchObject([{ kind: "CREATE_TASK", assignee: { kind: "ROLE", role: "finance" } }]);
    expect(d.unrecognised).toEqual([]);
  });

  it("joins events of different records by 或 into one trigger", () => {
    expect(draft("软件客户新增联系人或者商机被删除时，请客户负责人确认。").trigger).toEqual({
      kind: "EVENT",
      eventTypes: ["CONTACT_CREATED", "OPPORTUNITY_DELETED"],
    });
  });

  it.each([
    ["学校客户的健康等级变红了，你先问我一下，然后叫教学服务团队本周内回访。", "SUGGEST"],
    ["医院客户的设备开机率低于85%时，您先问我，再让服务经理上门。", "SUGGEST"],
    ["制造企业的报废率超过8%时，你直接通知质量部并同步到MES系统。", "AUTO"],
  ])("reads a clause addressed to you as an action: %s", (text, mode) => {
    const d = draft(text);
    expect(d.mode).toBe(mode);
    expect(d.actions.length).toBeGreaterThan(0);
    expect(d.unrecognised).toEqual([]);
  });
});

describe("an action handed over to a doer said after it", () => {
  it.each([
    ["医院客户新增联系人时，安排一次欢迎拜访，这个交给客户经理。", { kind: "ACCOUNT_OWNER" }, 3],
    [
      "学校客户的健康等级变红时，回访一下，这事让教学服务团队去做，三天内。",
      { kind: "TEAM", teamId: "t-academic-success" },
      3,
    ],
    ["电商客户的退货率超过15%时，核对一下相关订单，财务负责。", { kind: "ROLE", role: "finance" }, 3],
    ["銀行客戶的帳戶資訊被修改時，覆核一下，這件事交給合規部，兩天內。", { kind: "ROLE", role: "compliance" }, 2],
  ])("%s", (text, assignee, due) => {
    const d = draft(text);
    expect(d.trigger).not.toBeNull();
    expect(d.actions).toHaveLength(1);
    expect(d.actions[0]).toMatchObject({ assignee, dueInDays: due });
    expect(d.unrecognised).toEqual([]);
  });

  it("keeps 让/请 with a verb of its own an action of its own", () => {
    const d = draft("制造企业的报废率超过8%时，推送到MES系统，让质量部跟进。");
    expect(d.actions).toMatchObject([
      { kind: "CALL_WEBHOOK", endpointId: "wh-mes" },
      { kind: "CREATE_TASK", assignee: { kind: "TEAM", teamId: "t-quality" } },
    ]);
  });
});

describe("a doer who must act, said before a condition said last", () => {
  it.each([
    ["客户经理得在三天内回访，如果保险客户的客户满意度评分跌破三分的话。", { kind: "ACCOUNT_OWNER" }, 3, "core:csat"],
    [
      "服务经理必须当天上门，要是医院客户的设备开机率低于85%。",
      { kind: "ROLE", role: "service-manager" },
      0,
      "healthcare:equipment-uptime",
    ],
    [
      "財務需要在一週內核對，如果電商客戶的退貨率超過15%。",
      { kind: "ROLE", role: "finance" },
      7,
      "ecommerce:return-rate",
    ],
  ])("%s", (text, assignee, due, concept) => {
    const d = draft(text);
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept });
    expect(d.actions).toMatchObject([{ kind: "CREATE_TASK", assignee, dueInDays: due }]);
  });
});

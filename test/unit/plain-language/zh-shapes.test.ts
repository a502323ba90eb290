/**
 * Shapes of Chinese sentences the grammar learnt from the blind development-2 set (issue 12), each pinned
 * on paraphrases of our own (other words, numbers, concepts and assignees than the corpus sentence).
 */
import { loadCorpusContext } from "../../../cli/nl";
import { draftPlaybookFromText } from "../../../domain/plain-language/draft-playbook";
import { PlaybookDraft } from "../../../domain/plain-language/draft";

const context = loadCorpusContext();
const draft = (text: string): PlaybookDraft => draftPlaybookFromText(text, context, "zh");

describe("a level of open items said as 超过N条/张 is a threshold, not a count of events", () => {
  it("reads 待处理的反洗钱预警超过4条 on the alerts' scale (4 of 0..5, lower is better)", () => {
    const d = draft("保险客户待处理的反洗钱预警超过4条时，让KYC专员当天开一个复核。");
    expect(d.trigger).toMatchObject({
      kind: "CONCEPT_THRESHOLD",
      concept: "finance:transaction-monitoring-alerts",
      op: "BELOW",
    });
    expect((d.trigger as { value: number }).value).toBeCloseTo(0.2, 3);
    expect(d.unrecognised).toEqual([]);
  });

  it("reads 未结工单超过20张 as the support backlog's threshold", () => {
    const d = draft("企业级客户的未结工单超过20张时，给二线支持团队派一个清理积压任务。");
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept: "core:support-backlog", op: "BELOW" });
    expect(d.actions).toMatchObject([{ kind: "CREATE_TASK", assignee: { kind: "TEAM", teamId: "t-support-tier2" } }]);
  });

  it("still counts events said with 次 in a window", () => {
    const d = draft("银行客户一周内出现3次可疑交易预警时，给合规部开一个评审。");
    expect(d.trigger).toMatchObject({
      kind: "SIGNAL_COUNT",
      signals: { concept: "finance:transaction-monitoring-alerts" },
      count: 3,
      withinDays: 7,
    });
  });
});

describe("a count of a categorical value said before the concept (3次负面通话情绪)", () => {
  it("reads 2次消极的通话情绪 in two weeks", () => {
    const d = draft("若中型企业客户两周内出现2次消极的通话情绪，就让客户经理回访。");
    expect(d.trigger).toEqual({
      kind: "SIGNAL_COUNT",
      signals: { concept: "core:customer-sentiment", valueEquals: "NEGATIVE" },
      count: 2,
      withinDays: 14,
      scope: "ACCOUNT",
    });
  });

  it("reads 4次负面的客户情绪 in a month", () => {
    const d = draft("每当电商卖家一个月内出现4次负面的客户情绪，给平台运营团队派一个服务改进任务。");
    expect(d.trigger).toMatchObject({
      signals: { concept: "core:customer-sentiment", valueEquals: "NEGATIVE" },
      count: 4,
      withinDays: 30,
    });
  });

  it("reads a positive value the same way", () => {
    const d = draft("SaaS客户两周内收到5次正面的客户情绪时，给客户经理派一个转介绍任务。");
    expect(d.trigger).toMatchObject({
      signals: { concept: "core:customer-sentiment", valueEquals: "POSITIVE" },
      count: 5,
      withinDays: 14,
    });
  });
});

describe("an unknown person or team joined to known assignees is named, not guessed", () => {
  it("names 刘主任 after a known user", () => {
    const d = draft("医院客户的CSAT低于3分时，让李伟和刘主任一起上门回访。");
    expect(d.actions).toMatchObject([{ kind: "CREATE_TASK", assignee: { kind: "USER", userId: "u-li-wei" } }]);
    expect(d.unrecognised).toEqual(["刘主任"]);
  });

  it("names 设备科 after a known team given one task each", () => {
    const d = draft("制造业客户的OEE低于60%时，给质量团队和设备科各派一个排查任务。");
    expect(d.actions).toMatchObject([{ kind: "CREATE_TASK", assignee: { kind: "TEAM", teamId: "t-quality" } }]);
    expect(d.unrecognised).toEqual(["设备科"]);
  });

  it("names 赵总 before a known role", () => {
    const d = draft("银行客户的DSO超过60天时，请赵总与财务部一起核对账单。");
    expect(d.actions).toMatchObject([{ kind: "CREATE_TASK", assignee: { kind: "ROLE", role: "finance" } }]);
    expect(d.unrecognised).toEqual(["赵总"]);
  });
});

describe("after the condition, a doer with 应/需要/必须 acts", () => {
  it("reads 平台运营团队应在5天内完成商品审核 as a review for the team", () => {
    const d = draft("一旦电商卖家的退货率超过15%，平台运营团队应在5天内完成商品审核。");
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept: "ecommerce:return-rate" });
    expect(d.actions).toMatchObject([
      { kind: "OPEN_REVIEW", assignee: { kind: "TEAM", teamId: "t-marketplace-ops" }, dueInDays: 5 },
    ]);
    expect(d.unrecognised).toEqual([]);
  });

  it("reads 教学服务部需要两周内组织… as a task for the team", () => {
    const d = draft("如果学校客户的课程完成率低于60%，教学服务部需要两周内组织一次课程设计工作坊。");
    expect(d.actions).toMatchObject([
      { kind: "CREATE_TASK", assignee: { kind: "TEAM", teamId: "t-academic-success" }, dueInDays: 14 },
    ]);
  });

  it("reads 信审必须当天复核账户 followed by a webhook", () => {
    const d = draft("若银行客户的DSO超过90天，信审必须当天复核账户，并同步到风控引擎。");
    expect(d.actions).toMatchObject([
      { kind: "OPEN_REVIEW", assignee: { kind: "ROLE", role: "credit-officer" }, dueInDays: 0 },
      { kind: "CALL_WEBHOOK", endpointId: "wh-risk-engine" },
    ]);
  });
});

/**
 * The Chinese grammar (issue 12) on general rules found by development-zh-4.json, each checked on
 * paraphrases that are not corpus sentences: percentages in 成, traditional characters, an antecedent after
 * the actions (触发条件是……) or closed by 的情况下, a count before the concept, a trend said as a total change
 * over a window, and opportunity stages and outcomes.
 */
import { loadCorpusContext } from "../../../cli/nl";
import { PlaybookDraft } from "../../../domain/plain-language/draft";
import { draftPlaybookFromText } from "../../../domain/plain-language/draft-playbook";
import { findNumber } from "../../../domain/plain-language/zh/chinese-numbers";

const context = loadCorpusContext();
const draft = (text: string): PlaybookDraft => draftPlaybookFromText(text, context, "zh");
const value = (d: PlaybookDraft): number => (d.trigger as { value: number }).value;

describe("percentages said in tenths (成)", () => {
  it("reads 七成, 九成八 and 八成半 as 70, 98 and 85 percent", () => {
    expect(findNumber("低于七成")).toMatchObject({ value: 70, percent: true });
    expect(findNumber("跌破九成八")).toMatchObject({ value: 98, percent: true });
    expect(findNumber("不到八成半")).toMatchObject({ value: 85, percent: true });
  });

  it("does not read the 成 of 完成 or 变成 as a percentage", () => {
    expect(findNumber("三天内完成")).toMatchObject({ value: 3, percent: false });
    expect(findNumber("一次变成")).toMatchObject({ value: 1, percent: false });
  });

  it("puts a threshold in 成 on the concept's scale, before or after the number", () => {
    const d = draft("制造业客户的OEE低于七成时，通知质量部。");
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept: "manufacturing:oee", op: "BELOW" });
    expect(value(d)).toBeCloseTo(30 / 45, 3);
    expect(value(draft("医院客户的设备开机率在九成八以下时，让华通上门检修。"))).toBeCloseTo(0.8, 3);
  });
});

describe("traditional characters", () => {
  it("reads a rule written in traditional characters like its simplified form", () => {
    const d = draft("銀行客戶的制裁名單篩查命中時，請合規專員當天完成複核，並推送到風控引擎。");
    expect(d.trigger).toEqual({
      kind: "CONCEPT_THRESHOLD",
      concept: "finance:sanctions-screening",
      op: "BELOW",
      value: 0.5,
      scope: "ACCOUNT",
    });
    expect(d.conditions).toEqual([{ kind: "ACCOUNT_FIELD", field: "industry", op: "EQUALS", values: ["FINANCE"] }]);
    expect(d.actions).toMatchObject([
      { kind: "OPEN_REVIEW", assignee: { kind: "ROLE", role: "compliance" }, dueInDays: 0 },
      { kind: "CALL_WEBHOOK", endpointId: "wh-risk-engine" },
    ]);
  });

  it("finds a user named in traditional characters", () => {
    expect(draft("客戶健康等級變紅時，讓劉洋兩天內回訪。").actions).toMatchObject([
      { kind: "CREATE_TASK", assignee: { kind: "USER", userId: "u-liu-yang" }, dueInDays: 2 },
    ]);
  });
});

describe("where the antecedent is", () => {
  it("reads a condition given after the actions with 条件是, and drops a request to set the rule up", () => {
    const d = draft("请帮我建一条规则：给二线支持团队派一个排查任务，条件是SaaS客户的首响时间超过2小时。");
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept: "core:first-response-time", op: "BELOW" });
    expect(d.conditions).toEqual([{ kind: "ACCOUNT_FIELD", field: "industry", op: "EQUALS", values: ["SAAS"] }]);
    expect(d.actions).toMatchObject([{ kind: "CREATE_TASK", assignee: { kind: "TEAM", teamId: "t-support-tier2" } }]);
    expect(d.unrecognised).toEqual([]);
  });

  it("reads 前提是 after the actions", () => {
    const d = draft("自动推送到钉钉，前提是电商客户的退货率超过10%。");
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept: "ecommerce:return-rate" });
    expect(d.actions).toEqual([{ kind: "CALL_WEBHOOK", endpointId: "wh-dingtalk" }]);
    expect(d.mode).toBe("AUTO");
  });

  it("reads an antecedent closed by 的情况下", () => {
    const d = draft("在中小企业客户的健康等级变成红色的情况下，让客户负责人一周内回访。");
    expect(d.trigger).toEqual({ kind: "HEALTH_GRADE_CHANGE", to: ["RED"] });
    expect(d.conditions).toEqual([{ kind: "ACCOUNT_FIELD", field: "segment", op: "EQUALS", values: ["SMB"] }]);
    expect(d.actions).toMatchObject([{ kind: "CREATE_TASK", assignee: { kind: "ACCOUNT_OWNER" }, dueInDays: 7 }]);
  });
});

describe("counts and trends", () => {
  it("reads a count said before the concept (出现两次扣关)", () => {
    expect(draft("电商客户一周内出现两次扣关，就让子午线物流跟进。").trigger).toEqual({
      kind: "SIGNAL_COUNT",
      signals: { concept: "ecommerce:customs-clearance", valueEquals: "true" },
      count: 2,
      withinDays: 7,
      scope: "ACCOUNT",
    });
  });

  it("reads a total change over a window as a trend of that amount over the window's days", () => {
    const d = draft("SaaS客户的净推荐值在30天内下降了3分，就让Anna回访。");
    expect(d.trigger).toMatchObject({
      kind: "CONCEPT_TREND",
      concept: "core:nps",
      direction: "FALLING",
      withinDays: 30,
      scope: "ACCOUNT",
    });
    expect((d.trigger as { ratePerDay: number }).ratePerDay).toBeCloseTo(0.1, 4);
    const up = draft("工厂客户的废品率两周内上升超过七个百分点时，通知质量工程师。");
    expect(up.trigger).toMatchObject({
      kind: "CONCEPT_TREND",
      concept: "manufacturing:scrap-rate",
      direction: "RISING",
    });
    expect((up.trigger as { ratePerDay: number }).ratePerDay).toBeCloseTo(0.5, 4);
  });

  it("keeps a fall *to* a level a threshold", () => {
    expect(draft("SaaS客户的净推荐值在30天内下降到5分，就让Anna回访。").trigger).toMatchObject({
      kind: "CONCEPT_THRESHOLD",
      concept: "core:nps",
      op: "BELOW",
    });
  });
});

describe("opportunity events", () => {
  it("reads an opportunity moving to a stage as an update of it", () => {
    const d = draft("金融客户的商机推进到报价阶段时，通知Raj准备报价。");
    expect(d.trigger).toEqual({ kind: "EVENT", eventTypes: ["OPPORTUNITY_UPDATED"] });
    expect(d.conditions).toEqual([{ kind: "ACCOUNT_FIELD", field: "industry", op: "EQUALS", values: ["FINANCE"] }]);
    expect(d.actions).toMatchObject([{ kind: "CREATE_TASK", assignee: { kind: "USER", userId: "u-raj-patel" } }]);
  });

  it("reads a deal won or lost as an update of the opportunity", () => {
    for (const text of [
      "只要输单，就请王芳做一次复盘。",
      "每当有商机成交，就推送到ERP系统。",
      "销售机会被拿下时，通知实施团队。",
    ]) {
      expect(draft(text).trigger).toEqual({ kind: "EVENT", eventTypes: ["OPPORTUNITY_UPDATED"] });
    }
  });

  it("does not read 成交额 or a stage word as an event when a measure is meant", () => {
    expect(draft("电商客户的成交总额一个月内下降超过20%时，通知平台运营团队。").trigger).not.toMatchObject({
      kind: "EVENT",
    });
  });
});

describe("conditions and boolean events said loosely", () => {
  it("reads no open task with the task's name between (还没有进行中的续约跟进任务)", () => {
    const d = draft("SaaS客户的许可使用率低于40%，而且还没有进行中的续约跟进任务时，让客户经理跟进。");
    expect(d.conditions).toContainEqual(expect.objectContaining({ kind: "NO_OPEN_TASK" }));
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept: "saas:license-utilisation" });
  });

  it("reads a boolean concept's subject with a window before its breach word (发票在两个月内逾期三次)", () => {
    expect(draft("只要软件客户的发票在两个月内逾期三次，就让回款小组跟进。").trigger).toEqual({
      kind: "SIGNAL_COUNT",
      signals: { concept: "core:overdue-invoices", valueEquals: "true" },
      count: 3,
      withinDays: 60,
      scope: "ACCOUNT",
    });
  });

  it("reads a boolean concept's subject followed by a count (返修三次)", () => {
    expect(draft("车队客户的车辆两周内返修三次时，通知绿伏。").trigger).toMatchObject({
      kind: "SIGNAL_COUNT",
      signals: { concept: "automotive:first-time-fix", valueEquals: "true", subjectKinds: ["ASSET"] },
      count: 3,
      withinDays: 14,
    });
  });

  it("reads a good flag no longer holding (不再参与, 停止对接) as the concept turning bad", () => {
    for (const text of [
      "企业级客户的高层支持停止对接时，请大客户团队跟进。",
      "一旦客户的高管赞助不再参与，请李伟约见客户。",
    ]) {
      expect(draft(text).trigger).toEqual({
        kind: "CONCEPT_THRESHOLD",
        concept: "core:executive-sponsorship",
        op: "BELOW",
        value: 0.5,
        scope: "ACCOUNT",
      });
    }
  });

  it("reads the record that joins (联系人加入客户) as the created one", () => {
    expect(draft("每当有新联系人加入银行客户，就推送到风控系统。").trigger).toEqual({
      kind: "EVENT",
      eventTypes: ["CONTACT_CREATED"],
    });
  });
});

describe("assignees the tenant does not have", () => {
  it("names an unknown person joined before a known assignee and keeps the known one's task", () => {
    const d = draft("客户健康等级变红时，请市场总监和客户负责人一起制定挽回方案。");
    expect(d.actions).toMatchObject([{ kind: "CREATE_TASK", assignee: { kind: "ACCOUNT_OWNER" } }]);
    expect(d.unrecognised).toContain("市场总监");
  });

  it("names an unknown person joined after a known assignee (和吴经理各派一个)", () => {
    const d = draft("医院客户的设备开机率低于95%时，给华通和吴经理各派一个检修任务。");
    expect(d.actions).toMatchObject([
      { kind: "CREATE_TASK", assignee: { kind: "ORGANIZATION", organizationId: "org-huatong-medical" } },
    ]);
    expect(d.unrecognised).toContain("吴经理");
  });

  it("names a pick inside a team the schema cannot express, keeping the team", () => {
    const d = draft("客户健康等级变红时，让二线支持团队里最有经验的工程师当天处理。");
    expect(d.actions).toMatchObject([
      { kind: "CREATE_TASK", assignee: { kind: "TEAM", teamId: "t-support-tier2" }, dueInDays: 0 },
    ]);
    expect(d.unrecognised.some((p) => p.includes("最有经验"))).toBe(true);
  });

  it("does not name two known assignees as unknown", () => {
    expect(draft("客户健康等级变红时，请刘洋和客服主管各跟进一次。").unrecognised).toEqual([]);
  });
});

describe("health scores beside thresholds, 百分百 and 都要让", () => {
  it("reads a health score joined to another concept's threshold as a condition, in either order", () => {
    for (const text of [
      "学校客户的教师使用率低于30%且健康分低于50，让孙慧两周内安排培训。",
      "健康分低于50并且学校客户的教师使用率低于30%时，让孙慧两周内安排培训。",
    ]) {
      const d = draft(text);
      expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept: "education:instructor-adoption" });
      expect((d.trigger as { value: number }).value).toBeCloseTo(10 / 70, 3);
      expect(d.conditions).toContainEqual({ kind: "HEALTH_SCORE", op: "BELOW", value: 50 });
      expect(d.unrecognised).toEqual([]);
    }
  });

  it("keeps a health score alone as the trigger", () => {
    expect(draft("客户健康分低于60时，通知客户经理。").conditions).toEqual([]);
  });

  it("reads 百分百 as 100 % and 都要让 as the start of an action", () => {
    const d = draft("凡是大型企业客户的净收入留存率跌破百分百，都要让王芳在十天内做一次续约评审。");
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept: "saas:net-revenue-retention", op: "BELOW" });
    expect(value(d)).toBeCloseTo(0.5, 3);
    expect(d.actions).toMatchObject([
      { kind: "OPEN_REVIEW", assignee: { kind: "USER", userId: "u-wang-fang" }, dueInDays: 10 },
    ]);
  });
});

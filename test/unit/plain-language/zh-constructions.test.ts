/**
 * The Chinese grammar (issue 12) on sentences of our own, written for this file and in no corpus set: the
 * constructions of session 9 — trends by a colloquial verb with a rate per period (每周掉3个百分点), grade
 * transitions with an adverb (从绿色直接掉到红色), ticket and consent events with a condition said of the
 * accounts (健康分低于40的客户有新工单进来), counted records an event happened to (3张工单被重开), checks not
 * yet done (受益所有人还没有核实) and their success criterion, and a doer said after the action.
 * Simplified and traditional, 口语 and 书面语, conditions before and after.
 */
import {
  DraftCase,
  draftIn,
  expectDraft,
  industry,
  org,
  owner,
  review,
  role,
  segment,
  task,
  team,
  user,
} from "../../support/plain-language-drafts";

const draft = draftIn("zh");

function check(c: DraftCase): void {
  expectDraft(draft, c, "any order");
}

const adoptionFalling = (ratePerDay: number, withinDays: number) => ({
  kind: "CONCEPT_TREND",
  concept: "saas:feature-adoption",
  direction: "FALLING",
  withinDays,
  ratePerDay: expect.closeTo(ratePerDay, 3) as unknown as number,
});

describe("trends by a change per period, said with colloquial verbs (每周掉3个百分点, 每月都跌)", () => {
  const cases: DraftCase[] = [
    {
      text: "SaaS客户的功能采用率如果在六周里每周掉3个百分点以上，请客户成功团队安排一次功能培训。",
      trigger: adoptionFalling(0.4286, 42),
      conditions: [industry("SAAS")],
      actions: [task(team("t-customer-success"))],
    },
    {
      text: "軟件客戶的功能採用率若連續六週每週下滑超過3個百分點，請客戶成功團隊安排培訓。",
      trigger: adoptionFalling(0.4286, 42),
      conditions: [industry("SAAS")],
      actions: [task(team("t-customer-success"))],
    },
    {
      text: "功能采用率最近一个月每周跌掉超过2个百分点的SaaS客户，让客户经理三天内回访。",
      trigger: adoptionFalling(0.2857, 30),
      conditions: [industry("SAAS")],
      actions: [task(owner, 3)],
    },
    {
      text: "SaaS客户的功能采用率以每周3个百分点以上的速度下降、持续六周，请客户成功团队安排培训。",
      trigger: adoptionFalling(0.4286, 42),
      conditions: [industry("SAAS")],
      actions: [task(team("t-customer-success"))],
    },
    {
      text: "功能采用率连续六周下滑，且每周跌幅超过3个百分点的SaaS客户，请客户成功团队安排培训。",
      trigger: adoptionFalling(0.4286, 42),
      conditions: [industry("SAAS")],
      actions: [task(team("t-customer-success"))],
    },
    {
      text: "如果医院客户的出院随访率在三个月里每个月都掉5个点以上，请张敏牵头梳理随访流程。",
      trigger: { kind: "CONCEPT_TREND", concept: "healthcare:patient-follow-up", direction: "FALLING", withinDays: 90 },
      conditions: [industry("HEALTHCARE")],
      actions: [task(user("u-zhang-min"))],
    },
    {
      text: "要是制造业客户的OEE连续三周每周都降2个百分点，就让质量部一周内出个改进方案。",
      trigger: { kind: "CONCEPT_TREND", concept: "manufacturing:oee", direction: "FALLING", withinDays: 21 },
      conditions: [industry("MANUFACTURING")],
      actions: [task(team("t-quality"), 7)],
    },
    {
      text: "工单积压量每天多出5张以上，持续两周的话，通知二线支持。",
      trigger: {
        kind: "CONCEPT_TREND",
        concept: "core:support-backlog",
        direction: "RISING",
        ratePerDay: 5,
        withinDays: 14,
      },
      conditions: [],
      actions: [task(team("t-support-tier2"))],
    },
  ];
  it.each(cases)("$text", (c) => check(c));

  it("keeps a fall to a level (跌到90%以下) a threshold", () => {
    const d = draft("充电站的充电成功率一旦跌到90%以下，请绿伏服务两天内排查。");
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", op: "BELOW" });
  });
});

describe("grade transitions with where they came from and an adverb (从绿色直接掉到红色)", () => {
  const cases: DraftCase[] = [
    {
      text: "如果客户的健康度从绿灯一下子变成红灯，让客户经理当天联系客户。",
      trigger: { kind: "HEALTH_GRADE_CHANGE", from: ["GREEN"], to: ["RED"], direction: "DOWN" },
      conditions: [],
      actions: [task(owner, 0)],
    },
    {
      text: "健康等級由綠色突然跌到紅色的醫院客戶，請客戶經理兩天內拜訪。",
      trigger: { kind: "HEALTH_GRADE_CHANGE", from: ["GREEN"], to: ["RED"], direction: "DOWN" },
      conditions: [industry("HEALTHCARE")],
      actions: [task(owner, 2)],
    },
    {
      text: "只要健康等级从黄色又回到绿色，就让客户经理两周内推进续约。",
      trigger: { kind: "HEALTH_GRADE_CHANGE", from: ["YELLOW"], to: ["GREEN"], direction: "UP" },
      conditions: [],
      actions: [task(owner, 14)],
    },
    {
      text: "客户健康灯从绿直接变红时，通知客户成功团队。",
      trigger: { kind: "HEALTH_GRADE_CHANGE", from: ["GREEN"], to: ["RED"], direction: "DOWN" },
      conditions: [],
      actions: [task(team("t-customer-success"))],
    },
  ];
  it.each(cases)("$text", (c) => check(c));
});

describe("ticket and consent events, with a health score said of the accounts as a condition", () => {
  const cases: DraftCase[] = [
    {
      text: "健康分不到50分的客户一旦提交了新工单，马上让二线支持跟进。",
      trigger: { kind: "EVENT", eventTypes: ["TICKET_CREATED"] },
      conditions: [{ kind: "HEALTH_SCORE", op: "BELOW", value: 50 }],
      actions: [task(team("t-support-tier2"))],
    },
    {
      text: "只要有新的工单进来，并且客户健康分低于60，就通知客户经理。",
      trigger: { kind: "EVENT", eventTypes: ["TICKET_CREATED"] },
      conditions: [{ kind: "HEALTH_SCORE", op: "BELOW", value: 60 }],
      actions: [task(owner)],
    },
    {
      text: "健康分高于80的客户新建工单时，请客户成功团队回访。",
      trigger: { kind: "EVENT", eventTypes: ["TICKET_CREATED"] },
      conditions: [{ kind: "HEALTH_SCORE", op: "ABOVE", value: 80 }],
      actions: [task(team("t-customer-success"))],
    },
    {
      text: "只要有新工单提交上来，而且客户健康等级是红色，就让二线支持两小时内响应。",
      trigger: { kind: "EVENT", eventTypes: ["TICKET_CREATED"] },
      conditions: [{ kind: "HEALTH_GRADE", grades: ["RED"] }],
      actions: [task(team("t-support-tier2"), 1)],
    },
    {
      text: "工单更新时通知客户经理。",
      trigger: { kind: "EVENT", eventTypes: ["TICKET_UPDATED"] },
      conditions: [],
      actions: [task(owner)],
    },
    {
      text: "客户的数据使用授权一旦更新，就同步到风控系统。",
      trigger: { kind: "EVENT", eventTypes: ["CONSENT_RECORDED"] },
      conditions: [],
      actions: [{ kind: "CALL_WEBHOOK", endpointId: "wh-risk-engine" }],
    },
    {
      text: "有新的隐私授权登记时，请法务审核。",
      trigger: { kind: "EVENT", eventTypes: ["CONSENT_RECORDED"] },
      conditions: [],
      actions: [review(role("legal"))],
    },
    {
      text: "每當有客戶登記或更新了資料使用授權，就自動同步到風控系統。",
      trigger: { kind: "EVENT", eventTypes: ["CONSENT_RECORDED"] },
      conditions: [],
      actions: [{ kind: "CALL_WEBHOOK", endpointId: "wh-risk-engine" }],
      mode: "AUTO",
    },
    {
      text: "健康分不足50的医院客户新增联系人时，通知客户经理。",
      trigger: { kind: "EVENT", eventTypes: ["CONTACT_CREATED"] },
      conditions: [industry("HEALTHCARE"), { kind: "HEALTH_SCORE", op: "BELOW", value: 50 }],
      actions: [task(owner)],
    },
  ];
  it.each(cases)("$text", (c) => check(c));

  it("keeps a verb said as a noun with its own record (资料一有修改或者新增联系人)", () => {
    const d = draft("名称里带“集团”的客户，资料一有修改或者新增联系人，就让陈静核对主数据。");
    expect(d.trigger).toMatchObject({ kind: "EVENT", eventTypes: ["ACCOUNT_UPDATED", "CONTACT_CREATED"] });
  });
});

describe("counted events of a flag: with a comparison word, or said of the records they happened to", () => {
  const firstTimeFix = (count: number, withinDays: number) => ({
    kind: "SIGNAL_COUNT",
    signals: { concept: "automotive:first-time-fix", valueEquals: "true", subjectKinds: ["ASSET"] },
    count,
    withinDays,
  });
  const reopened = (count: number, withinDays: number) => ({
    kind: "SIGNAL_COUNT",
    signals: { concept: "core:support-quality", valueEquals: "true" },
    count,
    withinDays,
  });
  const cases: DraftCase[] = [
    {
      text: "車隊客戶的車輛如果一個月內返修達到兩次，就讓現場服務團隊處理。",
      trigger: firstTimeFix(2, 30),
      conditions: [industry("AUTOMOTIVE")],
      actions: [task(team("t-field-service"))],
    },
    {
      text: "如果两周内有超过两台设备被返修，请华通跟进。",
      trigger: firstTimeFix(3, 14),
      conditions: [],
      actions: [task(org("org-huatong-medical"))],
    },
    {
      text: "一周内同一台设备返修超过两次的车企客户，请现场服务团队排查原因。",
      trigger: firstTimeFix(3, 7),
      conditions: [industry("AUTOMOTIVE")],
      actions: [task(team("t-field-service"))],
    },
    {
      text: "如果一季度内有两张工单重开，让二线支持复盘。",
      trigger: reopened(2, 90),
      conditions: [],
      actions: [task(team("t-support-tier2"))],
    },
    {
      text: "如果客户30天内有两张以上工单被重开，就请二线支持复盘。",
      trigger: reopened(2, 30),
      conditions: [],
      actions: [task(team("t-support-tier2"))],
    },
    {
      text: "工單在一週內被重開三次的客戶，請趙磊複盤。",
      trigger: reopened(3, 7),
      conditions: [],
      actions: [task(user("u-zhao-lei"))],
    },
  ];
  it.each(cases)("$text", (c) => check(c));
});

describe("a check not yet done, and a success criterion saying it was done", () => {
  const ubo = { kind: "CONCEPT_THRESHOLD", concept: "finance:beneficial-ownership", op: "BELOW", value: 0.5 };
  const cases: DraftCase[] = [
    {
      text: "银行客户的受益所有人如果没核实，自动开一个UBO核查评审给尽调专员。",
      trigger: ubo,
      conditions: [industry("FINANCE")],
      actions: [review(role("kyc-analyst"))],
      mode: "AUTO",
    },
    {
      text: "受益所有人一直没核实的金融客户，让合规团队跟进，两周内完成核实就算成功。",
      trigger: ubo,
      conditions: [industry("FINANCE")],
      actions: [task(role("compliance"))],
    },
    {
      text: "若医院的强制检定已过期，就请华通当天上门。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "healthcare:calibration-compliance", op: "BELOW", value: 0.5 },
      conditions: [industry("HEALTHCARE")],
      actions: [task(org("org-huatong-medical"), 0)],
    },
  ];
  it.each(cases)("$text", (c) => check(c));

  it("reads 核实通过 after the trigger as the flag's good value seen", () => {
    const d = draft("如果客户的受益所有人还没有核实，就让尽调专员三天内核查；十天内核实通过就算成功。");
    expect(d.trigger).toMatchObject(ubo);
    expect(d.feedback).toEqual({
      kind: "SIGNAL_OBSERVED",
      signals: { concept: "finance:beneficial-ownership", valueEquals: "true" },
      withinDays: 10,
    });
  });

  it("keeps a criterion that only says done (一周内完成就算成功) a completed task", () => {
    const d = draft("如果客户的受益所有人还没有核实，就让尽调专员跟进，一周内完成就算成功。");
    expect(d.feedback).toEqual({ kind: "TASK_COMPLETED", withinDays: 7 });
  });

  it("guesses no concept of another industry from a value word (医院客户的……过期 is no KYC expiry)", () => {
    // Something the packs do not name expiring at a hospital: no trigger rather than the finance pack's
    // KYC-document expiry.
    expect(draft("医院客户的停车证要是过期了，请华通上门。").trigger).toBeNull();
    // 强检 is the healthcare pack's mandatory calibration, so its expiry is that concept's bad state.
    expect(draft("医院客户的强检要是过期了，请华通上门。").trigger).toEqual({
      kind: "CONCEPT_THRESHOLD",
      concept: "healthcare:calibration-compliance",
      op: "BELOW",
      value: 0.5,
      scope: "ACCOUNT",
    });
  });
});

describe("a doer said after the action (……，由客户成功团队负责)", () => {
  const cases: DraftCase[] = [
    {
      text: "当NPS低于6分时，安排回访，由客户经理跟进。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW" },
      conditions: [],
      actions: [task(owner)],
    },
    {
      text: "医院客户健康等级变红时，安排一次上门拜访，交给华通来办，三天内完成。",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
      conditions: [industry("HEALTHCARE")],
      actions: [task(org("org-huatong-medical"), 3)],
    },
    {
      text: "企业级客户的NPS低于6分时，同步到风控系统，由客户经理跟进。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW" },
      conditions: [segment("ENTERPRISE")],
      actions: [{ kind: "CALL_WEBHOOK", endpointId: "wh-risk-engine" }, task(owner)],
    },
  ];
  it.each(cases)("$text", (c) => check(c));
});

describe("churn and renewal said as what happened, late conditions joined with 且, origins read with the change", () => {
  const cases: DraftCase[] = [
    {
      text: "只要客户流失了，就请客户经理一周内做流失复盘。",
      trigger: { kind: "EVENT", eventTypes: ["OUTCOME_RECORDED"] },
      conditions: [],
      actions: [task(owner, 7)],
    },
    {
      text: "当企业级客户确认流失时，通知客户成功团队。",
      trigger: { kind: "EVENT", eventTypes: ["OUTCOME_RECORDED"] },
      conditions: [segment("ENTERPRISE")],
      actions: [task(team("t-customer-success"))],
    },
    {
      text: "只要有医院客户新签约，就请客户成功团队一周内安排启动会。",
      trigger: { kind: "EVENT", eventTypes: ["ACCOUNT_CREATED"] },
      conditions: [industry("HEALTHCARE")],
      actions: [task(team("t-customer-success"), 7)],
    },
    {
      text: "给二线支持派一个紧急任务，前提是企业级客户有新工单进来且健康分低于30。",
      trigger: { kind: "EVENT", eventTypes: ["TICKET_CREATED"] },
      conditions: [segment("ENTERPRISE"), { kind: "HEALTH_SCORE", op: "BELOW", value: 30 }],
      actions: [task(team("t-support-tier2"))],
    },
    {
      text: "请客户经理两天内回访，如果医院客户的NPS低于6分，并且健康等级是红色。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW", value: 0.6 },
      conditions: [industry("HEALTHCARE"), { kind: "HEALTH_GRADE", grades: ["RED"] }],
      actions: [task(owner, 2)],
    },
    {
      text: "当客户NPS从9分降到6分以下时，请客户经理回访。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW", value: 0.6 },
      conditions: [],
      actions: [task(owner)],
    },
    {
      text: "银行客户的反洗钱风险等级一旦从中风险升为高风险，自动给合规部开一个评审。",
      trigger: { kind: "SIGNAL_COUNT", signals: { concept: "finance:aml-risk-rating", valueEquals: "HIGH" } },
      conditions: [industry("FINANCE")],
      actions: [review(role("compliance"))],
      mode: "AUTO",
    },
    {
      text: "一旦SaaS客户的许可使用率超过95%，记一条增购意向信号，并请客户经理一周内跟进。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "saas:license-utilisation", op: "ABOVE" },
      conditions: [industry("SAAS")],
      actions: [{ kind: "RAISE_INTENT_SIGNAL" }, task(owner, 7)],
    },
  ];
  it.each(cases)("$text", (c) => check(c));

  it("keeps a concept of churn (流失风险) no outcome", () => {
    expect(draft("客户流失风险超过0.8时，通知客户经理。").trigger).not.toMatchObject({ kind: "EVENT" });
  });

  it("reads a calibration done after an expiry as the expired flag false", () => {
    const d = draft("医院客户的设备强制检定如果还没做，就请华通上门校准；五天内校准完成就算成功。");
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept: "healthcare:calibration-compliance" });
    expect(d.feedback).toEqual({
      kind: "SIGNAL_OBSERVED",
      signals: { concept: "healthcare:calibration-compliance", valueEquals: "false" },
      withinDays: 5,
    });
  });
});

describe("days past a breach, and counted complaints said loosely", () => {
  it("reads 账款逾期超过30天 as days past due on its scale", () => {
    const d = draft("金融客户的账款逾期超过30天时，请财务催收。");
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept: "finance:days-past-due", op: "BELOW" });
    expect(d.unrecognised).toEqual([]);
  });

  it("reads 发票逾期已经超过两个月 as 60 days past due", () => {
    const d = draft("客户发票逾期已经超过两个月，请财务跟进。");
    expect(d.trigger).toEqual({
      kind: "CONCEPT_THRESHOLD",
      concept: "finance:days-past-due",
      op: "BELOW",
      value: 0.4,
      scope: "ACCOUNT",
    });
  });

  it("keeps an invoice overdue with no days the overdue flag", () => {
    const d = draft("发票逾期时请财务催收。");
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept: "core:overdue-invoices", op: "BELOW" });
  });

  it("counts complaints said with 连续 (连续投诉三次)", () => {
    const d = draft("制造业客户如果两周内连续投诉三次，就请客户经理当天处理。");
    expect(d.trigger).toMatchObject({ kind: "SIGNAL_COUNT", count: 3, withinDays: 14 });
    expect(d.actions).toMatchObject([task(owner, 0)]);
  });

  it("reads a renewal task's name as no renewal outcome (没有进行中的续约跟进任务)", () => {
    const d = draft("SaaS客户的许可使用率低于40%，而且还没有进行中的续约跟进任务时，让客户经理跟进。");
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept: "saas:license-utilisation" });
  });
});

describe("grades with 以下/以上, and place words of speech", () => {
  it("reads 掉到黄色以下 as yellow or red, inclusively", () => {
    const d = draft("客户健康等级掉到黄色以下时，请客户成功团队回访。");
    expect(d.trigger).toMatchObject({ kind: "HEALTH_GRADE_CHANGE", to: ["YELLOW", "RED"], direction: "DOWN" });
  });

  it("reads 黄色及以下 as a grade condition of yellow or red", () => {
    const d = draft("健康等级在黄色及以下的医院客户，NPS低于6分时请客户经理回访。");
    expect(d.conditions).toEqual(
      expect.arrayContaining([industry("HEALTHCARE"), { kind: "HEALTH_GRADE", grades: ["YELLOW", "RED"] }]),
    );
  });

  it("names nothing for 那边 in 医院那边的客户要是……", () => {
    const d = draft("医院那边的客户要是健康度变红了，让客户经理赶紧去拜访一下，两天之内搞定。");
    expect(d.trigger).toMatchObject({ kind: "HEALTH_GRADE_CHANGE", to: ["RED"] });
    expect(d.actions).toMatchObject([task(owner, 2)]);
    expect(d.unrecognised).toEqual([]);
  });
});

describe("a grade that only says which accounts, beside a trigger not understood", () => {
  it("keeps 健康等级为红色的 a condition and names what the accounts do", () => {
    const d = draft("健康等级为红色的企业级客户一周内新增工单超过3张，就让二线支持当天介入。");
    expect(d.trigger).toBeNull();
    expect(d.conditions).toEqual(
      expect.arrayContaining([segment("ENTERPRISE"), { kind: "HEALTH_GRADE", grades: ["RED"] }]),
    );
    expect(d.unrecognised.length).toBeGreaterThan(0);
  });

  it("still reads a grade state alone as the grade becoming it", () => {
    const d = draft("健康等级为红色的企业级客户，请客户经理当天回访。");
    expect(d.trigger).toMatchObject({ kind: "HEALTH_GRADE_CHANGE", to: ["RED"] });
  });
});

describe("success criteria on the rule's own measure, said short, or said as how the effect is measured", () => {
  it("reads 出勤率回到90%以上 after a threshold on 车辆出勤率 as that measure seen", () => {
    const d = draft("如果车企客户的车辆出勤率低于85%，让现场服务团队三天内排查；两周内出勤率回到90%以上就算成功。");
    expect(d.feedback).toEqual({
      kind: "SIGNAL_OBSERVED",
      signals: { concept: "automotive:vehicle-availability" },
      withinDays: 14,
    });
    expect(d.unrecognised).toEqual([]);
  });

  it("prefers the trigger's concept among several with one name (开机率)", () => {
    const d = draft("当医院客户的设备开机率低于90%，请华通巡检，成功标准是一个月内开机率恢复到95%以上。");
    expect(d.feedback).toMatchObject({ kind: "SIGNAL_OBSERVED", signals: { concept: "healthcare:equipment-uptime" } });
  });

  it("reads 效果以……来衡量 as the criterion, keeping the action before it and its deadline", () => {
    const d = draft("如果SaaS客户的许可使用率低于30%，请客户成功团队培训，效果以45天内功能采用率提升来衡量。");
    expect(d.actions).toMatchObject([task(team("t-customer-success"), 3)]);
    expect(d.feedback).toEqual({
      kind: "SIGNAL_OBSERVED",
      signals: { concept: "saas:feature-adoption" },
      withinDays: 45,
    });
  });
});

describe("a flag named by the start of its label before its bad value (出现制裁命中)", () => {
  const cases: DraftCase[] = [
    {
      text: "对于金融行业的客户，一旦出现制裁命中，立即通知合规部。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "finance:sanctions-screening", op: "BELOW", value: 0.5 },
      conditions: [industry("FINANCE")],
      actions: [task(role("compliance"))],
    },
    {
      text: "保险客户如果发生制裁命中，自动开一个合规评审给合规部。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "finance:sanctions-screening", op: "BELOW", value: 0.5 },
      conditions: [industry("FINANCE")],
      actions: [review(role("compliance"))],
      mode: "AUTO",
    },
  ];
  it.each(cases)("$text", (c) => check(c));
});

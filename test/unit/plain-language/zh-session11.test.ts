/**
 * Kinds of Chinese sentence the grammar missed on the blind sets development-6 and -7 (issue 12), closed
 * with general rules and checked on sentences of our own (none is a corpus sentence), from several
 * industries, in 书面 and 口语 registers and both scripts: categorical values counted or said as the lookup
 * table spells them, a second condition joined with 、/且/又/同时, deadlines in hours, success criteria said
 * as 解决/搞定/闭环, adverbs before action verbs, review verbs of speech (审一下, 把关, 过一下), 抄送, a health
 * score beside another measure, and the work named with a deadline after a notification.
 */
import { loadCorpusContext } from "../../../cli/nl";
import { PlaybookAction } from "../../../domain/automation/playbook";
import { PlaybookDraft } from "../../../domain/plain-language/draft";
import { draftPlaybookFromText } from "../../../domain/plain-language/draft-playbook";

const context = loadCorpusContext();
const draft = (text: string): PlaybookDraft => draftPlaybookFromText(text, context, "zh");

/** The kinds of a draft's actions, in order. */
const kinds = (d: PlaybookDraft): string[] => d.actions.map((a: PlaybookAction) => a.kind);

describe("a categorical value counted or said as the lookup table spells it", () => {
  it.each([
    ["保险客户一个季度内有两次以上KYC状态是EXPIRED，就请合规部复核。", "finance:kyc-status", "EXPIRED", 2, 90],
    [
      "工厂客户近六十天交付状态为PARTIAL的订单超过两单，请质量部排查。",
      "manufacturing:delivery-performance",
      "PARTIAL",
      3,
      60,
    ],
    [
      "製造業客戶兩個月內交付狀態為延遲的訂單超過3筆，請質量部處理。",
      "manufacturing:delivery-performance",
      "LATE",
      4,
      60,
    ],
    ["SaaS客户的订阅状态一个月内变成past_due两次，就通知客户经理跟进。", "saas:subscription-status", "past_due", 2, 30],
  ])("%s counts %s = %s", (text, concept, value, count, withinDays) => {
    const d = draft(text);
    expect(d.trigger).toEqual({
      kind: "SIGNAL_COUNT",
      signals: { concept, valueEquals: value },
      count,
      withinDays,
      scope: "ACCOUNT",
    });
    expect(d.unrecognised).toEqual([]);
  });

  it("reads a code said once as one signal of that value (反洗钱风险等级变成HIGH)", () => {
    const d = draft("银行客户反洗钱风险等级变成HIGH时，请合规部审核。");
    expect(d.trigger).toMatchObject({
      kind: "SIGNAL_COUNT",
      signals: { concept: "finance:aml-risk-rating", valueEquals: "HIGH" },
      count: 1,
    });
  });
});

describe("a second condition joined with 、/且/又/而且/同时", () => {
  it.each([
    [
      "电商客户退货率超过20%、健康分又不到50的话，让平台运营团队跟进。",
      { kind: "HEALTH_SCORE", op: "BELOW", value: 50 },
    ],
    ["医院客户的随访率低于60%且处于黄灯时，请张敏回访。", { kind: "HEALTH_GRADE", grades: ["YELLOW"] }],
    ["學校客戶課程完成率掉到50%以下，而且亮著紅燈的話，讓教育工坊跟進。", { kind: "HEALTH_GRADE", grades: ["RED"] }],
    [
      "车队客户充电桩可用率低于90%，同时是企业级客户，就让绿伏服务排查。",
      { kind: "ACCOUNT_FIELD", field: "segment", op: "EQUALS", values: ["ENTERPRISE"] },
    ],
  ])("%s adds the second condition", (text, condition) => {
    const d = draft(text);
    expect(d.trigger?.kind).toBe("CONCEPT_THRESHOLD");
    expect(d.conditions).toContainEqual(condition);
    expect(d.conditions).toHaveLength(2);
    expect(d.unrecognised).toEqual([]);
  });

  it("keeps a grade state said alone as the trigger (客户处于黄灯时)", () => {
    expect(draft("客户处于黄灯时，请客户经理回访。").trigger).toEqual({ kind: "HEALTH_GRADE_CHANGE", to: ["YELLOW"] });
  });
});

describe("a health score beside another measure is the condition, the measure the trigger", () => {
  it.each([
    ["客户健康分低于40而且NPS低于6分时，请客户经理回访。", "core:nps", 40],
    ["NPS低于6分且客户健康分不到50，请客户经理回访。", "core:nps", 50],
    ["电商客户的客户健康分低于45，同时退货率超过20%，让平台运营团队排查。", "ecommerce:return-rate", 45],
  ])("%s", (text, concept, score) => {
    const d = draft(text);
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept });
    expect(d.conditions).toContainEqual({ kind: "HEALTH_SCORE", op: "BELOW", value: score });
    expect(d.unrecognised).toEqual([]);
  });

  it("still reads a health score said alone as the threshold", () => {
    expect(draft("客户健康分低于40时，请客户经理回访。").trigger).toMatchObject({
      kind: "CONCEPT_THRESHOLD",
      concept: "core:customer-health",
    });
  });
});

describe("deadlines in hours are whole days, rounded up", () => {
  it.each([
    ["充电桩可用率低于90%时，请绿伏服务12小时内到场。", 1],
    ["电商客户退货率超过20%时，请客户经理36个小时之内回访。", 2],
    ["工厂客户OEE低于50%时，让质量部72小时内排查。", 3],
    ["医院客户健康等级变红时，请华通48小时内上门，七天内健康度回升就算解决。", 2],
  ])("%s is due in %i days", (text, days) => {
    const d = draft(text);
    expect(d.actions).toHaveLength(1);
    expect(d.actions[0]).toMatchObject({ dueInDays: days });
  });
});

describe("success criteria said as 解决, 搞定, 闭环, 视为解决", () => {
  it.each([
    ["工厂客户OEE低于60%，让质量部两天内排查；十天内任务完成视为解决。", { kind: "TASK_COMPLETED", withinDays: 10 }, 2],
    [
      "银行客户的制裁名单筛查命中时，请合规部当天处理，一周内工单关闭就算闭环。",
      { kind: "TASK_COMPLETED", withinDays: 7 },
      0,
    ],
    [
      "医院客户健康等级变红时，让华通第一时间上门巡检，一周内健康度恢复就算解决。",
      { kind: "HEALTH_IMPROVED", withinDays: 7 },
      0,
    ],
  ])("%s", (text, feedback, due) => {
    const d = draft(text);
    expect(d.feedback).toEqual(feedback);
    // The criterion's window is no deadline of the task before it.
    expect(d.actions[0]).toMatchObject({ dueInDays: due });
    expect(d.unrecognised).toEqual([]);
  });

  it.each([
    [
      "银行客户KYC状态变为已过期，请尽调专员两天内重新核验，五天内核验通过就算搞定。",
      "finance:kyc-status",
      "VERIFIED",
      5,
    ],
    [
      "工厂客户交付状态变成LATE，请质量部跟进，一个月内交付恢复准时就算成功。",
      "manufacturing:delivery-performance",
      "ON_TIME",
      30,
    ],
    [
      "保险客户的KYC状态一旦变成待复核，请尽调专员跟进，两周内状态变为已验证就算达标。",
      "finance:kyc-status",
      "VERIFIED",
      14,
    ],
  ])("%s sees the counted concept at its good value", (text, concept, value, withinDays) => {
    expect(draft(text).feedback).toEqual({
      kind: "SIGNAL_OBSERVED",
      signals: { concept, valueEquals: value },
      withinDays,
    });
  });
});

describe("adverbs before an action's verb (一律, 统统, 第一时间, 马上)", () => {
  it.each([
    ["新增一家经销商时，统统同步到合作伙伴门户，并请法务部把关。", "wh-partner-portal"],
    ["商机被删除时，一律推送到钉钉群，再让客户经理说明原因。", "wh-dingtalk"],
    ["医院客户的联系人被删除时，第一时间推送到风控系统，并由合规部审核。", "wh-risk-engine"],
    ["合作伙伴信息被修改，马上同步到企业微信，请法务部过一下。", "wh-wecom"],
  ])("%s posts to the system and leaves nothing unread", (text, endpointId) => {
    const d = draft(text);
    expect(d.trigger?.kind).toBe("EVENT");
    expect(d.actions[0]).toEqual({ kind: "CALL_WEBHOOK", endpointId });
    expect(d.actions).toHaveLength(2);
    expect(d.unrecognised).toEqual([]);
  });
});

describe("review verbs of speech are reviews (a verdict or an approval)", () => {
  it.each([
    ["学校客户的联系人被删除时，让教学服务部审一审。", { kind: "TEAM", teamId: "t-academic-success" }],
    ["高校客户新增联系人的时候，交给法务把关。", { kind: "ROLE", role: "legal" }],
    ["合作伙伴信息被修改，马上同步到企业微信，请法务部过一下。", { kind: "ROLE", role: "legal" }],
    ["跨境电商卖家的拒付率一旦超过0.8%，马上推送到风控系统，并让财务部审一下。", { kind: "ROLE", role: "finance" }],
  ])("%s", (text, assignee) => {
    const d = draft(text);
    const review = d.actions.find((a) => a.kind === "OPEN_REVIEW");
    expect(review).toMatchObject({ kind: "OPEN_REVIEW", assignee });
    expect(d.actions.some((a) => a.kind === "CREATE_TASK")).toBe(false);
  });

  it("keeps looking into something a task (让质量部看一下)", () => {
    expect(kinds(draft("工厂客户OEE低于50%时，让质量部看一下。"))).toEqual(["CREATE_TASK"]);
  });

  it.each([
    "电商卖家的退货率超过8%时，让平台运营团队把退货单过一遍。",
    "医院客户的首次响应时间超过一小时，请二线支持把这些工单过一下，并推送到钉钉。",
    "制造企业客户健康等级变成红色时，让质量部把近期的质检记录过一遍。",
  ])("keeps going through things (把X过一遍) a task: %s", (text) => {
    const d = draft(text);
    expect(d.actions.some((a) => a.kind === "CREATE_TASK")).toBe(true);
    expect(d.actions.some((a) => a.kind === "OPEN_REVIEW")).toBe(false);
  });
});

describe("抄送 (cc): a notification task for someone the tenant has, named when it does not", () => {
  it.each([
    ["新增联系人时请法务部审核，并抄送客户经理。", { kind: "ACCOUNT_OWNER" }],
    ["企业级客户的工单两周内被重开超过3次，就让二线支持团队复盘，cc李伟。", { kind: "USER", userId: "u-li-wei" }],
    ["制造业客户OEE低于55%，请质量部三天内上门做产线诊断，抄送客户经理。", { kind: "ACCOUNT_OWNER" }],
  ])("%s tells a known person with a task of its own", (text, assignee) => {
    const d = draft(text);
    expect(d.actions).toHaveLength(2);
    expect(d.actions[1]).toMatchObject({ kind: "CREATE_TASK", template: "notification", assignee });
    expect(d.unrecognised).toEqual([]);
  });

  it.each([
    ["联系人被删除的话，让合规部复核一下，顺便抄送吴律师。", "吴律师"],
    ["医院客户健康等级变红时请服务经理回访，顺手抄送钱主任。", "钱主任"],
    ["保险客户的联系人被删除时，请法务审核，抄送给郑顾问。", "郑顾问"],
  ])("%s names the unknown person and drafts nothing for them", (text, who) => {
    const d = draft(text);
    expect(d.actions).toHaveLength(1);
    expect(d.unrecognised).toEqual([who]);
  });
});

describe("the work said with a deadline after someone is only told is that task's work", () => {
  it("makes a review of a notification when the work is a review", () => {
    const d = draft("銀行客戶的反洗錢風險等級升為高風險時，立即通知合規專員，三天內完成強化盡調審查。");
    expect(d.actions).toHaveLength(1);
    expect(d.actions[0]).toMatchObject({
      kind: "OPEN_REVIEW",
      assignee: { kind: "ROLE", role: "compliance" },
      dueInDays: 3,
    });
  });

  it.each([
    ["工厂客户OEE低于50%时，通知质量部，一周内完成产线诊断。", "line-diagnosis", 7],
    ["学校客户健康等级变黄时，提醒教育工坊，两周内完成教师培训。", "teacher-training", 14],
  ])("%s names the task by its work", (text, template, days) => {
    const d = draft(text);
    expect(d.actions).toEqual([expect.objectContaining({ kind: "CREATE_TASK", template, dueInDays: days })]);
  });

  it("keeps a follow-up's deadline when only completion is said (两天内完成)", () => {
    const d = draft("医院客户健康等级变红，请客户经理跟进，两天内完成。");
    expect(d.actions).toEqual([expect.objectContaining({ kind: "CREATE_TASK", template: "follow-up", dueInDays: 2 })]);
  });
});

describe("a rule opened with 但凡, after a request to set it up (帮我设一条规则)", () => {
  it.each([
    "麻烦帮我设一条规则：但凡医院客户的预防性维护完成率连着两个月低于80%，就叫华通上门保养，先问我。",
    "帮我弄个规则：但凡车队客户健康等级变红，就通知客户经理。",
    "但凡软件客户的许可证使用率低于30%，请客户成功团队一周内安排使用培训。",
  ])("%s leaves nothing unread", (text) => {
    const d = draft(text);
    expect(d.trigger).not.toBeNull();
    expect(d.actions).toHaveLength(1);
    expect(d.unrecognised).toEqual([]);
  });
});

describe("an account marked as churned is the outcome recorded", () => {
  it.each([
    "客户被标记为流失了，就让客户成功团队做一次流失复盘。",
    "软件客户一旦被判定为流失，请客户经理三天内做流失访谈。",
    "客户被标为已流失时，自动推送到钉钉群。",
  ])("%s", (text) => {
    const d = draft(text);
    expect(d.trigger).toEqual({ kind: "EVENT", eventTypes: ["OUTCOME_RECORDED"] });
    expect(d.unrecognised).toEqual([]);
  });
});

/** The slugs of a draft's actions (template, review type, intent or flag), in order. */
const slugs = (d: PlaybookDraft): string[] =>
  d.actions.map((a: PlaybookAction) =>
    a.kind === "CREATE_TASK"
      ? a.template
      : a.kind === "OPEN_REVIEW"
        ? a.reviewType
        : a.kind === "RAISE_INTENT_SIGNAL"
          ? a.intent
          : a.kind === "FLAG_RECORDS"
            ? a.flag
            : a.endpointId,
  );

describe("slugs name the work in English order (soft fields, but what a user reads)", () => {
  it.each([
    ["医院客户的设备开机率低于85%时，请华通两天内上门校准。", "onsite-calibration"],
    ["车队客户的充电桩可用率低于90%时，请绿伏24小时内上门巡检。", "onsite-inspection"],
    ["中小学客户的联系人一个月内看了学习分析解决方案页面三次以上，让赵磊安排方案演示。", "solution-demo"],
    ["电商客户的退货率超过20%时，请平台运营团队两天内做一次店铺诊断。", "store-diagnosis"],
    ["医院客户新增联系人时，请客户经理一周内更新决策链图。", "stakeholder-map-update"],
    ["银行客户KYC状态变为已过期，请尽调专员三天内重新核验。", "reverification"],
    ["工厂客户的报废率超过6%时，请质量工程师两天内做根因分析。", "root-cause-analysis"],
  ])("%s → %s", (text, slug) => {
    expect(slugs(draft(text))).toEqual([slug]);
  });

  it.each([
    ["联系人被删除时，请法务部审一下。", "contact-change-review"],
    ["每当新增一个合作伙伴，就请法务部把关。", "new-organization-review"],
    ["银行客户的额度使用率超过85%时，请授信审批复核。", "credit-utilisation-review"],
    ["每当新增一个合作伙伴，就请法务部审一下合同。", "contract-review"],
  ])("%s names the review %s", (text, reviewType) => {
    expect(draft(text).actions[0]).toMatchObject({ kind: "OPEN_REVIEW", reviewType });
  });

  it.each([
    ["电商客户的日订单量一周内下降超过30%时，记一条流失风险意向。", "churn-risk"],
    ["车队客户的联系人两周内浏览电池健康解决方案页面3次，就记一条电池健康意向信号。", "battery-health-interest"],
    ["学校客户健康等级由红转黄时，自动记一条挽回意向信号。", "win-back"],
  ])("%s raises %s", (text, intent) => {
    expect(draft(text).actions).toContainEqual({ kind: "RAISE_INTENT_SIGNAL", intent });
  });

  it.each([
    ["新能源车客户的电池故障一周内发生3次以上，把相关电池批次标记为“待召回”。", "pending-recall"],
    ["车队客户的电池健康度30天内每天下降超过0.05个百分点，把相关电芯批次标记为“待复检”。", "pending-recheck"],
    ["银行客户的KYC状态变为已过期时，把客户标记为“重点关注”。", "close-watch"],
  ])("%s flags %s", (text, flag) => {
    expect(draft(text).actions).toContainEqual(expect.objectContaining({ kind: "FLAG_RECORDS", flag }));
  });
});

describe("a grade said as a state after a joiner is a condition, not the trigger (且亮黄灯, 也在黄灯状态)", () => {
  it.each([
    ["医院客户的设备开机率低于80%且亮黄灯时，第一时间派华通上门检修。", "healthcare:equipment-uptime", "YELLOW"],
    [
      "只要电商客户的退货率连续两周高于15%，也在黄灯状态，就让平台运营团队做店铺诊断。",
      "ecommerce:return-rate",
      "YELLOW",
    ],
    ["工厂客户OEE低于50%，且亮了红灯，请质量部跟进。", "manufacturing:oee", "RED"],
  ])("%s", (text, concept, grade) => {
    const d = draft(text);
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept });
    expect(d.conditions).toContainEqual({ kind: "HEALTH_GRADE", grades: [grade] });
    expect(d.unrecognised).toEqual([]);
  });

  it("keeps 亮红灯 said of the grade alone a change of grade", () => {
    expect(draft("健康等级亮红灯时，请客户经理回访。").trigger).toEqual({ kind: "HEALTH_GRADE_CHANGE", to: ["RED"] });
  });
});

describe("the work said done within a window is the task completed (修好就算解决)", () => {
  it.each([
    ["医院客户的设备开机率低于80%时，派华通上门检修，两天内修好就算解决。", 2],
    ["电商客户退货率超过20%时，请平台运营团队排查，一周内处理好就算成功。", 7],
    ["学校客户健康等级变红时，让教学服务部跟进，十天内办完就算达标。", 10],
  ])("%s", (text, withinDays) => {
    const d = draft(text);
    expect(d.feedback).toEqual({ kind: "TASK_COMPLETED", withinDays });
    expect(d.unrecognised).toEqual([]);
  });
});

describe("a count said between a state and its value (交付状态有4次是部分交付)", () => {
  it.each([
    ["制造业客户一个季度内交付状态有4次是部分交付，请质量部跟进。", "manufacturing:delivery-performance", "PARTIAL", 4],
    ["工厂客户两个月里交付状态有3次为延迟，请质量工程师排查。", "manufacturing:delivery-performance", "LATE", 3],
    ["银行客户一个月内KYC状态有两次是已过期，请尽调专员复核。", "finance:kyc-status", "EXPIRED", 2],
  ])("%s", (text, concept, value, count) => {
    const d = draft(text);
    expect(d.trigger).toMatchObject({ kind: "SIGNAL_COUNT", signals: { concept, valueEquals: value }, count });
    expect(d.unrecognised).toEqual([]);
  });
});

describe("a heading that names a known doer does the actions that name no one (大客户团队：……)", () => {
  it.each([
    ["大客户团队：企业级客户健康等级由绿转红时，立即约高层会面，先问我。", { kind: "TEAM", teamId: "t-key-accounts" }],
    ["客户经理请注意：医院客户的随访率一旦跌破50%，请在两天内上门沟通，并同步到企业微信。", { kind: "ACCOUNT_OWNER" }],
    ["质量部须知：工厂客户OEE低于50%时做产线诊断，两周内完成。", { kind: "TEAM", teamId: "t-quality" }],
  ])("%s", (text, assignee) => {
    const d = draft(text);
    expect(d.actions[0]).toMatchObject({ kind: "CREATE_TASK", assignee });
    expect(d.actions.filter((a) => a.kind === "CREATE_TASK")).toHaveLength(1);
    expect(d.unrecognised).toEqual([]);
  });

  it("leaves an action that names its own doer to that doer", () => {
    const d = draft("客户经理：医院客户健康等级变红时，请华通三天内上门巡检。");
    expect(d.actions).toMatchObject([
      { kind: "CREATE_TASK", assignee: { kind: "ORGANIZATION", organizationId: "org-huatong-medical" } },
    ]);
  });
});

describe("如遇 opens a rule; 统一 is an adverb before a post", () => {
  it.each([
    "如遇银行客户反洗钱风险等级调整为高，请合规专员于三个工作日内完成复核，并同步至风控系统。",
    "如遇到医院客户健康等级变红，请服务经理两天内回访。",
    "中小学客户新增联系人，统一推送到钉钉，并让教育工坊一周内做一次产品培训。",
  ])("%s leaves nothing unread", (text) => {
    const d = draft(text);
    expect(d.trigger).not.toBeNull();
    expect(d.actions.length).toBeGreaterThan(0);
    expect(d.unrecognised).toEqual([]);
  });
});

describe("a bare duration right before a count is its window (一周超过5单)", () => {
  it.each([
    ["电商卖家交付状态是LATE的订单一周超过5单，让子午线物流排查发货问题。", 7, 6],
    ["工厂客户两个月有3次以上交付状态是LATE，请质量部跟进。", 60, 3],
    ["银行客户KYC状态变成已过期一个季度达到两次，请尽调专员复核。", 90, 2],
  ])("%s", (text, withinDays, count) => {
    const d = draft(text);
    expect(d.trigger).toMatchObject({ kind: "SIGNAL_COUNT", withinDays, count });
    expect(d.unrecognised).toEqual([]);
  });
});

describe("words that say all conditions hold (同时满足……两个条件) add none", () => {
  it.each([
    "医院客户同时满足随访率低于50%、处于红灯两个条件时，请孙慧牵头评审。",
    "医院客户满足以下两个条件：随访率低于50%，且处于红灯，请孙慧评审。",
    "软件客户同时满足许可证使用率低于40%和健康分不到50这两个条件时，让客户成功团队跟进。",
  ])("%s", (text) => {
    const d = draft(text);
    expect(d.trigger?.kind).toBe("CONCEPT_THRESHOLD");
    expect(d.conditions).toHaveLength(2);
    expect(d.unrecognised).toEqual([]);
  });
});

describe("slugs of going on site", () => {
  it.each([
    ["要是制造业客户的OEE掉到50%以下，质量部就得48小时内上门。", "onsite-visit"],
    ["医院客户健康等级变红时，请华通两天内到现场排查。", "onsite-troubleshooting"],
    ["车队客户的充电桩可用率低于90%时，派工程师上门维修。", "onsite-repair"],
  ])("%s → %s", (text, template) => {
    expect(draft(text).actions).toEqual([expect.objectContaining({ kind: "CREATE_TASK", template })]);
  });
});

describe("after a heading's doer, a clause led by its deadline is that doer's action", () => {
  it.each([
    ["刘洋：SaaS客户NPS低于5分，一周内打电话回访，先问我。", { kind: "USER", userId: "u-liu-yang" }, 7],
    ["质量部：工厂客户OEE低于50%，两天内到现场排查。", { kind: "TEAM", teamId: "t-quality" }, 2],
    ["客户经理：医院客户的随访率跌破50%，三天内上门沟通。", { kind: "ACCOUNT_OWNER" }, 3],
  ])("%s", (text, assignee, dueInDays) => {
    const d = draft(text);
    expect(d.trigger?.kind).toBe("CONCEPT_THRESHOLD");
    expect(d.actions).toEqual([expect.objectContaining({ kind: "CREATE_TASK", assignee, dueInDays })]);
    expect(d.unrecognised).toEqual([]);
  });
});

/**
 * The Chinese grammar (issue 12) on sentences of our own, written for this file and in no corpus set: each
 * block is one general shape of how business users write rules in Chinese (doers named before their verb,
 * openers inside the first clause, states whose name is no label, counted events, modes, windows and
 * trends, unknown people and systems), tried across industries, words, orders and numbers.
 */
import {
  DraftCase,
  draftIn,
  expectDraft,
  industry,
  org,
  owner,
  region,
  review,
  role,
  segment,
  task,
  team,
  user,
} from "../../support/plain-language-drafts";

const draft = draftIn("zh");
type Case = DraftCase;

function check(c: Case): void {
  expectDraft(draft, c, "any order");
}

describe("a doer named before the verb, after the condition (质量部要……, 刘洋当天就要……)", () => {
  const cases: Case[] = [
    {
      text: "车企客户的车辆出勤率一旦低于85%，现场服务团队要在三天内做一次车况巡检。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "automotive:vehicle-availability", op: "BELOW" },
      conditions: [industry("AUTOMOTIVE")],
      actions: [task(team("t-field-service"), 3)],
    },
    {
      text: "电商卖家的退货率只要超过百分之十二，平台运营团队得在两天内出一份退货分析，同时告知客户经理。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "ecommerce:return-rate", op: "BELOW" },
      conditions: [industry("ECOMMERCE")],
      actions: [task(team("t-marketplace-ops"), 2), task(owner)],
    },
    {
      text: "医院客户的报告出具时间如果超过48小时，质量工程师要做一次流程排查。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "healthcare:report-turnaround", op: "BELOW" },
      conditions: [industry("HEALTHCARE")],
      actions: [task(role("quality-engineer"))],
    },
    {
      text: "北美客户的商机阶段一有变化，张敏两天内就要更新销售预测。",
      trigger: { kind: "EVENT", eventTypes: ["OPPORTUNITY_UPDATED"] },
      conditions: [region("NA")],
      actions: [task(user("u-zhang-min"), 2)],
    },
    {
      text: "大型企业客户一旦新增联系人，客户经理当天就得发一封欢迎邮件。",
      trigger: { kind: "EVENT", eventTypes: ["CONTACT_CREATED"] },
      conditions: [segment("ENTERPRISE")],
      actions: [task(owner, 0)],
    },
    {
      text: "一旦高校客户的课程完成率跌破六成，教学服务部马上就要组织一次辅导。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "education:course-completion", op: "BELOW" },
      conditions: [industry("EDUCATION")],
      actions: [task(team("t-academic-success"))],
    },
    {
      text: "只要银行客户的应收账款周转天数超过60天，催收团队要当天联系客户。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "finance:days-sales-outstanding", op: "BELOW" },
      conditions: [industry("FINANCE")],
      actions: [task(team("t-collections"), 0)],
    },
    {
      text: "一旦制造企业的振动烈度高于7.1 mm/s，质量工程师当天就要去现场。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "manufacturing:vibration-severity", op: "BELOW" },
      conditions: [industry("MANUFACTURING")],
      actions: [task(role("quality-engineer"), 0)],
    },
    {
      text: "每当SaaS客户新建一个商机，李伟就要在三天内准备报价。",
      trigger: { kind: "EVENT", eventTypes: ["OPPORTUNITY_CREATED"] },
      conditions: [industry("SAAS")],
      actions: [task(user("u-li-wei"), 3)],
    },
    {
      text: "一个月内高校客户的联系人访问了两次定价页，销售负责人就要跟进。",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { field: "viewed_page", valueEquals: "/pricing", subjectKinds: ["CONTACT"] },
        count: 2,
        withinDays: 30,
      },
      conditions: [industry("EDUCATION")],
      actions: [task(owner)],
    },
    {
      text: "一旦电商客户的清关时效超过7天，子午线物流需要在三天内给出解决方案。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "ecommerce:customs-clearance", op: "BELOW" },
      conditions: [industry("ECOMMERCE")],
      actions: [task(org("org-meridian-logistics"), 3)],
    },
    {
      text: "工厂客户的MTTR超过8小时时，外勤服务组要在明天之前到现场。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:mean-time-to-repair", op: "BELOW" },
      conditions: [industry("MANUFACTURING")],
      actions: [task(team("t-field-service"), 1)],
    },
  ];
  it.each(cases)("$text", (c) => check(c));

  it("puts the scrap rate said in 百分之 on its scale when the doer follows an opener inside the clause", () => {
    const d = draft("机加工的制造企业废品率一旦超过百分之五，质量部要在一周内做一次根因分析。");
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept: "manufacturing:scrap-rate", op: "BELOW" });
    // 5 % on 0..8 %, lower is better: 1 − 5/8.
    expect((d.trigger as { value: number }).value).toBeCloseTo(0.375, 3);
    expect(d.actions).toMatchObject([task(team("t-quality"), 7)]);
  });

  it("reads a clause led by a doer after one led by a verb as a second action", () => {
    const d = draft("医院客户的健康度降为红色时，通知服务经理，客户成功团队一周内回访。");
    expect(d.actions).toMatchObject([task(role("service-manager")), task(team("t-customer-success"), 7)]);
  });

  it("does not read a doer in a phrase that says which accounts (客户经理负责的……) as an action", () => {
    const d = draft("客户经理负责的医院客户，健康度降为红色时，通知服务经理。");
    expect(d.trigger).toMatchObject({ kind: "HEALTH_GRADE_CHANGE", to: ["RED"] });
    expect(d.actions).toMatchObject([task(role("service-manager"))]);
  });
});

describe("a state whose name is no label, found by the value said (交付状态为延迟)", () => {
  const cases: Case[] = [
    {
      text: "制造业客户两周内有2次交付状态为延迟，就让赵磊一周内跟进。",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "manufacturing:delivery-performance", valueEquals: "LATE" },
        count: 2,
        withinDays: 14,
      },
      conditions: [industry("MANUFACTURING")],
      actions: [task(user("u-zhao-lei"), 7)],
    },
    {
      text: "工厂客户一个季度内出现4次交付状态是部分交付的，通过 MES 系统推送一条提醒。",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "manufacturing:delivery-performance", valueEquals: "PARTIAL" },
        count: 4,
        withinDays: 90,
      },
      conditions: [industry("MANUFACTURING")],
      actions: [{ kind: "CALL_WEBHOOK", endpointId: "wh-mes" }],
    },
    {
      text: "SaaS客户的付款状态变成欠费时，通知财务部。",
      trigger: { kind: "SIGNAL_COUNT", signals: { concept: "saas:subscription-status", valueEquals: "past_due" } },
      conditions: [industry("SAAS")],
      actions: [task(role("finance"))],
    },
    {
      text: "东南亚电商卖家一周内收到超过5个差评时，让平台运营团队两天内处理。",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "core:csat", valueEquals: "bad" },
        count: 6,
        withinDays: 7,
      },
      conditions: [region("APAC-SEA"), industry("ECOMMERCE")],
      actions: [task(team("t-marketplace-ops"), 2)],
    },
    {
      text: "欧洲银行客户的洗钱风险等级被调整为高时，让合规部和法务部各开一个评审。",
      trigger: { kind: "SIGNAL_COUNT", signals: { concept: "finance:aml-risk-rating", valueEquals: "HIGH" } },
      conditions: [region("EMEA"), industry("FINANCE")],
      actions: [review(role("compliance")), review(role("legal"))],
    },
    {
      text: "金融客户的KYC状态变成待复核时，尽调专员两天内完成复核。",
      trigger: { kind: "SIGNAL_COUNT", signals: { concept: "finance:kyc-status", valueEquals: "PENDING_REVIEW" } },
      conditions: [industry("FINANCE")],
      actions: [review(role("kyc-analyst"), 2)],
    },
  ];
  it.each(cases)("$text", (c) => check(c));
});

describe("counted events of a flag said with the label's verb (工单被重开5次, 返修3次)", () => {
  const cases: Case[] = [
    {
      text: "软件客户的工单一个月内被重开5次，就让二线支持团队做一次根因分析。",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "core:support-quality", valueEquals: "true" },
        count: 5,
        withinDays: 30,
      },
      conditions: [industry("SAAS")],
      actions: [task(team("t-support-tier2"))],
    },
    {
      text: "SaaS客户连续两周被重开3次工单时，通过企业微信通知客服主管。",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "core:support-quality", valueEquals: "true" },
        count: 3,
        withinDays: 14,
      },
      conditions: [industry("SAAS")],
      actions: [{ kind: "CALL_WEBHOOK", endpointId: "wh-wecom" }, task(role("support-lead"))],
    },
    {
      text: "车队客户一个月内返修3次，就让绿伏上门。",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "automotive:first-time-fix", valueEquals: "true" },
        count: 3,
        withinDays: 30,
      },
      conditions: [industry("AUTOMOTIVE")],
      actions: [task(org("org-greenvolt-service"))],
    },
    {
      text: "电商卖家每周投诉升级超过3次时，给客服主管派一个服务改进任务。",
      trigger: { kind: "SIGNAL_COUNT", signals: { concept: "core:escalations" }, count: 4, withinDays: 7 },
      conditions: [industry("ECOMMERCE")],
      actions: [task(role("support-lead"))],
    },
  ];
  it.each(cases)("$text", (c) => check(c));
});

describe("trends said as a change against the period before, or by an amount with no window", () => {
  const cases: Case[] = [
    {
      text: "高校客户的活跃学生数环比下降超过20%时，通知教学服务团队。",
      trigger: { kind: "CONCEPT_TREND", concept: "education:active-learners", direction: "FALLING", withinDays: 30 },
      conditions: [industry("EDUCATION")],
      actions: [task(team("t-academic-success"))],
    },
    {
      text: "电商卖家的GMV周环比下滑超过30%，就让平台运营团队联系卖家。",
      trigger: { kind: "CONCEPT_TREND", concept: "ecommerce:gmv", direction: "FALLING", withinDays: 7 },
      conditions: [industry("ECOMMERCE")],
      actions: [task(team("t-marketplace-ops"))],
    },
    {
      text: "软件客户的NPS连续两周下降超过2分时，给客户成功团队派一个回访任务。",
      trigger: { kind: "CONCEPT_TREND", concept: "core:nps", direction: "FALLING", withinDays: 14 },
      conditions: [industry("SAAS")],
      actions: [task(team("t-customer-success"))],
    },
    {
      text: "每当教育客户的续读率下滑超过5个百分点，就安排教学服务团队回访。",
      trigger: { kind: "CONCEPT_TREND", concept: "education:student-retention", direction: "FALLING", withinDays: 30 },
      conditions: [industry("EDUCATION")],
      actions: [task(team("t-academic-success"))],
    },
    {
      text: "对于欧洲的制造业客户，当OEE连续三周下降时，让质量部一周内出一份改善报告。",
      trigger: { kind: "CONCEPT_TREND", concept: "manufacturing:oee", direction: "FALLING", withinDays: 21 },
      conditions: [region("EMEA"), industry("MANUFACTURING")],
      actions: [task(team("t-quality"), 7)],
    },
    {
      text: "近两周内东南亚电商卖家的迟发率持续上升，就让平台运营团队排查物流。",
      trigger: { kind: "CONCEPT_TREND", concept: "ecommerce:late-shipment-rate", direction: "RISING", withinDays: 14 },
      conditions: [region("APAC-SEA"), industry("ECOMMERCE")],
      actions: [task(team("t-marketplace-ops"))],
    },
  ];
  it.each(cases)("$text", (c) => check(c));

  it("reads the rate of a change by points over a window, and of a change with no window over 30 days", () => {
    const nps = draft("软件客户的NPS连续两周下降超过2分时，给客户成功团队派一个回访任务。");
    expect((nps.trigger as { ratePerDay: number }).ratePerDay).toBeCloseTo(2 / 14, 4);
    const retention = draft("每当教育客户的续读率下滑超过5个百分点，就安排教学服务团队回访。");
    expect((retention.trigger as { ratePerDay: number }).ratePerDay).toBeCloseTo(5 / 30, 4);
  });

  it("keeps a change to a level (下降到80%) a threshold", () => {
    const d = draft("保险客户的续保率下降到80%时，通知客户经理。");
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept: "finance:policy-retention", op: "BELOW" });
  });
});

describe("comparisons in their Chinese forms", () => {
  const cases: Case[] = [
    {
      text: "制造业客户的合格品率未达到95%时，通知质量团队。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "manufacturing:oee-quality", op: "BELOW" },
      conditions: [industry("MANUFACTURING")],
      actions: [task(team("t-quality"))],
    },
    {
      text: "制造企业的一次合格率至少达到98%，就给大客户团队派一个表彰任务。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "manufacturing:first-pass-yield", op: "ABOVE" },
      conditions: [industry("MANUFACTURING")],
      actions: [task(team("t-key-accounts"))],
    },
    {
      text: "保险客户的续保率小于等于85%时，通知对应的客户经理。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "finance:policy-retention", op: "BELOW" },
      conditions: [industry("FINANCE")],
      actions: [task(owner)],
    },
    {
      text: "当医院客户的设备开机率不低于95%时，给李伟建一个转介绍任务。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "healthcare:equipment-uptime", op: "ABOVE" },
      conditions: [industry("HEALTHCARE")],
      actions: [task(user("u-li-wei"))],
    },
    {
      text: "中国区的车企客户，充电桩可用率在90%以下时，让绿伏服务三天内检修。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "automotive:charger-availability", op: "BELOW" },
      conditions: [region("APAC-CN"), industry("AUTOMOTIVE")],
      actions: [task(org("org-greenvolt-service"), 3)],
    },
    {
      text: "如果医院客户的NPS低于6的话，就让客户经理三天内回访。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW", value: 0.6 },
      conditions: [industry("HEALTHCARE")],
      actions: [task(owner, 3)],
    },
  ];
  it.each(cases)("$text", (c) => check(c));
});

describe("conditions beside the trigger", () => {
  const cases: Case[] = [
    {
      text: "车队客户的电池健康度低于80%，且由绿伏服务维保的，让绿伏服务一周内检测电池。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "automotive:battery-state-of-health", op: "BELOW" },
      conditions: [industry("AUTOMOTIVE"), { kind: "HAS_ORGANIZATION", organizationKind: "SERVICE_PROVIDER" }],
      actions: [task(org("org-greenvolt-service"), 7)],
    },
    {
      text: "凡是通过代理商采购的制造业客户，设备综合效率低于六成时，交给顶峰分销跟进。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "manufacturing:oee", op: "BELOW" },
      conditions: [industry("MANUFACTURING"), { kind: "HAS_ORGANIZATION", organizationKind: "RESELLER" }],
      actions: [task(org("org-apex-distribution"))],
    },
    {
      text: "东南亚车队客户的充电成功率低于95%且健康等级是黄色时，让绿伏服务三天内巡检。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "automotive:charging-session-success", op: "BELOW" },
      conditions: [region("APAC-SEA"), industry("AUTOMOTIVE"), { kind: "HEALTH_GRADE", grades: ["YELLOW"] }],
      actions: [task(org("org-greenvolt-service"), 3)],
    },
    {
      text: "如果中型企业客户的NPS不足5分并且健康分低于50，就让客户经理拜访客户。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW" },
      conditions: [segment("MID_MARKET"), { kind: "HEALTH_SCORE", op: "BELOW", value: 50 }],
      actions: [task(owner)],
    },
  ];
  it.each(cases)("$text", (c) => check(c));
});

describe("modes: asking first, or not at all", () => {
  const cases: Case[] = [
    {
      text: "银行客户的KYC状态变为过期时，经我批准后，让尽调专员两天内发起复核评审。",
      trigger: { kind: "SIGNAL_COUNT", signals: { concept: "finance:kyc-status", valueEquals: "EXPIRED" } },
      conditions: [industry("FINANCE")],
      actions: [review(role("kyc-analyst"), 2)],
      mode: "SUGGEST",
    },
    {
      text: "保险客户的洗钱风险等级升为高风险时，待我确认以后再让合规专员开一个评审。",
      trigger: { kind: "SIGNAL_COUNT", signals: { concept: "finance:aml-risk-rating", valueEquals: "HIGH" } },
      conditions: [industry("FINANCE")],
      actions: [review(role("compliance"))],
      mode: "SUGGEST",
    },
    {
      text: "银行客户的DSO超过九十天时，先发给我审批，再让回款小组催收。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "finance:days-sales-outstanding", op: "BELOW" },
      conditions: [industry("FINANCE")],
      actions: [task(team("t-collections"))],
      mode: "SUGGEST",
    },
    {
      text: "中小企业客户的健康度降为红灯时，不用问我，直接给客户经理建一个挽回任务。",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"], direction: "DOWN" },
      conditions: [segment("SMB")],
      actions: [task(owner)],
      mode: "AUTO",
    },
    {
      text: "联系人被删除时，同步到企业微信，不需要我确认。",
      trigger: { kind: "EVENT", eventTypes: ["CONTACT_DELETED"] },
      conditions: [],
      actions: [{ kind: "CALL_WEBHOOK", endpointId: "wh-wecom" }],
      mode: "AUTO",
    },
    {
      text: "中小企业客户的健康分低于40分时，全自动给客户经理派一个挽留任务，无需人工干预。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:customer-health", op: "BELOW", value: 0.4 },
      conditions: [segment("SMB")],
      actions: [task(owner)],
      mode: "AUTO",
    },
  ];
  it.each(cases)("$text", (c) => check(c));

  it("keeps 不要自动执行 a request to confirm first", () => {
    expect(draft("联系人被删除时，同步到企业微信，不要自动执行。").mode).toBe("SUGGEST");
  });
});

describe("windows, deadlines and clause shapes", () => {
  const cases: Case[] = [
    {
      text: "如果高校客户的健康度从绿灯降到黄灯，教学服务团队需要在一个半月内完成一次满意度调研。",
      trigger: { kind: "HEALTH_GRADE_CHANGE", from: ["GREEN"], to: ["YELLOW"], direction: "DOWN" },
      conditions: [industry("EDUCATION")],
      actions: [task(team("t-academic-success"), 45)],
    },
    {
      text: "规则：医院客户健康度变红 → 通知客户经理。",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
      conditions: [industry("HEALTHCARE")],
      actions: [task(owner)],
    },
    {
      text: "软件客户健康度变黄时，在钉钉群里提醒大家。",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["YELLOW"] },
      conditions: [industry("SAAS")],
      actions: [{ kind: "CALL_WEBHOOK", endpointId: "wh-dingtalk" }],
    },
    {
      text: "新能源车企客户新建商机后，刘洋要在两天内做方案。",
      trigger: { kind: "EVENT", eventTypes: ["OPPORTUNITY_CREATED"] },
      conditions: [industry("AUTOMOTIVE")],
      actions: [task(user("u-liu-yang"), 2)],
    },
    {
      text: "当医院客户的维修响应时间超过4小时的时候，由现场服务团队负责上门检修，限两天内完成。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "healthcare:service-response-time", op: "BELOW" },
      conditions: [industry("HEALTHCARE")],
      actions: [task(team("t-field-service"), 2)],
    },
  ];
  it.each(cases)("$text", (c) => check(c));
});

describe("people, teams and systems the tenant does not have are named, not guessed", () => {
  const cases: Case[] = [
    {
      text: "保险客户的续保率降到80%以下时，请张经理联系客户。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "finance:policy-retention", op: "BELOW" },
      conditions: [industry("FINANCE")],
      actions: [],
      unrecognised: ["张经理"],
    },
    {
      text: "若软件客户的席位使用率不到四成，张经理要在一周内安排培训。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "saas:license-utilisation", op: "BELOW" },
      conditions: [industry("SAAS")],
      actions: [],
      unrecognised: ["张经理"],
    },
    {
      text: "医院客户健康度变红时，王总要在一周内拜访客户，并通知客户经理。",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
      conditions: [industry("HEALTHCARE")],
      actions: [task(owner)],
      unrecognised: ["王总"],
    },
    {
      text: "电商客户的退货率高于15%时，推送到飞书群。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "ecommerce:return-rate", op: "BELOW" },
      conditions: [industry("ECOMMERCE")],
      actions: [],
      unrecognised: ["推送到飞书群"],
    },
  ];
  it.each(cases)("$text", (c) => check(c));
});

describe("a condition said as what the accounts acted on are (给健康度变红的医院客户的客户经理……)", () => {
  const cases: Case[] = [
    {
      text: "给健康度变红的医院客户的客户经理派一个回访任务。",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
      conditions: [industry("HEALTHCARE")],
      actions: [task(owner)],
    },
    {
      text: "客户经理需在24小时内联系健康度降为红灯的医院客户。",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"], direction: "DOWN" },
      conditions: [industry("HEALTHCARE")],
      actions: [task(owner, 1)],
    },
    {
      text: "请给NPS低于6分的软件客户的客户经理派一个回访任务。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW", value: 0.6 },
      conditions: [industry("SAAS")],
      actions: [task(owner)],
    },
  ];
  it.each(cases)("$text", (c) => check(c));
});

describe("more ways of saying the event, the partner and how long", () => {
  const cases: Case[] = [
    {
      text: "一旦电商客户发生清关扣关，让子午线物流立即处理，并通知客户经理。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "ecommerce:customs-clearance", op: "BELOW", value: 0.5 },
      conditions: [industry("ECOMMERCE")],
      actions: [task(org("org-meridian-logistics")), task(owner)],
    },
    {
      text: "工厂客户的来料检验合格率下降到九成以下时，通知供应商华芯整改。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "manufacturing:supplier-quality", op: "BELOW" },
      conditions: [industry("MANUFACTURING")],
      actions: [task(org("org-sinocell"))],
    },
    {
      text: "SaaS客户的席位使用率低于40%达两周时，给客户成功团队派一个激活任务。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "saas:license-utilisation", op: "BELOW" },
      conditions: [industry("SAAS")],
      actions: [task(team("t-customer-success"))],
    },
    {
      text: "医院客户健康度变红就通知客户经理",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
      conditions: [industry("HEALTHCARE")],
      actions: [task(owner)],
    },
    {
      text: "电商卖家的联系人三天内五次访问联系销售页，立即通知销售负责人。",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { field: "viewed_page", valueEquals: "/contact-sales", subjectKinds: ["CONTACT"] },
        count: 5,
        withinDays: 3,
      },
      conditions: [industry("ECOMMERCE")],
      actions: [task(owner)],
    },
    {
      text: "若SaaS客户有新的联系人加入，且客户属于企业级，客户成功团队要在一周内安排入门培训。",
      trigger: { kind: "EVENT", eventTypes: ["CONTACT_CREATED"] },
      conditions: [industry("SAAS"), segment("ENTERPRISE")],
      actions: [task(team("t-customer-success"), 7)],
    },
    {
      text: "学校客户的教师使用率跌破50%，由教育工坊在两周内开展培训，客户经理同步跟进。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "education:instructor-adoption", op: "BELOW" },
      conditions: [industry("EDUCATION")],
      actions: [task(org("org-eduworks"), 14), task(owner)],
    },
  ];
  it.each(cases)("$text", (c) => check(c));
});

describe("titles before names, periods compared, states held, someone unnamed sent", () => {
  const cases: Case[] = [
    {
      text: "医院客户的健康度变红时，让区域经理王芳两天内上门。",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
      conditions: [industry("HEALTHCARE")],
      actions: [task(user("u-wang-fang"), 2)],
    },
    {
      text: "制造业客户的OEE低于65%时，请质量部的张敏一周内排查。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "manufacturing:oee", op: "BELOW" },
      conditions: [industry("MANUFACTURING")],
      actions: [task(user("u-zhang-min"), 7)],
    },
    {
      text: "电商卖家的GMV较上月下降超过20%时，通知平台运营团队。",
      trigger: { kind: "CONCEPT_TREND", concept: "ecommerce:gmv", direction: "FALLING", withinDays: 30 },
      conditions: [industry("ECOMMERCE")],
      actions: [task(team("t-marketplace-ops"))],
    },
    {
      text: "SaaS客户的周活比上周减少了三成，就给客户成功团队派一个激活任务。",
      trigger: { kind: "CONCEPT_TREND", concept: "saas:active-users", direction: "FALLING", withinDays: 7 },
      conditions: [industry("SAAS")],
      actions: [task(team("t-customer-success"))],
    },
    {
      text: "软件客户的NPS下降幅度超过3分时，让客户成功团队回访。",
      trigger: { kind: "CONCEPT_TREND", concept: "core:nps", direction: "FALLING", withinDays: 30 },
      conditions: [industry("SAAS")],
      actions: [task(team("t-customer-success"))],
    },
    {
      text: "中小企业客户的健康度连续两周都是红灯时，让销售负责人跟进。",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
      conditions: [segment("SMB")],
      actions: [task(owner)],
    },
    {
      text: "制造业客户的非计划停机一周内超过两次时，派人上门检修。",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "manufacturing:unplanned-downtime" },
        count: 3,
        withinDays: 7,
      },
      conditions: [industry("MANUFACTURING")],
      actions: [task(owner)],
    },
  ];
  it.each(cases)("$text", (c) => check(c));
});

describe("values changed from one to another, organizations created, a label's head said alone", () => {
  const cases: Case[] = [
    {
      text: "银行客户的洗钱风险等级从中风险升为高风险时，让合规部开一个强化尽调评审。",
      trigger: { kind: "SIGNAL_COUNT", signals: { concept: "finance:aml-risk-rating", valueEquals: "HIGH" } },
      conditions: [industry("FINANCE")],
      actions: [review(role("compliance"))],
    },
    {
      text: "当银行客户的KYC过期，并且客户是企业级时，合规专员需当天处理。",
      trigger: { kind: "SIGNAL_COUNT", signals: { concept: "finance:kyc-status", valueEquals: "EXPIRED" } },
      conditions: [industry("FINANCE"), segment("ENTERPRISE")],
      actions: [task(role("compliance"), 0)],
    },
    {
      text: "新增供应商时，让质量工程师在一周内完成准入审核。",
      trigger: { kind: "EVENT", eventTypes: ["ORGANIZATION_CREATED"] },
      conditions: [],
      actions: [review(role("quality-engineer"), 7)],
    },
    {
      text: "制造业客户一个月内投诉超过5次时，通知质量部。",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "manufacturing:customer-complaints" },
        count: 6,
        withinDays: 30,
      },
      conditions: [industry("MANUFACTURING")],
      actions: [task(team("t-quality"))],
    },
    {
      text: "医院客户半年内保养逾期两次以上时，让服务经理开一个维保评审。",
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { concept: "healthcare:preventive-maintenance-compliance", valueEquals: "true" },
        count: 2,
      },
      conditions: [industry("HEALTHCARE")],
      actions: [review(role("service-manager"))],
    },
  ];
  it.each(cases)("$text", (c) => check(c));
});

describe("systems that take the action themselves", () => {
  const cases: Case[] = [
    {
      text: "SaaS客户NPS低于5时，调用ServiceNow创建工单。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "core:nps", op: "BELOW", value: 0.5 },
      conditions: [industry("SAAS")],
      actions: [{ kind: "CALL_WEBHOOK", endpointId: "wh-servicenow" }],
    },
    {
      text: "车队客户的车辆出勤率低于八成时，请绿伏服务排查，结果同步到合作伙伴门户。",
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "automotive:vehicle-availability", op: "BELOW" },
      conditions: [industry("AUTOMOTIVE")],
      actions: [task(org("org-greenvolt-service")), { kind: "CALL_WEBHOOK", endpointId: "wh-partner-portal" }],
    },
  ];
  it.each(cases)("$text", (c) => check(c));
});

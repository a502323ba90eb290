/**
 * The Chinese grammar (issue 12) on sentences of our own, phrased differently from the corpus, and on
 * unknown words: a place the tenant has no region for, a grade the model lacks and a page the site does
 * not have are named in `unrecognised`, not guessed.
 */
import { loadCorpusContext } from "../../../cli/nl";
import { rolesAllowedByMatrix } from "../../../app/automation/roles-allowed";
import { PlaybookDraft } from "../../../domain/plain-language/draft";
import { draftPlaybookFromText } from "../../../domain/plain-language/draft-playbook";

const context = loadCorpusContext();
const draft = (text: string): PlaybookDraft => draftPlaybookFromText(text, context);

describe("Chinese triggers", () => {
  it("reads a boolean concept turning bad as BELOW 0.5 and 当天 as due today", () => {
    const d = draft("如果银行客户的制裁名单筛查命中，立即让合规专员在当天完成复核，并推送到风控引擎。");
    expect(d.language).toBe("zh");
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

  it("reads a threshold in minutes of a lower-is-better concept on the normalised scale", () => {
    const d = draft("东南亚客户的首响时间超过2小时的时候，让二线支持团队当天处理。");
    // log10(120 + 1) = 2.083 on 1..3 → 0.541; lower is better → 1 − 0.541, and the raw "over" becomes BELOW.
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept: "core:first-response-time", op: "BELOW" });
    expect((d.trigger as { value: number }).value).toBeCloseTo(0.4586, 3);
    expect(d.actions).toMatchObject([
      { kind: "CREATE_TASK", assignee: { kind: "TEAM", teamId: "t-support-tier2" }, dueInDays: 0 },
    ]);
  });

  it("reads 在65%以下 as a threshold said after the number", () => {
    const d = draft("工厂客户的OEE在65%以下时，提醒质量工程师检查设备，需要我审批。");
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept: "manufacturing:oee", op: "BELOW" });
    expect(d.mode).toBe("SUGGEST");
    expect(d.actions).toMatchObject([{ kind: "CREATE_TASK", assignee: { kind: "ROLE", role: "quality-engineer" } }]);
  });

  it("reads negated comparisons the right way round (不高于 is below, 不低于 above)", () => {
    expect(draft("医院客户的设备开机率不高于95%时，通知华通。").trigger).toMatchObject({
      concept: "healthcare:equipment-uptime",
      op: "BELOW",
    });
    expect(draft("SaaS客户的净收入留存率不低于120%时，请大客户团队评估增购机会。").trigger).toMatchObject({
      concept: "saas:net-revenue-retention",
      op: "ABOVE",
    });
  });

  it("reads 超过N次 as N+1 and 以上 inclusively", () => {
    expect(draft("只要车队客户的车辆绝缘故障一周内超过3次，就自动给绿伏服务派检修工单。").trigger).toMatchObject({
      kind: "SIGNAL_COUNT",
      signals: { concept: "automotive:battery-fault-codes", valueEquals: "true", subjectKinds: ["ASSET"] },
      count: 4,
      withinDays: 7,
    });
    expect(draft("当电商客户的联系人在两周内访问价格页面3次以上时，给客户经理派一个跟进任务。").trigger).toEqual({
      kind: "SIGNAL_COUNT",
      signals: { field: "viewed_page", valueEquals: "/pricing", subjectKinds: ["CONTACT"] },
      count: 3,
      withinDays: 14,
      scope: "ACCOUNT",
    });
  });

  it("reads a categorical value becoming something as one signal with that value", () => {
    const d = draft("金融客户的尽职调查等级变为EDD时，请尽调专员在五天内完成KYC复核，并先问我。");
    expect(d.trigger).toMatchObject({
      kind: "SIGNAL_COUNT",
      signals: { concept: "finance:due-diligence-level", valueEquals: "EDD" },
      count: 1,
    });
    expect(d.actions).toMatchObject([
      { kind: "OPEN_REVIEW", assignee: { kind: "ROLE", role: "kyc-analyst" }, dueInDays: 5 },
    ]);
    expect(d.mode).toBe("SUGGEST");
  });

  it("reads a trend with its period, window and direction", () => {
    const d = draft("当高校客户的作业提交率连续两周每周下降超过5个百分点时，让孙慧和陈静各派一个任务。");
    expect(d.trigger).toMatchObject({
      kind: "CONCEPT_TREND",
      concept: "education:assignment-submission",
      direction: "FALLING",
      withinDays: 14,
    });
    expect((d.trigger as { ratePerDay: number }).ratePerDay).toBeCloseTo(5 / 7, 3);
    expect(d.actions).toMatchObject([
      { kind: "CREATE_TASK", assignee: { kind: "USER", userId: "u-sun-hui" } },
      { kind: "CREATE_TASK", assignee: { kind: "USER", userId: "u-chen-jing" } },
    ]);
  });

  it("reads grade changes with and without a direction", () => {
    expect(draft("客户的健康等级从黄色降为红色时，先让我确认，再给客户经理和法务各派一个任务。")).toMatchObject({
      trigger: { kind: "HEALTH_GRADE_CHANGE", from: ["YELLOW"], to: ["RED"], direction: "DOWN" },
      mode: "SUGGEST",
      actions: [
        { kind: "CREATE_TASK", assignee: { kind: "ACCOUNT_OWNER" } },
        { kind: "CREATE_TASK", assignee: { kind: "ROLE", role: "legal" } },
      ],
    });
    expect(draft("客户健康状态变黄时，通知客户负责人。").trigger).toEqual({
      kind: "HEALTH_GRADE_CHANGE",
      to: ["YELLOW"],
    });
    expect(draft("健康等级变为黄灯或红灯时，给客户成功团队派任务，不用确认，直接执行。")).toMatchObject({
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["YELLOW", "RED"] },
      mode: "AUTO",
    });
    expect(draft("客户健康等级恶化时，请李伟在24小时内联系客户。")).toMatchObject({
      trigger: { kind: "HEALTH_GRADE_CHANGE", direction: "DOWN" },
      actions: [{ kind: "CREATE_TASK", assignee: { kind: "USER", userId: "u-li-wei" }, dueInDays: 1 }],
    });
  });

  it("reads record events, created, updated and deleted", () => {
    expect(draft("每当新建商机的时候，派一个任务给张敏，两天内完成。")).toMatchObject({
      trigger: { kind: "EVENT", eventTypes: ["OPPORTUNITY_CREATED"] },
      actions: [{ kind: "CREATE_TASK", assignee: { kind: "USER", userId: "u-zhang-min" }, dueInDays: 2 }],
    });
    expect(draft("有新的联系人时，同步到企业微信。").trigger).toEqual({
      kind: "EVENT",
      eventTypes: ["CONTACT_CREATED"],
    });
    const partner = draft("合作伙伴信息被修改时，请法务部审核。");
    expect(partner.trigger).toEqual({ kind: "EVENT", eventTypes: ["ORGANIZATION_UPDATED"] });
    expect(partner.conditions).toEqual([]);
  });
});

describe("Chinese conditions, actions and feedback", () => {
  it("reads several regions as one IN condition and a segment beside them", () => {
    const d = draft("当欧洲和北美的企业级客户的净推荐值低于6分时，给客户成功团队创建一个挽留任务，24小时内完成。");
    expect(d.conditions).toEqual(
      expect.arrayContaining([
        { kind: "ACCOUNT_FIELD", field: "region", op: "IN", values: ["EMEA", "NA"] },
        { kind: "ACCOUNT_FIELD", field: "segment", op: "EQUALS", values: ["ENTERPRISE"] },
      ]),
    );
    expect(d.actions).toMatchObject([
      { kind: "CREATE_TASK", assignee: { kind: "TEAM", teamId: "t-customer-success" }, dueInDays: 1 },
    ]);
  });

  it("reads a name condition and a review for the account owner", () => {
    const d = draft("客户名称包含“集团”的企业级客户，续约率低于70%时，请客户经理发起续约评审。");
    expect(d.conditions).toEqual(
      expect.arrayContaining([{ kind: "ACCOUNT_FIELD", field: "name", op: "CONTAINS", values: ["集团"] }]),
    );
    expect(d.actions).toMatchObject([{ kind: "OPEN_REVIEW", assignee: { kind: "ACCOUNT_OWNER" } }]);
  });

  it("reads flags, intents and webhooks", () => {
    const d = draft(
      "若SaaS客户的席位使用率连续一个月低于40%，给客户成功团队建一个培训任务，并打上流失风险标签，并推送到钉钉。",
    );
    expect(d.actions).toMatchObject([
      { kind: "CREATE_TASK", assignee: { kind: "TEAM", teamId: "t-customer-success" } },
      { kind: "FLAG_RECORDS", target: "ACCOUNT" },
      { kind: "CALL_WEBHOOK", endpointId: "wh-dingtalk" },
    ]);
    const intent = draft(
      "当中国区的大型企业客户一个月内浏览KYC自动化解决方案页面达到2次时，给客户打上KYC意向信号，并让张敏跟进。",
    );
    expect(intent.trigger).toMatchObject({
      signals: { valueEquals: "/solutions/kyc-automation" },
      count: 2,
      withinDays: 30,
    });
    expect(intent.actions).toMatchObject([
      { kind: "RAISE_INTENT_SIGNAL" },
      { kind: "CREATE_TASK", assignee: { kind: "USER", userId: "u-zhang-min" } },
    ]);
  });

  it("reads a deadline said in its own clause as the previous task's", () => {
    const d = draft("医疗客户的平均住院日高于8天时，给王芳建一个任务，本周内完成，30天内健康等级回升即算成功。");
    expect(d.actions).toMatchObject([
      { kind: "CREATE_TASK", assignee: { kind: "USER", userId: "u-wang-fang" }, dueInDays: 7 },
    ]);
    expect(d.feedback).toEqual({ kind: "HEALTH_IMPROVED", withinDays: 30 });
  });

  it("reads a page view as success and 半个月 as 15 days", () => {
    const d = draft(
      "若SaaS客户的联系人两周内查看价格页超过3次，则给负责的销售派一个跟进任务；如果半个月内客户访问了联系销售页就算成功。",
    );
    expect(d.feedback).toEqual({
      kind: "SIGNAL_OBSERVED",
      signals: { field: "viewed_page", valueEquals: "/contact-sales" },
      withinDays: 15,
    });
    expect(d.trigger).toMatchObject({ count: 4, withinDays: 14 });
  });
});

describe("phrasings beyond the labels", () => {
  it("finds a boolean concept by its subject and a breach word (预防性维护逾期), and counts assets", () => {
    const d = draft("医疗机构客户一个月内有3台以上设备的预防性维护逾期时，派华通医疗服务上门保养。");
    expect(d.trigger).toMatchObject({
      kind: "SIGNAL_COUNT",
      signals: {
        concept: "healthcare:preventive-maintenance-compliance",
        valueEquals: "true",
        subjectKinds: ["ASSET"],
      },
      count: 3,
      withinDays: 30,
    });
    expect(d.matched).toContainEqual({
      phrase: "预防性维护",
      kind: "CONCEPT",
      id: "healthcare:preventive-maintenance-compliance",
    });
    expect(d.unrecognised).toEqual([]);
  });

  it("reads a region trend over assets with how many, and flags batches for a team", () => {
    const d = draft(
      "同一区域内有5辆以上车辆的电池健康度在一个月内每月下降超过2%时，通知华芯电池，并把相关电芯批次标记出来交给电池研发团队。",
    );
    expect(d.trigger).toMatchObject({
      kind: "CONCEPT_TREND",
      concept: "automotive:battery-state-of-health",
      direction: "FALLING",
      scope: "REGION",
      minSubjects: 5,
      withinDays: 30,
    });
    expect(d.actions).toMatchObject([
      { kind: "CREATE_TASK", assignee: { kind: "ORGANIZATION", organizationId: "org-sinocell" } },
      { kind: "FLAG_RECORDS", target: "BATCH" },
    ]);
  });

  it("reads 由……变为 as a change with a direction, 当天完成 as a deadline and 回到绿色 as improvement", () => {
    const d = draft(
      "客户健康等级由绿色变为黄色时，请服务经理回访客户，当天完成；如果一周内健康等级回到绿色就视为成功。",
    );
    expect(d.trigger).toEqual({ kind: "HEALTH_GRADE_CHANGE", from: ["GREEN"], to: ["YELLOW"], direction: "DOWN" });
    expect(d.actions).toMatchObject([
      { kind: "CREATE_TASK", assignee: { kind: "ROLE", role: "service-manager" }, dueInDays: 0 },
    ]);
    expect(d.feedback).toEqual({ kind: "HEALTH_IMPROVED", withinDays: 7 });
  });

  it("reads a reseller and a named partner as organization conditions", () => {
    expect(draft("若该客户通过经销商采购，且订单量连续两周每周下降超过20单，让顶峰分销跟进。").conditions).toEqual([
      { kind: "HAS_ORGANIZATION", organizationKind: "RESELLER" },
    ]);
    expect(draft("当诺德光系统服务的客户的NPS低于5时，给产品经理派一个排查任务。").conditions).toEqual([
      { kind: "HAS_ORGANIZATION", organizationKind: "PARTNER" },
    ]);
  });
});

describe("names inside grammar and grammar inside names", () => {
  it("does not read the 访 of 患者随访率 as a page view", () => {
    expect(draft("医院客户的患者随访率连续一个月低于80%时，发邮件给王芳，让她两天内回复。").trigger).toMatchObject({
      kind: "CONCEPT_THRESHOLD",
      concept: "healthcare:patient-follow-up",
      op: "BELOW",
    });
  });

  it("reads 充电桩的可用率 as the label 充电桩可用率, not the general 可用率", () => {
    expect(draft("同一地区超过3台充电桩的可用率每天下降超过1%时，给该区域的服务商派维修任务。").trigger).toMatchObject({
      kind: "CONCEPT_TREND",
      concept: "automotive:charger-availability",
      scope: "REGION",
      minSubjects: 4,
    });
  });

  it("counts the people who viewed a page (有3个联系人浏览了价格页)", () => {
    expect(
      draft("如果SaaS客户一周内有3个联系人浏览了价格页，那么给客户经理派一个演示任务，在3个工作日内完成。"),
    ).toMatchObject({
      trigger: {
        kind: "SIGNAL_COUNT",
        signals: { valueEquals: "/pricing", subjectKinds: ["CONTACT"] },
        count: 3,
        withinDays: 7,
      },
      actions: [{ kind: "CREATE_TASK", assignee: { kind: "ACCOUNT_OWNER" }, dueInDays: 3 }],
    });
  });

  it("reads a health score change as its event and a health score threshold on the 0..100 score", () => {
    expect(draft("健康分变化时，推送到钉钉。").trigger).toEqual({
      kind: "EVENT",
      eventTypes: ["HEALTH_SCORE_CHANGED"],
    });
    expect(draft("客户健康分跌破60分时，请客户成功部跟进。").trigger).toMatchObject({
      kind: "CONCEPT_THRESHOLD",
      concept: "core:customer-health",
      op: "BELOW",
      value: 0.6,
    });
  });
});

describe("deadlines, modes and success said other ways", () => {
  it("reads 期限为3天 and 截止时间为两天 as deadlines", () => {
    expect(draft("若金融客户的续约概率不足50%，则创建一个续约跟进任务给客户经理，期限为3天。").actions).toMatchObject([
      { kind: "CREATE_TASK", assignee: { kind: "ACCOUNT_OWNER" }, dueInDays: 3 },
    ]);
    expect(draft("客户满意度评分低于3.5分时，指派给客户成功团队处理，截止时间为两天。").actions).toMatchObject([
      { kind: "CREATE_TASK", assignee: { kind: "TEAM", teamId: "t-customer-success" }, dueInDays: 2 },
    ]);
  });

  it("reads 事后通知我 as running automatically", () => {
    const d = draft("车队客户的电池温度连续三天高于45度时，让绿伏服务上门检查，事后通知我。");
    expect(d.mode).toBe("AUTO");
    expect(d.unrecognised).toEqual([]);
  });

  it("reads a success criterion said as 成功标准", () => {
    expect(draft("客户健康等级亮红灯时，给客户经理派一个挽留任务；成功标准是30天内健康度回升。").feedback).toEqual({
      kind: "HEALTH_IMPROVED",
      withinDays: 30,
    });
    expect(draft("客户记录被恢复时，请张敏复核，以两周内任务完成作为成功标准。").feedback).toEqual({
      kind: "TASK_COMPLETED",
      withinDays: 14,
    });
  });

  it("reads a success criterion split by a comma (若两周内任务完成，视为成功)", () => {
    const d = draft("教育客户的学业预警学生占比高于10%的时候，请教学服务部一周内跟进；若两周内任务完成，视为成功。");
    expect(d.feedback).toEqual({ kind: "TASK_COMPLETED", withinDays: 14 });
    expect(d.actions).toMatchObject([{ kind: "CREATE_TASK", dueInDays: 7 }]);
  });
});

describe("words that look like other grammar", () => {
  it("reads the 健康 of 电池健康度 as the battery's, not the account's health grade", () => {
    expect(draft("车队客户的电池健康度下降到80%以下时，通知电池研发团队。").trigger).toMatchObject({
      kind: "CONCEPT_THRESHOLD",
      concept: "automotive:battery-state-of-health",
      op: "BELOW",
    });
    expect(draft("客户健康度下降时，通知客户经理。").trigger).toEqual({
      kind: "HEALTH_GRADE_CHANGE",
      direction: "DOWN",
    });
  });

  it("does not take the 车 of 车企 for the vehicles the signals are about", () => {
    expect(draft("车企客户一个月内被扣关两次时，通知子午线物流。").trigger).toEqual({
      kind: "SIGNAL_COUNT",
      signals: { concept: "ecommerce:customs-clearance", valueEquals: "true" },
      count: 2,
      withinDays: 30,
      scope: "ACCOUNT",
    });
  });

  it("reads a count of new tickets as no record event and names what it cannot read", () => {
    const d = draft("客户新增工单每周超过10张时，通知二线支持团队。");
    expect(d.trigger?.kind).not.toBe("EVENT");
  });

  it("finds OTA升级失败 by resemblance to OTA 升级成功率, a flag turning bad", () => {
    expect(draft("车企客户的OTA升级失败时，通知产品经理。").trigger).toEqual({
      kind: "CONCEPT_THRESHOLD",
      concept: "automotive:ota-update-success",
      op: "BELOW",
      value: 0.5,
      scope: "ACCOUNT",
    });
  });
});

describe("how the parts of a rule are joined", () => {
  it("reads the antecedent after the action (……，当……时)", () => {
    expect(draft("给客户经理派一个续约任务，当SaaS客户的许可使用率低于30%时。")).toMatchObject({
      trigger: { kind: "CONCEPT_THRESHOLD", concept: "saas:license-utilisation", op: "BELOW" },
      conditions: [{ kind: "ACCOUNT_FIELD", field: "industry", values: ["SAAS"] }],
      actions: [{ kind: "CREATE_TASK", assignee: { kind: "ACCOUNT_OWNER" } }],
    });
  });

  it("reads an action clause opened by a modal (都要请法务复核) after an antecedent without 时", () => {
    expect(draft("每当欧洲客户的商机被删除，都要请法务复核，并同步到风控系统。").actions).toMatchObject([
      { kind: "OPEN_REVIEW", assignee: { kind: "ROLE", role: "legal" } },
      { kind: "CALL_WEBHOOK", endpointId: "wh-risk-engine" },
    ]);
  });

  it("takes 马上 as when to act, not as the task's deadline", () => {
    const d = draft("一旦发现医院客户的设备开机率跌破90%，马上通知华通上门，两天内完成。");
    expect(d.actions).toMatchObject([
      { kind: "CREATE_TASK", assignee: { kind: "ORGANIZATION", organizationId: "org-huatong-medical" }, dueInDays: 2 },
    ]);
    expect(d.unrecognised).toEqual([]);
  });
});

describe("pages and webhooks said loosely", () => {
  it("reads a page named after the count (访问了3次博客)", () => {
    expect(draft("当客户一个月内访问了3次博客时，记录一个内容兴趣信号。").trigger).toEqual({
      kind: "SIGNAL_COUNT",
      signals: { field: "viewed_page", valueEquals: "/blog" },
      count: 3,
      withinDays: 30,
      scope: "ACCOUNT",
    });
  });

  it("reads 发送钉钉消息 as the webhook, with nothing left over", () => {
    const d = draft("高校客户的完课率低于50%时，发送钉钉消息。");
    expect(d.actions).toEqual([{ kind: "CALL_WEBHOOK", endpointId: "wh-dingtalk" }]);
    expect(d.unrecognised).toEqual([]);
  });
});

describe("categorical values said in Chinese", () => {
  it.each([
    ["银行客户的KYC状态变为过期时，请尽调专员三天内复核。", "finance:kyc-status", "EXPIRED"],
    ["金融客户的洗钱风险等级升为高时，让合规部发起评审。", "finance:aml-risk-rating", "HIGH"],
    ["客户的通话情绪变成负面时，通知客户经理。", "core:customer-sentiment", "NEGATIVE"],
    ["制造业客户的交付绩效出现延迟时，给质量部派任务。", "manufacturing:delivery-performance", "LATE"],
  ])("reads %s as one signal with the table's value", (text, concept, value) => {
    expect(draft(text).trigger).toMatchObject({
      kind: "SIGNAL_COUNT",
      signals: { concept, valueEquals: value },
      count: 1,
    });
  });

  it("reads an error code with a hyphen as the value it is (regression: the code once broke the pattern)", () => {
    expect(draft("高校客户的设备出现E-502故障码两次以上时，通知现场服务团队。").trigger).toMatchObject({
      kind: "SIGNAL_COUNT",
      signals: { concept: "core:fault-severity", valueEquals: "E-502", subjectKinds: ["ASSET"] },
      count: 2,
    });
  });
});

describe("unknown words are named, not guessed", () => {
  it("names a place the tenant has no region for and adds no region condition", () => {
    const d = draft("华东地区的医院客户的设备开机率低于95%时，通知华通上门检修。");
    expect(d.unrecognised.some((u) => u.includes("华东"))).toBe(true);
    expect(d.conditions).toEqual([{ kind: "ACCOUNT_FIELD", field: "industry", op: "EQUALS", values: ["HEALTHCARE"] }]);
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept: "healthcare:equipment-uptime" });
    expect(d.warnings.some((w) => w.code === "UNRECOGNISED")).toBe(true);
  });

  it("names a grade the model does not have and keeps the grade change", () => {
    const d = draft("客户健康等级变成B级时，通知客户经理。");
    expect(d.trigger).toEqual({ kind: "HEALTH_GRADE_CHANGE" });
    expect(d.unrecognised).toContain("B级");
    const orange = draft("客户健康等级亮橙灯时，通知客户经理。");
    expect(orange.trigger).toEqual({ kind: "HEALTH_GRADE_CHANGE" });
    expect(orange.unrecognised).toContain("橙灯");
  });

  it("names a page the site does not have", () => {
    const d = draft("联系人一周内浏览白皮书下载页3次时，给客户经理派任务。");
    expect(d.trigger).toMatchObject({ kind: "SIGNAL_COUNT", signals: { field: "viewed_page" }, count: 3 });
    expect((d.trigger as { signals: { valueEquals?: string } }).signals.valueEquals).toBeUndefined();
    expect(d.unrecognised.some((u) => u.includes("白皮书"))).toBe(true);
  });

  it("names a person the directory does not have instead of giving the task to someone else", () => {
    const d = draft("商机更新时，让王小明三天内上门检修。");
    expect(d.trigger).toEqual({ kind: "EVENT", eventTypes: ["OPPORTUNITY_UPDATED"] });
    expect(d.actions).toEqual([]);
    expect(d.unrecognised.some((u) => u.startsWith("王小明"))).toBe(true);
    expect(d.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(["INCOMPLETE", "UNRECOGNISED"]));
  });

  it("names a calendar restriction the schema cannot hold", () => {
    const d = draft("制造业客户的设备信息有变更时，只在周一到周五推送到ERP系统。");
    expect(d.trigger).toEqual({ kind: "EVENT", eventTypes: ["ASSET_UPDATED"] });
    expect(d.actions).toEqual([{ kind: "CALL_WEBHOOK", endpointId: "wh-erp" }]);
    expect(d.unrecognised.some((u) => u.includes("周一到周五"))).toBe(true);
  });

  it("gives a sentence with no rule in it no trigger, low confidence and an INCOMPLETE warning", () => {
    const d = draft("今天天气不错。");
    expect(d.trigger).toBeNull();
    expect(d.confidence).toBeLessThan(0.2);
    expect(d.warnings.some((w) => w.code === "INCOMPLETE")).toBe(true);
  });
});

describe("a Chinese sentence asking for what the author's role cannot do", () => {
  const text = "制造业客户的设备综合效率低于60%时，请质量部排查，并推送到MES系统。";

  it("flags the webhook an analyst may not call, and nothing for an admin", () => {
    const analyst = draftPlaybookFromText(text, context, "zh", {
      author: { roles: ["analyst"] },
      rolesAllowed: rolesAllowedByMatrix,
    });
    const refused = analyst.warnings.filter((w) => w.code === "ROLE_NOT_ALLOWED");
    expect(refused).toHaveLength(1);
    expect(analyst.actions[refused[0]!.actionIndex as number]).toMatchObject({
      kind: "CALL_WEBHOOK",
      endpointId: "wh-mes",
    });

    const admin = draftPlaybookFromText(text, context, "zh", {
      author: { roles: ["admin"] },
      rolesAllowed: rolesAllowedByMatrix,
    });
    expect(admin.warnings.filter((w) => w.code === "ROLE_NOT_ALLOWED")).toEqual([]);
  });
});

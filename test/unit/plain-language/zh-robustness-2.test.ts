/**
 * The Chinese grammar (issue 12) on general rules found by development-5's Chinese half, each checked on
 * sentences of our own from several industries and in several orders (none is a corpus sentence): event
 * verbs joined by 或/、 sharing their record, the records a flag is put on, traditional characters and
 * regional words, a verification concept's documents expiring, and a guard against duplicate tasks.
 */
import { loadCorpusContext } from "../../../cli/nl";
import { PlaybookDraft } from "../../../domain/plain-language/draft";
import { draftPlaybookFromText } from "../../../domain/plain-language/draft-playbook";
import { findNumber } from "../../../domain/plain-language/zh/chinese-numbers";

const context = loadCorpusContext();
const draft = (text: string): PlaybookDraft => draftPlaybookFromText(text, context, "zh");

describe("event verbs joined by 或 / 、 / 或者", () => {
  it.each([
    ["保险客户的联系人资料一有修改或被删除，就推送到企业微信。", ["CONTACT_UPDATED", "CONTACT_DELETED"]],
    ["制造业客户的设备档案一旦被修改或者删除，请服务经理核对。", ["ASSET_UPDATED", "ASSET_DELETED"]],
    ["请客户负责人确认一下，当医疗客户的商机信息有变更或被删除时。", ["OPPORTUNITY_UPDATED", "OPPORTUNITY_DELETED"]],
    ["教育客户的联系人档案被编辑、删除的时候，自动同步到ERP。", ["CONTACT_UPDATED", "CONTACT_DELETED"]],
  ])("gives the second verb of %s the record of the first", (text, types) => {
    const d = draft(text);
    expect(d.trigger?.kind).toBe("EVENT");
    expect(new Set(d.trigger?.kind === "EVENT" ? d.trigger.eventTypes : [])).toEqual(new Set(types));
    expect(d.unrecognised).not.toContain("删除");
  });
});

describe("what a flag is put on", () => {
  it("flags the account named as the object, whatever words the flag's name holds", () => {
    const d = draft("车队客户的充电桩可用率低于90%时，把该客户标记为“车辆关注”。");
    expect(d.actions).toMatchObject([{ kind: "FLAG_RECORDS", target: "ACCOUNT" }]);
  });

  it("flags the account of 给这家客户打上……标签 and the assets of 把这些设备标记为……", () => {
    expect(draft("医院客户的设备开机率低于85%时，给这家客户打上“设备风险”标签。").actions).toMatchObject([
      { kind: "FLAG_RECORDS", target: "ACCOUNT" },
    ]);
    expect(
      draft("同一区域内有3台以上设备的振动值每天升高超过0.2，就自动把这些设备标记为“待检修”。").actions,
    ).toMatchObject([{ kind: "FLAG_RECORDS", target: "ASSET" }]);
  });

  it("still reads the records from the clause when no object is said", () => {
    expect(draft("制造业客户的报废率高于6%时，将该批次标记为待复检。").actions).toMatchObject([
      { kind: "FLAG_RECORDS", target: "BATCH" },
    ]);
    expect(draft("电商客户的退货率超过15%时，标记为“高退货风险”。").actions).toMatchObject([
      { kind: "FLAG_RECORDS", target: "ACCOUNT" },
    ]);
  });
});

describe("traditional characters and regional words", () => {
  it("reads 聯絡人 (Taiwan, Hong Kong) as a contact, in events and in either script", () => {
    expect(draft("軟體客戶的聯絡人被刪除時，透過企業微信通知二線支援團隊。")).toMatchObject({
      trigger: { kind: "EVENT", eventTypes: ["CONTACT_DELETED"] },
      conditions: [{ kind: "ACCOUNT_FIELD", field: "industry", values: ["SAAS"] }],
      actions: [
        { kind: "CALL_WEBHOOK", endpointId: "wh-wecom" },
        { kind: "CREATE_TASK", assignee: { kind: "TEAM", teamId: "t-support-tier2" } },
      ],
    });
    expect(draft("保险客户新增联络人时，让王芳打个电话。").trigger).toEqual({
      kind: "EVENT",
      eventTypes: ["CONTACT_CREATED"],
    });
  });

  it("reads 覆核 as a review and 工作天 as days", () => {
    expect(draft("銀行客戶的帳戶資訊被修改後，請合規專員在三個工作天內覆核。").actions).toMatchObject([
      { kind: "OPEN_REVIEW", assignee: { kind: "ROLE", role: "compliance" }, dueInDays: 3 },
    ]);
  });

  it("names what it does not know in the characters the user wrote", () => {
    expect(draft("電商客戶新增聯絡人時，請黃經理和平台運營團隊一起做一次歡迎觸達。").unrecognised).toContain("黃經理");
    expect(draft("學校客戶的健康等級變紅時，請鄭老師三天內回訪。").unrecognised).toContain("鄭老師");
    expect(draft("学校客户的健康等级变红时，请郑老师三天内回访。").unrecognised).toContain("郑老师");
  });

  it("reads characters of everyday business text (進, 師, 並, 溝, 別)", () => {
    const d = draft("製造業客戶的報廢率高於6%時，請質量工程師兩天內溝通改進，並推送到MES。");
    expect(d.actions).toMatchObject([
      { kind: "CREATE_TASK", assignee: { kind: "ROLE", role: "quality-engineer" }, dueInDays: 2 },
      { kind: "CALL_WEBHOOK", endpointId: "wh-mes" },
    ]);
    expect(d.unrecognised).toEqual([]);
  });
});

describe("a checked thing's papers lapsing", () => {
  const identityBad = {
    kind: "CONCEPT_THRESHOLD",
    concept: "finance:identity-verification",
    op: "BELOW",
    value: 0.5,
    scope: "ACCOUNT",
  };

  it.each([
    "保险客户的身份证一过期，就让合规专员当天复核。",
    "请KYC专员两天内复核，如果银行客户的证件已经过期。",
    "金融客户董事的身份证明文件失效时，先问我，再请合规专员复核。",
  ])("reads %s as the identity check turning bad", (text) => {
    const d = draft(text);
    expect(d.trigger).toEqual(identityBad);
    expect(d.actions.map((a) => a.kind)).toEqual(["OPEN_REVIEW"]);
  });

  it("absorbs the papers between a boolean concept and its lapse (校准证书过期)", () => {
    const d = draft("医院客户的校准证书过期时，请服务经理安排校准。");
    expect(d.trigger).toMatchObject({ concept: "healthcare:calibration-compliance", op: "BELOW", value: 0.5 });
    expect(d.unrecognised).toEqual([]);
  });
});

describe("a guard against duplicate tasks", () => {
  it.each([
    ["当保险客户的续保率低于60%时，给客户经理派一个续保回访任务，已有未关闭的回访任务的不再创建。", "follow-up"],
    ["如果已经有进行中的巡检任务就跳过，车队客户的充电桩可用率低于90%时让绿伏三天内巡检。", "inspection"],
    ["制造业客户的报废率高于6%时让质量部排查原因；若已存在进行中的排查任务则跳过。", "investigation"],
    ["SaaS客户的活跃用户数下降超过20%时，请张敏跟进，已有跟进中任务的客户除外。", "follow-up"],
    ["医院客户的设备开机率低于85%时，请华通一周内上门检修（若该客户已经有未完成的检修工单则跳过）。", "repair"],
  ])("reads the guard of %s as a NO_OPEN_TASK condition", (text, template) => {
    const d = draft(text);
    expect(d.conditions.filter((c) => c.kind === "NO_OPEN_TASK")).toEqual([{ kind: "NO_OPEN_TASK", template }]);
    expect(d.actions).toHaveLength(1);
    expect(d.unrecognised).toEqual([]);
  });

  it("reads 不要重复创建 without a task named, taking the template of the task the rule creates", () => {
    const d = draft("电商客户的退货率超过15%时，为客户成功部创建退货分析任务，不要重复创建。");
    expect(d.conditions).toContainEqual({ kind: "NO_OPEN_TASK", template: "returns-analysis" });
    expect(d.actions).toMatchObject([
      { kind: "CREATE_TASK", assignee: { kind: "TEAM", teamId: "t-customer-success" } },
    ]);
  });

  it("keeps a guard in the middle from splitting the rule: the trigger, conditions and action all stay", () => {
    const d = draft("大学客户的健康等级变红时，如果已经有没完成的跟进任务，就不用再派了，否则请客户经理三天内回访。");
    expect(d.trigger).toEqual({ kind: "HEALTH_GRADE_CHANGE", to: ["RED"] });
    expect(d.conditions).toEqual([
      { kind: "ACCOUNT_FIELD", field: "industry", op: "EQUALS", values: ["EDUCATION"] },
      { kind: "NO_OPEN_TASK", template: "follow-up" },
    ]);
    expect(d.actions).toMatchObject([{ kind: "CREATE_TASK", assignee: { kind: "ACCOUNT_OWNER" }, dueInDays: 3 }]);
  });

  it("does not read an open task that is only counted or mentioned as a guard", () => {
    const d = draft("如果客户有未完成的工单，就通知客户经理跟进。");
    expect(d.conditions.filter((c) => c.kind === "NO_OPEN_TASK")).toEqual([]);
  });
});

describe("口语 endings", () => {
  it.each([
    "医院客户健康等级变红时，请客户经理跟进一下。",
    "让王芳跟踪一下，当电商客户的退货率超过15%时。",
    "学校客户的NPS低于6分，叫教学服务部跟进一下吧。",
  ])("reads 跟进/跟踪 after an assignee as the task, not as 跟 (with) someone unknown: %s", (text) => {
    const d = draft(text);
    expect(d.actions).toHaveLength(1);
    expect(d.actions[0]?.kind).toBe("CREATE_TASK");
    expect(d.unrecognised).toEqual([]);
  });

  it.each([
    ["医院客户的NPS掉到6分以下的话，请王芳回访。", "core:nps"],
    ["SaaS客户的NPS降到5分以下的话请张敏一周内回访。", "core:nps"],
    ["制造业客户的OEE跌到六成以下的话，就让质量部排查。", "manufacturing:oee"],
  ])("closes an antecedent with 的话 and reads a bound after the amount: %s", (text, concept) => {
    const d = draft(text);
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept, op: "BELOW" });
    expect(d.actions).toHaveLength(1);
    expect(d.unrecognised).toEqual([]);
  });
});

describe("a concept found by resemblance, for accounts of another industry", () => {
  it("names it as not understood instead of reading another industry's concept", () => {
    const d = draft("学校客户的出勤率跌到九成以下的话，就让教学服务部跟进。");
    expect(d.trigger).toBeNull();
    expect(d.unrecognised.join("")).toContain("出勤率");
  });

  it("still reads it for accounts of its own industry, or when no industry is said", () => {
    expect(draft("车队客户的出勤率跌到九成以下时，让绿伏跟进。").trigger).toMatchObject({
      concept: "automotive:vehicle-availability",
    });
    expect(draft("出勤率跌到九成以下时，让绿伏跟进。").trigger).toMatchObject({
      concept: "automotive:vehicle-availability",
    });
  });
});

describe("items of one value counted after it", () => {
  it.each([
    ["跨境电商客户的差评在两周内超过8条，请平台运营团队处理。", 9, 14],
    ["学校客户一个月内的差评达到5个时，让教学服务部三天内回访。", 5, 30],
    ["请王芳跟进，如果SaaS客户的差评数一周内多于三个。", 4, 7],
  ])("reads %s as a count of that value's signals", (text, count, withinDays) => {
    const d = draft(text);
    expect(d.trigger).toEqual({
      kind: "SIGNAL_COUNT",
      signals: { concept: "core:csat", valueEquals: "bad" },
      count,
      withinDays,
      scope: "ACCOUNT",
    });
    expect(d.actions).toHaveLength(1);
  });
});

describe("一个月, 两个星期: a duration's 个 is no count", () => {
  it("does not read the 个 of a window as how many assets of a region", () => {
    const d = draft("同一区域内一个月内有4台以上设备的振动值每天升高超过0.2，就把这些设备标记为“待检修”。");
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_TREND", scope: "REGION", withinDays: 30, minSubjects: 4 });
    const e = draft("同一区域内两个月内振动值每天升高超过0.2的设备，交给现场服务团队。");
    expect(e.trigger).toMatchObject({ kind: "CONCEPT_TREND", scope: "REGION", withinDays: 60 });
    expect(e.trigger).not.toHaveProperty("minSubjects");
  });

  it("does not read it as counted records before a value", () => {
    expect(draft("学校客户一个月内的差评超过5个时，让教学服务部三天内回访。").trigger).toMatchObject({
      kind: "SIGNAL_COUNT",
      count: 6,
      withinDays: 30,
    });
  });
});

describe("an action pointing back at the rule (这件事交给……)", () => {
  it.each([
    [
      "医院客户的设备开机率低于九成，这件事交给华通处理。",
      { kind: "ORGANIZATION", organizationId: "org-huatong-medical" },
    ],
    ["保险客户的续保率跌破七成，这事儿就让王芳三天内跟进吧。", { kind: "USER", userId: "u-wang-fang" }],
    ["学校客户的健康等级变红时，此事由教学服务部负责。", { kind: "TEAM", teamId: "t-academic-success" }],
  ])("reads %s as one task", (text, assignee) => {
    const d = draft(text);
    expect(d.actions).toMatchObject([{ kind: "CREATE_TASK", assignee }]);
    expect(d.unrecognised).toEqual([]);
  });
});

describe("a concept name that starts inside a record word", () => {
  it("does not read 单量 of 工单量 as order volume, and names the phrase instead", () => {
    const d = draft("过去7天里SaaS客户的工单量超过20张，就请二线支持团队排查。");
    expect(d.trigger).toBeNull();
    expect(d.unrecognised.join("")).toContain("工单量");
  });

  it("still reads the concept when its own name is said (订单量, 单量)", () => {
    expect(draft("电商客户的订单量一周内下降超过30%，请平台运营团队分析。").trigger).toMatchObject({
      concept: "ecommerce:order-volume",
    });
    expect(draft("电商客户的单量每周下降超过10%，请平台运营团队分析。").trigger).toMatchObject({
      concept: "ecommerce:order-volume",
    });
  });
});

describe("the account's people said without 联系人", () => {
  it.each([
    [
      "银行客户的人在两周里浏览了3次以上反洗钱筛查的解决方案页，就让合规专员联系他们。",
      "/solutions/aml-screening",
      3,
      14,
    ],
    ["只要学校客户有人在一个月内打开学习分析页面达到4次，就请教学服务部跟进。", "/solutions/learning-analytics", 4, 30],
    ["请客户经理当天联系，如果制造业客户那边的人一周内看了两次定价页面。", "/pricing", 2, 7],
  ])("reads %s as page views by the account's contacts", (text, path, count, withinDays) => {
    expect(draft(text).trigger).toEqual({
      kind: "SIGNAL_COUNT",
      signals: { field: "viewed_page", valueEquals: path, subjectKinds: ["CONTACT"] },
      count,
      withinDays,
      scope: "ACCOUNT",
    });
  });
});

describe("书面 register", () => {
  it("closes an antecedent with a clause-final 者 (……降为红色者，……)", () => {
    const d = draft("凡企业级客户之健康等级降为红色者，须由客户经理于七日内完成回访。");
    expect(d.trigger).toMatchObject({ kind: "HEALTH_GRADE_CHANGE", to: ["RED"] });
    expect(d.conditions).toEqual([{ kind: "ACCOUNT_FIELD", field: "segment", op: "EQUALS", values: ["ENTERPRISE"] }]);
    expect(d.actions).toMatchObject([{ kind: "CREATE_TASK", assignee: { kind: "ACCOUNT_OWNER" }, dueInDays: 7 }]);
    expect(d.unrecognised).toEqual([]);
  });

  it("does not close one at the 者 of a word (患者满意度)", () => {
    const d = draft("医院客户的患者满意度低于70%时，请质量部两周内完成改进。");
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD" });
    expect(d.actions).toMatchObject([{ kind: "CREATE_TASK", assignee: { kind: "TEAM", teamId: "t-quality" } }]);
  });

  it.each([
    ["对于制造业客户，一旦报废率连续两周高于5%，应当由质量工程师出具整改报告，期限十日。", "quality-engineer", 10],
    ["针对SaaS客户，NPS低于5分即视为风险，需客服主管三日内跟进。", "support-lead", 3],
    ["学校客户健康分低于四十分者，须由区域经理于五日内回访。", "regional-manager", 5],
  ])("reads a modal before the doer (须由, 应当由, 需): %s", (text, role, dueInDays) => {
    const d = draft(text);
    expect(d.actions).toEqual([expect.objectContaining({ assignee: { kind: "ROLE", role }, dueInDays })]);
    expect(d.unrecognised).toEqual([]);
  });

  it("reads 毋须征询本人意见 as automatic", () => {
    const d = draft("倘若银行客户的制裁筛查命中，通知合规专员当日复核，毋须征询本人意见。");
    expect(d.mode).toBe("AUTO");
    expect(d.actions).toMatchObject([{ kind: "OPEN_REVIEW", assignee: { kind: "ROLE", role: "compliance" } }]);
  });
});

describe("口语 changes and requests", () => {
  it.each([
    ["车队客户的电池温度一天涨了超过5度，就自动给绿伏派单。", "automotive:battery-thermal-condition", "RISING", 1],
    ["电商客户的订单量一周就降了三成，请平台运营团队分析原因。", "ecommerce:order-volume", "FALLING", 7],
    ["请客户成功部跟进，要是SaaS客户的活跃用户数两个月跌了超过40%。", "saas:active-users", "FALLING", 60],
  ])("reads a duration right before a change as its window: %s", (text, concept, direction, withinDays) => {
    const d = draft(text);
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_TREND", concept, direction, withinDays });
    expect(d.actions).toHaveLength(1);
    expect(d.unrecognised).toEqual([]);
  });

  it("reads the rate over that window", () => {
    const d = draft("车队客户的电池温度一天涨了超过5度，就自动给绿伏派单。");
    expect(d.trigger).toMatchObject({ ratePerDay: 5 });
  });

  it.each([
    [
      "老师们说学校客户的课程通过率掉到七成以下了，麻烦让教学服务团队这周内出个方案。",
      { kind: "TEAM", teamId: "t-academic-success" },
    ],
    [
      "咱们的医院客户要是设备开机率跌到九成以下，劳驾请华通派人去修。",
      { kind: "ORGANIZATION", organizationId: "org-huatong-medical" },
    ],
    ["电商客户连着三周退货率都超过15%，就烦请平台运营团队看看。", { kind: "TEAM", teamId: "t-marketplace-ops" }],
  ])("reads 麻烦/劳驾/烦请 before a request as the action: %s", (text, assignee) => {
    const d = draft(text);
    expect(d.trigger?.kind).toBe("CONCEPT_THRESHOLD");
    expect(d.actions).toMatchObject([{ kind: "CREATE_TASK", assignee }]);
  });

  it("reads 连着三周 as 连续三周 and 咱们的 as nothing to name", () => {
    expect(draft("电商客户连着三周退货率都超过15%，就让平台运营团队看看。").unrecognised).toEqual([]);
    expect(draft("咱们的医院客户要是设备开机率跌到九成以下，让华通去修。").unrecognised).toEqual([]);
  });
});

describe("opportunity stages and outcomes said as a mark or a stage reached", () => {
  it.each([
    "電商客戶的商機被標記為丟單時，請客戶經理三天內做一次丟單覆盤。",
    "SaaS客户的商机阶段推进到谈判时，请产品经理准备演示。",
    "请大客户团队复盘，当企业级客户的销售机会状态被改为赢单时。",
  ])("reads %s as an opportunity update", (text) => {
    const d = draft(text);
    expect(d.trigger).toEqual({ kind: "EVENT", eventTypes: ["OPPORTUNITY_UPDATED"] });
    expect(d.actions).toHaveLength(1);
    expect(d.unrecognised).toEqual([]);
  });

  it("reads metals of battery and plant rules in traditional characters (鋰, 鎳)", () => {
    const d = draft("車隊客戶的鋰電池健康度低於八成時，請電池研發部兩週內評估。");
    expect(d.trigger).toMatchObject({ concept: "automotive:battery-state-of-health", op: "BELOW" });
    expect(d.actions).toMatchObject([
      { kind: "CREATE_TASK", assignee: { kind: "TEAM", teamId: "t-battery-rnd" }, dueInDays: 14 },
    ]);
  });
});

describe("a bare measure word after a concept", () => {
  it("counts that concept (保修索赔单量), not another concept named by the measure (单量 of 订单量)", () => {
    const d = draft("汽车客户的保修索赔单量在一个月内超过20单时，请质量工程师分析。");
    expect(d.trigger).toMatchObject({
      kind: "SIGNAL_COUNT",
      signals: { concept: "automotive:warranty-claims" },
      count: 21,
    });
    expect(d.unrecognised).toEqual([]);
  });
});

describe("a rule written as labelled parts", () => {
  it.each([
    ["触发：电商客户退货率超过20%；动作：推送到钉钉，并通知平台运营团队。", "ecommerce:return-rate", 2],
    ["条件：银行客户的制裁筛查命中。动作：合规专员当天复核。先问我。", "finance:sanctions-screening", 1],
    ["场景：制造业客户的OEE低于六成\n措施：质量部一周内排查，同步到MES", "manufacturing:oee", 2],
  ])("reads %s with its label words as connectives", (text, concept, actions) => {
    const d = draft(text);
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept });
    expect(d.actions).toHaveLength(actions);
    expect(d.unrecognised).toEqual([]);
  });
});

describe("grade changes said without a grade, and a second opener", () => {
  it.each([
    ["只要中型企业客户的健康评级被下调，就让客户经理两天内联系。", "DOWN"],
    ["医院客户的健康等级下降了一级时，请华通回访。", "DOWN"],
    ["请客户经理跟进，当SaaS客户的健康评级被上调时。", "UP"],
  ])("reads %s as a grade change with its direction", (text, direction) => {
    const d = draft(text);
    expect(d.trigger).toEqual({ kind: "HEALTH_GRADE_CHANGE", direction });
    expect(d.unrecognised).toEqual([]);
  });

  it.each([
    ["客户健康等级回升到绿色时，如果是东南亚客户，就推送到钉钉群。", "region", "APAC-SEA"],
    ["当NPS低于6分时，若属于制造业客户，则请质量部回访。", "industry", "MANUFACTURING"],
    ["健康分低于40分的时候，只要是企业级客户，就让大客户团队当天处理。", "segment", "ENTERPRISE"],
  ])("reads a second opener before the actions as a condition: %s", (text, field, value) => {
    const d = draft(text);
    expect(d.conditions).toContainEqual({ kind: "ACCOUNT_FIELD", field, op: "EQUALS", values: [value] });
    expect(d.actions).toHaveLength(1);
  });
});

describe("visits to the customer and rates named with what they count", () => {
  it.each([
    ["医院客户的随访完成率在一个季度内下降超过8个百分点，请华通医疗服务协助改进。", "healthcare:patient-follow-up"],
    ["客户经理回访率低于80%的医院客户，请客户成功部跟进。", null],
    ["请华通跟进，如果医院客户的随访执行率低于七成。", "healthcare:patient-follow-up"],
  ])("does not read the 访 of 随访/回访 as a page view: %s", (text, concept) => {
    const d = draft(text);
    expect(d.trigger === null || d.trigger.kind !== "SIGNAL_COUNT").toBe(true);
    if (concept) expect(d.trigger).toMatchObject({ concept });
  });
});

describe("Hong Kong written Cantonese", () => {
  it("reads 嘅, 跌穿, 高過……嘅話 and 唔使問我", () => {
    const d = draft("電商客戶嘅退貨率高過兩成嘅話，就同步去釘釘群，唔使問我。");
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept: "ecommerce:return-rate" });
    expect(d.actions).toEqual([{ kind: "CALL_WEBHOOK", endpointId: "wh-dingtalk" }]);
    expect(d.mode).toBe("AUTO");
    expect(d.unrecognised).toEqual([]);
  });

  it.each([
    ["若醫療機構嘅設備開機率跌穿九成，請華通派工程師到場檢查。", "healthcare:equipment-uptime"],
    ["製造業客戶嘅OEE跌穿六成，唔好自動執行，請質量部跟進。", "manufacturing:oee"],
  ])("reads %s", (text, concept) => {
    const d = draft(text);
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept, op: "BELOW" });
    expect(d.actions).toHaveLength(1);
  });
});

describe("amounts in per mille and halves of a duration", () => {
  it("reads 千分之五十 and 5‰ as 5 and 0.5 percent", () => {
    expect(findNumber("超过千分之五十")).toMatchObject({ value: 5, percent: true });
    expect(findNumber("高于5‰")).toMatchObject({ value: 0.5, percent: true });
  });

  it("puts 千分之五十 on the concept's scale like 5%", () => {
    const a = draft("电商客户的退货率超过千分之五十时，请平台运营团队处理。").trigger;
    const b = draft("电商客户的退货率超过5%时，请平台运营团队处理。").trigger;
    expect(a).toEqual(b);
  });

  it.each([
    ["银行客户的逾期天数超过一个半月，请催收团队联系。", "银行客户的逾期天数超过45天，请催收团队联系。"],
    ["SaaS客户的首次响应时间超过半天，请客服主管处理。", "SaaS客户的首次响应时间超过12小时，请客服主管处理。"],
    ["请质量部排查，如果制造业客户的停机时间超过两个半小时。", "请质量部排查，如果制造业客户的停机时间超过2.5小时。"],
  ])("reads %s like %s", (halves, plain) => {
    expect(draft(halves).trigger).toEqual(draft(plain).trigger);
    expect(draft(halves).unrecognised).toEqual([]);
  });
});

describe("records and verbs of events", () => {
  it.each([
    ["新能源车队客户新增车辆时，自动推送到合作伙伴门户。", "ASSET_CREATED"],
    ["请绿伏核对，当车企客户的充电桩被删除时。", "ASSET_DELETED"],
    ["每当有新的中型企业客户签约，就让实施团队一周内完成上线培训。", "ACCOUNT_CREATED"],
  ])("reads %s as %s", (text, type) => {
    const d = draft(text);
    expect(d.trigger).toEqual({ kind: "EVENT", eventTypes: [type] });
    expect(d.unrecognised).toEqual([]);
  });
});

describe("the start of a concept's label said before a name read by resemblance", () => {
  it("does not count the 一次 of 一次……合格率 as one event", () => {
    const d = draft("制造业客户的一次交检合格率低于95%，请质量工程师当天排查。");
    expect(d.trigger).toMatchObject({
      kind: "CONCEPT_THRESHOLD",
      concept: "manufacturing:first-pass-yield",
      op: "BELOW",
    });
  });

  it("still counts 一次 said as a count before a concept's own name", () => {
    const d = draft("跨境电商客户在两周内出现一次清关扣关，就请子午线物流跟进。");
    expect(d.trigger).toMatchObject({
      kind: "SIGNAL_COUNT",
      signals: { concept: "ecommerce:customs-clearance" },
      count: 1,
    });
  });
});

describe("polite wrappers around a rule", () => {
  it.each([
    "我希望当电商客户的退货率超过15%的时候，系统自动推送到钉钉。",
    "如果可以的话，当保险客户的续保率低于七成时，让王芳跟进。",
    "我们想在学校客户健康等级变红的时候提醒一下客户经理。",
  ])("names nothing of %s as not understood", (text) => {
    const d = draft(text);
    expect(d.trigger).not.toBeNull();
    expect(d.actions).toHaveLength(1);
    expect(d.unrecognised).toEqual([]);
  });
});

describe("a concept label starting inside the longest name from the left", () => {
  it.each([
    ["车队客户的电池容量衰减率一年内超过8%时，请华芯电池评估。", "automotive:capacity-fade-rate"],
    ["車隊客戶的電池容量衰減率超過8%時，請華芯電池評估。", "automotive:capacity-fade-rate"],
  ])("reads the label that reaches further: %s", (text, concept) => {
    const d = draft(text);
    expect(d.trigger).toMatchObject({ kind: "CONCEPT_THRESHOLD", concept });
    expect(d.unrecognised).toEqual([]);
  });

  it("keeps the name from the left when something is read right after it", () => {
    expect(draft("车队客户的电池健康度低于80%时，请电池研发部评估。").trigger).toMatchObject({
      concept: "automotive:battery-state-of-health",
    });
  });
});

describe("how many assets of one region", () => {
  it.each([
    ["在一个区域内，超过4台设备的振动值在两周内每天上升超过0.2mm/s，自动标记这些设备为“待维护”。", 5],
    ["同一地区有3辆以上车辆电池温度连续一周每天升高超过1℃时，请绿伏排查。", 3],
    ["当制造企业客户的设备在同一区域内有5台以上每天停机时间增加超过1小时，持续两周，就让该区域的服务商上门。", 5],
  ])("reads the assets, not the 一个 of 一个区域: %s", (text, minSubjects) => {
    expect(draft(text).trigger).toMatchObject({ kind: "CONCEPT_TREND", scope: "REGION", minSubjects });
  });
});

describe("success said as what a result shows", () => {
  it.each([
    [
      "电商客户的退货率超过15%时，让平台运营团队一周内处理，两周内退货率降到10%以下就说明有效。",
      "ecommerce:return-rate",
      14,
      7,
    ],
    ["制造业客户的OEE低于六成时，请质量部排查；效果看两周内OEE是否回到七成以上。", "manufacturing:oee", 14, 3],
    ["医院客户的NPS低于6分时，让客户经理回访，一个月内NPS回到8分以上就表示成功。", "core:nps", 30, 3],
  ])("reads %s as feedback, not as the task's deadline", (text, concept, withinDays, dueInDays) => {
    const d = draft(text);
    expect(d.feedback).toMatchObject({ kind: "SIGNAL_OBSERVED", signals: { concept }, withinDays });
    expect(d.actions).toMatchObject([{ kind: "CREATE_TASK", dueInDays }]);
  });
});

describe("passive doers and modes in traditional characters", () => {
  it.each([
    ["製造業客戶的報廢率高於6%時，交由質量部處理，先讓我確認。", { kind: "TEAM", teamId: "t-quality" }, "SUGGEST"],
    ["醫院客戶健康等級變紅，由客戶經理負責在三日內回訪，自動執行。", { kind: "ACCOUNT_OWNER" }, "AUTO"],
    ["銀行客戶的制裁篩查命中，交給合規專員當天覆核，毋須先問我。", { kind: "ROLE", role: "compliance" }, "AUTO"],
  ])("reads %s", (text, assignee, mode) => {
    const d = draft(text);
    expect(d.actions).toMatchObject([{ assignee }]);
    expect(d.mode).toBe(mode);
    expect(d.unrecognised).toEqual([]);
  });
});

describe("accounts said by their partners", () => {
  it("reads accounts served by a partner, said first, as conditions and not as an action", () => {
    const d = draft("由绿伏服务维保的车队客户，充电桩可用率低于95%时，请绿伏两天内检修。");
    expect(d.conditions).toContainEqual({
      kind: "ACCOUNT_FIELD",
      field: "industry",
      op: "EQUALS",
      values: ["AUTOMOTIVE"],
    });
    expect(d.actions).toMatchObject([{ kind: "CREATE_TASK", dueInDays: 2 }]);
  });

  it.each([
    "没有合作伙伴的SaaS客户新建商机时，请大客户团队跟进。",
    "无经销商的制造业客户OEE低于六成时，请质量部排查。",
  ])("names an organization's absence instead of reading its presence: %s", (text) => {
    const d = draft(text);
    expect(d.conditions.filter((c) => c.kind === "HAS_ORGANIZATION")).toEqual([]);
    expect(d.unrecognised.length).toBeGreaterThan(0);
  });
});

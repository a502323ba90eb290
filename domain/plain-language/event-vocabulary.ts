/**
 * The words for change events (issue 12) in English and Chinese: the kinds of record a change is about,
 * and what happened to it. A parser combines a record word with an action word ("a new account is added",
 * "新增客户") into a `CHANGE_TYPES` event type with {@link eventTypeOf}.
 */
import { CHANGE_TYPES, ChangeRecordType, ChangeType } from "../events/change-event";

/** What happened to a record, as the suffix of its event types. */
export const EVENT_ACTIONS = [
  "CREATED",
  "UPDATED",
  "DELETED",
  "RESTORED",
  "RECORDED",
  "SET",
  "CHANGED",
  "ERASED",
  "MERGED",
  "SPLIT",
  "RESOLVED",
  "DEFINED",
  "ISSUED",
  "REVOKED",
  "STARTED",
  "STOPPED",
  "CONCLUDED",
  "SUBMITTED",
  "REVIEWED",
  "CONFIRMED",
  "VALIDATED",
  "REJECTED",
  "PUBLISHED",
  "RETIRED",
  "APPLIED",
  "RECOMPUTED",
  "SAVED",
  "DECIDED",
] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

/** Words for the records change events are about. "OUTCOME" covers churn and renewal outcomes. */
export const RECORD_WORDS: Readonly<
  Record<"en" | "zh", Readonly<Partial<Record<ChangeRecordType, readonly string[]>>>>
> = {
  en: {
    ACCOUNT: ["account", "customer", "client", "customer account", "client account"],
    CONTACT: ["contact", "contact person", "contact record"],
    OPPORTUNITY: ["opportunity", "deal", "sales opportunity"],
    ASSET: ["asset", "device", "machine", "equipment", "vehicle", "charger"],
    ORGANIZATION: ["organization", "organisation", "partner organization", "partner organisation"],
    SIGNAL: ["signal"],
    USER: ["user"],
    TEAM: ["team"],
    SOURCE_SYSTEM: ["source system", "data source"],
    OUTCOME: ["outcome", "churn outcome", "renewal outcome", "churn or renewal outcome", "churn", "renewal"],
    MANUAL_MEASURE: ["manual measure", "manual score"],
    HEALTH: ["health grade", "health score"],
    HEALTH_MODEL: ["health model", "health model version", "scoring model"],
    ONTOLOGY_PACK: ["ontology pack", "concept pack"],
    MAPPING: ["mapping", "field mapping"],
    CONTRACT: ["value contract", "outcome contract"],
    IDENTITY: ["identity", "channel identity", "customer identity"],
    CONSENT: [
      ...["consent", "consent record", "data-use consent", "data use consent", "marketing consent", "privacy consent"],
      ...["data-use authorization", "data-use authorisation", "data use authorization", "data use authorisation"],
      ...["opt-in", "opt-out"],
    ],
    PERSON: ["person", "data subject", "personal data"],
    MPU_EXPERIMENT: ["MPU experiment", "micro-practice experiment", "experiment"],
    MPU: ["MPU", "micro-practice", "micro-practice unit", "practice unit"],
    MPU_USE: ["MPU use", "use of an MPU", "micro-practice use"],
    TICKET: [
      ...["ticket", "support ticket", "support case", "support request", "service ticket", "helpdesk ticket"],
      ...["case", "service case", "service request"],
    ],
    VALUE_ANCHOR: ["value anchor", "anchor point"],
  },
  zh: {
    ACCOUNT: ["客户", "账户", "新客户", "客户记录", "客户信息", "客户资料", "客户档案"],
    CONTACT: ["联系人", "联系人信息"],
    OPPORTUNITY: ["商机", "机会", "销售机会"],
    ASSET: ["设备", "资产", "车辆", "充电桩", "设备信息", "设备档案"],
    ORGANIZATION: ["组织", "合作机构", "合作伙伴", "合作伙伴机构", "合作方"],
    SIGNAL: ["信号"],
    USER: ["用户"],
    TEAM: ["团队"],
    SOURCE_SYSTEM: ["源系统", "数据源"],
    OUTCOME: ["结果", "流失结果", "续约结果", "流失或续约结果", "续约或流失结果"],
    MANUAL_MEASURE: ["手工指标", "人工评分", "人工指标"],
    HEALTH: ["健康等级", "健康分"],
    HEALTH_MODEL: ["健康模型", "健康度模型", "评分模型"],
    ONTOLOGY_PACK: ["本体包"],
    MAPPING: ["映射", "字段映射"],
    CONTRACT: ["价值合约", "价值契约"],
    IDENTITY: ["身份", "渠道身份", "客户身份"],
    CONSENT: [
      "授权",
      "数据使用授权",
      "数据授权",
      "使用授权",
      "隐私授权",
      "同意书",
      "数据使用同意",
      "营销同意",
      "同意记录",
    ],
    PERSON: ["个人数据", "个人信息", "数据主体"],
    MPU_EXPERIMENT: ["MPU 实验", "微实践实验", "实验"],
    MPU: ["MPU", "微实践", "微实践单元"],
    MPU_USE: ["MPU 使用", "微实践使用"],
    TICKET: ["工单", "服务工单", "支持工单", "报修单", "投诉单", "售后工单"],
    VALUE_ANCHOR: ["价值锚点", "锚点"],
  },
};

/** Words for what happened, per language. */
export const EVENT_ACTION_WORDS: Readonly<Record<"en" | "zh", Readonly<Record<EventAction, readonly string[]>>>> = {
  en: {
    CREATED: [
      ...["new", "created", "added", "signed", "onboarded", "registered", "opened", "comes in", "come in"],
      ...["raised", "filed", "arrives", "arrived"],
    ],
    UPDATED: [
      ...["updated", "changed", "edited", "modified", "moves", "moved", "won", "lost", "closed", "closes"],
      ...["advances", "advanced", "progresses", "stage changes", "changes stage", "slips", "slipped"],
      ...["escalated", "reassigned"],
    ],
    DELETED: ["deleted", "removed", "dropped from", "taken off", "taken out"],
    RESTORED: ["restored", "undeleted", "comes back", "came back", "brought back", "reinstated", "un-deleted"],
    RECORDED: [
      ...["recorded", "logged", "reported", "entered", "booked", "churns", "churned", "renews", "renewed"],
      ...["given", "granted", "captured"],
    ],
    SET: ["set"],
    CHANGED: ["changes", "changed"],
    ERASED: ["erased", "forgotten", "anonymised", "anonymized", "purged"],
    MERGED: ["merged"],
    SPLIT: ["split", "unmerged"],
    RESOLVED: ["resolved"],
    DEFINED: ["defined"],
    ISSUED: ["issued"],
    REVOKED: ["revoked", "withdrawn"],
    STARTED: ["started", "launched", "kicked off"],
    STOPPED: ["stopped", "halted"],
    CONCLUDED: ["concluded"],
    SUBMITTED: ["submitted"],
    REVIEWED: ["reviewed"],
    CONFIRMED: ["confirmed"],
    VALIDATED: ["validated"],
    REJECTED: ["rejected"],
    PUBLISHED: ["published"],
    RETIRED: ["retired"],
    APPLIED: ["applied"],
    RECOMPUTED: ["recomputed", "recalculated"],
    SAVED: ["saved", "stored"],
    DECIDED: ["decided"],
  },
  zh: {
    CREATED: ["新建", "新增", "创建", "新签", "添加", "录入新", "进来", "新进", "开立", "提交了新", "有新的", "新来的"],
    UPDATED: ["更新", "修改", "变更", "编辑", "调整"],
    DELETED: ["删除", "移除", "删掉"],
    RESTORED: ["恢复", "还原"],
    RECORDED: ["记录", "录入", "登记", "上报", "给出", "授予", "签署"],
    SET: ["设置", "设定"],
    CHANGED: ["变化", "变动", "改变"],
    ERASED: ["擦除", "被遗忘", "抹除", "匿名化"],
    MERGED: ["合并"],
    SPLIT: ["拆分"],
    RESOLVED: ["解析", "识别"],
    DEFINED: ["定义"],
    ISSUED: ["出具", "签发"],
    REVOKED: ["撤回", "撤销"],
    STARTED: ["启动", "开始"],
    STOPPED: ["停止", "中止"],
    CONCLUDED: ["结束", "结题"],
    SUBMITTED: ["提交"],
    REVIEWED: ["评审", "审核"],
    CONFIRMED: ["确认"],
    VALIDATED: ["验证"],
    REJECTED: ["驳回"],
    PUBLISHED: ["发布"],
    RETIRED: ["下线", "停用"],
    APPLIED: ["应用"],
    RECOMPUTED: ["重算", "重新计算"],
    SAVED: ["保存"],
    DECIDED: ["判定"],
  },
};

/**
 * Other actions an action word may mean when the record has no event of its own: a ticket "logged" is
 * created, a person "deleted" is erased, consent "given", "changed" or "withdrawn" is a new consent
 * record, a value contract "created" is defined.
 */
const FALLBACKS: Readonly<Partial<Record<EventAction, readonly EventAction[]>>> = {
  CREATED: ["DEFINED", "RECORDED", "STARTED"],
  RECORDED: ["CREATED"],
  SET: ["UPDATED"],
  CHANGED: ["UPDATED"],
  UPDATED: ["RECORDED"],
  ERASED: ["DELETED"],
  DELETED: ["ERASED", "REVOKED"],
  SUBMITTED: ["CREATED"],
  REVOKED: ["RECORDED"],
  SAVED: ["RECORDED"],
};

/** Records whose every action word is a new version of one event (consent given, changed or withdrawn). */
const SINGLE_EVENT: Readonly<Partial<Record<ChangeRecordType, ChangeType>>> = {
  CONSENT: "CONSENT_RECORDED",
  ONTOLOGY_PACK: "ONTOLOGY_PACK_STORED",
  HEALTH_MODEL: "HEALTH_MODEL_VERSION_SAVED",
};

/** Event types said in more words than `<RECORD>_<ACTION>` ("usage of a value contract is recorded"). */
const ALIASES: Readonly<Record<string, ChangeType>> = {
  CONTRACT_RECORDED: "CONTRACT_USAGE_RECORDED",
  CONTRACT_ISSUED: "CONTRACT_STATEMENT_ISSUED",
  IDENTITY_DECIDED: "IDENTITY_PAIR_DECIDED",
};

/**
 * The event type for a record and what happened to it, or null when there is none: OUTCOME takes
 * RECORDED (and CREATED means RECORDED), MANUAL_MEASURE takes SET, HEALTH takes a grade or score change;
 * otherwise `<RECORD>_<ACTION>` when it exists, or the first of the action's {@link FALLBACKS} that does.
 */
export function eventTypeOf(
  record: ChangeRecordType,
  action: EventAction,
  healthPart: "GRADE" | "SCORE" = "GRADE",
): ChangeType | null {
  const known = (type: string): type is ChangeType => (CHANGE_TYPES as readonly string[]).includes(type);
  const keeps = action === "DELETED" || action === "RESTORED";
  if (record === "OUTCOME")
    return known(`OUTCOME_${action}`) && keeps ? `OUTCOME_${action}` : isRecording(action) ? "OUTCOME_RECORDED" : null;
  if (record === "MANUAL_MEASURE")
    return keeps ? (`MANUAL_MEASURE_${action}` as ChangeType) : isRecording(action) ? "MANUAL_MEASURE_SET" : null;
  if (record === "HEALTH") return `HEALTH_${healthPart}_CHANGED`;
  if (record === "MAPPING")
    return action === "DELETED" ? "MAPPING_REMOVED" : isRecording(action) ? "MAPPING_SET" : null;
  const single = SINGLE_EVENT[record];
  if (single !== undefined) return action === "ERASED" ? null : single;
  if (record === "PERSON") return action === "ERASED" || action === "DELETED" ? "PERSON_ERASED" : null;
  for (const candidate of [action, ...(FALLBACKS[action] ?? [])]) {
    const type = ALIASES[`${record}_${candidate}`] ?? `${record}_${candidate}`;
    if (known(type)) return type;
  }
  return null;
}

/** Actions that put a new value on a record (not deleting, restoring or a life-cycle step of its own). */
function isRecording(action: EventAction): boolean {
  return ["CREATED", "UPDATED", "RECORDED", "SET", "CHANGED", "SAVED"].includes(action);
}

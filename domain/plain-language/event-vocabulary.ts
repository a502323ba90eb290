/**
 * The words for change events (issue 12) in English and Chinese: the kinds of record a change is about,
 * and what happened to it. A parser combines a record word with an action word ("a new account is added",
 * "新增客户") into a `CHANGE_TYPES` event type with {@link eventTypeOf}.
 */
import { CHANGE_TYPES, ChangeRecordType, ChangeType } from "../events/change-event";

/** What happened to a record, as the suffix of its event types. */
export const EVENT_ACTIONS = ["CREATED", "UPDATED", "DELETED", "RESTORED", "RECORDED", "SET", "CHANGED"] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

/** Words for the records change events are about. "OUTCOME" covers churn and renewal outcomes. */
export const RECORD_WORDS: Readonly<
  Record<"en" | "zh", Readonly<Partial<Record<ChangeRecordType, readonly string[]>>>>
> = {
  en: {
    ACCOUNT: ["account", "customer", "client"],
    CONTACT: ["contact", "contact person"],
    OPPORTUNITY: ["opportunity", "deal"],
    ASSET: ["asset", "device", "machine", "equipment", "vehicle", "charger"],
    ORGANIZATION: ["organization", "organisation", "partner organization"],
    SIGNAL: ["signal"],
    USER: ["user"],
    TEAM: ["team"],
    OUTCOME: ["outcome", "churn outcome", "renewal outcome", "churn or renewal outcome", "churn", "renewal"],
    MANUAL_MEASURE: ["manual measure", "manual score"],
    HEALTH: ["health grade", "health score"],
    ONTOLOGY_PACK: ["ontology pack"],
    MAPPING: ["mapping"],
  },
  zh: {
    ACCOUNT: ["客户", "账户", "新客户"],
    CONTACT: ["联系人"],
    OPPORTUNITY: ["商机", "机会"],
    ASSET: ["设备", "资产", "车辆", "充电桩"],
    ORGANIZATION: ["组织", "合作机构"],
    SIGNAL: ["信号"],
    USER: ["用户"],
    TEAM: ["团队"],
    OUTCOME: ["结果", "流失结果", "续约结果", "流失或续约结果", "续约或流失结果"],
    MANUAL_MEASURE: ["手工指标", "人工评分"],
    HEALTH: ["健康等级", "健康分"],
    ONTOLOGY_PACK: ["本体包"],
    MAPPING: ["映射"],
  },
};

/** Words for what happened, per language. */
export const EVENT_ACTION_WORDS: Readonly<Record<"en" | "zh", Readonly<Record<EventAction, readonly string[]>>>> = {
  en: {
    CREATED: ["new", "created", "added", "signed", "onboarded", "registered", "opened", "comes in"],
    UPDATED: [
      ...["updated", "changed", "edited", "modified", "moves", "moved", "won", "lost", "closed", "closes"],
      ...["advances", "advanced", "progresses", "stage changes", "changes stage", "slips", "slipped"],
    ],
    DELETED: ["deleted", "removed"],
    RESTORED: ["restored", "undeleted"],
    RECORDED: ["recorded", "logged", "reported", "entered", "booked", "churns", "churned", "renews", "renewed"],
    SET: ["set"],
    CHANGED: ["changes", "changed"],
  },
  zh: {
    CREATED: ["新建", "新增", "创建", "新签", "添加", "录入新"],
    UPDATED: ["更新", "修改", "变更", "编辑"],
    DELETED: ["删除", "移除"],
    RESTORED: ["恢复"],
    RECORDED: ["记录", "录入", "登记", "上报"],
    SET: ["设置", "设定"],
    CHANGED: ["变化", "变动", "改变"],
  },
};

/**
 * The event type for a record and what happened to it, or null when there is none: OUTCOME takes
 * RECORDED (and CREATED means RECORDED), MANUAL_MEASURE takes SET, HEALTH takes a grade or score change.
 */
export function eventTypeOf(
  record: ChangeRecordType,
  action: EventAction,
  healthPart: "GRADE" | "SCORE" = "GRADE",
): ChangeType | null {
  let candidate: string;
  if (record === "OUTCOME")
    candidate = action === "DELETED" || action === "RESTORED" ? `OUTCOME_${action}` : "OUTCOME_RECORDED";
  else if (record === "MANUAL_MEASURE")
    candidate = action === "DELETED" || action === "RESTORED" ? `MANUAL_MEASURE_${action}` : "MANUAL_MEASURE_SET";
  else if (record === "HEALTH") candidate = `HEALTH_${healthPart}_CHANGED`;
  else if (record === "HEALTH_MODEL") candidate = "HEALTH_MODEL_VERSION_SAVED";
  else if (record === "ONTOLOGY_PACK") candidate = "ONTOLOGY_PACK_STORED";
  else if (record === "MAPPING") candidate = action === "DELETED" ? "MAPPING_REMOVED" : "MAPPING_SET";
  else {
    const suffix = action === "RECORDED" ? "CREATED" : action === "SET" || action === "CHANGED" ? "UPDATED" : action;
    candidate = `${record}_${suffix}`;
  }
  return (CHANGE_TYPES as readonly string[]).includes(candidate) ? (candidate as ChangeType) : null;
}

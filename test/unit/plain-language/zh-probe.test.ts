/**
 * Generalisation of the Chinese grammar (issue 12): the Chinese entries of the lead's probe sentences
 * (development-probe.json, written after the grammar and not part of the held-out half), scored with the
 * shared scorer, and sentences of our own with other record events and other boolean breach phrasings.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { CorpusEntry, loadCorpusContext, ROOT, scoreEntries } from "../../../cli/nl";
import { summariseScores } from "../../../domain/plain-language/corpus-score";
import { PlaybookDraft } from "../../../domain/plain-language/draft";
import { draftPlaybookFromText } from "../../../domain/plain-language/draft-playbook";

const context = loadCorpusContext();
const draft = (text: string): PlaybookDraft => draftPlaybookFromText(text, context);
const probes = (
  JSON.parse(
    readFileSync(join(ROOT, "test", "fixtures", "plain-language", "development-probe.json"), "utf8"),
  ) as CorpusEntry[]
).filter((e) => e.lang === "zh");

describe("the Chinese probe sentences", () => {
  it("drafts at least 90 % of them with the exact expected structure", () => {
    expect(probes.length).toBeGreaterThanOrEqual(8);
    const scored = scoreEntries(probes, context);
    const misses = scored.filter((s) => !s.score.exact).map((s) => `${s.entry.id}: ${s.score.differences.join("; ")}`);
    const summary = summariseScores(scored.map((s) => s.score));
    expect(summary.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(misses).toEqual([]);
  });
});

describe("record events attach to the record noun nearest the event verb", () => {
  it.each([
    ["当医疗客户有新的商机创建时，通知赵磊跟进。", ["OPPORTUNITY_CREATED"]],
    ["医疗客户的联系人被删除时，通知赵磊。", ["CONTACT_DELETED"]],
    ["联系人被删除时，同步到企业微信。", ["CONTACT_DELETED"]],
    ["制造业客户的设备信息更新时，推送到ERP系统。", ["ASSET_UPDATED"]],
    ["中小企业客户新增合作伙伴时，请法务部审核。", ["ORGANIZATION_CREATED"]],
    ["客户删除联系人时，通知客户经理。", ["CONTACT_DELETED"]],
    ["医疗客户被删除时，通知客户经理。", ["ACCOUNT_DELETED"]],
    ["有新的医疗客户时，通知客户经理。", ["ACCOUNT_CREATED"]],
    ["新增客户联系人时，通知客户经理。", ["CONTACT_CREATED"]],
    ["新增客户的联系人时，通知客户经理。", ["CONTACT_CREATED"]],
    ["客户删除了一个联系人时，通知客户经理。", ["CONTACT_DELETED"]],
    ["客户的商机被删除或恢复时，通知客户经理。", ["OPPORTUNITY_DELETED", "OPPORTUNITY_RESTORED"]],
  ])("%s", (text, eventTypes) => {
    expect(draft(text).trigger).toEqual({ kind: "EVENT", eventTypes });
  });

  it("keeps the account words as the condition, not as a second event", () => {
    const d = draft("当医疗客户有新的商机创建时，通知赵磊在3天内跟进。");
    expect(d.conditions).toEqual([{ kind: "ACCOUNT_FIELD", field: "industry", op: "EQUALS", values: ["HEALTHCARE"] }]);
  });

  it("reads a new partner as the event's record, not as a partner condition", () => {
    const d = draft("客户有新的合作伙伴时，请法务部审核。");
    expect(d.trigger).toEqual({ kind: "EVENT", eventTypes: ["ORGANIZATION_CREATED"] });
    expect(d.conditions).toEqual([]);
  });
});

describe("boolean concepts named by their subject and a breach word", () => {
  const sla = (count: number, withinDays: number) => ({
    kind: "SIGNAL_COUNT",
    signals: { concept: "core:sla-compliance", valueEquals: "true" },
    count,
    withinDays,
    scope: "ACCOUNT",
  });

  it.each([
    ["中小企业客户一个月内SLA超时达到3次，就让现场服务团队处理。", sla(3, 30)],
    ["客户两周内SLA违约超过2次，请客户成功团队跟进。", sla(3, 14)],
    ["客户一个月内SLA未达成达到3次时，请李伟跟进。", sla(3, 30)],
    [
      "客户一个月内出现逾期发票达到2次时，通知客户经理。",
      {
        kind: "SIGNAL_COUNT",
        signals: { concept: "core:overdue-invoices", valueEquals: "true" },
        count: 2,
        withinDays: 30,
        scope: "ACCOUNT",
      },
    ],
    [
      "客户的发票逾期超过两次时，通知客户经理。",
      {
        kind: "SIGNAL_COUNT",
        signals: { concept: "core:overdue-invoices", valueEquals: "true" },
        count: 3,
        withinDays: 30,
        scope: "ACCOUNT",
      },
    ],
  ])("%s", (text, trigger) => {
    const d = draft(text);
    expect(d.trigger).toEqual(trigger);
    expect(d.unrecognised).toEqual([]);
  });

  it("reads a breach said once as the concept turning bad (SLA超时时, 保养超期)", () => {
    expect(draft("客户SLA超时时，请李伟跟进。").trigger).toEqual({
      kind: "CONCEPT_THRESHOLD",
      concept: "core:sla-compliance",
      op: "BELOW",
      value: 0.5,
      scope: "ACCOUNT",
    });
    expect(draft("医院客户的设备保养超期时，通知现场服务团队。").trigger).toEqual({
      kind: "CONCEPT_THRESHOLD",
      concept: "healthcare:preventive-maintenance-compliance",
      op: "BELOW",
      value: 0.5,
      scope: "ACCOUNT",
    });
  });

  it("counts failures of a flag that is true when things went well as the flag being false", () => {
    expect(draft("车企客户一周内OTA升级失败3次时，通知李伟。").trigger).toEqual({
      kind: "SIGNAL_COUNT",
      signals: { concept: "automotive:ota-update-success", valueEquals: "false" },
      count: 3,
      withinDays: 7,
      scope: "ACCOUNT",
    });
  });

  it("names a lapse the packs have no concept for (保单失效) instead of guessing one", () => {
    const d = draft("金融客户一个月内保单失效达到2次时，通知客户经理。");
    expect(d.trigger).toBeNull();
    expect(d.unrecognised.some((u) => u.includes("保单失效"))).toBe(true);
  });
});

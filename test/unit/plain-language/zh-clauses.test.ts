/** The clause structure of Chinese rules (issue 12): splitting, roles, markers. */
import {
  assignRoles,
  normaliseChinese,
  splitClauses,
  stripAntecedentMarkers,
} from "../../../domain/plain-language/zh/clauses";

function roles(text: string): [string, string][] {
  return assignRoles(splitClauses(normaliseChinese(text))).map((c) => [c.role, c.text]);
}

describe("normalising a Chinese sentence", () => {
  it("keeps spaces only between Latin words and numbers", () => {
    expect(normaliseChinese("推送到 ERP 系统，振动 0.1 mm/s")).toBe("推送到ERP系统,振动0.1 mm/s");
  });

  it("turns full-width digits, commas and corner quotes into plain ones", () => {
    expect(normaliseChinese("低于８８％，标记为「停运检查」")).toBe("低于88%,标记为“停运检查”");
  });
});

describe("splitting a rule into clauses", () => {
  it("reads the antecedent before 时 and the actions after it, split at 并", () => {
    expect(
      roles("医院客户的设备开机率低于百分之九十六时，让华通医疗服务两天内派工程师上门，并同步到ServiceNow。"),
    ).toEqual([
      ["ANTECEDENT", "医院客户的设备开机率低于百分之九十六时"],
      ["ACTION", "让华通医疗服务两天内派工程师上门"],
      ["ACTION", "同步到ServiceNow"],
    ]);
  });

  it("ends the antecedent at 就 without a 时", () => {
    expect(roles("联系人7天内浏览价格页达到3次就给客户经理派一个任务")).toEqual([
      ["ANTECEDENT", "联系人7天内浏览价格页达到3次"],
      ["ACTION", "给客户经理派一个任务"],
    ]);
  });

  it("ends the antecedent at a 时 followed directly by an action", () => {
    expect(roles("客户健康等级亮红灯时自动给财务派一个任务")).toEqual([
      ["ANTECEDENT", "客户健康等级亮红灯时"],
      ["ACTION", "自动给财务派一个任务"],
    ]);
  });

  it("tells a success criterion from an action", () => {
    expect(roles("商机更新时，给张敏派任务；如果十四天内任务完成就算成功。")).toEqual([
      ["ANTECEDENT", "商机更新时"],
      ["ACTION", "给张敏派任务"],
      ["FEEDBACK", "如果十四天内任务完成就算成功"],
    ]);
  });

  it("keeps a condition clause before the trigger clause in the antecedent", () => {
    expect(roles("东南亚的中小企业客户，未结工单每周增加超过5张时，让刘洋排查")).toEqual([
      ["ANTECEDENT", "东南亚的中小企业客户"],
      ["ANTECEDENT", "未结工单每周增加超过5张时"],
      ["ACTION", "让刘洋排查"],
    ]);
  });

  it("does not split the 时 of 时间 or 小时", () => {
    expect(roles("首次响应时间超过2小时的时候，通知客服主管")).toEqual([
      ["ANTECEDENT", "首次响应时间超过2小时的时候"],
      ["ACTION", "通知客服主管"],
    ]);
  });

  it("does not split inside a name given as protected", () => {
    const text = "再入院率高于10%时，通知法务";
    const clauses = splitClauses(text, [{ start: 0, end: 4 }]);
    expect(clauses[0]?.text).toBe("再入院率高于10%时");
  });
});

describe("antecedent markers", () => {
  it.each([
    ["如果银行客户的制裁名单筛查命中", "银行客户的制裁名单筛查命中"],
    ["当客户记录被删除时", "客户记录被删除"],
    ["一旦完课率低于60%的时候", "完课率低于60%"],
  ])("strips them from %s", (text, stripped) => {
    expect(stripAntecedentMarkers(text).text).toBe(stripped);
  });
});

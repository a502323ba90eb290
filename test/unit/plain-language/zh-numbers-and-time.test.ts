/**
 * Chinese numerals, durations, windows, deadlines and rate periods of the Chinese grammar (issue 12),
 * with the corpus conventions: 半个月 = 15, a month 30, 明天 and 24 小时 = 1, 当天 = 0.
 */
import { findNumber, parseNumber, toHalfWidth } from "../../../domain/plain-language/zh/chinese-numbers";
import { findDeadline, findPeriod, findWindow, parseDuration } from "../../../domain/plain-language/zh/time-phrases";

describe("Chinese numerals", () => {
  it.each([
    ["3", 3],
    ["0.2", 0.2],
    ["1,200", 1200],
    ["两", 2],
    ["十", 10],
    ["十四", 14],
    ["二十", 20],
    ["九十六", 96],
    ["一百零五", 105],
    ["三点五", 3.5],
    ["一万二千", 12000],
    ["3万", 30000],
    ["半", 0.5],
  ])("reads %s as %d", (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it("refuses what is not a number", () => {
    expect(parseNumber("任务")).toBeNull();
    expect(parseNumber("")).toBeNull();
  });

  it("reads full-width digits and percent signs", () => {
    expect(toHalfWidth("９６％")).toBe("96%");
    expect(findNumber("低于８８％时")).toMatchObject({ value: 88, percent: true });
  });

  it("finds percentages written either way", () => {
    expect(findNumber("开机率低于百分之九十六时")).toMatchObject({ value: 96, percent: true, text: "百分之九十六" });
    expect(findNumber("低于88%")).toMatchObject({ value: 88, percent: true });
    expect(findNumber("超过30分钟")).toMatchObject({ value: 30, percent: false });
  });
});

describe("Chinese durations and windows", () => {
  it.each([
    ["7天", 7],
    ["一周", 7],
    ["两周", 14],
    ["两个星期", 14],
    ["一个月", 30],
    ["半个月", 15],
    ["一个季度", 90],
    ["半年", 183],
    ["一年", 365],
    ["24小时", 1],
    ["48小时", 2],
    ["十四天", 14],
  ])("reads %s as %d days", (text, days) => {
    expect(parseDuration(text)).toBe(days);
  });

  it.each([
    ["联系人7天内浏览", 7],
    ["在最近90天里每月下降", 90],
    ["一个月内被扣关", 30],
    ["过去两周", 14],
    ["一周之内", 7],
    ["连续两周每周下降", 14],
    ["半个月内", 15],
  ])("finds the window of %s", (text, days) => {
    expect(findWindow(text)?.days).toBe(days);
  });

  it("finds no window where none is said", () => {
    expect(findWindow("在工作时间推送到ERP系统")).toBeNull();
  });
});

describe("Chinese deadlines", () => {
  it.each([
    ["在3天内完成合规预审", 3],
    ["两天内派工程师上门", 2],
    ["明天之前完成", 1],
    ["24小时内完成", 1],
    ["当天处理", 0],
    ["后天之前完成", 2],
    ["一周内完成", 7],
    ["在两周内安排一次教学回访", 14],
    ["本周内完成", 7],
  ])("reads %s as due in %d days", (text, days) => {
    expect(findDeadline(text)?.days).toBe(days);
  });

  it("finds no deadline where none is said", () => {
    expect(findDeadline("请合规专员复核")).toBeNull();
  });
});

describe("rate periods", () => {
  it.each([
    ["每天上升超过0.1", 1],
    ["每周增加超过5张", 7],
    ["每月下降超过0.2分", 30],
    ["每两周下降", 14],
  ])("reads the period of %s as %d days", (text, days) => {
    expect(findPeriod(text)?.days).toBe(days);
  });
});

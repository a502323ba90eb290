/**
 * Which characters of a clause the grammar has understood, so that what is left over can be named as not
 * understood (issue 12: name unknown words instead of guessing). Leftover runs made only of grammatical
 * glue (的, 了, 客户, 时 …) are not named.
 */

/** Words that carry no meaning of their own in a rule, once the grammar has read the rest. */
const GLUE =
  /(?:(?:不管|无论|不论)(?:是)?(?:哪个|哪种|什么|任何)(?:行业|地区|区域|类型)|(?:即|就|则)?(?:视为|认定为|判定为|算作)(?:有)?(?:风险|异常|预警|高风险)|(?:如果)?可以的话|可以|系统会|系统|针对|对于|咱们的|咱们|我们的|我司的|我司|行业的|行业|领域的|领域|那边|这边|那头|这类|此类|系统检测到|检测到|监测到|发现|看到|占比|比例|次数|人次|完成后|完成之后|之后|然后|随后|客户们|客户的|客户|账户|账号|这些|那些|这个|那个|该|其|所有的|所有|任何|任一|任意|某个|某|每个|每一个|旗下|名下|下属|所属|对应的|对应|相关的|相关|方面|的时候|时候|时|的|地|得|了|过|着|有|被|把|将|就|则|便|都|均|也|还|再|已经|已|在|于|里|中|内|之|当|如果|一旦|若|只要|假如|要是|并且|并|且|同时|然后|以及|和|与|及|或者|或|、|“|”|"|'|（|）|\(|\)|。|，|；|：|\s|请|一下|一个|一条|一次|一份|个|条|次|份|项|下|上|能|会|要|需要|需|应|应该|马上|立即|立刻|直接|吧|呢|啊|哦|呀|啦|嘛|等|等等|情况|数据|记录|信息|指标|数值|值|水平|出现|发生|上报|报告|产生|累计|连续|一共|共|总共|达到|达|到|为|是|处于|属于|变成|变为|成为|进入|我们|我|他们|他|她|它)/gu;

export interface Span {
  start: number;
  end: number;
}

export class SpanTracker {
  private readonly used: boolean[];

  constructor(private readonly text: string) {
    this.used = new Array<boolean>(text.length).fill(false);
  }

  mark(start: number, end: number): void {
    for (let i = Math.max(0, start); i < Math.min(end, this.text.length); i += 1) this.used[i] = true;
  }

  markAll(spans: readonly Span[]): void {
    for (const s of spans) this.mark(s.start, s.end);
  }

  /** Marks every match of a pattern (grammar words read as such). */
  markPattern(pattern: RegExp): void {
    const global = new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`);
    for (const m of this.text.matchAll(global)) this.mark(m.index ?? 0, (m.index ?? 0) + m[0].length);
  }

  isUsed(i: number): boolean {
    return this.used[i] ?? false;
  }

  /** The runs of the text not read yet, with where they are (glue included). */
  openSpans(): { start: number; end: number; text: string }[] {
    const spans: { start: number; end: number; text: string }[] = [];
    let start = -1;
    for (let i = 0; i <= this.text.length; i += 1) {
      const open = i < this.text.length && !this.used[i] && !/[，,。；;：:！!？?]/u.test(this.text[i] ?? "");
      if (open && start < 0) start = i;
      if (!open && start >= 0) {
        spans.push({ start, end: i, text: this.text.slice(start, i) });
        start = -1;
      }
    }
    return spans;
  }

  /** The runs of the text not understood, without glue-only runs, each trimmed of glue at its ends. */
  leftovers(): string[] {
    const runs: string[] = [];
    let run = "";
    const flush = (): void => {
      const meaning = run.replace(GLUE, "").replace(/[\s\d.,%]+/gu, "");
      if (meaning.length >= 2) runs.push(trimGlue(run));
      run = "";
    };
    for (let i = 0; i < this.text.length; i += 1) {
      const ch = this.text[i] ?? "";
      if (this.used[i] || /[，,。；;：:！!？?]/u.test(ch)) flush();
      else run += ch;
    }
    flush();
    return runs.filter((r) => r.length > 0);
  }
}

/** A phrase without glue words at its start and end ("的华东" → "华东"). */
function trimGlue(phrase: string): string {
  const ends =
    /^(?:的|了|并且|并|且|和|与|及|或者|或是|或|、|“|”|\s|在|就|则|有|被|时|当|客户的|客户|让|请|给|由|叫|通知)+|(?:的|了|和|与|及|或者|或是|或|、|“|”|\s|时|就|客户的|客户)+$/gu;
  let out = phrase;
  for (let i = 0; i < 3; i += 1) out = out.replace(ends, "");
  return out;
}

import { toFulltextQuery } from "../../../../domain/search/fulltext-query";

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/;

/**
 * The Lucene syntax a query would execute: what is left after removing escaped characters, the " AND "
 * between terms and each term's trailing prefix wildcard. Empty when the input cannot act as syntax.
 */
function executableSyntax(query: string): string[] {
  return query
    .split(" AND ")
    .map((term) => term.replace(/\*$/, "").replace(/\\./g, ""))
    .filter((rest) => LUCENE_SPECIAL.test(rest) || /^(AND|OR|NOT)$/.test(rest) || /\s/.test(rest));
}

describe("toFulltextQuery", () => {
  describe("searchable input", () => {
    it("requires every word, each as a prefix", () => {
      expect(toFulltextQuery("acme hea")).toBe("acme* AND hea*");
    });

    it("ignores surrounding and repeated whitespace", () => {
      expect(toFulltextQuery("  acme \t\n hea  ")).toBe("acme* AND hea*");
    });

    it("splits words on Lucene special characters instead of executing them", () => {
      expect(toFulltextQuery("x+y")).toBe("x* AND y*");
      expect(toFulltextQuery("name:acme")).toBe("name* AND acme*");
    });

    it("splits hyphenated names the way the index does", () => {
      expect(toFulltextQuery("juliet-kilo")).toBe("juliet* AND kilo*");
    });

    it("lower-cases Latin words, because prefix terms are not analysed", () => {
      expect(toFulltextQuery("ACME")).toBe("acme*");
    });

    it("searches Chinese, Japanese and Korean runs as phrases, not prefixes", () => {
      expect(toFulltextQuery("满意度")).toBe('"满意度"');
      expect(toFulltextQuery("客户 health")).toBe('"客户" AND health*');
    });

    it.each([
      "acme AND (",
      '"unbalanced',
      "name:*",
      "*",
      "a*?~^",
      "(a)[b]{c}",
      "a&&b||!c",
      "a/b\\c-d",
      "[a TO z]",
      "+alpha -medical",
      "alpha~2",
      "field:(x OR y)",
    ])("leaves no executable Lucene syntax in %p", (input) => {
      const query = toFulltextQuery(input);
      if (query !== null) expect(executableSyntax(query)).toEqual([]);
    });

    it("keeps the words around Lucene syntax searchable", () => {
      expect(toFulltextQuery("acme AND (")).toBe("acme*");
    });

    it("drops the Lucene operators AND, OR and NOT typed as words", () => {
      expect(toFulltextQuery("NOT acme OR globex")).toBe("acme* AND globex*");
    });

    it("keeps lower-case and/or/not as ordinary words, not operators", () => {
      expect(toFulltextQuery("and or not")).toBe("and* AND or* AND not*");
    });

    it("normalises compatibility characters (NFKC) before searching", () => {
      expect(toFulltextQuery("ﬁne Ａcme")).toBe("fine* AND acme*");
    });
  });

  describe("stop words (issue 19)", () => {
    it("does not require a stop word the analyzer leaves out of the index", () => {
      expect(toFulltextQuery("mean time to repair")).toBe("mean* AND time* AND repair*");
      expect(toFulltextQuery("Quality of care")).toBe("quality* AND care*");
    });

    it("recognises stop words in any case", () => {
      expect(toFulltextQuery("Time To Value")).toBe("time* AND value*");
      expect(toFulltextQuery("THE Acme")).toBe("acme*");
    });

    it("drops the stop words the CJK analyzer adds (s, t, www)", () => {
      expect(toFulltextQuery("www acme")).toBe("acme*");
    });

    it("keeps stop words as prefixes when nothing else was typed, since they may start a longer word", () => {
      expect(toFulltextQuery("to")).toBe("to*");
      expect(toFulltextQuery("at & t")).toBe("at* AND t*");
    });

    it("keeps a word that merely starts like a stop word", () => {
      expect(toFulltextQuery("tool the")).toBe("tool*");
      expect(toFulltextQuery("into intonation")).toBe("intonation*");
    });

    it("does not touch Chinese text: a Chinese run is a phrase beside English words", () => {
      expect(toFulltextQuery("平均修复时间")).toBe('"平均修复时间"');
      expect(toFulltextQuery("客户 of 满意度")).toBe('"客户" AND "满意度"');
      expect(toFulltextQuery("time to 价值")).toBe('time* AND "价值"');
    });
  });

  describe("words as the tokenizer makes them", () => {
    it("keeps an apostrophe or a full stop between letters inside the word", () => {
      expect(toFulltextQuery("O'Brien's")).toBe("o'brien's*");
      expect(toFulltextQuery("acme.com")).toBe("acme.com*");
      expect(toFulltextQuery("D’Arcy")).toBe("d’arcy*");
    });

    it("keeps decimal and thousands separators between digits inside the number", () => {
      expect(toFulltextQuery("v1.2 1,000")).toBe("v1.2* AND 1,000*");
    });

    it("splits on those marks anywhere else", () => {
      expect(toFulltextQuery("'acme'")).toBe("acme*");
      expect(toFulltextQuery("acme. globex,")).toBe("acme* AND globex*");
      expect(toFulltextQuery("x,y")).toBe("x* AND y*");
    });

    it("keeps combining marks inside the word", () => {
      expect(toFulltextQuery("हिन्दी")).toBe("हिन्दी*");
    });
  });

  describe("nothing to search", () => {
    it.each([[""], ["   "], ["AND"], ["AND OR NOT"]])("returns null for %p", (input) => {
      expect(toFulltextQuery(input)).toBeNull();
    });
  });
});

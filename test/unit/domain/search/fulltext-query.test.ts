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
      expect(toFulltextQuery("a+b")).toBe("a* AND b*");
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

    it("keeps lower-case and/or/not as ordinary words", () => {
      expect(toFulltextQuery("bread and butter")).toBe("bread* AND and* AND butter*");
    });

    it("normalises compatibility characters (NFKC) before searching", () => {
      expect(toFulltextQuery("ﬁne Ａcme")).toBe("fine* AND acme*");
    });
  });

  describe("nothing to search", () => {
    it.each([[""], ["   "], ["AND"], ["AND OR NOT"]])("returns null for %p", (input) => {
      expect(toFulltextQuery(input)).toBeNull();
    });
  });
});

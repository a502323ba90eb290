import { toFulltextQuery } from "../../../../domain/search/fulltext-query";

describe("toFulltextQuery", () => {
  describe("searchable input", () => {
    it("requires every word, each as a prefix", () => {
      expect(toFulltextQuery("acme hea")).toBe("acme* AND hea*");
    });

    it("ignores surrounding and repeated whitespace", () => {
      expect(toFulltextQuery("  acme \t\n hea  ")).toBe("acme* AND hea*");
    });

    it("escapes every Lucene special character instead of executing it", () => {
      expect(toFulltextQuery("a+b")).toBe("a\\+b*");
      expect(toFulltextQuery('"x"')).toBe('\\"x\\"*');
      expect(toFulltextQuery("name:acme")).toBe("name\\:acme*");
      expect(toFulltextQuery("a*?~^")).toBe("a\\*\\?\\~\\^*");
      expect(toFulltextQuery("(a)[b]{c}")).toBe("\\(a\\)\\[b\\]\\{c\\}*");
      expect(toFulltextQuery("a&&b||!c")).toBe("a\\&\\&b\\|\\|\\!c*");
      expect(toFulltextQuery("a/b\\c-d")).toBe("a\\/b\\\\c\\-d*");
    });

    it("drops the Lucene operators AND, OR and NOT typed as words, and escapes what is left", () => {
      expect(toFulltextQuery("acme AND (")).toBe("acme* AND \\(*");
      expect(toFulltextQuery("NOT acme OR globex")).toBe("acme* AND globex*");
    });

    it("keeps lower-case and/or/not as ordinary words", () => {
      expect(toFulltextQuery("bread and butter")).toBe("bread* AND and* AND butter*");
    });

    it("normalises compatibility characters (NFKC) before searching", () => {
      expect(toFulltextQuery("ﬁne Ａcme")).toBe("fine* AND Acme*");
    });
  });

  describe("nothing to search", () => {
    it.each([[""], ["   "], ["AND"], ["AND OR NOT"]])("returns null for %p", (input) => {
      expect(toFulltextQuery(input)).toBeNull();
    });
  });
});

import { maskEmail, maskName, maskPartial, maskPhone, maskValue } from "../../../../domain/personal-data/mask-value";

describe("maskName", () => {
  it("keeps each word's initial", () => {
    expect(maskName("Anna Berg")).toBe("A*** B***");
  });
  it("keeps accented initials whole (unicode names)", () => {
    expect(maskName("Zoë Ångström")).toBe("Z*** Å***");
    // "É" written as E + combining acute accent is one character for a reader.
    expect(maskName("E\u0301mile Zola")).toBe("E\u0301*** Z***");
  });
  it("masks a CJK name written without spaces to its first character", () => {
    expect(maskName("张伟")).toBe("张***");
  });
  it("collapses surrounding and repeated whitespace", () => {
    expect(maskName("  Wei   Zhang ")).toBe("W*** Z***");
  });
  it("leaves an empty name empty", () => {
    expect(maskName("")).toBe("");
    expect(maskName("   ")).toBe("");
  });
});

describe("maskEmail", () => {
  it("keeps the first character and the domain", () => {
    expect(maskEmail("anna@example.com")).toBe("a***@example.com");
  });
  it("masks a one-character local part without revealing its length", () => {
    expect(maskEmail("a@b.co")).toBe("a***@b.co");
  });
  it("uses the last @ (quoted local parts may hold one)", () => {
    expect(maskEmail('"x@y"@example.com')).toBe('"***@example.com');
  });
  it("masks a value that is not an email like a partial value", () => {
    expect(maskEmail("not-an-email")).toBe("n***");
    expect(maskEmail("@example.com")).toBe("@***");
  });
  it("keeps a non-ASCII first character whole", () => {
    expect(maskEmail("ñandú@example.es")).toBe("ñ***@example.es");
  });
});

describe("maskPhone", () => {
  it("keeps the country code group and the last two digits", () => {
    expect(maskPhone("+49 170 1234567")).toBe("+49 *** *****67");
    expect(maskPhone("+86 138 0013 8000")).toBe("+86 *** **** **00");
  });
  it("masks a number in E.164 without separators except its last two digits", () => {
    expect(maskPhone("+8613800138000")).toBe("+***********00");
  });
  it("keeps the shape of a national number", () => {
    expect(maskPhone("(030) 123-4567")).toBe("(***) ***-**67");
  });
  it("keeps nothing of a number too short to hide", () => {
    expect(maskPhone("1234")).toBe("***");
  });
  it("leaves an empty phone empty", () => {
    expect(maskPhone("")).toBe("");
  });
});

describe("maskPartial", () => {
  it("keeps the first character", () => {
    expect(maskPartial("12 Zhongshan Road")).toBe("1***");
    expect(maskPartial("上海")).toBe("上***");
  });
  it("leaves an empty value empty", () => {
    expect(maskPartial("")).toBe("");
  });
});

describe("maskValue", () => {
  it("keeps null and undefined as null", () => {
    expect(maskValue("EMAIL", null)).toBeNull();
    expect(maskValue("NAME", undefined)).toBeNull();
  });
  it("hides a NULL-rule value whole, lists included", () => {
    expect(maskValue("NULL", "1990-03-14")).toBeNull();
    expect(maskValue("NULL", ["a", "b"])).toBeNull();
  });
  it("masks lists element by element", () => {
    expect(maskValue("EMAIL", ["anna@example.com", "b@x.org"])).toEqual(["a***@example.com", "b***@x.org"]);
  });
  it("turns a value that is not text into null", () => {
    expect(maskValue("PARTIAL", 42)).toBeNull();
    expect(maskValue("NAME", { given: "Anna" })).toBeNull();
  });
});

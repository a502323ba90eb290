import { displayText } from "../../../../ontology/model/display-text";

describe("displayText", () => {
  it("gives the text in the language asked for", () => {
    expect(displayText({ en: "Health", zh: "健康度" }, "zh")).toBe("健康度");
  });

  it("gives the same language of another region or script, the shortest tag first", () => {
    expect(displayText({ "en-GB": "Colour", fr: "Couleur" }, "en")).toBe("Colour");
    expect(displayText({ zh: "健康度", "zh-Hant": "健康度(繁)" }, "zh-TW")).toBe("健康度");
    expect(displayText({ "zh-Hant": "健康度", en: "Health" }, "zh")).toBe("健康度");
  });

  it("falls back to English, then to any English variant", () => {
    expect(displayText({ de: "Gesundheit", en: "Health" }, "fr")).toBe("Health");
    expect(displayText({ de: "Gesundheit", "en-US": "Health" }, "fr")).toBe("Health");
  });

  it("falls back to the language whose tag sorts first when there is no English", () => {
    expect(displayText({ fr: "Formation des enseignants", es: "Formación de docentes" }, "en")).toBe(
      "Formación de docentes",
    );
  });

  it("matches language tags whatever their case", () => {
    expect(displayText({ "pt-br": "Saúde", en: "Health" }, "PT-BR")).toBe("Saúde");
  });

  it("gives undefined only when there is no text", () => {
    expect(displayText({}, "en")).toBeUndefined();
  });
});

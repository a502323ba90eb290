import { DEMO_REGIONS } from "../../../demo/demo-data.constants";
import {
  BRAND_FIRST_WORDS,
  BRAND_SECOND_WORDS,
  ORGANIZATION_FIRST_WORDS,
  ORGANIZATION_SECOND_WORDS,
  REGION_CITIES,
} from "../../../demo/demo-words.constants";
import { UniqueNameBuilder } from "../../../demo/unique-name.builder";

describe("UniqueNameBuilder", () => {
  it("gives 100,000 indices distinct names and slugs whatever their regions", () => {
    const builder = new UniqueNameBuilder(BRAND_FIRST_WORDS, BRAND_SECOND_WORDS, 42, 2);
    const names = new Set<string>();
    const slugs = new Set<string>();
    const malformed: string[] = [];
    for (let index = 0; index < 100_000; index += 1) {
      const parts = builder.build(index, DEMO_REGIONS[(index * 7919) % DEMO_REGIONS.length] ?? "NA");
      names.add(`${parts.brand}|${parts.qualifier ?? ""}`);
      slugs.add(parts.slug);
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(parts.slug)) {
        malformed.push(parts.slug);
      }
    }
    expect(malformed).toEqual([]);
    expect(names.size).toBe(100_000);
    expect(slugs.size).toBe(100_000);
  });

  it("scatters consecutive indices over the brand space", () => {
    const builder = new UniqueNameBuilder(BRAND_FIRST_WORDS, BRAND_SECOND_WORDS, 42, 2);
    const firstWords = new Set(
      Array.from({ length: 20 }, (_, index) => builder.build(index, "NA").brand.split(" ")[0]),
    );
    expect(firstWords.size).toBeGreaterThan(10);
  });

  it("relies on word lists that keep (first, second, city) unambiguous", () => {
    for (const [first, second] of [
      [BRAND_FIRST_WORDS, BRAND_SECOND_WORDS],
      [ORGANIZATION_FIRST_WORDS, ORGANIZATION_SECOND_WORDS],
    ] as const) {
      const all = [...first, ...second];
      expect(new Set(all).size).toBe(all.length);
      for (const word of all) {
        expect(word).toMatch(/^[A-Za-z]+$/);
      }
    }
    const cities = Object.values(REGION_CITIES).flat();
    expect(new Set(cities).size).toBe(cities.length);
  });
});

import { GraphQLDateTimeISO } from "graphql-scalars";
import { DateTimeISOScalar, isCanonicalInstant } from "../../../resolvers/common/date-time-iso.scalar";

/** What the library's scalar answers, or its error message. */
function library(value: unknown): unknown {
  try {
    return GraphQLDateTimeISO.serialize(value);
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

function ours(value: unknown): unknown {
  try {
    return DateTimeISOScalar.serialize(value);
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

describe("DateTimeISOScalar", () => {
  const values: unknown[] = [
    "2026-11-01T12:00:00.000Z",
    "2024-02-29T23:59:59.999Z",
    "0001-01-01T00:00:00.000Z",
    "2026-11-01T12:00:00Z",
    "2026-11-01T12:00:00.000+01:00",
    "2026-11-01t12:00:00.000z",
    "2025-02-29T00:00:00.000Z",
    "2026-02-30T00:00:00.000Z",
    "2026-13-01T00:00:00.000Z",
    "2026-11-01T24:00:00.000Z",
    "2026-11-01T12:60:00.000Z",
    "2026-11-01T12:00:60.000Z",
    "not a date",
    new Date("2026-11-01T12:00:00.000Z"),
    Date.UTC(2026, 10, 1),
  ];

  it.each(values.map((value) => [String(value), value]))("answers %s exactly as graphql-scalars does", (_, value) => {
    expect(ours(value)).toEqual(library(value));
  });

  it("agrees with the library on every day of a leap and a common year", () => {
    for (const year of [2024, 2026, 2100, 2000]) {
      for (let day = 0; day < 366; day += 1) {
        const text = new Date(Date.UTC(year, 0, 1 + day, 13, 5, 7, 89)).toISOString();
        expect(isCanonicalInstant(text)).toBe(true);
        expect(ours(text)).toEqual(library(text));
      }
    }
  });

  it("keeps the library's name, description and parsing", () => {
    const config = DateTimeISOScalar.toConfig();
    const original = GraphQLDateTimeISO.toConfig();
    expect(config.name).toBe(original.name);
    expect(config.description).toBe(original.description);
    expect(config.parseValue).toBe(original.parseValue);
    expect(config.parseLiteral).toBe(original.parseLiteral);
  });
});

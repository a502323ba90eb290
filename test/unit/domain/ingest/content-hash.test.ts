import { createHash } from "node:crypto";

import { canonicalJson, contentHash } from "../../../../domain/ingest/content-hash";

describe("contentHash", () => {
  describe("same content, same hash", () => {
    it("is independent of key order, at every depth", () => {
      const a = { name: "Acme", props: { region: "EMEA", industry: "HEALTHCARE" }, links: [{ id: "1", type: "X" }] };
      const b = { links: [{ type: "X", id: "1" }], props: { industry: "HEALTHCARE", region: "EMEA" }, name: "Acme" };
      expect(contentHash(a)).toBe(contentHash(b));
    });

    it("is stable across calls (a short URL-safe digest)", () => {
      const value = { name: "Acme", revenue: 1.5 };
      expect(contentHash(value)).toBe(contentHash({ ...value }));
      expect(contentHash(value)).toMatch(/^[A-Za-z0-9_-]{27}$/);
    });

    it("treats an undefined property like a missing one", () => {
      expect(contentHash({ name: "Acme", region: undefined })).toBe(contentHash({ name: "Acme" }));
    });
  });

  describe("different content, different hash", () => {
    it("changes when a value changes", () => {
      expect(contentHash({ name: "Acme" })).not.toBe(contentHash({ name: "Acme " }));
      expect(contentHash({ revenue: 1 })).not.toBe(contentHash({ revenue: 2 }));
    });

    it("distinguishes types that print alike", () => {
      expect(contentHash({ value: 1 })).not.toBe(contentHash({ value: "1" }));
      expect(contentHash({ value: true })).not.toBe(contentHash({ value: "true" }));
    });

    it("keeps the order of list items, which is content", () => {
      expect(contentHash({ links: ["a", "b"] })).not.toBe(contentHash({ links: ["b", "a"] }));
    });

    it("distinguishes null from a missing property", () => {
      expect(contentHash({ name: "Acme", region: null })).not.toBe(contentHash({ name: "Acme" }));
    });
  });
});

/** How the stored hashes were made before issue 18: a sorted copy, then JSON.stringify. */
function legacyCanonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(legacyCanonical);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .sort()
        .map((key) => [key, legacyCanonical((value as Record<string, unknown>)[key])] as const),
    );
  }
  return value === undefined ? null : value;
}

function legacyHash(content: unknown): string {
  return createHash("sha1")
    .update(JSON.stringify(legacyCanonical(content)))
    .digest("base64url");
}

/** A small seeded generator of record-like values, with the awkward cases mixed in. */
function randomValue(next: () => number, depth: number): unknown {
  const strings = ["", "Acme", "a\u0000b", 'q"uote', "\ud800", "héllo", "2026-03-01T09:30:00.000Z", "10", "9"];
  const keys = ["name", "b", "a", "B", "10", "9", "0", "01", "4294967295", "4294967294", "__proto__", "é", "a b"];
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const kind = Math.floor(next() * (depth > 2 ? 6 : 9));
  switch (kind) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
      return pick([0, -0, 1, -1.5, 1e21, 3.14159, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]);
    case 3:
      return next() < 0.5;
    case 4:
    case 5:
      return pick(strings);
    case 6:
      return new Date(Math.floor(next() * 2e12));
    case 7:
      return Array.from({ length: Math.floor(next() * 4) }, () => randomValue(next, depth + 1));
    default: {
      const out: Record<string, unknown> = {};
      for (let i = Math.floor(next() * 6); i > 0; i -= 1) {
        Object.defineProperty(out, pick(keys), {
          value: randomValue(next, depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
  }
}

describe("canonicalJson", () => {
  it("is character for character the form the stored hashes were made from (5,000 generated values)", () => {
    let seed = 18;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (let i = 0; i < 5_000; i += 1) {
      const value = { props: randomValue(next, 0), targetId: i % 2 === 0 ? null : `id-${i}` };
      expect(canonicalJson(value)).toBe(JSON.stringify(legacyCanonical(value)));
      expect(contentHash(value)).toBe(legacyHash(value));
    }
  });

  it("keeps the hash of a signal row stored before issue 18", () => {
    const props = {
      field: "usage.logins",
      valueType: "NUMBER",
      numberValue: 12,
      stringValue: null,
      booleanValue: null,
      unit: null,
      observedAt: "2026-03-01T09:30:00.000Z",
    };
    expect(contentHash({ props, targetId: "acc-1" })).toBe(legacyHash({ props, targetId: "acc-1" }));
    expect(canonicalJson({ props, targetId: "acc-1" })).toBe(
      '{"props":{"booleanValue":null,"field":"usage.logins","numberValue":12,"observedAt":"2026-03-01T09:30:00.000Z",' +
        '"stringValue":null,"unit":null,"valueType":"NUMBER"},"targetId":"acc-1"}',
    );
  });
});

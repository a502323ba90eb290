import { createHmac } from "node:crypto";
import { CursorKey, CursorScope, decodeCursor, encodeCursor } from "../../../../domain/pagination/cursor";
import { PaginationError } from "../../../../domain/pagination/pagination.errors";

const SECRET = "cursor-test-secret";
const SCOPE: CursorScope = { tenant: "acme", list: "accounts:NAME_ASC" };
const KEY: CursorKey = ["Acme Healthcare", "acc_0123456789abcdefghijkl"];

function decodeError(decode: () => unknown): PaginationError {
  try {
    decode();
  } catch (error) {
    if (error instanceof PaginationError) return error;
    throw error;
  }
  throw new Error("expected decodeCursor to throw a PaginationError, but it returned");
}

/**
 * A cursor over a hand-made body with a valid signature, as only the server could make it: lets the tests
 * reach the checks that run after the signature check.
 */
function signedCursor(body: string): string {
  return `${body}.${createHmac("sha256", SECRET).update(body).digest("base64url").slice(0, 16)}`;
}

describe("encodeCursor / decodeCursor", () => {
  describe("accepted cursors", () => {
    it("round-trips the sort key for the scope it was issued for", () => {
      const cursor = encodeCursor(SCOPE, KEY, SECRET);
      expect(decodeCursor(cursor, SCOPE, SECRET, 2)).toEqual(KEY);
    });

    it("round-trips numbers, booleans and null without changing their types", () => {
      const key: CursorKey = [-1, null];
      expect(decodeCursor(encodeCursor(SCOPE, key, SECRET), SCOPE, SECRET, 2)).toEqual([-1, null]);
      const other: CursorKey = [1_700_000_000_123, true];
      expect(decodeCursor(encodeCursor(SCOPE, other, SECRET), SCOPE, SECRET, 2)).toEqual(other);
    });

    it("is opaque URL-safe text of a body and a signature", () => {
      const cursor = encodeCursor(SCOPE, KEY, SECRET);
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{16}$/);
      expect(cursor).not.toContain("Acme");
    });

    it("does not reveal the sort key, tenant or list to whoever decodes the body (issue 15)", () => {
      const cursor = encodeCursor(SCOPE, ["Zoë Ångström", "con_1"], SECRET);
      const decoded = Buffer.from(cursor.split(".")[0] as string, "base64url").toString("latin1");
      for (const clear of ["Zo", "ngstr", "con_1", "acme", "accounts"]) expect(decoded).not.toContain(clear);
    });

    it("is deterministic for the same scope, key and secret", () => {
      expect(encodeCursor(SCOPE, KEY, SECRET)).toBe(encodeCursor(SCOPE, KEY, SECRET));
    });
  });

  describe("rejected cursors", () => {
    it("rejects a cursor whose signature was altered", () => {
      const cursor = encodeCursor(SCOPE, KEY, SECRET);
      const last = cursor.slice(-1);
      const tampered = cursor.slice(0, -1) + (last === "A" ? "B" : "A");
      const error = decodeError(() => decodeCursor(tampered, SCOPE, SECRET, 2));
      expect(error.code).toBe("INVALID_CURSOR");
      expect(error.message).toMatch(/not issued by this server or has been altered/);
    });

    it("rejects a cursor whose body was altered to point elsewhere", () => {
      const cursor = encodeCursor(SCOPE, KEY, SECRET);
      const forgedBody = Buffer.from(JSON.stringify({ t: "acme", l: SCOPE.list, k: ["Zzz", "acc_x"] })).toString(
        "base64url",
      );
      const forged = `${forgedBody}.${cursor.split(".")[1] as string}`;
      expect(decodeError(() => decodeCursor(forged, SCOPE, SECRET, 2)).code).toBe("INVALID_CURSOR");
    });

    it("rejects a cursor signed with another secret", () => {
      const cursor = encodeCursor(SCOPE, KEY, "another-secret");
      expect(decodeError(() => decodeCursor(cursor, SCOPE, SECRET, 2)).code).toBe("INVALID_CURSOR");
    });

    it("rejects a cursor from another tenant", () => {
      const cursor = encodeCursor({ ...SCOPE, tenant: "globex" }, KEY, SECRET);
      const error = decodeError(() => decodeCursor(cursor, SCOPE, SECRET, 2));
      expect(error.code).toBe("INVALID_CURSOR");
      expect(error.message).toMatch(/another tenant/);
      expect(error.message).not.toContain("globex");
    });

    it("rejects a cursor from another list and names both lists", () => {
      const cursor = encodeCursor({ ...SCOPE, list: "accounts:NAME_DESC" }, KEY, SECRET);
      const error = decodeError(() => decodeCursor(cursor, SCOPE, SECRET, 2));
      expect(error.code).toBe("INVALID_CURSOR");
      expect(error.message).toMatch(/"accounts:NAME_DESC", not "accounts:NAME_ASC"/);
    });

    it("rejects a cursor whose key has the wrong length", () => {
      const cursor = encodeCursor(SCOPE, ["only one"], SECRET);
      expect(decodeError(() => decodeCursor(cursor, SCOPE, SECRET, 2)).code).toBe("INVALID_CURSOR");
      const long = encodeCursor(SCOPE, ["a", "b", "c"], SECRET);
      expect(decodeError(() => decodeCursor(long, SCOPE, SECRET, 2)).code).toBe("INVALID_CURSOR");
    });

    it.each([
      ["garbage", "garbage"],
      ["an empty string", ""],
      ["a lone dot", "."],
      ["three parts", "a.b.c"],
      ["an empty body", ".abcdefghijklmnop"],
      ["an empty signature", "eyJ0IjoiYWNtZSJ9."],
    ])("rejects %s as INVALID_CURSOR", (_name, cursor) => {
      expect(decodeError(() => decodeCursor(cursor, SCOPE, SECRET, 2)).code).toBe("INVALID_CURSOR");
    });

    it("rejects a correctly signed body that is not JSON", () => {
      const cursor = signedCursor(Buffer.from("not json").toString("base64url"));
      expect(decodeError(() => decodeCursor(cursor, SCOPE, SECRET, 2)).code).toBe("INVALID_CURSOR");
    });

    it("rejects a correctly signed payload whose key is not a list", () => {
      const body = Buffer.from(JSON.stringify({ t: SCOPE.tenant, l: SCOPE.list, k: "ab" })).toString("base64url");
      expect(decodeError(() => decodeCursor(signedCursor(body), SCOPE, SECRET, 2)).code).toBe("INVALID_CURSOR");
    });

    it("tells the client what to do, naming the argument", () => {
      const error = decodeError(() => decodeCursor("garbage", SCOPE, SECRET, 2, "after"));
      expect(error.message).toMatch(/^after: /);
      expect(error.message).toMatch(/pageInfo\.endCursor/);
      expect(error.message).toMatch(/omit after to start from the first page/);
    });
  });
});

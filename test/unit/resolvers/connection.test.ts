import { decodeCursor } from "../../../domain/pagination/cursor";
import { toConnection } from "../../../resolvers/common/connection";

const SCOPE = { tenant: "acme", list: "account.contacts:acc_1" };
const SECRET = "connection-test-secret";
const PAGE = {
  items: [
    { node: { id: "c1" }, sortKey: ["Ann", "c1"] },
    { node: { id: "c2" }, sortKey: ["Bob", "c2"] },
  ],
  hasNextPage: true,
  totalCount: 5,
};

describe("toConnection", () => {
  it("signs each edge's sort key into a cursor of the list's scope", () => {
    const connection = toConnection(PAGE, SCOPE, SECRET);
    expect(connection.edges.map((e) => decodeCursor(e.cursor, SCOPE, SECRET, 2))).toEqual([
      ["Ann", "c1"],
      ["Bob", "c2"],
    ]);
    expect(connection.edges.map((e) => e.node)).toEqual([{ id: "c1" }, { id: "c2" }]);
  });

  it("gives the first and last edges' cursors as start and end cursors", () => {
    const connection = toConnection(PAGE, SCOPE, SECRET);
    expect(connection.pageInfo.startCursor).toBe(connection.edges[0]?.cursor);
    expect(connection.pageInfo.endCursor).toBe(connection.edges[1]?.cursor);
    expect(connection.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(connection.totalCount).toBe(5);
  });

  it("has no cursors on an empty page", () => {
    const connection = toConnection({ items: [], hasNextPage: false, totalCount: 0 }, SCOPE, SECRET);
    expect(connection.pageInfo.startCursor).toBeNull();
    expect(connection.pageInfo.endCursor).toBeNull();
  });

  it("maps nodes and keeps the item each node came from", () => {
    const connection = toConnection(PAGE, SCOPE, SECRET, (item) => ({ label: item.id.toUpperCase() }));
    expect(connection.edges.map((e) => [e.node, e.item])).toEqual([
      [{ label: "C1" }, { id: "c1" }],
      [{ label: "C2" }, { id: "c2" }],
    ]);
  });
});

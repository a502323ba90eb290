import { FilterError } from "../../../../domain/filters/filter.errors";
import { ticketFilterValues } from "../../../../domain/tickets/ticket";

describe("ticketFilterValues", () => {
  it("gives nulls for what is not filtered on and normalises the opened window", () => {
    expect(ticketFilterValues(null)).toEqual({
      accountIds: null,
      status: null,
      categories: null,
      priorities: null,
      sourceSystems: null,
      openedFrom: null,
      openedTo: null,
    });
    const values = ticketFilterValues({
      status: "OPEN",
      categories: ["technical"],
      openedFrom: new Date("2026-10-01T08:00:00+02:00"),
    });
    expect(values).toMatchObject({ status: "OPEN", categories: ["technical"], openedFrom: "2026-10-01T06:00:00.000Z" });
  });

  it("refuses a window that ends before it starts, naming both ends", () => {
    expect(() =>
      ticketFilterValues({ openedFrom: new Date("2026-10-05T00:00:00Z"), openedTo: new Date("2026-10-05T00:00:00Z") }),
    ).toThrow(/filter\.openedFrom \(2026-10-05T00:00:00\.000Z\) must be before filter\.openedTo/);
  });

  it("refuses lists of more than 100 values with the argument's name", () => {
    const many = Array.from({ length: 101 }, (_, i) => `c${i}`);
    expect(() => ticketFilterValues({ categories: many })).toThrow(FilterError);
    expect(() => ticketFilterValues({ categories: many })).toThrow(/filter\.categories lists 101 values/);
  });
});

import { ContractError } from "./contract.errors";

/** A calendar month in UTC, as "YYYY-MM", with its first instant and the next month's (exclusive end). */
export interface ContractMonth {
  period: string;
  start: string;
  end: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Parses "2026-11"; throws INVALID_CONTRACT_REQUEST naming the argument otherwise. */
export function parseContractMonth(period: unknown, argument = "period"): ContractMonth {
  const match = typeof period === "string" ? MONTH.exec(period) : null;
  if (match === null) {
    throw new ContractError(
      "INVALID_CONTRACT_REQUEST",
      `${argument} ${JSON.stringify(typeof period === "string" ? period.slice(0, 40) : period)} is not a month; ` +
        `give it as YYYY-MM in UTC, e.g. "2026-11".`,
    );
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (year < 2000 || year > 2200) {
    throw new ContractError(
      "INVALID_CONTRACT_REQUEST",
      `${argument} ${period} is out of range; use a year from 2000 to 2200.`,
    );
  }
  return {
    period: period as string,
    start: new Date(Date.UTC(year, month - 1, 1)).toISOString(),
    end: new Date(Date.UTC(year, month, 1)).toISOString(),
  };
}

/** Whether [aStart, aEnd) and [bStart, bEnd) share an instant; a null end is open. ISO strings in UTC compare as text. */
export function overlaps(aStart: string, aEnd: string | null, bStart: string, bEnd: string | null): boolean {
  return (bEnd === null || aStart < bEnd) && (aEnd === null || bStart < aEnd);
}

import type { ChangesQuery } from "../../../schema/generated/graphql";
import type { TestApi } from "../../support/test-api";

export type ChangeEventLine = ChangesQuery["changes"]["events"][number];
export interface ChangeStreamEnd {
  endCursor: string;
  hasMore: boolean;
  headCursor: string;
  count: number;
}

/** What GET /v1/changes answered: the status, and the event lines and end line of a 200, or the error body. */
export interface ChangeStreamAnswer {
  status: number;
  events: ChangeEventLine[];
  end: ChangeStreamEnd | null;
  error: { code: string; reason?: string; message: string } | null;
}

/** GETs /v1/changes with `query` (e.g. "?after=…"), reading the NDJSON body line by line. */
export async function getChanges(
  api: TestApi,
  token: string | null,
  query = "",
  extraHeaders: Record<string, string> = {},
): Promise<ChangeStreamAnswer> {
  const headers: Record<string, string> = {
    ...extraHeaders,
    ...(token === null ? {} : { authorization: `Bearer ${token}` }),
  };
  const response = await fetch(`${api.url.replace(/\/graphql$/, "")}/v1/changes${query}`, { headers });
  const text = await response.text();
  if (response.status !== 200) {
    const body = JSON.parse(text) as { error: ChangeStreamAnswer["error"] };
    return { status: response.status, events: [], end: null, error: body.error };
  }
  expect(response.headers.get("content-type")).toContain("application/x-ndjson");
  const lines = text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  const last = lines.at(-1);
  const end = last !== undefined && "end" in last ? (last.end as ChangeStreamEnd) : null;
  return {
    status: 200,
    events: (end === null ? lines : lines.slice(0, -1)) as unknown as ChangeEventLine[],
    end,
    error: null,
  };
}

/**
 * A tiny GraphQL-over-HTTP client of the Relata API, for the MCP server (decision 0022): the MCP server only
 * speaks to the API, with the agent's bearer token, so every call goes through the API's authentication,
 * role matrix, role cap, limits and audit trail. Errors are RelataApiError with a message fit for an agent.
 */

export const DEFAULT_RELATA_URL = "http://localhost:4000/graphql";
export const DEFAULT_TIMEOUT_MS = 15_000;

/** An error the API answered (its message and code) or a failure to reach it; never a stack trace. */
export class RelataApiError extends Error {
  constructor(
    message: string,
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = "RelataApiError";
  }
}

export interface RelataClientOptions {
  url: string;
  token: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** The client's settings from the environment: RELATA_URL (optional) and RELATA_TOKEN (required). */
export function relataClientOptionsFromEnv(env: NodeJS.ProcessEnv): RelataClientOptions {
  const token = env.RELATA_TOKEN?.trim();
  if (!token) {
    throw new Error(
      "RELATA_TOKEN is not set: the MCP server acts with a bearer token of the Relata API. Get one with " +
        "`npm run token -- --tenant <tenant> --role analyst --user <externalId> --agent <name>` and set RELATA_TOKEN.",
    );
  }
  const url = env.RELATA_URL?.trim() || DEFAULT_RELATA_URL;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new Error("not http(s)");
  } catch {
    throw new Error(`RELATA_URL "${url}" is not an http(s) URL; set it to the API's /graphql endpoint.`);
  }
  const timeout = env.RELATA_MCP_TIMEOUT_MS === undefined ? DEFAULT_TIMEOUT_MS : Number(env.RELATA_MCP_TIMEOUT_MS);
  if (!Number.isInteger(timeout) || timeout < 100 || timeout > 300_000) {
    throw new Error(`RELATA_MCP_TIMEOUT_MS must be a whole number of milliseconds, 100-300000; received "${timeout}".`);
  }
  return { url, token, timeoutMs: timeout };
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: Array<{ message?: unknown; extensions?: { code?: unknown } }>;
}

export class RelataClient {
  private readonly fetch: typeof fetch;

  constructor(private readonly options: RelataClientOptions) {
    this.fetch = options.fetch ?? fetch;
  }

  /** Runs one operation; the data, or a RelataApiError with the API's first error message. */
  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let response: Response;
    try {
      response = await this.fetch(this.options.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json",
          authorization: `Bearer ${this.options.token}`,
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const name = (error as Error).name;
      if (name === "TimeoutError" || name === "AbortError") {
        throw new RelataApiError(`The Relata API at ${this.options.url} did not answer within ${timeoutMs} ms.`);
      }
      const cause = (error as Error & { cause?: { code?: unknown } }).cause?.code;
      const why = typeof cause === "string" ? cause : (error as Error).message;
      throw new RelataApiError(
        `Could not reach the Relata API at ${this.options.url} (${why}); is it running? (RELATA_URL)`,
      );
    }
    let body: GraphQLBody<T>;
    try {
      body = (await response.json()) as GraphQLBody<T>;
    } catch {
      throw new RelataApiError(
        `The Relata API at ${this.options.url} answered HTTP ${response.status} without a GraphQL JSON body.`,
      );
    }
    const first = body.errors?.[0];
    if (first) {
      const code = typeof first.extensions?.code === "string" ? first.extensions.code : null;
      const message = typeof first.message === "string" ? first.message : "The API refused the request.";
      throw new RelataApiError(code === null ? message : `${code}: ${message}`, code);
    }
    if (body.data === undefined || body.data === null) {
      throw new RelataApiError(`The Relata API answered HTTP ${response.status} without data.`);
    }
    return body.data;
  }
}

// The event lines reuse the GraphQL view (decorated classes): loaded here too, for callers that import the
// server without the bootstrap (tests of the HTTP edge).
import "reflect-metadata";
import { once } from "node:events";
import { IncomingMessage, ServerResponse } from "node:http";
import { Logger } from "pino";
import { CHANGE_TYPES, ChangeType, isChangeType } from "../../domain/events/change-event";
import { HTTP_ROUTES, routeDenial } from "../../resolvers/auth/role-matrix";
import { AccessDeniedError } from "../../resolvers/auth/access.errors";
import { toChangeEventView } from "../../resolvers/events/change-event.type";
import { maskEventsFor } from "../../services/personal-data/mask-events";
import { PersonalDataReads } from "../../services/personal-data/personal-data-reads";
import { ConsentService } from "../../services/personal-data/consent.service";
import { ExportConsentScreen, exportPurpose } from "../../domain/personal-data/export-purpose";
import { changeStream, ChangeStreamChunk, ChangeStreamRequest } from "../../services/events/change-stream";
import { ContextFactory } from "../context-factory";
import { toPublicError, PublicError } from "../errors/to-graphql-error";
import { HeavyOperationSlots } from "../limits/heavy-operation-slots";
import { RateLimiter } from "../limits/rate-limiter";

export const CHANGES_PATH = "/v1/changes";

const PARAMETERS = ["after", "types", "limit"] as const;
const MAX_PARAMETER_LENGTH = 2_000;
/** The most events one response may be asked for; a larger load follows endCursor over several responses. */
export const MAX_STREAM_LIMIT = 10_000_000;

/** A query parameter the stream does not accept; the message says what it takes. */
export class ChangesRequestError extends Error {}

/** The request's parameters, checked; throws with what was wrong and what is accepted. */
export function changesRequest(search: URLSearchParams): ChangeStreamRequest {
  for (const name of new Set(search.keys())) {
    if (!(PARAMETERS as readonly string[]).includes(name)) {
      throw new ChangesRequestError(`Unknown parameter "${name}"; ${CHANGES_PATH} takes ${PARAMETERS.join(", ")}.`);
    }
    if (search.getAll(name).length > 1) {
      throw new ChangesRequestError(`Parameter "${name}" was given twice; give it once (types: comma-separated).`);
    }
    if ((search.get(name) ?? "").length > MAX_PARAMETER_LENGTH) {
      throw new ChangesRequestError(`Parameter "${name}" must be at most ${MAX_PARAMETER_LENGTH} characters long.`);
    }
  }
  return {
    after: search.get("after") || null,
    types: typesOf(search.get("types")),
    limit: limitOf(search.get("limit")),
  };
}

function typesOf(raw: string | null): ChangeType[] | null {
  if (raw === null || raw.trim() === "") return null;
  const names = raw.split(",").map((name) => name.trim());
  const unknown = names.filter((name) => !isChangeType(name));
  if (unknown.length > 0) {
    throw new ChangesRequestError(
      `Unknown change type${unknown.length > 1 ? "s" : ""} ${unknown.map((name) => `"${name.slice(0, 40)}"`).join(", ")} ` +
        `in "types"; give comma-separated names of: ${CHANGE_TYPES.join(", ")}.`,
    );
  }
  return [...new Set(names)] as ChangeType[];
}

function limitOf(raw: string | null): number | null {
  if (raw === null || raw === "") return null;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < 1 || value > MAX_STREAM_LIMIT) {
    throw new ChangesRequestError(
      `Parameter "limit" must be a whole number from 1 to ${MAX_STREAM_LIMIT}; it is "${raw.slice(0, 40)}". ` +
        `Omit it to read up to the newest event.`,
    );
  }
  return value;
}

const STATUS: Partial<Record<PublicError["code"], number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  TIMEOUT: 504,
};

/** The HTTP status of a refused request: 410 Gone for a cursor older than retention. */
function statusOf(error: PublicError): number {
  if (error.reason === "CURSOR_EXPIRED") return 410;
  return error.httpStatus ?? STATUS[error.code] ?? 500;
}

/**
 * `GET /v1/changes?after=&types=&limit=`: the tenant's change events as NDJSON, one event per line in
 * sequence order (the fields of the GraphQL ChangeEventView), then one last line `{"end": {endCursor,
 * hasMore, headCursor, count}}` that says where to resume (docs/changes.md). A response without that line
 * was cut short: resume from the last event's cursor. Authenticated and rate-limited like /graphql, allowed
 * to the roles of HTTP_ROUTE_ROLES, one heavy-operation slot of the tenant while it streams. Pages are read
 * one at a time and written as the client takes them.
 */
export class ChangesRoute {
  constructor(
    private readonly contexts: ContextFactory,
    private readonly rateLimiter: RateLimiter,
    private readonly heavyOperations: HeavyOperationSlots,
    private readonly pageSize: number,
    private readonly log: Logger,
  ) {}

  async serve(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== "GET") {
      res.setHeader("allow", "GET");
      return fail(res, 405, { code: "BAD_USER_INPUT", message: `Use GET for ${CHANGES_PATH}.` });
    }
    let release: (() => void) | null = null;
    let chunks: AsyncGenerator<ChangeStreamChunk> | null = null;
    try {
      const authorization = req.headers.authorization;
      const { principal } = await this.contexts.create({ authorization, operationName: "changesStream" });
      this.rateLimiter.admit(principal.tenant, authorization ?? "");
      const denial = routeDenial(principal, HTTP_ROUTES.changes);
      if (denial !== null) throw new AccessDeniedError(denial);
      const request = changesRequest(url.searchParams);
      release = await this.heavyOperations.acquire(principal.tenant, "changesStream");
      // No request deadline: a stream runs as long as its pages keep coming (each read has the query timeout).
      const purpose = req.headers["x-relata-purpose"];
      const context = this.contexts.forPrincipal(principal, {
        operationName: "changesStream",
        purpose: typeof purpose === "string" ? purpose : null,
      });
      chunks = changeStream(context.changes, request, this.pageSize);
      // Personal values masked for the caller's role (decision 0028); SENSITIVE ones in clear are audited.
      const reads = context.personalData;
      // A consent purpose in x-relata-purpose: events about people without a valid consent for it are left
      // out, and the end line and the audit trail say who (decision 0033).
      const consentPurpose = exportPurpose(typeof purpose === "string" ? purpose : null);
      const screen = consentPurpose === null ? null : new ExportConsentScreen(consentPurpose);
      const out: Output = {
        reads,
        screen: screen === null ? null : { screen, consents: context.privacy.consents },
      };
      // The first page before the status: a bad or expired cursor is a 400 or 410, not a cut-short stream.
      const first = await chunks.next();
      res.writeHead(200, { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" });
      if (!first.done) await write(res, first.value, out);
      for await (const chunk of chunks) {
        if (res.destroyed) return;
        await write(res, chunk, out);
      }
      await reads.record("changes-stream", "changesStream");
      if (screen !== null) await reads.recordExportScreen("changes-stream", "changesStream", screen.summary());
      res.end();
    } catch (error) {
      if (error instanceof ChangesRequestError) {
        return fail(res, 400, { code: "BAD_USER_INPUT", reason: "INVALID_PARAMETER", message: error.message });
      }
      const mapped = toPublicError(error);
      if (mapped.unknown) this.log.error({ err: mapped.cause, path: CHANGES_PATH }, "change stream failed");
      if (mapped.retryAfterSeconds !== undefined && !res.headersSent) {
        res.setHeader("retry-after", String(mapped.retryAfterSeconds));
      }
      if (!res.headersSent) return fail(res, statusOf(mapped), mapped);
      // Mid-stream: the status is sent; the last line says the stream is cut short (and there is no end line).
      if (!res.destroyed) res.end(`${JSON.stringify({ error: { code: mapped.code, message: mapped.message } })}\n`);
    } finally {
      await chunks?.return(undefined);
      release?.();
    }
  }
}

/** Where a stream's events go through on the way out: masking, and a purpose's consent screen. */
interface Output {
  reads: PersonalDataReads;
  screen: { screen: ExportConsentScreen; consents: ConsentService } | null;
}

async function write(res: ServerResponse, chunk: ChangeStreamChunk, out: Output): Promise<void> {
  let text: string;
  if ("end" in chunk) {
    const consent = out.screen === null ? {} : { consent: out.screen.screen.summary() };
    text = `${JSON.stringify({ end: { ...chunk.end, ...consent } })}\n`;
  } else {
    const events =
      out.screen === null ? chunk.events : await out.screen.consents.screenExport(chunk.events, out.screen.screen);
    text = maskEventsFor(events, out.reads)
      .map((event) => `${JSON.stringify(toChangeEventView(event))}\n`)
      .join("");
  }
  // Backpressure: the next page is read only once the client has taken this one.
  if (!res.write(text)) await Promise.race([once(res, "drain"), once(res, "close")]);
}

function fail(res: ServerResponse, status: number, error: Pick<PublicError, "code" | "message" | "reason">): void {
  if (res.headersSent) return;
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(
    JSON.stringify({
      error: { code: error.code, message: error.message, ...(error.reason ? { reason: error.reason } : {}) },
    }),
  );
}

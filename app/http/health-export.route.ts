import { once } from "node:events";
import { IncomingMessage, ServerResponse } from "node:http";
import { Logger } from "pino";
import { DEFAULT_MODEL_ID } from "../../services/health/health-model";
import { HealthExportRequest } from "../../services/export/health-export.service";
import { HTTP_ROUTES, routeDenial } from "../../resolvers/auth/role-matrix";
import { AccessDeniedError } from "../../resolvers/auth/access.errors";
import { ContextFactory } from "../context-factory";
import { toPublicError, PublicError } from "../errors/to-graphql-error";
import { HeavyOperationSlots } from "../limits/heavy-operation-slots";
import { RateLimiter } from "../limits/rate-limiter";

export const HEALTH_EXPORT_PATH = "/v1/exports/health";

/** The query parameters the export takes, each at most once and at most this long. */
const PARAMETERS = ["modelId", "industry", "segment", "region", "grade"] as const;
const MAX_PARAMETER_LENGTH = 200;

class ExportRequestError extends Error {}

function exportRequest(search: URLSearchParams): HealthExportRequest {
  for (const name of new Set(search.keys())) {
    if (!(PARAMETERS as readonly string[]).includes(name)) {
      throw new ExportRequestError(`Unknown parameter "${name}"; the export takes ${PARAMETERS.join(", ")}.`);
    }
    if (search.getAll(name).length > 1)
      throw new ExportRequestError(`Parameter "${name}" was given twice; give it once.`);
    const value = search.get(name) ?? "";
    if (value.length === 0 || value.length > MAX_PARAMETER_LENGTH) {
      throw new ExportRequestError(`Parameter "${name}" must be 1-${MAX_PARAMETER_LENGTH} characters long.`);
    }
  }
  return {
    modelId: search.get("modelId") ?? DEFAULT_MODEL_ID,
    filter: { industry: search.get("industry"), segment: search.get("segment"), region: search.get("region") },
    grade: search.get("grade"),
  };
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

/**
 * `GET /v1/exports/health`: every account of the caller's tenant with its latest stored score and concept
 * values, as NDJSON (docs/import-export.md). Authenticated and rate-limited like /graphql, allowed to the
 * roles of the role matrix's HTTP_ROUTES entry, one of the tenant's heavy-operation slots while it runs.
 * Pages are read from Neo4j one at a time and written as the client takes them.
 */
export class HealthExportRoute {
  constructor(
    private readonly contexts: ContextFactory,
    private readonly rateLimiter: RateLimiter,
    private readonly heavyOperations: HeavyOperationSlots,
    private readonly log: Logger,
  ) {}

  async serve(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== "GET") {
      res.setHeader("allow", "GET");
      return fail(res, 405, { code: "BAD_USER_INPUT", message: `Use GET for ${HEALTH_EXPORT_PATH}.` });
    }
    let release: (() => void) | null = null;
    try {
      const authorization = req.headers.authorization;
      const { principal } = await this.contexts.create({ authorization, operationName: "healthExport" });
      this.rateLimiter.admit(principal.tenant, authorization ?? "");
      const denial = routeDenial(principal, HTTP_ROUTES.healthExport);
      if (denial !== null) throw new AccessDeniedError(denial);
      const request = exportRequest(url.searchParams);
      release = await this.heavyOperations.acquire(principal.tenant, "healthExport");
      // No request deadline: an export runs as long as its pages keep coming (each read has the query timeout).
      const context = this.contexts.forPrincipal(principal, { operationName: "healthExport" });
      await context.healthExport.assertModel(request.modelId);
      await this.stream(res, context.healthExport.pages(request));
    } catch (error) {
      if (error instanceof ExportRequestError)
        return fail(res, 400, { code: "BAD_USER_INPUT", message: error.message });
      const mapped = toPublicError(error);
      if (mapped.unknown) this.log.error({ err: mapped.cause, path: HEALTH_EXPORT_PATH }, "health export failed");
      if (mapped.retryAfterSeconds !== undefined) res.setHeader("retry-after", String(mapped.retryAfterSeconds));
      if (!res.headersSent) return fail(res, mapped.httpStatus ?? STATUS[mapped.code] ?? 500, mapped);
      // Mid-stream: the status is sent; the last line says the export is cut short.
      if (!res.destroyed) res.end(`${JSON.stringify({ error: { code: mapped.code, message: mapped.message } })}\n`);
    } finally {
      release?.();
    }
  }

  private async stream(res: ServerResponse, pages: AsyncGenerator<{ lines: readonly object[] }>): Promise<void> {
    res.writeHead(200, { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" });
    try {
      for await (const { lines } of pages) {
        if (res.destroyed) return;
        if (lines.length === 0) continue;
        const chunk = `${lines.map((line) => JSON.stringify(line)).join("\n")}\n`;
        // Backpressure: the next page is read only once the client has taken this one.
        if (!res.write(chunk)) await Promise.race([once(res, "drain"), once(res, "close")]);
      }
      res.end();
    } finally {
      await pages.return(undefined);
    }
  }
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

import { IncomingMessage, ServerResponse } from "node:http";

/** Which browser origins may call the API, and how long browsers may cache a preflight answer. */
export interface CorsSettings {
  /** Exact origins (`https://app.example.com`), or `"*"` for any; empty: no cross-origin calls. */
  origins: readonly string[] | "*";
  maxAgeSeconds: number;
}

/** Methods the API answers; GET carries queries only (Apollo refuses mutations over GET). */
const ALLOWED_METHODS = "GET, POST, OPTIONS";
/**
 * Request headers a browser client needs: the token, JSON bodies, the admin debug switch, the purpose of a
 * read of personal data (audited, and a consent purpose screens exports: decisions 0028, 0033), and the two
 * headers Apollo's CSRF prevention accepts as proof of a preflighted request.
 */
export const ALLOWED_REQUEST_HEADERS = [
  "authorization",
  "content-type",
  "x-relata-debug",
  "x-relata-purpose",
  "apollo-require-preflight",
  "x-apollo-operation-name",
] as const;
/** Response headers a browser client may read beyond the CORS-safelisted ones (429 answers carry it). */
const EXPOSED_HEADERS = "retry-after";

/**
 * Parses RELATA_CORS_ORIGINS: a comma-separated list of origins written `scheme://host[:port]`, or `*`.
 * Throws with what is wrong and how to write it.
 */
export function parseCorsOrigins(raw: string | undefined, variable = "RELATA_CORS_ORIGINS"): readonly string[] | "*" {
  const entries = (raw ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  if (entries.includes("*")) {
    if (entries.length > 1) {
      throw new Error(`${variable} mixes "*" with other origins; use either "*" (any origin) or a list of origins.`);
    }
    return "*";
  }
  return entries.map((entry) => normaliseOrigin(entry, variable));
}

function normaliseOrigin(entry: string, variable: string): string {
  const how = `write each origin as scheme://host[:port], e.g. https://app.example.com or http://localhost:5173`;
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    throw new Error(`${variable}: "${entry}" is not an origin; ${how}.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`${variable}: "${entry}" is not an http(s) origin; ${how}.`);
  }
  // A trailing "/" is a common slip and means the same origin; any other path, query or login does not.
  if (url.username || url.password || url.search || url.hash || (url.pathname !== "/" && url.pathname !== "")) {
    throw new Error(`${variable}: "${entry}" has a path, query or user name, which an origin never has; ${how}.`);
  }
  return url.origin;
}

/** What to answer for one request under the CORS policy: headers to add and, for a preflight, a status. */
export interface CorsAnswer {
  headers: Record<string, string>;
  /** Set when the request was a preflight (or another OPTIONS request) and is fully answered by this. */
  finalStatus?: number;
  body?: unknown;
}

/** The API's cross-origin policy. Exact origin matches only; credentials (cookies) are never involved. */
export class CorsPolicy {
  private readonly origins: ReadonlySet<string> | "*";

  constructor(private readonly settings: CorsSettings) {
    this.origins = settings.origins === "*" ? "*" : new Set(settings.origins);
  }

  /** Whether a browser on `origin` may call the API. */
  allows(origin: string | undefined): boolean {
    if (origin === undefined) return false;
    return this.origins === "*" || this.origins.has(origin);
  }

  /** The answer for a request with this method and headers. */
  answer(method: string, origin: string | undefined, requestedMethod: string | undefined): CorsAnswer {
    const headers: Record<string, string> = {};
    const enabled = this.origins === "*" || this.origins.size > 0;
    // The answer depends on Origin whenever a list is configured; caches must key on it.
    if (enabled && this.origins !== "*") headers.vary = "Origin";
    const allowed = this.allows(origin);
    if (allowed) {
      headers["access-control-allow-origin"] = this.origins === "*" ? "*" : (origin as string);
    }
    if (method !== "OPTIONS") {
      if (allowed) headers["access-control-expose-headers"] = EXPOSED_HEADERS;
      return { headers };
    }
    if (origin === undefined || requestedMethod === undefined) {
      // Not a CORS preflight: say what the endpoint takes.
      return { headers: { ...headers, allow: ALLOWED_METHODS }, finalStatus: 204 };
    }
    if (!allowed) {
      return {
        headers,
        finalStatus: 403,
        body: {
          errors: [
            {
              message:
                `Browsers on ${origin} may not call this API. The operator lists the origins allowed to in ` +
                "RELATA_CORS_ORIGINS (none by default).",
              extensions: { code: "FORBIDDEN", reason: "CORS_ORIGIN_NOT_ALLOWED" },
            },
          ],
        },
      };
    }
    return {
      headers: {
        ...headers,
        "access-control-allow-methods": ALLOWED_METHODS,
        "access-control-allow-headers": ALLOWED_REQUEST_HEADERS.join(", "),
        "access-control-max-age": String(this.settings.maxAgeSeconds),
      },
      finalStatus: 204,
    };
  }

  /**
   * Adds the CORS headers to `res`; answers preflights (and other OPTIONS requests) completely. Returns
   * whether the request is answered.
   */
  apply(req: IncomingMessage, res: ServerResponse): boolean {
    const requested = req.headers["access-control-request-method"];
    const answer = this.answer(req.method ?? "GET", req.headers.origin, requested);
    for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
    if (answer.finalStatus === undefined) return false;
    res.statusCode = answer.finalStatus;
    if (answer.body === undefined) {
      res.end();
    } else {
      res.setHeader("content-type", "application/json; charset=utf-8");
      res.end(JSON.stringify(answer.body));
    }
    return true;
  }
}

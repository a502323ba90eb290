import { createReadStream, existsSync, statSync } from "node:fs";
import { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { pipeline } from "node:stream/promises";
import { projectRoot } from "../project-root";
import { EXPLORER_SECURITY_HEADERS, explorerMissingPage } from "./explorer-page";

/** The URL path the explorer is served under; explorer/vite.config.mjs builds with the same base. */
export const EXPLORER_PATH = "/explorer";

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * The explorer's static files, built by cli/build-explorer.js into dist/explorer/: files under
 * `/explorer/assets/` (content-hashed names, cached for good), and for any other path under `/explorer`
 * the app's page (no-store), so deep links such as `/explorer/accounts/<id>` open the right view.
 */
export class ExplorerSite {
  private readonly dir: string;

  constructor(
    private readonly enabled: boolean,
    dir?: string,
  ) {
    this.dir = dir ?? join(projectRoot(), "dist", "explorer");
  }

  /** Whether a path is the explorer's (false when it is off). */
  owns(pathname: string): boolean {
    return this.enabled && (pathname === EXPLORER_PATH || pathname.startsWith(`${EXPLORER_PATH}/`));
  }

  async serve(pathname: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(EXPLORER_SECURITY_HEADERS)) res.setHeader(name, value);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.statusCode = 405;
      res.setHeader("allow", "GET, HEAD");
      res.end();
      return;
    }
    if (pathname === EXPLORER_PATH) {
      res.statusCode = 308;
      res.setHeader("location", `${EXPLORER_PATH}/`);
      res.end();
      return;
    }
    const relative = safeDecode(pathname.slice(EXPLORER_PATH.length + 1));
    const isAsset = relative !== null && relative.startsWith("assets/");
    const file = isAsset ? this.file(relative) : null;
    if (isAsset && file === null) {
      res.statusCode = 404;
      res.setHeader("content-type", "text/plain; charset=utf-8");
      res.end(`No explorer file ${pathname}; open ${EXPLORER_PATH}/ to load the current build.\n`);
      return;
    }
    const page = file ?? this.file("index.html");
    if (page === null) {
      res.statusCode = 503;
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.setHeader("cache-control", "no-store");
      res.end(explorerMissingPage());
      return;
    }
    await this.send(page, isAsset, req, res);
  }

  /** The absolute path of a built file inside dist/explorer/, or null (missing, or outside it). */
  private file(relative: string): string | null {
    const path = normalize(join(this.dir, relative));
    if (!path.startsWith(this.dir + sep)) return null;
    return existsSync(path) && statSync(path).isFile() ? path : null;
  }

  private async send(path: string, immutable: boolean, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const gzipped = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? "")) && existsSync(`${path}.gz`);
    res.statusCode = 200;
    res.setHeader("content-type", CONTENT_TYPES[extname(path)] ?? "application/octet-stream");
    // Asset names carry a content hash; the page names the current ones, so it is never cached.
    res.setHeader("cache-control", immutable ? "public, max-age=31536000, immutable" : "no-store");
    res.setHeader("vary", "accept-encoding");
    if (gzipped) res.setHeader("content-encoding", "gzip");
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    await pipeline(createReadStream(gzipped ? `${path}.gz` : path), res);
  }
}

import { createReadStream, existsSync, readFileSync } from "node:fs";
import { IncomingMessage, ServerResponse } from "node:http";
import { extname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { projectRoot } from "../project-root";
import { IDE_SECURITY_HEADERS, IdeManifest, ideMissingPage, idePage } from "./ide-page";
import { prefersHtml } from "./prefers-html";

/** The URL path of the IDE's files; cli/build-ide.js bundles with the same public path. */
export const IDE_ASSET_PATH = "/ide/";

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".ttf": "font/ttf",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function setHeaders(res: ServerResponse, headers: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}

/**
 * The GraphQL IDE: GraphiQL, bundled from npm into dist/ide/ at build time (cli/build-ide.js), served at
 * GET /graphql to browsers (requests that prefer HTML) and its files under /ide/. Nothing comes from
 * another origin, so it works offline. RELATA_IDE=0 turns it off.
 */
export class GraphqlIde {
  private readonly dir: string;

  constructor(
    private readonly enabled: boolean,
    private readonly graphqlPath = "/graphql",
    dir?: string,
  ) {
    this.dir = dir ?? join(projectRoot(), "dist", "ide");
  }

  /** Whether this request to the GraphQL path is a browser asking for a page (GET preferring HTML). */
  wants(req: IncomingMessage): boolean {
    return this.enabled && req.method === "GET" && prefersHtml(req.headers.accept);
  }

  /** Answers the IDE's page, or a page saying how to build it when dist/ide/ is missing. */
  servePage(res: ServerResponse): void {
    const manifest = this.manifest();
    setHeaders(res, IDE_SECURITY_HEADERS);
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.setHeader("cache-control", "no-store");
    res.statusCode = manifest === null ? 503 : 200;
    res.end(manifest === null ? ideMissingPage(this.graphqlPath) : idePage(manifest, IDE_ASSET_PATH, this.graphqlPath));
  }

  /**
   * Answers a file of the IDE's build (`/ide/<file>`), gzipped when the browser takes it; false when the
   * IDE is off. Only files the build's manifest lists are served; their names carry a content hash, so
   * browsers may keep them for good.
   */
  async serveAsset(pathname: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if (!this.enabled) return false;
    const file = safeDecode(pathname.slice(IDE_ASSET_PATH.length));
    const manifest = this.manifest();
    setHeaders(res, IDE_SECURITY_HEADERS);
    if (manifest === null || file === null || !manifest.files.includes(file)) {
      res.statusCode = 404;
      res.setHeader("content-type", "text/plain; charset=utf-8");
      res.end(`No IDE file ${file}; the page names its files (open ${this.graphqlPath} in a browser).\n`);
      return true;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.statusCode = 405;
      res.setHeader("allow", "GET, HEAD");
      res.end();
      return true;
    }
    const path = join(this.dir, file);
    const gzipped = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? "")) && existsSync(`${path}.gz`);
    res.statusCode = 200;
    res.setHeader("content-type", CONTENT_TYPES[extname(file)] ?? "application/octet-stream");
    res.setHeader("cache-control", "public, max-age=31536000, immutable");
    res.setHeader("vary", "accept-encoding");
    if (gzipped) res.setHeader("content-encoding", "gzip");
    if (req.method === "HEAD") {
      res.end();
      return true;
    }
    await pipeline(createReadStream(gzipped ? `${path}.gz` : path), res);
    return true;
  }

  /** The build's manifest, read on each use (a rebuild while the API runs renames the files), or null. */
  private manifest(): IdeManifest | null {
    try {
      return JSON.parse(readFileSync(join(this.dir, "manifest.json"), "utf8")) as IdeManifest;
    } catch {
      return null;
    }
  }
}

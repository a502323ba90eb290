#!/usr/bin/env node
// Bundles the GraphQL IDE (GraphiQL with React and Monaco's language workers, all from npm) into dist/ide/,
// so the API serves it itself and a browser needs no CDN. Runs from cli/build-if-stale.js (`npm start`,
// `npm run build`) and from the IDE's browser test, and only when its inputs changed since the last build.
// Plain JavaScript so that it runs before anything is compiled. docs/decisions/0012.
"use strict";
const { createHash } = require("node:crypto");
const { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } = require("node:fs");
const { join, relative } = require("node:path");
const { gzipSync } = require("node:zlib");
const { withBuildLock } = require("./build-lock");

/** Where the IDE's files are written, relative to the project root; the server reads its manifest there. */
const OUT_DIR = join("dist", "ide");
/** The URL path the server serves the IDE's files under (app/ide/ide-assets.ts). */
const PUBLIC_PATH = "/ide/";
const CLIENT_DIR = join("app", "ide", "client");

/** The lock file (GraphiQL's, React's and Monaco's versions), the client sources and this script. */
function fingerprint(root) {
  const files = ["package-lock.json", join("cli", "build-ide.js")];
  for (const entry of readdirSync(join(root, CLIENT_DIR))) files.push(join(CLIENT_DIR, entry));
  files.sort();
  const hash = createHash("sha256");
  for (const file of files) {
    const stat = statSync(join(root, file));
    hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest("hex");
}

function stampFile(root) {
  return join(root, OUT_DIR, ".build-stamp");
}

/** Whether dist/ide/ is missing or older than its inputs. */
function ideIsStale(root) {
  const stamp = stampFile(root);
  return !existsSync(stamp) || readFileSync(stamp, "utf8").trim() !== fingerprint(root);
}

/**
 * Builds dist/ide/: the page's script and style sheet and Monaco's three workers, named by content hash,
 * and `manifest.json` saying which file is which. Throws when esbuild is missing (dependencies installed
 * without the dev ones) or the bundle fails.
 */
function buildIde(root) {
  const esbuild = require(require.resolve("esbuild", { paths: [root] }));
  const resolve = (id) => require.resolve(id, { paths: [root] });
  const outdir = join(root, OUT_DIR);
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = esbuild.buildSync({
    absWorkingDir: root,
    entryPoints: {
      ide: join(root, CLIENT_DIR, "relata-ide.js"),
      "editor.worker": resolve("monaco-editor/esm/vs/editor/editor.worker.js"),
      "json.worker": resolve("monaco-editor/esm/vs/language/json/json.worker.js"),
      "graphql.worker": resolve("monaco-graphql/esm/graphql.worker.js"),
    },
    bundle: true,
    format: "iife",
    platform: "browser",
    target: ["chrome109", "edge109", "firefox115", "safari16"],
    minify: true,
    outdir,
    entryNames: "[name]-[hash]",
    assetNames: "assets/[name]-[hash]",
    publicPath: PUBLIC_PATH,
    loader: { ".ttf": "file", ".woff": "file", ".woff2": "file", ".svg": "file", ".png": "file" },
    define: { "process.env.NODE_ENV": '"production"' },
    legalComments: "linked",
    metafile: true,
    logLevel: "error",
  });
  const manifest = { files: [] };
  for (const [output, meta] of Object.entries(result.metafile.outputs)) {
    const file = relative(outdir, join(root, output)).split("\\").join("/");
    manifest.files.push(file);
    if (!meta.entryPoint) continue;
    const entry = Object.entries({
      ide: "relata-ide.js",
      editorWorker: "editor.worker.js",
      jsonWorker: "json.worker.js",
      graphqlWorker: "graphql.worker.js",
    }).find(([, suffix]) => meta.entryPoint.endsWith(suffix));
    if (entry) manifest[entry[0]] = file;
    if (entry && entry[0] === "ide" && meta.cssBundle) {
      manifest.ideCss = relative(outdir, join(root, meta.cssBundle)).split("\\").join("/");
    }
  }
  for (const key of ["ide", "ideCss", "editorWorker", "jsonWorker", "graphqlWorker"]) {
    if (!manifest[key]) throw new Error(`The IDE build produced no ${key} file; see cli/build-ide.js.`);
  }
  manifest.files.sort();
  // Served gzipped to browsers that take it (the API compresses nothing at run time): 5 MB become about 1.5.
  for (const file of manifest.files) {
    if (/\.(js|css|ttf)$/.test(file))
      writeFileSync(join(outdir, `${file}.gz`), gzipSync(readFileSync(join(outdir, file))));
  }
  writeFileSync(join(outdir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(stampFile(root), `${fingerprint(root)}\n`);
  return manifest;
}

/**
 * Builds the IDE when it is missing or stale (or always, with `force`). Returns "built", "fresh" or, when
 * the build is impossible because esbuild is not installed, "unavailable" (the API then serves a page
 * saying how to build the IDE).
 */
function buildIdeIfStale(root, { force = false, log = (m) => process.stderr.write(`${m}\n`) } = {}) {
  if (!force && !ideIsStale(root)) return "fresh";
  // Checked again under the lock: another process may have built it while this one waited.
  return withBuildLock(
    root,
    "ide",
    () => {
      if (!force && !ideIsStale(root)) return "fresh";
      try {
        require.resolve("esbuild", { paths: [root] });
      } catch {
        log("The GraphQL IDE is not built: esbuild is missing (install the dev dependencies: npm ci).");
        return "unavailable";
      }
      log("Bundling the GraphQL IDE (GraphiQL from npm) into dist/ide…");
      buildIde(root);
      return "built";
    },
    { log },
  );
}

if (require.main === module) {
  const root = join(__dirname, "..");
  try {
    buildIdeIfStale(root, { force: process.argv.includes("--force") });
  } catch (error) {
    process.stderr.write(`Could not bundle the GraphQL IDE: ${error.message}\n`);
    process.exitCode = 1;
  }
}

module.exports = { buildIde, buildIdeIfStale, ideIsStale, OUT_DIR, PUBLIC_PATH };

#!/usr/bin/env node
// Builds the explorer (explorer/, Vite + Preact) into dist/explorer/, which the API serves at /explorer
// (app/explorer/). Runs from cli/build-if-stale.js (`npm start`, `npm run build`) and from the explorer's
// browser tests, only when its inputs changed since the last build. Plain JavaScript so that it runs
// before anything is compiled. docs/decisions/0016.
"use strict";
const { createHash } = require("node:crypto");
const { existsSync, readdirSync, readFileSync, statSync, writeFileSync } = require("node:fs");
const { dirname, join } = require("node:path");
const { spawnSync } = require("node:child_process");
const { withBuildLock } = require("./build-lock");
const { gzipSync } = require("node:zlib");

/** Where the explorer is written, relative to the project root; the server serves it from there. */
const OUT_DIR = join("dist", "explorer");
const SOURCE_DIR = "explorer";

function listFiles(root, dir, into) {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) listFiles(root, path, into);
    else into.push(path);
  }
  return into;
}

/** The lock file (Vite's, Preact's and the libraries' versions), the explorer's sources and this script. */
function fingerprint(root) {
  const files = listFiles(root, SOURCE_DIR, ["package-lock.json", join("cli", "build-explorer.js")]);
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

/** Whether dist/explorer/ is missing or older than its inputs. */
function explorerIsStale(root) {
  const stamp = stampFile(root);
  return !existsSync(stamp) || readFileSync(stamp, "utf8").trim() !== fingerprint(root);
}

/** Runs `vite build` and writes a gzipped copy of every text file beside it. Throws when the build fails. */
function buildExplorer(root) {
  const vite = join(dirname(require.resolve("vite/package.json", { paths: [root] })), "bin", "vite.js");
  const result = spawnSync(process.execPath, [vite, "build", "--config", join(root, SOURCE_DIR, "vite.config.mjs")], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status}); see the output above.`);
  const outdir = join(root, OUT_DIR);
  // Served gzipped to browsers that take it (the API compresses nothing at run time).
  for (const file of listFiles(outdir, ".", [])) {
    if (/\.(js|css|html|svg|json)$/.test(file))
      writeFileSync(join(outdir, `${file}.gz`), gzipSync(readFileSync(join(outdir, file)), { level: 9 }));
  }
  writeFileSync(stampFile(root), `${fingerprint(root)}\n`);
}

/**
 * Builds the explorer when it is missing or stale (or always, with `force`). Returns "built", "fresh" or,
 * when Vite is not installed (dependencies installed without the dev ones), "unavailable": the API then
 * answers /explorer with a page saying how to build it.
 */
function buildExplorerIfStale(root, { force = false, log = (m) => process.stderr.write(`${m}\n`) } = {}) {
  if (!force && !explorerIsStale(root)) return "fresh";
  // Checked again under the lock: another process may have built it while this one waited.
  return withBuildLock(
    root,
    "explorer",
    () => {
      if (!force && !explorerIsStale(root)) return "fresh";
      try {
        require.resolve("vite/package.json", { paths: [root] });
      } catch {
        log("The explorer is not built: Vite is missing (install the dev dependencies: npm ci).");
        return "unavailable";
      }
      log("Building the explorer (Vite + Preact) into dist/explorer…");
      buildExplorer(root);
      return "built";
    },
    { log },
  );
}

if (require.main === module) {
  const root = join(__dirname, "..");
  try {
    buildExplorerIfStale(root, { force: process.argv.includes("--force") });
  } catch (error) {
    process.stderr.write(`Could not build the explorer: ${error.message}\n`);
    process.exitCode = 1;
  }
}

module.exports = { buildExplorer, buildExplorerIfStale, explorerIsStale, OUT_DIR };

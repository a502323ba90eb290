// A lock between processes that build into the same dist/: two test workers, or `npm start` beside
// `npm test`, may find the build stale at the same moment. Without the lock both run tsc over the same
// files, and both Vite and the IDE bundler empty their output folder first, so one process can serve or
// require a half-written build. Synchronous, because the builds it guards are (spawnSync); plain
// JavaScript, because it runs before anything is compiled.
"use strict";
const { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");

const POLL_MS = 250;
/** A full build takes about 80 s on a busy 2-core machine; waiting far longer means something is wrong. */
const WAIT_LIMIT_MS = 20 * 60 * 1000;
/** A lock folder without its pid file is being created; after this long its creator died in between. */
const ORPHAN_MS = 60 * 1000;

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** True when the process that took the lock no longer runs (it crashed or was killed mid-build). */
function holderIsGone(dir) {
  let pid;
  try {
    pid = Number(readFileSync(join(dir, "pid"), "utf8"));
  } catch {
    try {
      return Date.now() - statSync(dir).mtimeMs > ORPHAN_MS;
    } catch {
      return true;
    }
  }
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return error.code === "ESRCH";
  }
}

/**
 * Runs `fn` while holding the lock `name` of the checkout at `root` (a folder under dist/.build-locks),
 * waiting while another live process holds it. A lock left by a dead process is taken over. `fn` should
 * check again whether the build is still stale: the process that held the lock may just have built it.
 */
function withBuildLock(
  root,
  name,
  fn,
  { log = (m) => process.stderr.write(`${m}\n`), waitLimitMs = WAIT_LIMIT_MS } = {},
) {
  const dir = join(root, "dist", ".build-locks", name);
  mkdirSync(join(root, "dist", ".build-locks"), { recursive: true });
  const started = Date.now();
  let told = false;
  for (;;) {
    try {
      mkdirSync(dir);
      break;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
    if (holderIsGone(dir)) {
      // Renamed before removal so that a process which took the lock meanwhile keeps its own folder.
      try {
        const aside = `${dir}.stale-${process.pid}`;
        renameSync(dir, aside);
        rmSync(aside, { recursive: true, force: true });
      } catch {
        // Another waiter cleared it first.
      }
      continue;
    }
    if (!told) {
      log(`Waiting for another process to finish building ${name}…`);
      told = true;
    }
    if (Date.now() - started > waitLimitMs) {
      throw new Error(
        `Another process has held the ${name} build lock for over ${Math.round(waitLimitMs / 1000)} s. ` +
          `If no build is running, remove ${dir} and try again.`,
      );
    }
    sleep(POLL_MS);
  }
  try {
    writeFileSync(join(dir, "pid"), String(process.pid));
    return fn();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { withBuildLock };

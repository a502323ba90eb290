import * as path from "node:path";

/** The compiled project (`dist/`): the runner lives in `dist/bench`, the API in `dist/app`. */
export const DIST_ROOT = path.resolve(__dirname, "..");
/** The source tree's `bench/results`, where run results and the latest table go. */
export const RESULTS_DIR = path.resolve(__dirname, "..", "..", "bench", "results");
export const REPOSITORY_ROOT = path.resolve(__dirname, "..", "..");

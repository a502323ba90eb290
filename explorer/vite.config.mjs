// Builds the explorer into dist/explorer/, served by the API at /explorer (app/explorer/). Run through
// cli/build-explorer.js (npm start, npm run build, the explorer's browser tests); docs/decisions/0016.
import preact from "@preact/preset-vite";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  base: "/explorer/",
  plugins: [preact()],
  logLevel: "warn",
  build: {
    outDir: fileURLToPath(new URL("../dist/explorer", import.meta.url)),
    emptyOutDir: true,
    target: ["chrome109", "edge109", "firefox115", "safari16"],
    assetsDir: "assets",
    manifest: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
});

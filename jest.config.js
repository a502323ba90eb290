const { availableParallelism } = require("node:os");

/** @type {import('jest').Config} */
// Tests are transpiled file by file (isolatedModules), not type-checked again: `npm run check` type-checks
// everything, tests included, with the same settings, before Jest starts. It halves Jest's compile time.
const tsJest = { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.jest.json" }] };
// jose ships ES modules only; Node 20 loads them with require(), Jest's module loader does not, so Jest
// compiles them to CommonJS (docs/decisions/0004).
const esmOnly = ["jose"];
// CommonJS that loads node:http with import(), which Jest's module loader refuses without
// --experimental-vm-modules: compiled the same way (OpenTelemetry's OTLP exporter, docs/decisions/0012).
const dynamicImports = ["@opentelemetry/otlp-exporter-base"];
const compiled = [...esmOnly, ...dynamicImports];
const esmTransform = {
  [`/node_modules/(${compiled.join("|")})/.+\\.js$`]: [
    "ts-jest",
    { tsconfig: { allowJs: true, module: "commonjs", target: "ES2022" }, isolatedModules: true },
  ],
};
const transform = { ...tsJest, ...esmTransform };
const transformIgnorePatterns = [`/node_modules/(?!(${compiled.join("|")})/)`];

module.exports = {
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      transform,
      transformIgnorePatterns,
      testMatch: ["<rootDir>/test/unit/**/*.test.ts"],
    },
    {
      displayName: "integration",
      testEnvironment: "node",
      transform,
      transformIgnorePatterns,
      testMatch: ["<rootDir>/test/integration/**/*.test.ts", "<rootDir>/test/e2e/**/*.test.ts"],
      globalSetup: "<rootDir>/test/setup/global-setup.ts",
      globalTeardown: "<rootDir>/test/setup/global-teardown.ts",
      setupFiles: ["<rootDir>/test/setup/load-neo4j-env.ts"],
    },
  ],
  testTimeout: 60000,
  // At least two workers, even on 2 cores (Jest's default is cores - 1, one worker there): most of an
  // integration file's time is spent waiting on the shared Neo4j, so a second worker overlaps it. The
  // full suite took 632 s on two workers against ~930 s on one (decision 0042). Builds into dist/ from
  // two workers at once are serialised by cli/build-lock.js.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  reporters: ["default", "<rootDir>/test/setup/summary-reporter.js"],
};

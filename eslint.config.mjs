// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import importX from "eslint-plugin-import-x";

/** Layers: requests flow resolvers → loaders/services → graph → driver; domain is pure. */
const layerZones = [
  {
    target: "./domain",
    from: ["./graph", "./resolvers", "./loaders", "./services", "./app", "./cli"],
    message: "domain/ is pure logic: no GraphQL, no Neo4j, no upper layers.",
  },
  {
    target: "./graph",
    from: ["./resolvers", "./loaders", "./services", "./app", "./cli"],
    message: "graph/ is the data layer; it must not import upper layers.",
  },
  {
    target: "./loaders",
    from: ["./resolvers", "./app", "./cli"],
    message: "loaders/ sit below resolvers (they may batch calls to services).",
  },
  {
    target: "./services",
    from: ["./resolvers", "./loaders", "./app", "./cli"],
    message: "services/ sit below resolvers.",
  },
  { target: "./resolvers", from: ["./app", "./cli"], message: "resolvers/ must not import the server." },
  {
    target: "./app/mcp",
    from: ["./graph", "./services", "./loaders", "./resolvers"],
    message: "app/mcp/ is a client of the API over HTTP (decision 0022), never a second way into Neo4j.",
  },
];

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      "coverage/**",
      "schema/generated/**",
      "explorer/src/api/generated/**",
      "bench/results/**",
      "test-results/**",
      "**/*.js",
      "explorer/vite.config.mjs",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    plugins: { "import-x": importX },
    languageOptions: { parserOptions: { projectService: false } },
    settings: { "import-x/resolver": { typescript: true, node: true } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "import-x/no-cycle": ["error", { maxDepth: 10 }],
      "import-x/no-restricted-paths": ["error", { zones: layerZones }],
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "neo4j-driver", message: "Only graph/ talks to Neo4j; go through a repository." }] },
      ],
    },
  },
  {
    files: ["graph/**/*.ts", "test/**/*.ts", "bench/**/*.ts"],
    rules: { "no-restricted-imports": "off" },
  },
);

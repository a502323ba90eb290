import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { createRelataMcpServer } from "../app/mcp/mcp-server";
import { RelataClient, relataClientOptionsFromEnv } from "../app/mcp/relata-client";

/**
 * `npm run mcp`: serves Relata to AI agents over MCP on stdio, as a client of the running API (RELATA_URL,
 * RELATA_TOKEN; decision 0022). Stdout carries the protocol; messages go to stderr.
 */
async function main(): Promise<void> {
  let options;
  try {
    options = relataClientOptionsFromEnv(process.env);
  } catch (error) {
    process.stderr.write(`relata mcp: ${(error as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  const server = createRelataMcpServer(new RelataClient(options));
  await server.connect(new StdioServerTransport());
  process.stderr.write(`relata mcp: serving ${options.url} on stdio\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`relata mcp: ${(error as Error).message}\n`);
  process.exitCode = 1;
});

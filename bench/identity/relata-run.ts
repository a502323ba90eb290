/**
 * One Relata run of the identity benchmark, in its own process so that its peak memory is its own:
 * `node dist/bench/identity/relata-run.js FILE [FILE2]` runs `identity evaluate … --truth febrl --json`
 * and prints its JSON with the process's peak resident memory added (MB).
 */
import { evaluateCommand } from "../../cli/identity";

if (require.main === module) {
  const result = evaluateCommand([...process.argv.slice(2), "--truth", "febrl", "--json"], (message) =>
    process.stderr.write(`  relata: ${message}\n`),
  );
  if (result.code !== 0) {
    process.stderr.write(result.stderr);
    process.exitCode = result.code;
  } else {
    const summary = JSON.parse(result.stdout.trim().split("\n").pop()!) as Record<string, number>;
    const peakMemoryMB = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(`${JSON.stringify({ ...summary, peakMemoryMB })}\n`);
  }
}

// Prints one plain closing line ("Tests: N passed, N failed") that CI tools read, after Jest's own summary,
// preceded by the time each family of test files took against its budget (test/setup/test-budgets.js).
const path = require("node:path");
const budgets = require("./test-budgets");

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const spent = new Map(budgets.families.map((family) => [family.name, { family, seconds: 0, files: 0 }]));
    for (const file of results.testResults) {
      const relative = path.relative(this.rootDir, file.testFilePath).split(path.sep).join("/");
      const family = budgets.families.find((f) => new RegExp(f.pattern).test(relative));
      if (!family || !file.perfStats) continue;
      const entry = spent.get(family.name);
      entry.seconds += (file.perfStats.end - file.perfStats.start) / 1000;
      entry.files += 1;
    }
    const lines = ["Test time by family (summed over files, against budget):"];
    for (const { family, seconds, files } of spent.values()) {
      if (files === 0) continue;
      const over = seconds > family.seconds ? "  OVER BUDGET" : "";
      lines.push(
        `  ${family.name.padEnd(28)} ${seconds.toFixed(0).padStart(4)} s of ${family.seconds} s, ${files} files${over}`,
      );
    }
    const wall = (Date.now() - results.startTime) / 1000;
    lines.push(`  ${"whole run (wall)".padEnd(28)} ${wall.toFixed(0).padStart(4)} s of ${budgets.wallSeconds} s`);
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(
      `${lines.join("\n")}\nTests: ${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ""}\n`,
    );
  }
}
module.exports = SummaryReporter;

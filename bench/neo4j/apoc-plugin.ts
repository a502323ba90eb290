import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/** APOC core for Neo4j 5.26: the newest 5.26 patch Maven Central serves, resolved by a version range. */
const APOC_VERSION_RANGE = "[5.26.0,5.27)";

/** The APOC jars in a plugins folder. */
export interface ApocPlugin {
  readonly version: string;
  readonly jars: readonly string[];
}

/**
 * Fetches APOC core (`org.neo4j.procedure:apoc-core` plus `apoc-common`, which holds its shared classes,
 * and their runtime dependencies) with Maven into `pluginsDir`. Jars of libraries Neo4j already ships
 * (`commons-lang3`, `commons-text`) are left out so that only Neo4j's versions are on the classpath.
 *
 * Maven Central publishes no self-contained `core` jar for 5.26 (that one is on GitHub releases only),
 * hence the two artifacts.
 */
export async function installApoc(
  pluginsDir: string,
  neo4jLibDir: string,
  workDir: string,
  log: (message: string) => void,
): Promise<ApocPlugin> {
  fs.mkdirSync(pluginsDir, { recursive: true });
  fs.mkdirSync(workDir, { recursive: true });
  const pom = path.join(workDir, "pom.xml");
  fs.writeFileSync(pom, renderPom());
  const fetched = path.join(workDir, "jars");
  log(`Fetching APOC core ${APOC_VERSION_RANGE} from Maven Central with mvn.`);
  await runMaven([
    "-B",
    "-q",
    "-f",
    pom,
    "dependency:copy-dependencies",
    `-DoutputDirectory=${fetched}`,
    "-DincludeScope=runtime",
  ]);
  const shipped = new Set(fs.readdirSync(neo4jLibDir).map(artifactName));
  const jars: string[] = [];
  for (const jar of fs.readdirSync(fetched).sort()) {
    if (!jar.endsWith(".jar") || shipped.has(artifactName(jar))) continue;
    fs.copyFileSync(path.join(fetched, jar), path.join(pluginsDir, jar));
    jars.push(jar);
  }
  const core = jars.find((jar) => /^apoc-core-\d/.test(jar));
  if (core === undefined) {
    throw new Error(`Maven resolved no apoc-core jar into ${fetched}; check ~/.m2 and the network, then rerun.`);
  }
  const version = core.replace(/^apoc-core-/, "").replace(/\.jar$/, "");
  log(`APOC ${version} installed into ${pluginsDir} (${jars.join(", ")}).`);
  return { version, jars };
}

/** `commons-text-1.12.0.jar` → `commons-text`. */
function artifactName(jar: string): string {
  return jar.replace(/-\d[^-]*(-[a-z]+)?\.jar$/, "");
}

function renderPom(): string {
  const dependency = (artifact: string) =>
    `<dependency><groupId>org.neo4j.procedure</groupId><artifactId>${artifact}</artifactId>` +
    `<version>${APOC_VERSION_RANGE}</version></dependency>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.relata.bench</groupId>
  <artifactId>apoc-plugin</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    ${dependency("apoc-core")}
    ${dependency("apoc-common")}
  </dependencies>
</project>
`;
}

function runMaven(args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("mvn", [...args], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", (error) =>
      reject(new Error(`Could not run mvn (${error.message}); install Maven (apt-get install maven).`)),
    );
    child.on("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`mvn ${args.join(" ")} exited with ${code}:\n${output.trim().slice(-2000)}`)),
    );
  });
}

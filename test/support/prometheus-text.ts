/** One sample of Prometheus' text exposition format: `name{label="value",…} 12.5`. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** A parsed scrape: its samples and the `# TYPE` of each metric family. */
export interface Scrape {
  samples: Sample[];
  types: Map<string, string>;
  /** The sum of every sample of `name` whose labels include `labels` (0 when there is none). */
  sum(name: string, labels?: Record<string, string>): number;
  /** The samples of `name` whose labels include `labels`. */
  find(name: string, labels?: Record<string, string>): Sample[];
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+\d+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*,?/y;

function parseLabels(text: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < text.length) {
    const match = LABEL.exec(text);
    if (match === null) throw new Error(`Bad labels in exposition line: ${line}`);
    labels[match[1] as string] = (match[2] as string).replace(/\\n/g, "\n").replace(/\\(["\\])/g, "$1");
  }
  return labels;
}

/** A sample's value as Prometheus reads it (Go's ParseFloat: NaN and Inf in any case, e.g. prom-client's "Nan"). */
function parseValue(text: string, line: string): number {
  if (/^nan$/i.test(text)) return NaN;
  if (/^\+?inf$/i.test(text)) return Infinity;
  if (/^-inf$/i.test(text)) return -Infinity;
  const value = Number(text);
  if (Number.isNaN(value)) throw new Error(`Bad value in exposition line: ${line}`);
  return value;
}

/**
 * Parses Prometheus' text exposition format (version 0.0.4) strictly: a line that is neither a comment
 * nor a well-formed sample fails the parse, so a malformed scrape fails the test that reads it.
 */
export function parseExposition(text: string): Scrape {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    if (line.startsWith("#")) {
      const type = /^# TYPE (\S+) (counter|gauge|histogram|summary|untyped)$/.exec(line);
      if (type) types.set(type[1] as string, type[2] as string);
      else if (!/^# HELP \S+ /.test(line)) throw new Error(`Unexpected comment in exposition: ${line}`);
      continue;
    }
    const match = SAMPLE.exec(line);
    if (match === null) throw new Error(`Not a sample line: ${line}`);
    samples.push({
      name: match[1] as string,
      labels: match[2] ? parseLabels(match[2], line) : {},
      value: parseValue(match[3] as string, line),
    });
  }
  const find = (name: string, labels: Record<string, string> = {}) =>
    samples.filter(
      (sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
    );
  return { samples, types, find, sum: (name, labels) => find(name, labels).reduce((n, s) => n + s.value, 0) };
}

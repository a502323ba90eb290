/**
 * A seeded generator of person records with Febrl-style corruption (issue 14's benchmark): originals with
 * names, address, postcode, state, date of birth and a 7-digit id, and duplicates that carry typos
 * (insert, delete, substitute, transpose), phonetic and keyboard slips, missing values, given and family
 * name swapped, day and month swapped, abbreviated street types and values run together. The same
 * columns as the Febrl files (`rec_id, given_name, surname, …`), so that Relata and Splink read them
 * alike; `rec-N-org` / `rec-N-dup-K` ids carry the truth. Deterministic for a seed. Names and places are
 * made from syllables with a Zipf-like frequency, so that common names collide as they do in real data.
 */
import { seededRandom } from "../../domain/identity/compare-identities";

export const PEOPLE_COLUMNS = [
  "rec_id",
  "given_name",
  "surname",
  "street_number",
  "address_1",
  "address_2",
  "suburb",
  "postcode",
  "state",
  "date_of_birth",
  "soc_sec_id",
] as const;

export interface GenerateOptions {
  records: number;
  /** Share of records that are duplicates (default 0.4). */
  duplicateShare?: number;
  /** At most this many duplicates of one original (default 5). */
  maxDuplicates?: number;
  seed?: number;
}

type Row = Record<(typeof PEOPLE_COLUMNS)[number], string>;

const ONSETS = [
  "b",
  "br",
  "c",
  "ch",
  "d",
  "dr",
  "f",
  "g",
  "gr",
  "h",
  "j",
  "k",
  "l",
  "m",
  "n",
  "p",
  "r",
  "s",
  "sh",
  "st",
  "t",
  "th",
  "v",
  "w",
  "z",
];
const VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "ie", "ou", "y"];
const CODAS = ["", "", "n", "r", "l", "s", "th", "nd", "rt", "ck", "m", "x", "ll", "tt"];
const STREET_TYPES = [
  "street",
  "road",
  "avenue",
  "place",
  "crescent",
  "circuit",
  "drive",
  "court",
  "lane",
  "close",
  "parade",
  "terrace",
];
const ABBREVIATIONS: Record<string, string> = {
  street: "st",
  road: "rd",
  avenue: "ave",
  place: "pl",
  crescent: "cres",
  circuit: "cct",
  drive: "dr",
  court: "ct",
  lane: "ln",
  close: "cl",
  parade: "pde",
  terrace: "tce",
};
const STATES = ["nsw", "vic", "qld", "wa", "sa", "tas", "act", "nt"];
const STATE_WEIGHTS = [0.32, 0.26, 0.2, 0.1, 0.07, 0.02, 0.02, 0.01];
const KEYBOARD: Record<string, string> = {
  a: "qwsz",
  b: "vghn",
  c: "xdfv",
  d: "serfcx",
  e: "wsdr",
  f: "drtgvc",
  g: "ftyhbv",
  h: "gyujnb",
  i: "ujko",
  j: "huikmn",
  k: "jiolm",
  l: "kop",
  m: "njk",
  n: "bhjm",
  o: "iklp",
  p: "ol",
  q: "wa",
  r: "edft",
  s: "awedxz",
  t: "rfgy",
  u: "yhji",
  v: "cfgb",
  w: "qase",
  x: "zsdc",
  y: "tghu",
  z: "asx",
  "0": "19",
  "1": "02",
  "2": "13",
  "3": "24",
  "4": "35",
  "5": "46",
  "6": "57",
  "7": "68",
  "8": "79",
  "9": "80",
};
const PHONETIC: [string, string][] = [
  ["ph", "f"],
  ["ck", "k"],
  ["th", "t"],
  ["ie", "y"],
  ["ou", "ow"],
  ["ll", "l"],
  ["tt", "t"],
  ["c", "k"],
  ["z", "s"],
  ["ai", "ay"],
];

class Generator {
  readonly random: () => number;

  constructor(seed: number) {
    this.random = seededRandom(seed);
  }

  int(n: number): number {
    return Math.floor(this.random() * n);
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  pick<T>(values: readonly T[]): T {
    return values[this.int(values.length)];
  }

  /** Zipf-like: index k with probability ∝ 1/(k+1)^s. */
  zipf(cumulative: Float64Array): number {
    const x = this.random() * cumulative[cumulative.length - 1];
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  word(syllables: number): string {
    let w = "";
    for (let s = 0; s < syllables; s++)
      w += this.pick(ONSETS) + this.pick(VOWELS) + (s === syllables - 1 ? this.pick(CODAS) : "");
    return w;
  }

  vocabulary(size: number, minSyllables: number, maxSyllables: number): string[] {
    const seen = new Set<string>();
    while (seen.size < size) seen.add(this.word(minSyllables + this.int(maxSyllables - minSyllables + 1)));
    return [...seen];
  }
}

function zipfCumulative(size: number, exponent: number): Float64Array {
  const c = new Float64Array(size);
  let total = 0;
  for (let k = 0; k < size; k++) {
    total += 1 / Math.pow(k + 1, exponent);
    c[k] = total;
  }
  return c;
}

/** One Febrl-style typo in a value: insert, delete, substitute (keyboard neighbour), transpose, phonetic. */
function typo(g: Generator, value: string): string {
  if (value.length === 0) return value;
  const i = g.int(value.length);
  switch (g.int(5)) {
    case 0:
      return value.slice(0, i) + g.pick([..."abcdefghijklmnopqrstuvwxyz"]) + value.slice(i);
    case 1:
      return value.length > 1 ? value.slice(0, i) + value.slice(i + 1) : value;
    case 2: {
      const near = KEYBOARD[value[i]];
      return near ? value.slice(0, i) + g.pick([...near]) + value.slice(i + 1) : value;
    }
    case 3:
      return i < value.length - 1 ? value.slice(0, i) + value[i + 1] + value[i] + value.slice(i + 2) : value;
    default: {
      const rules = PHONETIC.filter(([from]) => value.includes(from));
      if (rules.length === 0) return value.slice(0, i) + value.slice(i + 1);
      const [from, to] = g.pick(rules);
      return value.replace(from, to);
    }
  }
}

function digitTypo(g: Generator, value: string): string {
  if (value.length === 0) return value;
  const i = g.int(value.length);
  if (g.chance(0.5) && i < value.length - 1) return value.slice(0, i) + value[i + 1] + value[i] + value.slice(i + 2);
  const near = KEYBOARD[value[i]] ?? "0";
  return value.slice(0, i) + g.pick([...near]) + value.slice(i + 1);
}

function corrupt(g: Generator, original: Row): Row {
  const row = { ...original };
  const fields: (keyof Row)[] = [
    "given_name",
    "surname",
    "street_number",
    "address_1",
    "address_2",
    "suburb",
    "postcode",
    "state",
    "date_of_birth",
    "soc_sec_id",
  ];
  const modifications = 1 + g.int(4);
  for (let m = 0; m < modifications; m++) {
    const field = g.pick(fields);
    const roll = g.random();
    if (roll < 0.12) {
      row[field] = "";
      continue;
    }
    switch (field) {
      case "given_name":
      case "surname":
        if (roll < 0.2) [row.given_name, row.surname] = [row.surname, row.given_name];
        else row[field] = typo(g, row[field]);
        break;
      case "address_1": {
        const words = row.address_1.split(" ");
        const type = words[words.length - 1];
        if (roll < 0.35 && ABBREVIATIONS[type]) row.address_1 = [...words.slice(0, -1), ABBREVIATIONS[type]].join(" ");
        else if (roll < 0.45) row.address_1 = words.join("");
        else row.address_1 = typo(g, row.address_1);
        break;
      }
      case "date_of_birth":
        if (roll < 0.3 && row.date_of_birth.length === 8) {
          const [y, mo, d] = [
            row.date_of_birth.slice(0, 4),
            row.date_of_birth.slice(4, 6),
            row.date_of_birth.slice(6, 8),
          ];
          row.date_of_birth = Number(d) <= 12 ? y + d + mo : digitTypo(g, row.date_of_birth);
        } else row.date_of_birth = digitTypo(g, row.date_of_birth);
        break;
      case "street_number":
      case "postcode":
      case "soc_sec_id":
        row[field] = digitTypo(g, row[field]);
        break;
      case "state":
        row.state = g.pick(STATES);
        break;
      default:
        row[field] = typo(g, row[field]);
    }
  }
  return row;
}

/** Rows of a generated set, originals and duplicates shuffled together. */
export function generatePeople(options: GenerateOptions): Row[] {
  const g = new Generator(options.seed ?? 20_261_202);
  const total = options.records;
  const duplicates = Math.round(total * (options.duplicateShare ?? 0.4));
  const originals = total - duplicates;
  const maxDuplicates = options.maxDuplicates ?? 5;
  const givenNames = g.vocabulary(Math.max(200, Math.round(total / 60)), 1, 3);
  const surnames = g.vocabulary(Math.max(500, Math.round(total / 8)), 1, 3);
  const streets = g.vocabulary(Math.max(300, Math.round(total / 20)), 1, 3);
  const properties = g.vocabulary(Math.max(200, Math.round(total / 30)), 2, 3);
  const suburbs = g.vocabulary(Math.max(200, Math.round(total / 40)), 2, 3);
  const postcodeOf = suburbs.map(() => String(1000 + g.int(8000)));
  const stateCumulative = Float64Array.from(STATE_WEIGHTS, (_, k) =>
    STATE_WEIGHTS.slice(0, k + 1).reduce((s, x) => s + x, 0),
  );
  const givenZipf = zipfCumulative(givenNames.length, 0.9);
  const surnameZipf = zipfCumulative(surnames.length, 0.8);
  const streetZipf = zipfCumulative(streets.length, 0.6);
  const suburbZipf = zipfCumulative(suburbs.length, 0.7);
  const rows: Row[] = [];
  const base: Row[] = [];
  for (let k = 0; k < originals; k++) {
    const suburb = g.zipf(suburbZipf);
    const year = 1920 + g.int(86);
    const dob = new Date(Date.UTC(year, 0, 1) + g.int(365) * 86_400_000);
    const row: Row = {
      rec_id: `rec-${k}-org`,
      given_name: g.chance(0.02) ? "" : givenNames[g.zipf(givenZipf)],
      surname: g.chance(0.01) ? "" : surnames[g.zipf(surnameZipf)],
      street_number: g.chance(0.05) ? "" : String(1 + Math.floor(Math.pow(g.random(), 2) * 300)),
      address_1: `${streets[g.zipf(streetZipf)]} ${g.pick(STREET_TYPES)}`,
      address_2: g.chance(0.5) ? "" : properties[g.int(properties.length)],
      suburb: suburbs[suburb],
      postcode: postcodeOf[suburb],
      state: STATES[g.zipf(stateCumulative)],
      date_of_birth: g.chance(0.03) ? "" : dob.toISOString().slice(0, 10).replace(/-/g, ""),
      soc_sec_id: String(1_000_000 + g.int(9_000_000)),
    };
    base.push(row);
    rows.push(row);
  }
  let made = 0;
  const dupCumulative = zipfCumulative(maxDuplicates, 1.5);
  const perOriginal = new Uint8Array(originals);
  while (made < duplicates) {
    const k = g.int(originals);
    const count = Math.min(1 + g.zipf(dupCumulative), duplicates - made, maxDuplicates - perOriginal[k]);
    for (let d = 0; d < count; d++) {
      rows.push({ ...corrupt(g, base[k]), rec_id: `rec-${k}-dup-${perOriginal[k]}` });
      perOriginal[k]++;
      made++;
    }
  }
  for (let i = rows.length - 1; i > 0; i--) {
    const j = g.int(i + 1);
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return rows;
}

/** The rows as Febrl-style CSV (", " separated, as in the Febrl files). */
export function peopleCsv(rows: readonly Row[]): string {
  const escape = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [PEOPLE_COLUMNS.join(", ")];
  for (const row of rows) lines.push(PEOPLE_COLUMNS.map((c) => escape(row[c])).join(", "));
  return `${lines.join("\n")}\n`;
}

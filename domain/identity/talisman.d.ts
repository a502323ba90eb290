// Talisman (a well-kept string-metric library) ships no type declarations: the few functions we use.
declare module "talisman/metrics/jaro-winkler" {
  /** Jaro–Winkler similarity in [0, 1] (prefix scale 0.1, up to 4 characters). */
  const jaroWinkler: (a: string, b: string) => number;
  export = jaroWinkler;
}

declare module "talisman/metrics/damerau-levenshtein" {
  interface DamerauLevenshtein {
    /** Optimal-string-alignment distance (adjacent transpositions count 1). */
    (a: string, b: string): number;
    /** The same, stopping early: `Infinity` once the distance exceeds `max`. */
    limited(max: number, a: string, b: string): number;
  }
  const damerauLevenshtein: DamerauLevenshtein;
  export = damerauLevenshtein;
}

declare module "talisman/phonetics/soundex" {
  /** The American Soundex code of a word ("robert" → "R163"). */
  const soundex: (word: string) => string;
  export = soundex;
}

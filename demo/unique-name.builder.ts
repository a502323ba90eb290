/**
 * Names that are unique per index by construction, not by rejection sampling (which would need to
 * remember every name already handed out and would make account 512's name depend on accounts 0..511).
 */
import type { DemoRegion } from "./demo-data.constants";
import { REGION_CITIES } from "./demo-words.constants";
import { deriveSeed, SeededRandom } from "./seeded-random";

/** The unique part of a generated name; industry words and legal forms are added around it. */
export interface UniqueNameParts {
  /** Two words, e.g. "Silver Lake". */
  brand: string;
  /** A city that tells apart same-brand companies, e.g. "Shenzhen" or "Shenzhen 2"; null for the first. */
  qualifier: string | null;
  /** Lower-case, hyphenated, ASCII: "silver-lake-shenzhen"; usable as an e-mail domain label. */
  slug: string;
}

function greatestCommonDivisor(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) {
    [x, y] = [y, x % y];
  }
  return x;
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * Maps an index to a unique (brand, qualifier) pair.
 *
 * Index `i` is split into a position `k = i mod N` in the N = |first| × |second| brand space and a round
 * `r = floor(i / N)`. An affine permutation `(a·k + b) mod N`, with `a` coprime to N, scatters
 * neighbouring indices over the brand space so consecutive accounts do not share a first word. Round 0
 * has no qualifier; later rounds add a city of the region (cycling with a number once the cities run
 * out). Region city lists are disjoint, so (brand, qualifier) is unique for every index.
 */
export class UniqueNameBuilder {
  private readonly size: number;
  private readonly multiplier: number;
  private readonly offset: number;

  constructor(
    private readonly firstWords: readonly string[],
    private readonly secondWords: readonly string[],
    seed: number,
    stream: number,
  ) {
    this.size = firstWords.length * secondWords.length;
    const rng = new SeededRandom(deriveSeed(seed, stream));
    let multiplier = rng.int(1, Math.max(1, this.size - 1));
    while (greatestCommonDivisor(multiplier, this.size) !== 1) {
      multiplier += 1;
    }
    this.multiplier = multiplier;
    this.offset = rng.int(0, this.size - 1);
  }

  build(index: number, region: DemoRegion): UniqueNameParts {
    const position = index % this.size;
    const round = Math.floor(index / this.size);
    // Both factors are below the brand-space size (a few thousand), so the product is exact.
    const permuted = (this.multiplier * position + this.offset) % this.size;
    const first = this.firstWords[Math.floor(permuted / this.secondWords.length)] as string;
    const second = this.secondWords[permuted % this.secondWords.length] as string;
    const brand = `${first} ${second}`;
    const qualifier = round === 0 ? null : cityQualifier(region, round - 1);
    const slug = slugify(qualifier === null ? brand : `${brand} ${qualifier}`);
    return { brand, qualifier, slug };
  }
}

function cityQualifier(region: DemoRegion, ordinal: number): string {
  const cities = REGION_CITIES[region];
  const city = cities[ordinal % cities.length] as string;
  const cycle = Math.floor(ordinal / cities.length);
  return cycle === 0 ? city : `${city} ${cycle + 1}`;
}

/**
 * An account's installed products (machines, medical devices, vehicles, chargers), registered in the IoT
 * platform, plus the hidden usage the signal builder needs to make their telemetry consistent.
 */
import type { AssetRecord } from "../domain/records";
import type { AccountProfile } from "./account-profile.builder";
import { DAY_MS, DEMO_SOURCE_KEYS, STREAM } from "./demo-data.constants";
import { accountExternalId, assetExternalId } from "./demo-ids.helper";
import {
  INDUSTRY_ASSET_KINDS,
  VIN_ALPHABET,
  VIN_MANUFACTURER_CODES,
  type AssetCategory,
  type AssetKind,
} from "./demo-words.constants";
import { deriveSeed, SeededRandom } from "./seeded-random";

/** An asset record with the facts its telemetry is derived from. */
export interface DemoAsset {
  record: AssetRecord;
  category: AssetCategory;
  installedAtMs: number;
  /** Relative utilisation (1 is typical); drives mileage and battery wear. */
  usage: number;
}

const YEAR_MS = 365.25 * DAY_MS;
/** VIN model-year codes from 2015 on (the VIN standard skips I, O, Q, U, Z and 0). */
const VIN_YEAR_CODES = "FGHJKLMNPRSTVWXY";
const SERIAL_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

function randomChars(rng: SeededRandom, alphabet: string, length: number): string {
  let text = "";
  for (let position = 0; position < length; position += 1) {
    text += alphabet.charAt(rng.int(0, alphabet.length - 1));
  }
  return text;
}

function randomDigits(rng: SeededRandom, length: number): string {
  return randomChars(rng, "0123456789", length);
}

function serialNumber(rng: SeededRandom, kind: AssetKind, installedAtMs: number): string {
  const year = new Date(installedAtMs).getUTCFullYear();
  if (kind.category === "VEHICLE") {
    // World manufacturer id, vehicle descriptor, check character, model year, plant, sequence.
    const yearCode = VIN_YEAR_CODES.charAt(Math.min(VIN_YEAR_CODES.length - 1, Math.max(0, year - 2015)));
    return (
      rng.pick(VIN_MANUFACTURER_CODES) +
      randomChars(rng, VIN_ALPHABET, 6) +
      yearCode +
      randomChars(rng, VIN_ALPHABET, 1) +
      randomDigits(rng, 6)
    );
  }
  return `${kind.serialPrefix}-${String(year % 100).padStart(2, "0")}${randomChars(rng, SERIAL_LETTERS, 2)}-${randomDigits(rng, 6)}`;
}

export function buildAssets(seed: number, profile: AccountProfile): DemoAsset[] {
  const kinds = INDUSTRY_ASSET_KINDS[profile.industry];
  if (kinds === undefined || profile.assetCount === 0) {
    return [];
  }
  const rng = new SeededRandom(deriveSeed(seed, STREAM.assets, profile.index));
  const assets: DemoAsset[] = [];
  for (let position = 0; position < profile.assetCount; position += 1) {
    const kind = rng.weighted(kinds);
    const model = rng.pick(kind.models);
    const ageYears = rng.between(kind.ageYears[0], kind.ageYears[1]);
    // Whole days, so installedOn and the telemetry's notion of age agree.
    const installedAtMs = profile.referenceMs - Math.round((ageYears * YEAR_MS) / DAY_MS) * DAY_MS;
    const usage = rng.between(0.6, 1.6);
    assets.push({
      record: {
        sourceSystem: DEMO_SOURCE_KEYS.iot,
        externalId: assetExternalId(profile.index, position),
        account: { externalId: accountExternalId(profile.index), sourceSystem: DEMO_SOURCE_KEYS.crm },
        name: `${kind.label} ${position + 1} (${model})`,
        serialNumber: serialNumber(rng, kind, installedAtMs),
        model,
        installedOn: new Date(installedAtMs).toISOString().slice(0, 10),
      },
      category: kind.category,
      installedAtMs,
      usage,
    });
  }
  return assets;
}

/** Age of an asset at an instant, in years. */
export function assetAgeYears(asset: DemoAsset, atMs: number): number {
  return Math.max(0, (atMs - asset.installedAtMs) / YEAR_MS);
}

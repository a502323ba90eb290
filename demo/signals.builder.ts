/**
 * An account's signals: time-stamped observations from the source systems of its industry, over the
 * 365 days before the reference date, whose values follow the account's latent health.
 */
import type { SignalRecord, SignalSubjectRef } from "../domain/records";
import { buildAssets, type DemoAsset } from "./assets.builder";
import { healthAt, windowFraction, type AccountProfile } from "./account-profile.builder";
import {
  DEMO_INDUSTRIES,
  DEMO_SIGNAL_WINDOW_DAYS,
  DEMO_SOURCE_KEYS,
  STREAM,
  type DemoIndustry,
} from "./demo-data.constants";
import { accountExternalId, contactExternalId, signalRecordId } from "./demo-ids.helper";
import { DEMO_SIGNAL_FIELDS, type SignalFieldSpec, type SignalValueContext } from "./signal-fields.catalogue";
import { deriveSeed, SeededRandom, type Weighted } from "./seeded-random";

const WINDOW_SECONDS = DEMO_SIGNAL_WINDOW_DAYS * 86_400;

/** Day-to-day noise around the latent health trend, so single observations disagree a little. */
const OBSERVATION_NOISE = 0.05;

const FIELDS_BY_INDUSTRY: ReadonlyMap<DemoIndustry, readonly SignalFieldSpec[]> = new Map(
  DEMO_INDUSTRIES.map((industry) => [
    industry,
    DEMO_SIGNAL_FIELDS.filter((spec) => spec.industries === "ALL" || spec.industries.includes(industry)),
  ]),
);

function assetPool(spec: SignalFieldSpec, assets: readonly DemoAsset[]): DemoAsset[] {
  const categories = spec.assetCategories ?? [];
  return assets.filter((asset) => categories.includes(asset.category));
}

function toSignal(
  spec: SignalFieldSpec,
  context: SignalValueContext,
  recordId: string,
  subject: SignalSubjectRef,
): SignalRecord {
  // Object literals with a fixed key order (no spreads): the hot path of a 2M-signal benchmark, and
  // the key order is part of the byte-identical output.
  const observedAt = new Date(context.observedAtMs).toISOString();
  const { sourceSystem, field, unit } = spec;
  switch (spec.valueType) {
    case "number":
      return unit === null
        ? { sourceSystem, recordId, field, numberValue: spec.value(context), observedAt, subject }
        : { sourceSystem, recordId, field, numberValue: spec.value(context), unit, observedAt, subject };
    case "string":
      return unit === null
        ? { sourceSystem, recordId, field, stringValue: spec.value(context), observedAt, subject }
        : { sourceSystem, recordId, field, stringValue: spec.value(context), unit, observedAt, subject };
    case "boolean":
      return unit === null
        ? { sourceSystem, recordId, field, booleanValue: spec.value(context), observedAt, subject }
        : { sourceSystem, recordId, field, booleanValue: spec.value(context), unit, observedAt, subject };
    default: {
      const unexpected: never = spec;
      throw new Error(`Unknown signal value type in ${JSON.stringify(unexpected)}`);
    }
  }
}

/**
 * Builds all signals of one account, oldest first. An account holds at most a few hundred signals, so
 * building them as an array is cheap; callers stream accounts one at a time.
 */
export function buildSignals(seed: number, profile: AccountProfile): SignalRecord[] {
  if (profile.signalCount === 0) {
    return [];
  }
  const rng = new SeededRandom(deriveSeed(seed, STREAM.signals, profile.index));
  // Assets come from their own stream, so rebuilding them here yields exactly the asset records.
  const assets = buildAssets(seed, profile);
  const pools = new Map<SignalFieldSpec, DemoAsset[]>();
  const candidates: Weighted<SignalFieldSpec>[] = [];
  for (const spec of FIELDS_BY_INDUSTRY.get(profile.industry) ?? []) {
    if (spec.subject === "ASSET") {
      const pool = assetPool(spec, assets);
      if (pool.length === 0) {
        continue;
      }
      pools.set(spec, pool);
    }
    if (spec.subject === "CONTACT" && profile.contactCount === 0) {
      continue;
    }
    candidates.push([spec, spec.weight]);
  }

  const times: number[] = [];
  for (let position = 0; position < profile.signalCount; position += 1) {
    // Whole seconds strictly before the reference date.
    times.push(profile.referenceMs - (Math.floor(rng.next() * WINDOW_SECONDS) + 1) * 1000);
  }
  times.sort((a, b) => a - b);

  const accountId = accountExternalId(profile.index);
  const signals: SignalRecord[] = [];
  for (let position = 0; position < times.length; position += 1) {
    const observedAtMs = times[position] as number;
    const spec = rng.weighted(candidates);
    const trend = healthAt(profile, windowFraction(observedAtMs, profile.referenceMs));
    const health = Math.min(1, Math.max(0, trend + rng.normal(0, OBSERVATION_NOISE)));
    let subject: SignalSubjectRef;
    let asset: DemoAsset | null = null;
    switch (spec.subject) {
      case "ACCOUNT":
        subject = { kind: "ACCOUNT", externalId: accountId, sourceSystem: DEMO_SOURCE_KEYS.crm };
        break;
      case "CONTACT":
        subject = {
          kind: "CONTACT",
          externalId: contactExternalId(profile.index, rng.int(0, profile.contactCount - 1)),
          sourceSystem: DEMO_SOURCE_KEYS.crm,
        };
        break;
      case "ASSET":
        asset = rng.pick(pools.get(spec) ?? []);
        subject = { kind: "ASSET", externalId: asset.record.externalId, sourceSystem: asset.record.sourceSystem };
        break;
      default: {
        const unexpected: never = spec.subject;
        throw new Error(`Unknown signal subject kind ${String(unexpected)}`);
      }
    }
    const context: SignalValueContext = { rng, health, profile, asset, observedAtMs };
    signals.push(toSignal(spec, context, signalRecordId(spec.recordPrefix, profile.index, position), subject));
  }
  return signals;
}

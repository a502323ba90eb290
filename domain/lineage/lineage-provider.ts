import { LineageError } from "./lineage.errors";
import { LineageGraph } from "./lineage-graph";
import { LineageTarget } from "./lineage-target";

/**
 * One kind of computed value whose sources lineage can show: health scores, concept values, golden-record
 * fields today; anchor points (value anchors) and MPU figures plug in the same way, registered where the
 * context is built (app/context-factory.ts), without changing the registry or the other providers.
 */
export interface LineageProvider {
  /** The kind of value, e.g. "HEALTH_SCORE"; the answer's `kind`. */
  readonly kind: string;
  /**
   * Whether this provider answers the target, judged from its shape only (the id's prefix, the field's
   * form), without reading the graph. Providers are asked in registration order; the first that claims wins.
   */
  claims(target: LineageTarget): boolean;
  /** What the value came from; null when the tenant has no such value (reported as not found). */
  lineage(target: LineageTarget): Promise<LineageGraph | null>;
  /** One line for the error that lists what lineage understands, e.g. 'an account id with field "health"'. */
  readonly describes: string;
}

/** The providers of one request, in the order they are asked. */
export class LineageRegistry {
  constructor(private readonly providers: readonly LineageProvider[]) {}

  /** The kinds registered, in order (for docs and errors). */
  kinds(): string[] {
    return this.providers.map((p) => p.kind);
  }

  /** The provider for a target; throws INVALID_LINEAGE_TARGET listing what is understood when none claims it. */
  providerFor(target: LineageTarget): LineageProvider {
    const provider = this.providers.find((p) => p.claims(target));
    if (provider !== undefined) return provider;
    const shown = target.id.length > 40 ? `${target.id.slice(0, 40)}…` : target.id;
    throw new LineageError(
      "INVALID_LINEAGE_TARGET",
      `lineage cannot trace id "${shown}"${target.field === null ? "" : ` with field "${target.field.slice(0, 60)}"`}: ` +
        `it understands ${this.providers.map((p) => p.describes).join("; ")}.`,
    );
  }
}

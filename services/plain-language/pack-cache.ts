import { OntologyPack } from "../../ontology/model/ontology.model";

/** The most pack versions kept: the built-in packs and a few of each tenant's own. */
const DEFAULT_ENTRIES = 256;

/**
 * Ontology pack contents by content hash, shared by the requests of one process. A stored pack version's
 * content never changes under its hash, and a request only asks for the hashes its own tenant sees (read in
 * its own scope), so sharing the parsed packs leaks nothing between tenants; it saves parsing the packs on
 * every draft.
 */
export class PackCache {
  private readonly packs = new Map<string, OntologyPack>();

  constructor(private readonly maxEntries: number = DEFAULT_ENTRIES) {}

  get(hash: string): OntologyPack | undefined {
    return this.packs.get(hash);
  }

  set(hash: string, pack: OntologyPack): void {
    this.packs.delete(hash);
    this.packs.set(hash, pack);
    while (this.packs.size > this.maxEntries) {
      const oldest = this.packs.keys().next().value;
      if (oldest === undefined) break;
      this.packs.delete(oldest);
    }
  }
}

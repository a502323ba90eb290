import { ConsentPurpose } from "../../domain/personal-data/consent";
import { FiringPeople } from "../../domain/personal-data/action-purposes";
import { CypherQuery, PlainRow } from "../executor";
import { PEOPLE_OF_RECORDS } from "./consent.queries";

type Run = (query: CypherQuery, params: Record<string, unknown>) => Promise<PlainRow[]>;

/** Inside an automation transaction: the people behind a firing's records and their consents, in one statement. */
export class ConsentReads {
  constructor(
    private readonly run: Run,
    private readonly tenant: string,
  ) {}

  async peopleOf(recordIds: readonly string[]): Promise<FiringPeople> {
    if (recordIds.length === 0) return { personOf: new Map(), consentsOf: new Map(), erased: new Set() };
    const rows = await this.run(PEOPLE_OF_RECORDS, { tenant: this.tenant, recordIds });
    const personOf = new Map<string, string>();
    const consentsOf = new Map<
      string,
      Array<{ purpose: ConsentPurpose; grantedAt: string; withdrawnAt: string | null; expiresAt: string | null }>
    >();
    const erased = new Set<string>();
    for (const row of rows) {
      const personId = String(row.personId);
      personOf.set(String(row.recordId), personId);
      if (row.erased === true) erased.add(personId);
      const consents = (row.consents as Array<Record<string, unknown>>) ?? [];
      consentsOf.set(
        personId,
        consents.map((c) => ({
          purpose: c.purpose as ConsentPurpose,
          grantedAt: String(c.grantedAt),
          withdrawnAt: typeof c.withdrawnAt === "string" ? c.withdrawnAt : null,
          expiresAt: typeof c.expiresAt === "string" ? c.expiresAt : null,
        })),
      );
    }
    return { personOf, consentsOf, erased };
  }
}

import { IdentityAttributes } from "../../../domain/identity/identity";
import { NormalisedIdentity, normaliseIdentity } from "../../../domain/identity/normalise-identity";

/** A normalised person identity for tests (throws if the input is invalid). */
export function person(
  externalId: string,
  attributes: IdentityAttributes,
  channel = "webshop",
  observedAt: string | null = null,
): NormalisedIdentity {
  const result = normaliseIdentity({ entity: "PERSON", channel, externalId, attributes, observedAt });
  if (!result.ok) throw new Error(`invalid test identity ${externalId}: ${JSON.stringify(result.errors)}`);
  return result.identity;
}

const GIVEN = ["anna", "ben", "carla", "david", "emma", "felix", "greta", "hugo", "ida", "jonas", "klara", "lukas"];
const FAMILY = ["schmidt", "meyer", "weber", "wagner", "becker", "hoffmann", "koch", "richter", "klein", "wolf"];
const STREETS = ["linden", "birken", "garten", "schul", "kirch", "berg", "wald", "ring"];

/** A small deterministic population: `people` originals, every third with a slightly misspelt duplicate. */
export function population(people: number): { records: NormalisedIdentity[]; entityOf: Map<string, number> } {
  const records: NormalisedIdentity[] = [];
  const entityOf = new Map<string, number>();
  for (let k = 0; k < people; k++) {
    const given = GIVEN[k % GIVEN.length];
    const family = FAMILY[(k * 7) % FAMILY.length] + (k >= 60 ? String.fromCharCode(97 + (k % 26)) : "");
    const attributes: IdentityAttributes = {
      givenName: given,
      familyName: family,
      dateOfBirth: `19${50 + (k % 45)}-${String(1 + (k % 12)).padStart(2, "0")}-${String(1 + ((k * 5) % 28)).padStart(2, "0")}`,
      address: {
        lines: [`${1 + ((k * 3) % 90)} ${STREETS[k % STREETS.length]}strasse`],
        postcode: String(10000 + k * 37),
        locality: k % 2 === 0 ? "berlin" : "hamburg",
      },
      nationalId: String(7_000_000 + k * 7919),
    };
    const original = person(`p${k}`, attributes);
    records.push(original);
    entityOf.set(original.id, k);
    if (k % 3 === 0) {
      const typo = given.length > 3 ? given.slice(0, 2) + given[3] + given[2] + given.slice(4) : `${given}h`;
      const duplicate = person(`p${k}-dup`, { ...attributes, givenName: typo, nationalId: null }, "call-center");
      records.push(duplicate);
      entityOf.set(duplicate.id, k);
    }
  }
  return { records, entityOf };
}

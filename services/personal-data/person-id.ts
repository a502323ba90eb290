import { PersonalDataError } from "../../domain/personal-data/personal-data.errors";

const PERSON_ID = /^per_[A-Za-z0-9_-]{22}$/;

/** Throws INVALID_PERSONAL_DATA_REQUEST unless `id` has the shape of a person id. */
export function assertPersonId(id: string, argument = "personId"): void {
  if (!PERSON_ID.test(id)) {
    const shown = id.length > 40 ? `${id.slice(0, 40)}…` : id;
    throw new PersonalDataError(
      "INVALID_PERSONAL_DATA_REQUEST",
      `${argument}: "${shown}" is not a person id. Person ids look like "per_" followed by 22 letters, digits, ` +
        `"-" or "_"; take them from identity(id) { resolvedCustomerId }.`,
    );
  }
}

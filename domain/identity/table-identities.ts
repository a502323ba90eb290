import { IdentityAttributes, IdentityEntity, IdentityInput } from "./identity";

/**
 * Reads person or organization identities from a table (a CSV file's rows) by its column names: common
 * spellings of each attribute are recognised ("given_name", "first_name", "fname"…, "dob",
 * "date_of_birth"…); other columns are ignored. Nothing about any particular file is assumed: the id
 * column's value is an opaque external id.
 */
export type ColumnRole =
  | "id"
  | "givenName"
  | "familyName"
  | "fullName"
  | "middleName"
  | "streetNumber"
  | "addressLine"
  | "addressLine2"
  | "locality"
  | "region"
  | "postcode"
  | "country"
  | "dateOfBirth"
  | "birthYear"
  | "birthMonth"
  | "birthDay"
  | "nationalId"
  | "taxId"
  | "email"
  | "phone"
  | "companyName"
  | "domain";

const SYNONYMS: Record<ColumnRole, string[]> = {
  id: ["rec_id", "record_id", "id", "unique_id", "external_id", "recid", "rid"],
  givenName: ["given_name", "first_name", "firstname", "fname", "forename", "givenname", "first"],
  familyName: ["surname", "last_name", "lastname", "lname", "family_name", "familyname", "last"],
  fullName: ["name", "full_name", "fullname"],
  middleName: ["middle_name", "middlename", "mname"],
  streetNumber: ["street_number", "house_number", "housenumber", "street_no", "number"],
  addressLine: ["address_1", "address1", "address", "street", "street_address", "address_line_1", "addr"],
  addressLine2: ["address_2", "address2", "address_line_2"],
  locality: ["suburb", "city", "town", "locality", "place"],
  region: ["state", "region", "province", "county"],
  postcode: ["postcode", "zip", "zipcode", "postal_code", "postalcode", "zip_code"],
  country: ["country", "country_code"],
  dateOfBirth: ["date_of_birth", "dob", "birth_date", "birthdate", "dateofbirth"],
  birthYear: ["birth_year", "year_of_birth", "byear", "yob"],
  birthMonth: ["birth_month", "bmonth"],
  birthDay: ["birth_day", "bday"],
  nationalId: ["soc_sec_id", "ssn", "national_id", "nationalid", "soc_sec_no", "social_security_number", "nin"],
  taxId: ["tax_id", "taxid", "vat", "vat_id"],
  email: ["email", "email_address", "e_mail"],
  phone: ["phone", "phone_number", "telephone", "tel", "mobile", "phone_no"],
  companyName: ["company", "company_name", "organisation", "organization", "org_name"],
  domain: ["domain", "website", "web", "url"],
};

function canonical(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
}

/** Which column holds which attribute (first match per role). */
export function columnRoles(headers: readonly string[]): Partial<Record<ColumnRole, number>> {
  const roles: Partial<Record<ColumnRole, number>> = {};
  const names = headers.map(canonical);
  for (const role of Object.keys(SYNONYMS) as ColumnRole[]) {
    for (const synonym of SYNONYMS[role]) {
      const i = names.indexOf(synonym);
      if (i >= 0) {
        roles[role] = i;
        break;
      }
    }
  }
  return roles;
}

/** Dates as tables hold them: `YYYYMMDD`, `YYYY-MM-DD`, `YYYY/MM/DD`, `DD/MM/YYYY` → `YYYY-MM-DD` (or as is). */
function tableDate(value: string): string {
  const v = value.trim();
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  if (dmy) return `${dmy[3]}-${dmy[2].padStart(2, "0")}-${dmy[1].padStart(2, "0")}`;
  return v.replace(/\//g, "-");
}

/** One row as an identity input of `channel`; the id column (or the row number) is the external id. */
export function rowToIdentity(
  row: readonly string[],
  roles: Partial<Record<ColumnRole, number>>,
  channel: string,
  rowNumber: number,
  entity: IdentityEntity = "PERSON",
): IdentityInput {
  const get = (role: ColumnRole): string | null => {
    const i = roles[role];
    if (i === undefined) return null;
    const v = (row[i] ?? "").trim();
    return v === "" ? null : v;
  };
  let dateOfBirth = get("dateOfBirth");
  if (dateOfBirth === null && get("birthYear")) {
    const year = get("birthYear")!;
    const month = (get("birthMonth") ?? "").padStart(2, "0");
    const day = (get("birthDay") ?? "").padStart(2, "0");
    dateOfBirth = month !== "00" && day !== "00" ? `${year}-${month}-${day}` : null;
  }
  const line1 = [get("streetNumber"), get("addressLine")].filter((x) => x !== null).join(" ");
  const lines = [line1, get("addressLine2") ?? ""].filter((l) => l !== "");
  const givenName = [get("givenName"), get("middleName")].filter((x) => x !== null).join(" ") || null;
  const email = get("email");
  const phone = get("phone");
  const attributes: IdentityAttributes = {
    givenName,
    familyName: get("familyName"),
    fullName: get("fullName"),
    address:
      lines.length > 0 || get("locality") || get("postcode")
        ? {
            lines,
            locality: get("locality"),
            region: get("region"),
            postcode: get("postcode"),
            country: get("country"),
          }
        : null,
    dateOfBirth: dateOfBirth === null ? null : tableDate(dateOfBirth),
    nationalId: get("nationalId"),
    taxId: get("taxId"),
    emails: email ? [email] : [],
    phones: phone ? [phone] : [],
    companyName: get("companyName"),
    domain: get("domain"),
  };
  return { entity, channel, externalId: get("id") ?? String(rowNumber), attributes };
}

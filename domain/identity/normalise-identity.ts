import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import { IDENTITY_ENTITIES, IdentityEntity, IdentityInput } from "./identity";

/**
 * A channel identity after normalisation (issue 14): every text NFKC-folded (full-width forms become ASCII),
 * lower-cased, without accents, punctuation or repeated whitespace; emails lower-cased (Gmail dots and
 * `+tags` dropped); phones in E.164; addresses split into house number, street (abbreviations expanded) and
 * the rest; dates as `YYYY-MM-DD`; ids upper-case alphanumerics. What the matcher compares; `null` or an
 * empty list where the channel sent nothing.
 */
export interface NormalisedIdentity {
  /** The identity's key: `channel:externalId` (opaque to the matcher). */
  id: string;
  entity: IdentityEntity;
  channel: string;
  externalId: string;
  /** ISO timestamp of the channel's observation, for "most recent" survivorship. */
  observedAt: string | null;
  givenName: string | null;
  familyName: string | null;
  /** `fullName` as sent, or given and family name joined. */
  fullName: string | null;
  emails: string[];
  /** Verified emails (normalised); deterministic rules trust only these. */
  verifiedEmails: string[];
  /** E.164, e.g. `+8613812345678`. */
  phones: string[];
  verifiedPhones: string[];
  /** The leading house number of the first address line ("12a"), when there is one. */
  houseNumber: string | null;
  /** The first address line without its house number, abbreviations expanded ("king street"). */
  street: string | null;
  /** The other address lines joined (building, district, care of…). */
  addressExtra: string | null;
  locality: string | null;
  region: string | null;
  /** Upper case without spaces ("SW1A1AA"). */
  postcode: string | null;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string | null;
  /** `YYYY-MM-DD`. */
  dateOfBirth: string | null;
  nationalId: string | null;
  taxId: string | null;
  /** Normalised, legal-form suffixes (ltd, gmbh, inc, 有限公司…) removed. */
  companyName: string | null;
  /** Host name without scheme, `www.` or path. */
  domain: string | null;
  deviceIds: string[];
}

/** A per-field problem: `field` is the input path ("attributes.phones[1]"), `message` says what to do. */
export interface IdentityFieldError {
  field: string;
  message: string;
}

export type NormaliseIdentityResult =
  { ok: true; identity: NormalisedIdentity } | { ok: false; errors: IdentityFieldError[] };

const CHANNEL_PATTERN = /^[^:\s][^:]{0,127}$/;
const MAX_EXTERNAL_ID = 256;
const MAX_TEXT = 1_000;

/** Unicode-folds a free text for comparison: NFKC, lower case, no accents, punctuation as space, one space. */
export function normaliseText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (PLAIN_ASCII.test(value)) {
    // Most values are plain ASCII: no Unicode folding needed, only case, punctuation and spaces.
    const plain = value
      .toLowerCase()
      .replace(/['`]/g, "")
      .replace(/[^a-z0-9]+/g, " ")
      .trim();
    return plain === "" ? null : plain;
  }
  const folded = value
    .normalize("NFKC")
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .normalize("NFC")
    // Letters other than marks that Latin scripts write without a decomposition.
    .replace(/ß/g, "ss")
    .replace(/[æ]/g, "ae")
    .replace(/[ø]/g, "o")
    .replace(/[đ]/g, "d")
    .replace(/[ł]/g, "l")
    .replace(/[œ]/g, "oe")
    .replace(/[’'`´]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  const spaced = joinAroundCjk(folded);
  return spaced === "" ? null : spaced;
}

const PLAIN_ASCII = /^[\x20-\x7e]*$/;

// Chinese and Japanese are written without spaces: "南京西路 1266 号" and "南京西路1266号" are one address.
const CJK = "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}";
const SPACE_BEFORE_CJK = new RegExp(`\\s+(?=[${CJK}])`, "gu");
const SPACE_AFTER_CJK = new RegExp(`(?<=[${CJK}])\\s+`, "gu");

function joinAroundCjk(value: string): string {
  return value.replace(SPACE_BEFORE_CJK, "").replace(SPACE_AFTER_CJK, "").replace(/\s+/g, " ");
}

const GMAIL_DOMAINS = new Set(["gmail.com", "googlemail.com"]);
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Lower-cases and trims an email; for Gmail (which ignores dots and `+tags` in the local part) returns the
 * canonical `local@gmail.com` unless `gmailDots` is false. `null` when it is not an email.
 */
export function normaliseEmail(value: string, options: { gmailDots?: boolean } = {}): string | null {
  const email = value.normalize("NFKC").trim().toLowerCase();
  if (!EMAIL_PATTERN.test(email)) return null;
  const at = email.lastIndexOf("@");
  let local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (GMAIL_DOMAINS.has(domain) && options.gmailDots !== false) {
    local = local.replace(/\+.*$/, "").replace(/\./g, "");
    return `${local}@gmail.com`;
  }
  return `${local}@${domain}`;
}

/** A phone in E.164 (`+441632960961`), read with `defaultCountry` when it has no country code; `null` if invalid. */
export function normalisePhone(value: string, defaultCountry?: string | null): string | null {
  const text = value.normalize("NFKC").trim();
  if (text === "") return null;
  const country = defaultCountry && /^[A-Za-z]{2}$/.test(defaultCountry) ? defaultCountry.toUpperCase() : undefined;
  const parsed = parsePhoneNumberFromString(text, country as CountryCode | undefined);
  if (!parsed || !parsed.isValid()) return null;
  return parsed.number;
}

// Street-type and direction abbreviations, expanded so that "12 King St." and "12 king street" agree.
const ADDRESS_WORDS: Record<string, string> = {
  st: "street",
  str: "street",
  rd: "road",
  ave: "avenue",
  av: "avenue",
  dr: "drive",
  ln: "lane",
  pl: "place",
  ct: "court",
  crt: "court",
  cres: "crescent",
  cr: "crescent",
  cct: "circuit",
  cir: "circle",
  hwy: "highway",
  blvd: "boulevard",
  bvd: "boulevard",
  pde: "parade",
  tce: "terrace",
  ter: "terrace",
  sq: "square",
  pkwy: "parkway",
  cl: "close",
  gr: "grove",
  mt: "mount",
  apt: "apartment",
  ste: "suite",
  fl: "floor",
  bldg: "building",
  n: "north",
  s: "south",
  e: "east",
  w: "west",
  ne: "northeast",
  nw: "northwest",
  se: "southeast",
  sw: "southwest",
  strasse: "strasse",
  "str.": "strasse",
};

/** Normalises one address line: text folding, then each abbreviation expanded ("st" → "street"). */
export function normaliseAddressLine(value: string | null | undefined): string | null {
  const text = normaliseText(value);
  if (text === null) return null;
  return text
    .split(" ")
    .map((word) => ADDRESS_WORDS[word] ?? word)
    .join(" ")
    .replace(/(\p{L})strasse\b/gu, "$1 strasse");
}

const HOUSE_NUMBER = /^(\d+[a-z]?(?:[-/]\d+[a-z]?)?)\s+(.*)$/u;
const HOUSE_NUMBER_SUFFIX = /^(.*\D)\s+(\d+[a-z]?)$/u;

/** Splits "12 king street" (or German "hauptstrasse 12") into house number and street. */
export function splitHouseNumber(line: string | null): { houseNumber: string | null; street: string | null } {
  if (line === null) return { houseNumber: null, street: null };
  const leading = HOUSE_NUMBER.exec(line);
  if (leading) return { houseNumber: leading[1], street: leading[2] || null };
  const trailing = HOUSE_NUMBER_SUFFIX.exec(line);
  if (trailing) return { houseNumber: trailing[2], street: trailing[1] };
  if (/^\d+[a-z]?$/.test(line)) return { houseNumber: line, street: null };
  return { houseNumber: null, street: line };
}

/** `YYYY-MM-DD` from `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYYMMDD` or `DD.MM.YYYY`; `null` if not a calendar date. */
export function normaliseDate(value: string): string | null {
  const text = value.normalize("NFKC").trim();
  let match = /^(\d{4})[-/.]?(\d{2})[-/.]?(\d{2})(?:T.*)?$/.exec(text);
  let year: number, month: number, day: number;
  if (match) {
    [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
    if (!match) return null;
    [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Upper-case alphanumerics of an id ("ab-12 34" → "AB1234"); `null` when nothing is left. */
export function normaliseIdNumber(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const id = value
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
  return id === "" ? null : id;
}

const LEGAL_FORMS = new Set([
  "ltd",
  "limited",
  "llc",
  "inc",
  "incorporated",
  "corp",
  "corporation",
  "co",
  "company",
  "plc",
  "gmbh",
  "ag",
  "kg",
  "sa",
  "sarl",
  "sas",
  "bv",
  "nv",
  "srl",
  "spa",
  "pty",
  "pte",
  "kk",
  "oy",
  "ab",
  "as",
]);
const CJK_LEGAL_FORMS = /(股份有限公司|有限责任公司|有限公司|株式会社|公司)$/u;

/** A company name without its legal form ("ACME GmbH & Co. KG" → "acme"). */
export function normaliseCompanyName(value: string | null | undefined): string | null {
  const text = normaliseText(value);
  if (text === null) return null;
  const words = text.replace(CJK_LEGAL_FORMS, "").split(" ");
  while (words.length > 1 && LEGAL_FORMS.has(words[words.length - 1])) words.pop();
  const core = words.filter((word, i) => i === 0 || word !== "and" || i < words.length - 1).join(" ");
  return core === "" ? text : core;
}

/** The host of a web domain or URL: `https://www.Example.com/x` → `example.com`. */
export function normaliseDomain(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const host = value
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, "")
    .replace(/^[^@/]*@/, "")
    .replace(/[/?#:].*$/, "")
    .replace(/^www\d*\./, "")
    .replace(/\.$/, "");
  return /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u.test(host) ? host : null;
}

function distinct(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

function tooLong(value: string | null | undefined): boolean {
  return typeof value === "string" && value.length > MAX_TEXT;
}

/**
 * Validates and normalises one channel identity. Errors name the input field and say what was wrong:
 * a missing channel or external id, an unknown entity, an invalid phone, email or date, a text too long.
 */
export function normaliseIdentity(input: IdentityInput): NormaliseIdentityResult {
  const errors: IdentityFieldError[] = [];
  const entity = input.entity;
  if (!(IDENTITY_ENTITIES as readonly string[]).includes(entity)) {
    errors.push({
      field: "entity",
      message: `Unknown entity "${String(entity)}"; expected one of ${IDENTITY_ENTITIES.join(", ")}.`,
    });
  }
  const channel = typeof input.channel === "string" ? input.channel.normalize("NFKC").trim() : "";
  if (channel === "") {
    errors.push({ field: "channel", message: 'The channel is missing; send the source system, e.g. "webshop".' });
  } else if (!CHANNEL_PATTERN.test(channel)) {
    errors.push({
      field: "channel",
      message: `The channel "${channel}" must be 1-128 characters without ":"; received ${channel.length} characters.`,
    });
  }
  const externalId = typeof input.externalId === "string" ? input.externalId.normalize("NFKC").trim() : "";
  if (externalId === "") {
    errors.push({
      field: "externalId",
      message: "The external id is missing; send the channel's own id for the record.",
    });
  } else if (externalId.length > MAX_EXTERNAL_ID) {
    errors.push({
      field: "externalId",
      message: `The external id has ${externalId.length} characters; at most ${MAX_EXTERNAL_ID} are accepted.`,
    });
  }
  const a = input.attributes ?? {};
  for (const key of [
    "givenName",
    "familyName",
    "fullName",
    "dateOfBirth",
    "nationalId",
    "taxId",
    "companyName",
    "domain",
  ] as const) {
    if (tooLong(a[key])) {
      errors.push({ field: `attributes.${key}`, message: `At most ${MAX_TEXT} characters are accepted.` });
    }
  }
  const country = a.address?.country ? a.address.country.normalize("NFKC").trim().toUpperCase() : null;
  if (country !== null && !/^[A-Z]{2}$/.test(country)) {
    errors.push({
      field: "attributes.address.country",
      message: `The country "${a.address?.country}" is not an ISO 3166-1 alpha-2 code such as "DE" or "CN".`,
    });
  }

  const emailsOf = (values: readonly string[] | undefined, field: string): string[] => {
    const out: string[] = [];
    (values ?? []).forEach((value, i) => {
      const email = normaliseEmail(String(value));
      if (email === null) {
        errors.push({ field: `attributes.${field}[${i}]`, message: `"${value}" is not an email address.` });
      } else out.push(email);
    });
    return distinct(out);
  };
  const phonesOf = (values: readonly string[] | undefined, field: string): string[] => {
    const out: string[] = [];
    (values ?? []).forEach((value, i) => {
      const phone = normalisePhone(String(value), country);
      if (phone === null) {
        errors.push({
          field: `attributes.${field}[${i}]`,
          message:
            `"${value}" is not a valid phone number${country ? ` for ${country}` : ""}; send it with its ` +
            `country code (e.g. +49 30 901820) or give the address's country.`,
        });
      } else out.push(phone);
    });
    return distinct(out);
  };
  const emails = emailsOf(a.emails, "emails");
  const verifiedEmails = emailsOf(a.verifiedEmails, "verifiedEmails");
  const phones = phonesOf(a.phones, "phones");
  const verifiedPhones = phonesOf(a.verifiedPhones, "verifiedPhones");

  let dateOfBirth: string | null = null;
  if (a.dateOfBirth !== null && a.dateOfBirth !== undefined && a.dateOfBirth.trim() !== "") {
    dateOfBirth = normaliseDate(a.dateOfBirth);
    if (dateOfBirth === null) {
      errors.push({
        field: "attributes.dateOfBirth",
        message: `"${a.dateOfBirth}" is not a calendar date; send YYYY-MM-DD.`,
      });
    }
  }
  const domain = normaliseDomain(a.domain);
  if (a.domain && a.domain.trim() !== "" && domain === null) {
    errors.push({ field: "attributes.domain", message: `"${a.domain}" is not a web domain such as "example.com".` });
  }
  if (errors.length > 0) return { ok: false, errors };

  const givenName = normaliseText(a.givenName);
  const familyName = normaliseText(a.familyName);
  const fullName = normaliseText(a.fullName) ?? ([givenName, familyName].filter((x) => x !== null).join(" ") || null);
  const lines = (a.address?.lines ?? []).map((line) => normaliseAddressLine(line)).filter((l) => l !== null);
  const { houseNumber, street } = splitHouseNumber(lines[0] ?? null);
  const addressExtra = lines.slice(1).join(" ") || null;
  const postcode = a.address?.postcode ? normaliseIdNumber(a.address.postcode) : null;
  const verifiedEmailSet = distinct([...emails, ...verifiedEmails]);
  const verifiedPhoneSet = distinct([...phones, ...verifiedPhones]);
  return {
    ok: true,
    identity: {
      id: `${channel}:${externalId}`,
      entity,
      channel,
      externalId,
      observedAt: input.observedAt ?? null,
      givenName,
      familyName,
      fullName,
      emails: verifiedEmailSet,
      verifiedEmails,
      phones: verifiedPhoneSet,
      verifiedPhones,
      houseNumber,
      street,
      addressExtra,
      locality: normaliseText(a.address?.locality),
      region: normaliseText(a.address?.region),
      postcode,
      country,
      dateOfBirth,
      nationalId: normaliseIdNumber(a.nationalId),
      taxId: normaliseIdNumber(a.taxId),
      companyName: normaliseCompanyName(a.companyName),
      domain,
      deviceIds: distinct((a.deviceIds ?? []).map((d) => d.trim()).filter((d) => d !== "")),
    },
  };
}

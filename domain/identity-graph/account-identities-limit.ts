/** The number of identities `Account.identities` gives per account (the loader's per-account cap). */
export const ACCOUNT_IDENTITIES_LIMIT = 100;

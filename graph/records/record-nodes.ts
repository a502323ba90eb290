import { ACCOUNT_NODE } from "../account/account.repository";
import { ASSET_NODE } from "../asset/asset.repository";
import { NodeProperties } from "../common/node-projection";
import { withAccountLink, withSubjectLink } from "../common/record-links";
import { CONTACT_NODE } from "../contact/contact.repository";
import { OPPORTUNITY_NODE } from "../opportunity/opportunity.repository";
import { ORGANIZATION_NODE } from "../organization/organization.repository";
import { SIGNAL_NODE } from "../signal/signal.repository";

/*
 * What a read of a record on its own (`node(id)`, lookups by external key, the top-level lists) may
 * select, over the variable `n` (decision 0040): the stored properties, plus, for records that belong to
 * an account, the account's id and, for signals, the subject, both read through the record's
 * relationships and only when selected. Typed by name only: the names come from the allow-lists, and
 * `selectedNodeProjection` refuses any other.
 */
export const ACCOUNT_RECORD = ACCOUNT_NODE as NodeProperties<string>;
export const CONTACT_RECORD = withAccountLink(CONTACT_NODE, "WORKS_AT") as NodeProperties<string>;
export const OPPORTUNITY_RECORD = withAccountLink(OPPORTUNITY_NODE, "FOR_ACCOUNT") as NodeProperties<string>;
export const ASSET_RECORD = withAccountLink(ASSET_NODE, "INSTALLED_AT") as NodeProperties<string>;
export const ORGANIZATION_RECORD = ORGANIZATION_NODE as NodeProperties<string>;
export const SIGNAL_RECORD = withSubjectLink(SIGNAL_NODE) as NodeProperties<string>;

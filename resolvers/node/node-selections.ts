import { GraphQLResolveInfo } from "graphql";
import { GlobalIdRef } from "../../domain/ids/global-id";
import { ALL_PROPERTIES, FieldNeeds, PropertySelection } from "../../domain/selection/property-selection";
import { NodeKey } from "../../loaders/node-by-id.loader";
import {
  ACCOUNT_FIELD_NEEDS,
  ASSET_RECORD_NEEDS,
  CONTACT_RECORD_NEEDS,
  OPPORTUNITY_RECORD_NEEDS,
  ORGANIZATION_FIELD_NEEDS,
  selectedProperties,
  SIGNAL_RECORD_NEEDS,
} from "../account/account-selections";
import { FieldSelection } from "../common/field-selection";

/**
 * What each kind read by `node(id)` needs per field (decision 0040); kinds not named here (users, teams,
 * source systems, concepts) are read whole. A kind's GraphQL type has the kind's name.
 */
const NEEDS: Readonly<Partial<Record<GlobalIdRef["kind"], FieldNeeds<string>>>> = {
  Account: ACCOUNT_FIELD_NEEDS,
  Contact: CONTACT_RECORD_NEEDS,
  Opportunity: OPPORTUNITY_RECORD_NEEDS,
  Asset: ASSET_RECORD_NEEDS,
  Organization: ORGANIZATION_FIELD_NEEDS,
  Signal: SIGNAL_RECORD_NEEDS,
};

/**
 * The loader keys of a `node`-like field (`node`, `nodes`, `nodeByExternalId`, `nodesByExternalIds`): each
 * id with the properties the selection asks of its kind, through fragments on the type, `Node` or
 * `SourcedRecord`. Computed once per kind, however many ids of it a list holds.
 */
export function nodeKeys(info: GraphQLResolveInfo): (ref: GlobalIdRef) => NodeKey {
  const selection = FieldSelection.of(info);
  const byKind = new Map<GlobalIdRef["kind"], PropertySelection>();
  return (ref) => {
    let select = byKind.get(ref.kind);
    if (select === undefined) {
      const needs = NEEDS[ref.kind];
      select = needs === undefined ? ALL_PROPERTIES : selectedProperties(selection, ref.kind, needs, "id");
      byKind.set(ref.kind, select);
    }
    return { ref, select };
  };
}

import { ImportType } from "../../domain/import/import-types";
import {
  AccountRecord,
  AssetRecord,
  ContactRecord,
  OpportunityRecord,
  OrganizationRecord,
  SignalRecord,
  SourceSystemRecord,
  TeamRecord,
  UserRecord,
} from "../../domain/records";
import { IngestService } from "../ingest/ingest.service";
import { BatchUpsert } from "./file-import.service";

/**
 * The bulk upsert of a record type, the one its GraphQL mutation calls. The records have passed the
 * input type's coercion; the service's record checks run on them as on a GraphQL call.
 */
export function batchUpsertFor(ingest: IngestService, type: ImportType): BatchUpsert {
  switch (type) {
    case "accounts":
      return (records) => ingest.upsertAccounts(records as unknown as AccountRecord[]);
    case "contacts":
      return (records) => ingest.upsertContacts(records as unknown as ContactRecord[]);
    case "opportunities":
      return (records) => ingest.upsertOpportunities(records as unknown as OpportunityRecord[]);
    case "assets":
      return (records) => ingest.upsertAssets(records as unknown as AssetRecord[]);
    case "organizations":
      return (records) => ingest.upsertOrganizations(records as unknown as OrganizationRecord[]);
    case "signals":
      return (records) => ingest.ingestSignals(records as unknown as SignalRecord[]);
    case "sourceSystems":
      return (records) => ingest.upsertSourceSystems(records as unknown as SourceSystemRecord[]);
    case "teams":
      return (records) => ingest.upsertTeams(records as unknown as TeamRecord[]);
    case "users":
      return (records) => ingest.upsertUsers(records as unknown as UserRecord[]);
  }
}

import { coreGraphMigration } from "./0001-core-graph.migration";
import { Migration } from "./migration";
import { ontologyMigration } from "./0002-ontology.migration";
import { healthMigration } from "./0003-health.migration";
import { tokenRevocationMigration } from "./0004-token-revocation.migration";
import { deletedRecordsMigration } from "./0005-deleted-records.migration";
import { recordListsMigration } from "./0006-record-lists.migration";
import { changeEventsMigration } from "./0007-change-events.migration";
import { webhooksMigration } from "./0008-webhooks.migration";
import { changeSegmentsMigration } from "./0009-change-segments.migration";
import { peopleAndDataMigration } from "./0010-people-and-data.migration";
import { auditTrailMigration } from "./0011-audit-trail.migration";
import { playbooksMigration } from "./0012-playbooks.migration";
import { actionsAndTasksMigration } from "./0013-actions-and-tasks.migration";
import { valueContractsMigration } from "./0015-value-contracts.migration";
import { identityResolutionMigration } from "./0014-identity-resolution.migration";
import { usageCountsMigration } from "./0021-usage-counts.migration";
import { tenantConfigMigration } from "./0024-tenant-config.migration";
import { personalDataRequestsMigration } from "./0016-personal-data-requests.migration";
import { mpuExperimentsMigration } from "./0020-mpu-experiments.migration";
import { mpusMigration } from "./0018-mpus.migration";
import { ticketsAndValueAnchorsMigration } from "./0019-tickets-and-value-anchors.migration";
import { webhookDeliveryRetentionMigration } from "./0025-webhook-delivery-retention.migration";
import { manualMeasureLookupMigration } from "./0026-manual-measure-lookup.migration";

/** Every migration, in version order. Add new ones at the end; never edit an applied one. */
export const MIGRATIONS: readonly Migration[] = [
  coreGraphMigration,
  ontologyMigration,
  healthMigration,
  tokenRevocationMigration,
  deletedRecordsMigration,
  recordListsMigration,
  changeEventsMigration,
  webhooksMigration,
  changeSegmentsMigration,
  peopleAndDataMigration,
  auditTrailMigration,
  playbooksMigration,
  actionsAndTasksMigration,
  identityResolutionMigration,
  valueContractsMigration,
  personalDataRequestsMigration,
  mpusMigration,
  ticketsAndValueAnchorsMigration,
  mpuExperimentsMigration,
  usageCountsMigration,
  tenantConfigMigration,
  webhookDeliveryRetentionMigration,
  manualMeasureLookupMigration,
];

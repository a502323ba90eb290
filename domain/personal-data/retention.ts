/**
 * How long the managed Neo4j keeps transaction log files (`db.tx_log.rotation.retention_policy`): they hold
 * old property values, so an erasure is complete in the logs only once the files from before it are pruned.
 * One day keeps a day of history for recovery and incremental backups; an erasure answer states it.
 */
export const TX_LOG_RETENTION_HOURS = 24;

/** A log file is rotated (and becomes prunable) after this many bytes of writes. */
export const TX_LOG_ROTATION_SIZE = "64M";

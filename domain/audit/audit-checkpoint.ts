import { ChainCheckpoint, verifyCheckpoint } from "./audit-signature";

/** A signed checkpoint as stored (`(:AuditCheckpoint)`), with the public key that signed it. */
export interface StoredAuditCheckpoint {
  tenant: string;
  seq: number;
  /** The hash of record `seq` when it was signed. */
  hash: string;
  /** ISO 8601 with milliseconds, UTC. */
  at: string;
  keyId: string;
  signature: string;
  /** For offline verifiers; trusted only when its key id is one of the published keys. */
  publicKeyPem: string;
}

export function chainCheckpointOf(c: StoredAuditCheckpoint): ChainCheckpoint {
  return { tenant: c.tenant, seq: c.seq, headHash: c.hash, signedAt: c.at, keyId: c.keyId, signature: c.signature };
}

/**
 * Whether a stored checkpoint carries a valid signature by one of `published` (key id to public PEM). The
 * PEM stored on the checkpoint is not trusted: whoever can write to the database could store their own.
 */
export function checkpointSignatureProblem(
  checkpoint: StoredAuditCheckpoint,
  published: ReadonlyMap<string, string>,
): string | null {
  const pem = published.get(checkpoint.keyId);
  if (pem === undefined) {
    return (
      `the checkpoint at record ${checkpoint.seq} is signed with key ${checkpoint.keyId}, which is not one of the ` +
      `published audit keys (${[...published.keys()].join(", ")}): it was not made by this installation`
    );
  }
  if (!verifyCheckpoint(chainCheckpointOf(checkpoint), pem)) {
    return `the checkpoint at record ${checkpoint.seq} has an invalid signature for key ${checkpoint.keyId}: it was altered`;
  }
  return null;
}

import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  KeyObject,
  sign,
  verify,
} from "node:crypto";
import { canonicalJson } from "./canonical-json";

/**
 * A signed statement that a tenant's audit chain had `headHash` at `seq`. The key lives outside Neo4j, so
 * someone who can write to the database can rebuild the chain but cannot sign the rebuilt head.
 */
export interface ChainCheckpoint {
  tenant: string;
  seq: number;
  headHash: string;
  signedAt: string;
  keyId: string;
  /** Ed25519 over the canonical JSON of the other fields, base64. */
  signature: string;
}

export interface AuditSigningKey {
  keyId: string;
  privateKey: KeyObject;
  publicKeyPem: string;
}

/** A new Ed25519 key pair, its private part as PKCS#8 PEM (to keep in a file outside the database). */
export function generateSigningKeyPem(): string {
  const { privateKey } = generateKeyPairSync("ed25519");
  return privateKey.export({ type: "pkcs8", format: "pem" }).toString();
}

export function signingKeyFromPem(pem: string): AuditSigningKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== "ed25519") {
    throw new Error(`the audit signing key must be an Ed25519 key; it is ${privateKey.asymmetricKeyType ?? "unknown"}`);
  }
  const publicKey = createPublicKey(privateKey);
  return {
    keyId: fingerprintOf(publicKey),
    privateKey,
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
}

/** A key's id: its fingerprint, the SHA-256 of its SubjectPublicKeyInfo (DER), base64url, as `ed25519:<43 chars>`. */
function fingerprintOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: "spki", format: "der" });
  return `ed25519:${createHash("sha256").update(der).digest("base64url")}`;
}

/** A published public key (PEM, SPKI) with its id; throws when it is not an Ed25519 public key. */
export function publicKeyFromPem(pem: string): { keyId: string; publicKeyPem: string } {
  const publicKey = createPublicKey(pem);
  if (publicKey.asymmetricKeyType !== "ed25519") {
    throw new Error(`an audit public key must be an Ed25519 key; it is ${publicKey.asymmetricKeyType ?? "unknown"}`);
  }
  return {
    keyId: fingerprintOf(publicKey),
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
}

function signedText(c: Omit<ChainCheckpoint, "signature">): Buffer {
  return Buffer.from(
    canonicalJson({ tenant: c.tenant, seq: c.seq, headHash: c.headHash, signedAt: c.signedAt, keyId: c.keyId }),
  );
}

export function signCheckpoint(
  key: AuditSigningKey,
  head: { tenant: string; seq: number; headHash: string; signedAt: string },
): ChainCheckpoint {
  const unsigned = { ...head, keyId: key.keyId };
  return { ...unsigned, signature: sign(null, signedText(unsigned), key.privateKey).toString("base64") };
}

/** Whether `checkpoint` was signed by the holder of `publicKeyPem` and is unchanged. */
export function verifyCheckpoint(checkpoint: ChainCheckpoint, publicKeyPem: string): boolean {
  try {
    return verify(
      null,
      signedText(checkpoint),
      createPublicKey(publicKeyPem),
      Buffer.from(checkpoint.signature, "base64"),
    );
  } catch {
    return false;
  }
}

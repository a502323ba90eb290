import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  AuditSigningKey,
  generateSigningKeyPem,
  publicKeyFromPem,
  signingKeyFromPem,
} from "../../domain/audit/audit-signature";

/** A public key verifiers trust: the current signing key's, or one that signed before a rotation. */
export interface PublishedAuditKey {
  keyId: string;
  publicKeyPem: string;
  algorithm: "Ed25519";
}

/**
 * The audit trail's keys (docs/audit.md). The private key never goes to Neo4j: someone who can write to
 * the database can rebuild the chain but cannot sign its head.
 */
export interface AuditKeys {
  signingKey: AuditSigningKey;
  /** Where the key came from, for the start-up log: env, a file, or generated into RELATA_HOME. */
  keySource: string;
  /** The keys verification trusts: the signing key's first, then RELATA_AUDIT_PREVIOUS_PUBLIC_KEYS_FILE's. */
  publishedKeys: PublishedAuditKey[];
}

const PEM_BLOCK = /-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g;

function readKeyFile(name: string, file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new Error(`${name}=${file} cannot be read (${(error as Error).message}); fix the path or unset it.`);
  }
}

function parseSigningKey(pem: string, where: string): AuditSigningKey {
  try {
    // Environment variables often carry PEM with literal "\n".
    return signingKeyFromPem(pem.includes("\\n") ? pem.replace(/\\n/g, "\n") : pem);
  } catch (error) {
    throw new Error(
      `${where} is not an Ed25519 private key in PEM (PKCS#8) (${(error as Error).message}); generate one with ` +
        "`openssl genpkey -algorithm ed25519`.",
    );
  }
}

/**
 * The signing key: RELATA_AUDIT_SIGNING_KEY (PEM), else RELATA_AUDIT_SIGNING_KEY_FILE, else a key generated
 * once into `<relataHome>/audit-signing-key.pem` (0600) for local use.
 */
function signingKey(env: NodeJS.ProcessEnv, relataHome: string): { key: AuditSigningKey; source: string } {
  if (env.RELATA_AUDIT_SIGNING_KEY) {
    return {
      key: parseSigningKey(env.RELATA_AUDIT_SIGNING_KEY, "RELATA_AUDIT_SIGNING_KEY"),
      source: "RELATA_AUDIT_SIGNING_KEY",
    };
  }
  const file = env.RELATA_AUDIT_SIGNING_KEY_FILE;
  if (file) {
    return {
      key: parseSigningKey(readKeyFile("RELATA_AUDIT_SIGNING_KEY_FILE", file), `RELATA_AUDIT_SIGNING_KEY_FILE=${file}`),
      source: `file ${file}`,
    };
  }
  const local = join(relataHome, "audit-signing-key.pem");
  let source = `file ${local}`;
  if (!existsSync(local)) {
    mkdirSync(relataHome, { recursive: true, mode: 0o700 });
    chmodSync(relataHome, 0o700);
    try {
      writeFileSync(local, generateSigningKeyPem(), { mode: 0o600, flag: "wx" });
      source = `generated into ${local}`;
    } catch (error) {
      // Another process created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return { key: parseSigningKey(readFileSync(local, "utf8"), local), source };
}

function previousKeys(env: NodeJS.ProcessEnv): PublishedAuditKey[] {
  const file = env.RELATA_AUDIT_PREVIOUS_PUBLIC_KEYS_FILE;
  if (!file) return [];
  const blocks = readKeyFile("RELATA_AUDIT_PREVIOUS_PUBLIC_KEYS_FILE", file).match(PEM_BLOCK) ?? [];
  return blocks.map((pem, i) => {
    try {
      return { ...publicKeyFromPem(pem), algorithm: "Ed25519" as const };
    } catch (error) {
      throw new Error(
        `RELATA_AUDIT_PREVIOUS_PUBLIC_KEYS_FILE=${file}: key ${i + 1} is not an Ed25519 public key ` +
          `(${(error as Error).message}); list the PEM public keys of earlier signing keys.`,
      );
    }
  });
}

/**
 * Loads (or, for local use, creates) the signing key and the published keys. Read at start-up by the
 * server only, so commands that never sign (`npm run token`, imports) create no key.
 */
export function loadAuditKeys(env: NodeJS.ProcessEnv, relataHome: string): AuditKeys {
  const { key, source } = signingKey(env, relataHome);
  const current: PublishedAuditKey = { keyId: key.keyId, publicKeyPem: key.publicKeyPem, algorithm: "Ed25519" };
  const published = [current, ...previousKeys(env).filter((k) => k.keyId !== key.keyId)];
  return { signingKey: key, keySource: source, publishedKeys: published };
}

import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadAuditKeys } from "../../../app/audit/audit-keys";
import { generateSigningKeyPem, signCheckpoint, signingKeyFromPem } from "../../../domain/audit/audit-signature";
import { checkpointSignatureProblem } from "../../../domain/audit/audit-checkpoint";

// Issue 11: the audit signing key comes from outside Neo4j, and rotated-out public keys stay trusted.

let home: string;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), "relata-audit-keys-"));
});

afterEach(() => {
  rmSync(home, { recursive: true, force: true });
});

describe("loading the audit signing key", () => {
  it("takes RELATA_AUDIT_SIGNING_KEY, with \\n escapes as environments often carry them", () => {
    const pem = generateSigningKeyPem();
    const keys = loadAuditKeys({ RELATA_AUDIT_SIGNING_KEY: pem.replace(/\n/g, "\\n") }, home);
    expect(keys.signingKey.keyId).toBe(signingKeyFromPem(pem).keyId);
    expect(keys.keySource).toBe("RELATA_AUDIT_SIGNING_KEY");
    expect(keys.publishedKeys).toEqual([
      { keyId: keys.signingKey.keyId, publicKeyPem: keys.signingKey.publicKeyPem, algorithm: "Ed25519" },
    ]);
  });

  it("takes RELATA_AUDIT_SIGNING_KEY_FILE, and says so when it cannot be read", () => {
    const file = join(home, "key.pem");
    writeFileSync(file, generateSigningKeyPem());
    expect(loadAuditKeys({ RELATA_AUDIT_SIGNING_KEY_FILE: file }, home).keySource).toBe(`file ${file}`);
    expect(() => loadAuditKeys({ RELATA_AUDIT_SIGNING_KEY_FILE: join(home, "nope.pem") }, home)).toThrow(
      /RELATA_AUDIT_SIGNING_KEY_FILE=.*nope\.pem cannot be read/,
    );
  });

  it("generates a key once into RELATA_HOME, readable by the owner only, and reuses it", () => {
    const first = loadAuditKeys({}, home);
    const file = join(home, "audit-signing-key.pem");
    expect(first.keySource).toBe(`generated into ${file}`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = loadAuditKeys({}, home);
    expect(again.signingKey.keyId).toBe(first.signingKey.keyId);
    expect(again.keySource).toBe(`file ${file}`);
    expect(readFileSync(file, "utf8")).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });

  it("refuses a key that is not Ed25519, saying how to make one", () => {
    expect(() => loadAuditKeys({ RELATA_AUDIT_SIGNING_KEY: "not a key" }, home)).toThrow(
      /not an Ed25519 private key.*openssl genpkey -algorithm ed25519/,
    );
  });
});

describe("rotating the key", () => {
  it("keeps checkpoints of the previous key verifiable when its public key is listed", () => {
    const old = signingKeyFromPem(generateSigningKeyPem());
    const previous = join(home, "previous.pem");
    writeFileSync(previous, old.publicKeyPem);
    const keys = loadAuditKeys(
      { RELATA_AUDIT_SIGNING_KEY: generateSigningKeyPem(), RELATA_AUDIT_PREVIOUS_PUBLIC_KEYS_FILE: previous },
      home,
    );
    expect(keys.publishedKeys.map((k) => k.keyId)).toEqual([keys.signingKey.keyId, old.keyId]);
    const at = "2026-12-02T00:00:00.000Z";
    const signed = signCheckpoint(old, { tenant: "t", seq: 1, headHash: "a".repeat(64), signedAt: at });
    const stored = {
      tenant: "t",
      seq: 1,
      hash: "a".repeat(64),
      at,
      keyId: old.keyId,
      signature: signed.signature,
      publicKeyPem: old.publicKeyPem,
    };
    const published = new Map(keys.publishedKeys.map((k) => [k.keyId, k.publicKeyPem]));
    expect(checkpointSignatureProblem(stored, published)).toBeNull();
    // Without the listing, the old key is just another key.
    const current = new Map([[keys.signingKey.keyId, keys.signingKey.publicKeyPem]]);
    expect(checkpointSignatureProblem(stored, current)).toMatch(/not one of the published audit keys/);
  });
});

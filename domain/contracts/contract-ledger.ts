import { createHash } from "node:crypto";
import { AuditRecord as ChainRecord, auditHash, chainNext, verifyChain } from "../audit/audit-chain";
import { canonicalJson } from "../audit/canonical-json";
import { StoredValueContract } from "./contract-terms";

/**
 * A contract's ledger: append-only and hash-chained per contract, with the audit trail's chain functions
 * (domain/audit/audit-chain.ts): SHA-256 over RFC 8785 canonical JSON, each entry naming its predecessor's
 * hash. GRANT opens it; USE_SUMMARY records what was used; BENEFIT what was owed for a period; REVOKE ends it.
 */
export const LEDGER_ENTRY_KINDS = ["GRANT", "USE_SUMMARY", "BENEFIT", "REVOKE"] as const;
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];

/** A ledger entry as stored (`(:ContractLedgerEntry)`); every field but `hash` is covered by the hash. */
export interface ContractLedgerEntry {
  tenant: string;
  contractId: string;
  /** From 1, without gaps, per contract. */
  seq: number;
  /** ISO 8601 UTC with milliseconds. */
  at: string;
  kind: LedgerEntryKind;
  /** Who caused it: "user:<sub>" or "agent:<name>". */
  actor: string;
  /** The month (YYYY-MM) of a USE_SUMMARY or BENEFIT entry; null for the others. */
  period: string | null;
  /** Canonical JSON text of the entry's content; hashed as this exact text. */
  payload: string;
  prevHash: string;
  hash: string;
}

/** The head of a contract's ledger. */
export interface LedgerHead {
  seq: number;
  hash: string;
}

/** SHA-256 (hex) of a text, UTF-8. */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

function hashedContent(
  e: Pick<ContractLedgerEntry, "tenant" | "contractId" | "kind" | "actor" | "period" | "payload">,
) {
  return {
    tenant: e.tenant,
    contractId: e.contractId,
    kind: e.kind,
    actor: e.actor,
    period: e.period ?? undefined,
    payload: e.payload,
  };
}

/** The entry as the chain functions see it. */
export function ledgerChainRecordOf(entry: ContractLedgerEntry): ChainRecord {
  return { seq: entry.seq, prevHash: entry.prevHash, at: entry.at, payload: hashedContent(entry), hash: entry.hash };
}

/** Recomputes an entry's hash from its content. */
export function ledgerEntryHash(entry: Omit<ContractLedgerEntry, "hash">): string {
  return auditHash({ seq: entry.seq, prevHash: entry.prevHash, at: entry.at, payload: hashedContent(entry) });
}

/** The next entry after `head` (null: the first, the GRANT). Pure: the same head and content give the same entry. */
export function sealLedgerEntry(
  tenant: string,
  contractId: string,
  head: LedgerHead | null,
  at: string,
  content: { kind: LedgerEntryKind; actor: string; period: string | null; payload: object },
): ContractLedgerEntry {
  const fields = {
    tenant,
    contractId,
    kind: content.kind,
    actor: content.actor,
    period: content.period,
    payload: canonicalJson(content.payload, "payload"),
  };
  const previous: ChainRecord | null =
    head === null ? null : { seq: head.seq, hash: head.hash, prevHash: "", at: "", payload: null };
  const link = chainNext(previous, at, hashedContent(fields));
  return { ...fields, seq: link.seq, at, prevHash: link.prevHash, hash: link.hash };
}

export type LedgerProblemKind =
  "GAP" | "BROKEN_LINK" | "ALTERED" | "HEAD_MISMATCH" | "TERMS_MISMATCH" | "STATE_MISMATCH";

export interface LedgerProblem {
  seq: number;
  kind: LedgerProblemKind;
  message: string;
}

export interface LedgerVerificationResult {
  ok: boolean;
  checkedEntries: number;
  /** The entry count the contract's head claims. */
  headSeq: number;
  firstProblem: LedgerProblem | null;
}

function parse(text: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(text) as unknown;
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/**
 * Verifies one contract's ledger page by page, in order (bounded memory): numbering, links and hashes
 * ({@link verifyChain}); that entry 1 is the GRANT of exactly the stored terms; that the contract's head
 * names the last entry; and that the contract is revoked exactly when its ledger holds a REVOKE. The first
 * problem by entry number wins.
 */
export class ContractLedgerVerifier {
  private previous: ContractLedgerEntry | null = null;
  private checked = 0;
  private problem: LedgerProblem | null = null;
  private revoke: ContractLedgerEntry | null = null;

  constructor(private readonly contract: StoredValueContract) {}

  get done(): boolean {
    return this.problem !== null;
  }

  get lastSeq(): number {
    return this.previous?.seq ?? 0;
  }

  addPage(entries: readonly ContractLedgerEntry[]): void {
    if (this.problem !== null || entries.length === 0) return;
    const chain = verifyChain(
      entries.map(ledgerChainRecordOf),
      this.previous ? ledgerChainRecordOf(this.previous) : null,
    );
    if (chain !== null) {
      const index = entries.findIndex((e) => e.seq === chain.seq);
      const seq = chain.kind === "GAP" ? (index > 0 ? entries[index - 1]!.seq : this.lastSeq) + 1 : chain.seq;
      const message =
        chain.kind === "GAP"
          ? `entry ${seq} is missing: the ledger jumps from entry ${seq - 1} to entry ${chain.seq}`
          : chain.message.replace(/record/g, "entry");
      this.problem = { seq, kind: chain.kind, message };
      this.checked += entries.filter((e) => e.seq < seq).length;
      return;
    }
    for (const entry of entries) {
      if (entry.seq === 1) {
        const terms = this.termsProblem(entry);
        if (terms !== null) {
          this.problem = { seq: 1, kind: "TERMS_MISMATCH", message: terms };
          return;
        }
      }
      if (entry.kind === "REVOKE" && this.revoke === null) this.revoke = entry;
      this.checked += 1;
    }
    this.previous = entries[entries.length - 1]!;
  }

  private termsProblem(grant: ContractLedgerEntry): string | null {
    const c = this.contract;
    if (grant.kind !== "GRANT") return `entry 1 is a ${grant.kind}; a ledger opens with the GRANT of its terms`;
    const payload = parse(grant.payload);
    const definitionHash = sha256Hex(c.definitionText);
    if (payload === null || payload.definitionHash !== definitionHash || c.definitionHash !== definitionHash) {
      return "the contract's stored terms are not the ones its GRANT entry recorded: the terms were changed after the grant";
    }
    return null;
  }

  result(): LedgerVerificationResult {
    const c = this.contract;
    if (this.problem === null) {
      const last = this.previous;
      if (last === null || last.seq < c.ledgerSeq) {
        this.problem = {
          seq: this.lastSeq + 1,
          kind: "GAP",
          message: `entries ${this.lastSeq + 1} to ${c.ledgerSeq} are missing: the ledger ends at entry ${this.lastSeq}`,
        };
      } else if (last.seq !== c.ledgerSeq || last.hash !== c.ledgerHash) {
        this.problem = {
          seq: last.seq,
          kind: "HEAD_MISMATCH",
          message:
            `the contract's head names entry ${c.ledgerSeq} with hash ${c.ledgerHash.slice(0, 12)}…, ` +
            `but the ledger ends at entry ${last.seq} with hash ${last.hash.slice(0, 12)}…`,
        };
      } else if (
        (this.revoke === null) !== (c.revokedAt === null) ||
        (this.revoke !== null && this.revoke.at !== c.revokedAt)
      ) {
        this.problem = {
          seq: this.revoke?.seq ?? last.seq,
          kind: "STATE_MISMATCH",
          message:
            this.revoke === null
              ? `the contract says it was revoked at ${c.revokedAt}, but its ledger holds no REVOKE entry`
              : `the ledger revoked the contract at ${this.revoke.at} (entry ${this.revoke.seq}), but the contract ` +
                `${c.revokedAt === null ? "is not marked revoked" : `says ${c.revokedAt}`}: its state was changed`,
        };
      }
    }
    return {
      ok: this.problem === null,
      checkedEntries: this.checked,
      headSeq: c.ledgerSeq,
      firstProblem: this.problem,
    };
  }
}

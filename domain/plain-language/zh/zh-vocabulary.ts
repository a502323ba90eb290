/**
 * The Chinese parser's vocabulary: every name a Chinese sentence may use for a graph term or a concept,
 * from the tenant's directory and the ontology packs' labels, with longest-match lookup that ignores spaces
 * and ASCII case (so "ERP 系统", "ERP系统" and "erp系统" are one name). A few Chinese synonyms the grammar
 * knows are added for terms the directory has (新能源汽车 for the automotive industry, …), never for terms
 * it lacks: a place the tenant has no region for stays unknown.
 */
import { OntologyPack } from "../../../ontology/model/ontology.model";
import { DraftDirectory, DraftTermKind } from "../draft";

/** One name of a term. */
export interface ZhTerm {
  kind: DraftTermKind;
  /** The concept id, user id, team id, role id, organization id, endpoint id, field value or grade. */
  id: string;
  /** For ACCOUNT_FIELD_VALUE: the account field (industry, segment, region). */
  field?: string;
  /** For ORGANIZATION: its kind (SERVICE_PROVIDER, …). */
  organizationKind?: string;
  /** For CONCEPT: whether this name is the concept's preferred label (preferred over alternative ones). */
  preferred?: boolean;
}

/** A name found in a text. */
export interface ZhMatch {
  start: number;
  end: number;
  text: string;
  /** Every term with this name (several when a label is shared, e.g. 开机率). */
  terms: ZhTerm[];
}

export interface ZhVocabulary {
  /** Name key (spaces removed, ASCII lower-cased) → terms. */
  readonly byKey: ReadonlyMap<string, ZhTerm[]>;
  readonly maxKeyLength: number;
}

/** Synonyms the grammar adds, by account field and value, used only when the directory has that value. */
const FIELD_SYNONYMS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  industry: {
    HEALTHCARE: ["医院", "诊所", "医疗行业", "卫生院", "医疗客户"],
    AUTOMOTIVE: ["新能源车队", "新能源汽车", "新能源", "汽车", "车厂", "主机厂", "整车厂", "物流车队"],
    EDUCATION: ["学院", "院校", "教育", "教育行业", "培训机构"],
    MANUFACTURING: ["制造", "制造行业", "生产企业", "工业"],
    ECOMMERCE: ["电商卖家", "跨境卖家", "网店"],
    FINANCE: ["金融机构", "银行业", "券商", "保险公司"],
    SAAS: ["软件公司", "SaaS"],
  },
  segment: {
    ENTERPRISE: ["大企业", "大客户", "头部客户"],
    MID_MARKET: ["中型客户", "中型"],
    SMB: ["小微企业", "中小客户", "小企业"],
  },
};

function key(name: string): string {
  return name.replace(/\s+/gu, "").replace(/[A-Z]/gu, (ch) => ch.toLowerCase());
}

/** The vocabulary of one tenant's directory and packs. */
export function buildZhVocabulary(directory: DraftDirectory, packs: readonly OntologyPack[]): ZhVocabulary {
  const byKey = new Map<string, ZhTerm[]>();
  const add = (name: string, term: ZhTerm): void => {
    const k = key(name);
    if (k.length === 0) return;
    const list = byKey.get(k) ?? [];
    if (!list.some((t) => t.kind === term.kind && t.id === term.id && t.field === term.field)) list.push(term);
    byKey.set(k, list);
  };

  for (const pack of packs) {
    for (const concept of pack.concepts) {
      for (const [lang, label] of Object.entries(concept.prefLabel)) {
        if (lang === "zh" || lang === "en") add(label, { kind: "CONCEPT", id: concept.id, preferred: true });
      }
      for (const [lang, labels] of Object.entries(concept.altLabel ?? {})) {
        if (lang !== "zh" && lang !== "en") continue;
        for (const label of labels) add(label, { kind: "CONCEPT", id: concept.id, preferred: false });
      }
    }
  }
  for (const u of directory.users) for (const n of u.names) add(n, { kind: "USER", id: u.id });
  for (const t of directory.teams) for (const n of t.names) add(n, { kind: "TEAM", id: t.id });
  for (const r of directory.roles) for (const n of r.names) add(n, { kind: "ROLE", id: r.id });
  for (const n of directory.accountOwner.names) add(n, { kind: "ACCOUNT_OWNER", id: "ACCOUNT_OWNER" });
  for (const o of directory.organizations) {
    for (const n of o.names) add(n, { kind: "ORGANIZATION", id: o.id, organizationKind: o.kind });
  }
  for (const [kind, names] of Object.entries(directory.organizationKinds)) {
    for (const n of names) add(n, { kind: "ORGANIZATION_KIND", id: kind });
  }
  for (const w of directory.webhookEndpoints) for (const n of w.names) add(n, { kind: "WEBHOOK_ENDPOINT", id: w.id });
  for (const [field, values] of Object.entries(directory.accountFields)) {
    for (const [value, names] of Object.entries(values)) {
      for (const n of names) add(n, { kind: "ACCOUNT_FIELD_VALUE", id: value, field });
      for (const n of FIELD_SYNONYMS[field]?.[value] ?? []) {
        if (!byKey.has(key(n))) add(n, { kind: "ACCOUNT_FIELD_VALUE", id: value, field });
      }
    }
  }
  for (const [grade, names] of Object.entries(directory.healthGrades)) {
    for (const n of names) add(n, { kind: "HEALTH_GRADE", id: grade });
  }
  let maxKeyLength = 0;
  for (const k of byKey.keys()) maxKeyLength = Math.max(maxKeyLength, k.length);
  return { byKey, maxKeyLength };
}

/**
 * The text as the vocabulary's keys are written: spaces removed, ASCII lower-cased, with `offsets[i]` the
 * position in `text` of the i-th character kept.
 */
function keyed(text: string): { chars: string; offsets: number[] } {
  let chars = "";
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] ?? "";
    if (/\s/u.test(ch)) continue;
    chars += /[A-Z]/u.test(ch) ? ch.toLowerCase() : ch;
    offsets.push(i);
  }
  return { chars, offsets };
}

/** Whether a Latin name ends inside a longer Latin word ("NA" in "NAME"), which is no match. */
function cutsWord(chars: string, start: number, end: number): boolean {
  const isWord = (ch: string | undefined): boolean => ch !== undefined && /[a-z0-9]/u.test(ch);
  const first = chars[start];
  const last = chars[end - 1];
  return (isWord(first) && isWord(chars[start - 1])) || (isWord(last) && isWord(chars[end]));
}

/**
 * Every vocabulary name in `text`, left to right, longest first and not overlapping, optionally only terms
 * of some kinds.
 */
export function findTerms(vocabulary: ZhVocabulary, text: string, kinds?: readonly DraftTermKind[]): ZhMatch[] {
  const { chars, offsets } = keyed(text);
  const found: ZhMatch[] = [];
  let i = 0;
  while (i < chars.length) {
    let hit: ZhMatch | null = null;
    for (let len = Math.min(vocabulary.maxKeyLength, chars.length - i); len >= 1; len -= 1) {
      const terms = vocabulary.byKey.get(chars.slice(i, i + len));
      if (!terms || cutsWord(chars, i, i + len)) continue;
      const wanted = kinds ? terms.filter((t) => kinds.includes(t.kind)) : terms;
      if (wanted.length === 0) continue;
      const start = offsets[i] ?? 0;
      const end = (offsets[i + len - 1] ?? start) + 1;
      hit = { start, end, text: text.slice(start, end), terms: wanted };
      break;
    }
    if (hit) {
      found.push(hit);
      i += keyed(hit.text).chars.length;
    } else {
      i += 1;
    }
  }
  return found;
}

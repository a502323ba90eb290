/**
 * Web pages by their Chinese names: the paths of the web system's `viewed_page` lookup table in the packs
 * (the corpus README: page views are `viewed_page` signals with the page's path), named by the Chinese
 * labels of the concept a solution page is about (远程质控 → /solutions/remote-quality-control) and by a
 * small glossary of page words (价格 → /pricing). Only paths the packs list are ever returned.
 */
import { OntologyPack } from "../../../ontology/model/ontology.model";

/** Chinese words for page paths, or for the last segment of a path (solutions, products, customers). */
const PAGE_WORDS: Readonly<Record<string, readonly string[]>> = {
  "/pricing": ["价格", "定价", "价目", "报价", "价格方案", "收费"],
  "/contact-sales": ["联系销售", "联系我们", "销售咨询", "咨询销售", "联系销售人员"],
  "/security": ["安全", "信息安全", "安全中心"],
  "/compliance/certifications": ["合规认证", "资质认证", "认证"],
  "/blog": ["博客"],
  "/docs/getting-started": ["入门文档", "快速入门", "入门指南", "上手指南", "文档"],
  "/events/edtech-summit": ["教育科技峰会", "峰会", "活动"],
  "/product/analytics": ["分析", "数据分析"],
  "/product/integrations": ["集成"],
  "/integrations/marketplaces": ["电商平台集成", "平台集成"],
  "/service/equipment-maintenance": ["设备维保", "设备维护"],
  "/service/fleet": ["车队服务"],
  "predictive-maintenance": ["预测性维护", "预测维护"],
  oee: ["OEE", "设备综合效率"],
  "kyc-automation": ["KYC自动化", "尽调自动化"],
  "aml-screening": ["反洗钱筛查", "AML筛查", "反洗钱"],
  "battery-health": ["电池健康"],
  "cross-border": ["跨境", "跨境电商"],
  returns: ["退货"],
  "learning-analytics": ["学习分析", "学情分析"],
  "spare-parts": ["备件"],
  "aquila-ct": ["Aquila CT", "Aquila"],
  charging: ["充电", "充电桩"],
  lms: ["LMS", "学习平台"],
  saas: ["SaaS"],
  manufacturing: ["制造", "制造业"],
  radiology: ["放射", "影像"],
  banking: ["银行"],
  "new-energy": ["新能源"],
  "e-commerce": ["电商"],
  universities: ["高校", "大学"],
};

/** What kind of page a section of the site is, in Chinese. */
const SECTION_WORDS: Readonly<Record<string, readonly string[]>> = {
  solutions: ["解决方案", "方案"],
  products: ["产品"],
  product: ["产品"],
  customers: ["客户案例", "案例"],
  service: ["服务"],
};

export interface PageIndex {
  /** Path → the Chinese (and English) names that name it, without the section word. */
  readonly names: ReadonlyMap<string, readonly string[]>;
}

function norm(s: string): string {
  return s.replace(/[\s“”"'《》「」]/gu, "").toLowerCase();
}

export function buildPageIndex(packs: readonly OntologyPack[]): PageIndex {
  const paths = new Set<string>();
  for (const pack of packs) {
    for (const m of pack.mappings) {
      if (m.field === "viewed_page" && m.transform.kind === "lookup") {
        for (const path of Object.keys(m.transform.table)) paths.add(path);
      }
    }
  }
  const conceptsByLocal = new Map<string, string[]>();
  for (const pack of packs) {
    for (const c of pack.concepts) {
      const local = c.id.split(":")[1] ?? "";
      const labels = [c.prefLabel.zh, c.prefLabel.en, ...(c.altLabel.zh ?? [])].filter((x): x is string => !!x);
      conceptsByLocal.set(local, [...(conceptsByLocal.get(local) ?? []), ...labels]);
    }
  }
  const names = new Map<string, string[]>();
  for (const path of paths) {
    const segments = path.split("/").filter(Boolean);
    const last = segments[segments.length - 1] ?? "";
    const list = [
      ...(PAGE_WORDS[path] ?? []),
      ...(segments.length > 1 ? (PAGE_WORDS[last] ?? []) : []),
      ...(segments.length > 1 ? (conceptsByLocal.get(last) ?? []) : []),
      last.replace(/-/gu, " "),
    ];
    names.set(
      path,
      [...new Set(list.map(norm))].filter((n) => n.length > 0),
    );
  }
  return { names };
}

/**
 * The path a page name written in a sentence names ("远程质控解决方案", "“联系销售”", "价格"), or null.
 * A section word (解决方案, 产品, 案例) picks among paths with the same topic.
 */
export function resolvePage(index: PageIndex, written: string): string | null {
  let name = norm(written).replace(/(?:页面|网页|页|板块|栏目|的)+$/u, "");
  let section: string | null = null;
  for (const [sec, words] of Object.entries(SECTION_WORDS)) {
    for (const w of words) {
      if (name.endsWith(w) && name.length > w.length) {
        section = sec;
        name = name.slice(0, name.length - w.length).replace(/的$/u, "");
        break;
      }
    }
    if (section) break;
  }
  let best: { path: string; score: number } | null = null;
  for (const [path, names] of index.names) {
    const inSection = section === null || path.split("/")[1] === section;
    for (const n of names) {
      const exact = n === name;
      const contained = !exact && name.includes(n) && n.length >= 2;
      if (!exact && !contained) continue;
      const score = (exact ? 100 : n.length) + (inSection ? 50 : 0);
      if (!best || score > best.score) best = { path, score };
    }
  }
  return best?.path ?? null;
}

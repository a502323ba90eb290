/**
 * Word lists for plausible, fictional demo content: company and organization names, people, job titles,
 * installed products, deal names and web pages. Everything is made up; emails use the reserved
 * `.example` top-level domain and phone numbers use fictional or drama ranges where one exists.
 */
import type { BuyingRole, OrganizationKind } from "../domain/records";
import type { DemoIndustry, DemoRegion } from "./demo-data.constants";
import type { Weighted } from "./seeded-random";

/**
 * First word of a company brand. Must stay disjoint from {@link BRAND_SECOND_WORDS} and free of spaces
 * and hyphens: name uniqueness relies on (first, second) pairs being unambiguous.
 */
// prettier-ignore
export const BRAND_FIRST_WORDS: readonly string[] = [
  "Apex", "Aurora", "Azure", "Beacon", "Birch", "Blue", "Bright", "Cedar", "Cobalt", "Coral",
  "Crest", "Crown", "Delta", "Eagle", "Ember", "Evergreen", "Falcon", "Fern", "First", "Golden",
  "Granite", "Harbor", "Horizon", "Indigo", "Iron", "Jade", "Juniper", "Keystone", "Lumen", "Maple",
  "Meridian", "Nimbus", "Noble", "North", "Nova", "Oak", "Onyx", "Orion", "Pacific", "Peak",
  "Pine", "Pioneer", "Polar", "Prism", "Quantum", "Radiant", "Red", "River", "Sage", "Sierra",
  "Silver", "Sky", "Solar", "Sterling", "Summit", "Terra", "True", "Vertex", "West", "Zenith",
];

// prettier-ignore
export const BRAND_SECOND_WORDS: readonly string[] = [
  "Arc", "Bay", "Bloom", "Bridge", "Brook", "Canyon", "Cove", "Creek", "Crossing", "Dale",
  "Falls", "Field", "Ford", "Forge", "Gate", "Glen", "Grove", "Haven", "Heights", "Hill",
  "Hollow", "Isle", "Key", "Lake", "Land", "Ledge", "Line", "Link", "Marsh", "Meadow",
  "Mesa", "Mill", "Mount", "Orchard", "Park", "Pass", "Path", "Point", "Pond", "Port",
  "Reach", "Ridge", "Rock", "Run", "Shore", "Spring", "Star", "Stone", "Stream", "Tide",
  "Trail", "Vale", "View", "Way", "Wave", "Well", "Wood", "Works", "Yard", "Harvest",
];

/** The industry word after the brand: "Silver Lake Medical Center". */
export const INDUSTRY_NOUNS: Readonly<Record<DemoIndustry, readonly string[]>> = {
  SAAS: ["Software", "Cloud", "Systems", "Labs", "Analytics", "Digital"],
  MANUFACTURING: ["Precision", "Industries", "Machinery", "Components", "Manufacturing", "Robotics"],
  HEALTHCARE: ["Medical Center", "Hospital Group", "Health System", "Clinics", "Healthcare"],
  FINANCE: ["Bank", "Capital", "Financial", "Insurance", "Securities"],
  AUTOMOTIVE: ["Motors", "Mobility", "EV", "Automotive", "New Energy Vehicles"],
  ECOMMERCE: ["Trading", "Commerce", "Goods", "Global Sourcing", "Online"],
  EDUCATION: ["University", "Academy", "Institute of Technology", "Education Group", "College"],
};

/** Hospitals and universities are named without a legal form. */
export const INDUSTRIES_WITHOUT_LEGAL_FORM: ReadonlySet<DemoIndustry> = new Set<DemoIndustry>([
  "HEALTHCARE",
  "EDUCATION",
]);

export const LEGAL_FORMS: Readonly<Record<DemoRegion, readonly string[]>> = {
  NA: ["Inc.", "Corp.", "LLC", "Inc."],
  EMEA: ["GmbH", "Ltd", "S.A.", "B.V.", "AG", "plc", "S.p.A."],
  "APAC-CN": ["Co., Ltd."],
  "APAC-SEA": ["Pte. Ltd.", "Sdn. Bhd.", "Co., Ltd."],
  LATAM: ["S.A.", "S.A. de C.V.", "Ltda.", "S.A.S."],
};

/**
 * Cities that tell apart subsidiaries with the same brand ("Silver Lake Medical (Shenzhen) Co., Ltd.").
 * The lists must be disjoint across regions and free of hyphens: name uniqueness relies on it.
 */
// prettier-ignore
export const REGION_CITIES: Readonly<Record<DemoRegion, readonly string[]>> = {
  NA: [
    "Boston", "Chicago", "Austin", "Seattle", "Toronto", "Atlanta", "Denver", "Phoenix",
    "Dallas", "Montreal", "Detroit", "San Diego", "Minneapolis", "Charlotte", "Vancouver", "Pittsburgh",
  ],
  EMEA: [
    "Munich", "Rotterdam", "Lyon", "Milan", "Madrid", "Stockholm", "Warsaw", "Zurich",
    "Dublin", "Vienna", "Prague", "Copenhagen", "Dubai", "Manchester", "Antwerp", "Helsinki",
  ],
  "APAC-CN": [
    "Shanghai", "Shenzhen", "Suzhou", "Hangzhou", "Beijing", "Guangzhou", "Chengdu", "Wuhan",
    "Ningbo", "Tianjin", "Xiamen", "Hefei", "Dongguan", "Changsha", "Qingdao", "Nanjing",
  ],
  "APAC-SEA": [
    "Singapore", "Kuala Lumpur", "Penang", "Bangkok", "Jakarta", "Surabaya", "Ho Chi Minh City", "Hanoi",
    "Manila", "Cebu", "Johor Bahru", "Chiang Mai", "Bandung", "Da Nang", "Batam", "Yangon",
  ],
  LATAM: [
    "Sao Paulo", "Monterrey", "Bogota", "Santiago", "Lima", "Buenos Aires", "Guadalajara", "Curitiba",
    "Medellin", "Queretaro", "Montevideo", "Quito", "Campinas", "Puebla", "Rosario", "Porto Alegre",
  ],
};

export interface PersonNames {
  given: readonly string[];
  family: readonly string[];
  /** Chinese names are written family name first. */
  familyNameFirst: boolean;
}

/** ASCII-only so e-mail local parts can be derived directly. */
// prettier-ignore
export const PERSON_NAMES: Readonly<Record<DemoRegion, PersonNames>> = {
  NA: {
    given: [
      "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
      "William", "Susan", "Richard", "Jessica", "Joseph", "Sarah", "Thomas", "Karen", "Daniel", "Emily",
    ],
    family: [
      "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
      "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker",
    ],
    familyNameFirst: false,
  },
  EMEA: {
    given: [
      "Lukas", "Anna", "Maximilian", "Sophie", "Jan", "Emma", "Luca", "Giulia", "Hugo", "Chloe",
      "Lars", "Ingrid", "Pierre", "Camille", "Mateusz", "Zofia", "Oliver", "Amelia", "Ahmed", "Fatima",
    ],
    family: [
      "Mueller", "Schmidt", "Schneider", "Fischer", "Weber", "de Vries", "Jansen", "Rossi", "Bianchi", "Dubois",
      "Lefebvre", "Moreau", "Fernandez", "Nowak", "Kowalski", "Andersson", "Nielsen", "Murphy", "Kelly", "Novak",
    ],
    familyNameFirst: false,
  },
  "APAC-CN": {
    given: [
      "Wei", "Fang", "Jing", "Lei", "Min", "Jun", "Yan", "Tao", "Hui", "Qiang",
      "Xin", "Ying", "Hao", "Lin", "Yu", "Jie", "Mei", "Bo", "Ning", "Xiaoming",
    ],
    family: [
      "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu",
      "Xu", "Sun", "Hu", "Zhu", "Gao", "Lin", "He", "Guo", "Ma", "Luo",
    ],
    familyNameFirst: true,
  },
  "APAC-SEA": {
    given: [
      "Siti", "Ahmad", "Nur", "Muhammad", "Anh", "Minh", "Somchai", "Suda", "Maria", "Jose",
      "Rizal", "Aisyah", "Arjun", "Priya", "Kai", "Dewi", "Budi", "Thanh", "Hafiz", "Ling",
    ],
    family: [
      "Tan", "Lim", "Lee", "Ng", "Wong", "Nguyen", "Tran", "Pham", "Santos", "Reyes",
      "Cruz", "Abdullah", "Rahman", "Wijaya", "Pratama", "Suwannarat", "Chaiyaporn", "Ong", "Goh", "Teo",
    ],
    familyNameFirst: false,
  },
  LATAM: {
    given: [
      "Juan", "Maria", "Carlos", "Ana", "Luis", "Sofia", "Jorge", "Valentina", "Diego", "Camila",
      "Pedro", "Isabela", "Miguel", "Gabriela", "Rafael", "Fernanda", "Andres", "Daniela", "Mateo", "Lucia",
    ],
    family: [
      "Silva", "Santos", "Oliveira", "Souza", "Pereira", "Rodrigues", "Gonzalez", "Hernandez", "Lopez", "Martinez",
      "Perez", "Sanchez", "Ramirez", "Torres", "Flores", "Rivera", "Gomez", "Diaz", "Castro", "Alves",
    ],
    familyNameFirst: false,
  },
};

/**
 * Phone number shapes per region; `#` is replaced by a digit. North America uses the fictional 555-01xx
 * range and the UK the Ofcom drama range.
 */
export const PHONE_PATTERNS: Readonly<Record<DemoRegion, string>> = {
  NA: "+1 ### 555 01##",
  EMEA: "+44 20 7946 0###",
  "APAC-CN": "+86 13# #### ####",
  "APAC-SEA": "+65 6### ####",
  LATAM: "+55 11 9#### ####",
};

/**
 * The buying committee in the order roles are filled: an enterprise with seven contacts has the first
 * seven roles, a small business just a decision maker and a user or two.
 */
export const COMMITTEE_ROLES: Readonly<Record<"ENTERPRISE" | "MID_MARKET" | "SMB", readonly BuyingRole[]>> = {
  ENTERPRISE: [
    "DECISION_MAKER",
    "ECONOMIC_BUYER",
    "CHAMPION",
    "TECHNICAL_EVALUATOR",
    "INFLUENCER",
    "USER",
    "PROCUREMENT",
    "LEGAL",
    "GATEKEEPER",
  ],
  MID_MARKET: ["DECISION_MAKER", "CHAMPION", "TECHNICAL_EVALUATOR", "USER", "ECONOMIC_BUYER"],
  SMB: ["DECISION_MAKER", "USER", "CHAMPION"],
};

export const ROLE_TITLES: Readonly<Record<BuyingRole, readonly string[]>> = {
  DECISION_MAKER: ["Chief Executive Officer", "Managing Director", "Chief Operating Officer", "General Manager"],
  ECONOMIC_BUYER: ["Chief Financial Officer", "VP Finance", "Finance Director"],
  CHAMPION: ["Head of Operations", "Director of Customer Experience", "Program Manager"],
  INFLUENCER: ["Head of Strategy", "Senior Consultant", "Business Analyst"],
  TECHNICAL_EVALUATOR: ["IT Director", "Solution Architect", "Head of IT Infrastructure"],
  USER: ["Operations Manager", "Team Lead", "Specialist"],
  GATEKEEPER: ["Executive Assistant", "Office Manager"],
  LEGAL: ["General Counsel", "Legal Counsel", "Data Protection Officer"],
  PROCUREMENT: ["Head of Procurement", "Purchasing Manager", "Category Manager"],
};

/** Industry-specific titles that replace the generic ones for some roles. */
export const INDUSTRY_ROLE_TITLES: Readonly<Record<DemoIndustry, Partial<Record<BuyingRole, readonly string[]>>>> = {
  SAAS: {
    DECISION_MAKER: ["Chief Technology Officer", "VP Engineering"],
    TECHNICAL_EVALUATOR: ["Platform Engineering Lead", "Staff Engineer"],
    USER: ["Product Manager", "Customer Success Manager"],
    CHAMPION: ["Head of Revenue Operations", "Director of Product"],
  },
  MANUFACTURING: {
    DECISION_MAKER: ["Plant Director", "VP Manufacturing"],
    TECHNICAL_EVALUATOR: ["Automation Engineering Lead", "Head of Maintenance"],
    USER: ["Production Supervisor", "Maintenance Planner", "Quality Engineer"],
    CHAMPION: ["Continuous Improvement Manager", "Operational Excellence Lead"],
  },
  HEALTHCARE: {
    DECISION_MAKER: ["Head of Equipment Department", "Hospital Director", "Chief Medical Officer"],
    TECHNICAL_EVALUATOR: ["Head of Clinical Engineering", "Biomedical Engineer"],
    USER: ["Head Nurse", "Radiology Technologist", "Clinical Engineer"],
    CHAMPION: ["Director of Radiology", "Head of Quality Management"],
  },
  FINANCE: {
    DECISION_MAKER: ["Chief Risk Officer", "Head of Corporate Banking"],
    TECHNICAL_EVALUATOR: ["Head of Core Banking IT", "Security Architect"],
    USER: ["KYC Analyst", "Relationship Manager"],
    CHAMPION: ["Head of Compliance Operations", "Head of Client Onboarding"],
    LEGAL: ["Chief Compliance Officer", "Legal Counsel"],
  },
  AUTOMOTIVE: {
    DECISION_MAKER: ["VP After-Sales", "Head of Fleet Operations"],
    TECHNICAL_EVALUATOR: ["Battery Systems Engineer", "Head of Vehicle Connectivity"],
    USER: ["Fleet Manager", "Service Technician"],
    CHAMPION: ["Head of Quality", "Director of Customer Service"],
  },
  ECOMMERCE: {
    DECISION_MAKER: ["Founder and CEO", "Head of Cross-border Business"],
    TECHNICAL_EVALUATOR: ["Head of E-commerce Technology", "ERP Manager"],
    USER: ["Marketplace Manager", "Customer Service Lead"],
    CHAMPION: ["Head of Growth", "Operations Director"],
  },
  EDUCATION: {
    DECISION_MAKER: ["Vice-Rector", "Provost", "Principal"],
    TECHNICAL_EVALUATOR: ["Head of Educational Technology", "Campus IT Manager"],
    USER: ["Lecturer", "Instructional Designer"],
    CHAMPION: ["Dean of Digital Learning", "Head of Student Success"],
  },
};

/**
 * What a customer's installed product is, which telemetry it sends (see the `assetCategories` of the
 * signal field catalogue).
 */
export type AssetCategory = "MACHINE" | "MEDICAL_DEVICE" | "VEHICLE" | "CHARGER";

export interface AssetKind {
  category: AssetCategory;
  /** What the asset is, e.g. "CT scanner". */
  label: string;
  models: readonly string[];
  /** Serial number prefix; vehicles use a VIN instead. */
  serialPrefix: string;
  /**
   * How long before the reference date such assets were installed, in years. At least one, so every
   * reading in the 365-day signal window postdates the installation.
   */
  ageYears: readonly [number, number];
}

// prettier-ignore
export const INDUSTRY_ASSET_KINDS: Readonly<Partial<Record<DemoIndustry, readonly Weighted<AssetKind>[]>>> = {
  MANUFACTURING: [
    [{ category: "MACHINE", label: "CNC machining centre", models: ["VMC-850", "VMC-1270", "HMC-630"], serialPrefix: "CNC", ageYears: [1, 12] }, 35],
    [{ category: "MACHINE", label: "Injection moulding machine", models: ["IMX-250", "IMX-450"], serialPrefix: "IMM", ageYears: [1, 10] }, 25],
    [{ category: "MACHINE", label: "Industrial robot", models: ["RX-6", "RX-12", "RX-20"], serialPrefix: "ROB", ageYears: [1, 8] }, 25],
    [{ category: "MACHINE", label: "Packaging line", models: ["PL-40", "PL-60"], serialPrefix: "PKG", ageYears: [1, 10] }, 15],
  ],
  HEALTHCARE: [
    [{ category: "MEDICAL_DEVICE", label: "CT scanner", models: ["Aquila CT 64", "Aquila CT 128"], serialPrefix: "CT", ageYears: [1, 9] }, 20],
    [{ category: "MEDICAL_DEVICE", label: "MRI system", models: ["Lyra MR 1.5T", "Lyra MR 3T"], serialPrefix: "MR", ageYears: [1, 10] }, 10],
    [{ category: "MEDICAL_DEVICE", label: "Ultrasound system", models: ["Sonix U7", "Sonix U9"], serialPrefix: "US", ageYears: [1, 7] }, 25],
    [{ category: "MEDICAL_DEVICE", label: "Patient monitor", models: ["VitaWatch M5", "VitaWatch M7"], serialPrefix: "PM", ageYears: [1, 6] }, 30],
    [{ category: "MEDICAL_DEVICE", label: "Infusion pump", models: ["FlowSafe P3"], serialPrefix: "IP", ageYears: [1, 6] }, 15],
  ],
  AUTOMOTIVE: [
    [{ category: "VEHICLE", label: "Electric delivery van", models: ["eVan E35", "eVan E50"], serialPrefix: "VAN", ageYears: [1, 5] }, 40],
    [{ category: "VEHICLE", label: "Electric SUV", models: ["Volta S7", "Volta S9"], serialPrefix: "SUV", ageYears: [1, 5] }, 30],
    [{ category: "VEHICLE", label: "Electric city bus", models: ["CityLink B12"], serialPrefix: "BUS", ageYears: [1, 7] }, 10],
    [{ category: "CHARGER", label: "DC fast charger", models: ["ChargeHub 120kW", "ChargeHub 240kW"], serialPrefix: "CHG", ageYears: [1, 4] }, 20],
  ],
};

/** Fictional world manufacturer identifiers for VINs (three characters, VIN alphabet). */
export const VIN_MANUFACTURER_CODES: readonly string[] = ["LV9", "LX7", "W0Z", "5YX"];
/** The VIN alphabet: digits and capitals without I, O and Q. */
export const VIN_ALPHABET = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";

/** Opportunity names: "<brand> – <deal>". */
export const INDUSTRY_DEALS: Readonly<Record<DemoIndustry, readonly string[]>> = {
  SAAS: ["Platform Renewal", "Seat Expansion", "Analytics Add-on", "SSO and Audit Log Upgrade", "Multi-year Commit"],
  MANUFACTURING: [
    "Predictive Maintenance Rollout",
    "Line Automation Retrofit",
    "Spare Parts Framework Agreement",
    "OEE Dashboard Pilot",
    "Service Contract Renewal",
  ],
  HEALTHCARE: [
    "Remote Quality Control",
    "Imaging Fleet Service Contract",
    "CT Upgrade Programme",
    "Patient Monitoring Expansion",
    "Clinical Pathway Analytics",
  ],
  FINANCE: [
    "KYC Automation",
    "Client Onboarding Platform",
    "AML Screening Upgrade",
    "Risk Data Hub",
    "Licence Renewal",
  ],
  AUTOMOTIVE: [
    "Fleet Battery Warranty Extension",
    "Charging Network Expansion",
    "Telematics Subscription",
    "After-sales Service Platform",
    "Fleet Electrification Phase 2",
  ],
  ECOMMERCE: [
    "Cross-border Logistics Bundle",
    "Marketplace Connector Suite",
    "Returns Management Pilot",
    "Peak Season Capacity",
    "Customer Service Outsourcing",
  ],
  EDUCATION: [
    "Campus LMS Licence",
    "Online Programme Launch",
    "Learning Analytics Pilot",
    "Student Success Platform",
    "Faculty Training Package",
  ],
};

/** Pages a contact views on the tenant's web site, for the `viewed_page` web signal. */
export const INDUSTRY_WEB_PAGES: Readonly<Record<DemoIndustry, readonly string[]>> = {
  SAAS: ["/product/analytics", "/product/integrations", "/security", "/customers/saas"],
  MANUFACTURING: [
    "/solutions/predictive-maintenance",
    "/solutions/oee",
    "/products/spare-parts",
    "/customers/manufacturing",
  ],
  HEALTHCARE: [
    "/solutions/remote-quality-control",
    "/products/aquila-ct",
    "/service/equipment-maintenance",
    "/customers/radiology",
  ],
  FINANCE: [
    "/solutions/kyc-automation",
    "/solutions/aml-screening",
    "/compliance/certifications",
    "/customers/banking",
  ],
  AUTOMOTIVE: ["/solutions/battery-health", "/products/charging", "/service/fleet", "/customers/new-energy"],
  ECOMMERCE: ["/solutions/cross-border", "/integrations/marketplaces", "/solutions/returns", "/customers/e-commerce"],
  EDUCATION: ["/solutions/learning-analytics", "/products/lms", "/customers/universities", "/events/edtech-summit"],
};
export const COMMON_WEB_PAGES: readonly string[] = ["/pricing", "/contact-sales", "/docs/getting-started", "/blog"];

/** Marketplaces of cross-border sellers, weighted by the seller's home region. */
// prettier-ignore
export const REGION_MARKETPLACES: Readonly<Record<DemoRegion, readonly Weighted<string>[]>> = {
  NA: [["AMAZON", 60], ["EBAY", 20], ["WALMART", 15], ["ALIEXPRESS", 5]],
  EMEA: [["AMAZON", 55], ["EBAY", 20], ["ZALANDO", 15], ["ALIEXPRESS", 10]],
  "APAC-CN": [["TMALL_GLOBAL", 30], ["AMAZON", 30], ["ALIEXPRESS", 20], ["SHOPEE", 10], ["LAZADA", 10]],
  "APAC-SEA": [["SHOPEE", 40], ["LAZADA", 35], ["AMAZON", 15], ["TIKTOK_SHOP", 10]],
  LATAM: [["MERCADO_LIBRE", 60], ["AMAZON", 25], ["SHOPEE", 15]],
};

/** Organization names: "<prefix> <second> <kind noun>", e.g. "Premier Nexus Field Services". */
// prettier-ignore
export const ORGANIZATION_FIRST_WORDS: readonly string[] = [
  "Allied", "Atlas", "Benchmark", "Cardinal", "Central", "Civic", "Continental", "Dynamic", "Elite", "Endeavor",
  "Frontier", "Global", "Heritage", "Integral", "Liberty", "Mainline", "Metro", "National", "Omni", "Paramount",
  "Premier", "Prime", "Regal", "Reliant", "Royal", "Sovereign", "Standard", "Strategic", "Superior", "Synergy",
  "Trident", "Triumph", "United", "Universal", "Vanguard", "Venture", "Victory", "Vista", "Zephyr", "Capstone",
];

// prettier-ignore
export const ORGANIZATION_SECOND_WORDS: readonly string[] = [
  "Axis", "Core", "Nexus", "Source", "Logic", "Matrix", "Sphere", "Span", "Scope", "Vector",
  "Pulse", "Grid", "Loop", "Node", "Shift", "Circuit", "Anchor", "Signal", "Quest", "Tandem",
];

export const ORGANIZATION_KIND_NOUNS: Readonly<Record<OrganizationKind, readonly string[]>> = {
  PARTNER: ["Consulting", "Systems Integration", "Solutions", "Digital Partners"],
  SUPPLIER: ["Components", "Materials", "Supply", "Electronics", "Logistics"],
  SERVICE_PROVIDER: ["Field Services", "Technical Services", "Maintenance", "Service Center"],
  RESELLER: ["Distribution", "Trading", "Channel Partners", "Resellers"],
};

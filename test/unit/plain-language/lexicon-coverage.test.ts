/**
 * The plain-language vocabulary (issue 12, decision 0038): every concept of the built-in packs is found
 * under the names a business person gives it, in English and Chinese (the phrasings below are written for
 * this test, not taken from the corpus); no name stands for two concepts of one pack unless listed; the
 * words of categorical values and of change events reach their values and every change type.
 */
import { loadCorpusContext } from "../../../cli/nl";
import { CHANGE_RECORD_TYPES, CHANGE_TYPES, ChangeType } from "../../../domain/events/change-event";
import { CONCEPT_PHRASES, VALUE_PHRASES } from "../../../domain/plain-language/concept-phrases";
import { draftPlaybookFromText } from "../../../domain/plain-language/draft-playbook";
import {
  EVENT_ACTION_WORDS,
  EVENT_ACTIONS,
  eventTypeOf,
  RECORD_WORDS,
} from "../../../domain/plain-language/event-vocabulary";
import { buildLexicon, LexiconEntry, spellingVariants } from "../../../domain/plain-language/lexicon";
import { stemsOf } from "../../../domain/plain-language/tokens";

const context = loadCorpusContext();
const lexicon = buildLexicon(context);
const conceptIds = context.packs.flatMap((p) => p.concepts.map((c) => c.id));

/** Each concept with English and Chinese phrasings it must be found by. */
const PHRASINGS: readonly (readonly [string, readonly string[], readonly string[]])[] = [
  [
    "automotive:battery-state-of-health",
    ["battery health", "state of health", "battery SoH", "remaining battery capacity"],
    ["电池健康度", "电池SOH", "电池剩余容量"],
  ],
  [
    "automotive:capacity-fade-rate",
    ["battery degradation", "capacity fade", "battery degradation rate"],
    ["电池衰减", "容量衰减", "电池衰减率"],
  ],
  [
    "automotive:battery-thermal-condition",
    ["battery temperature", "cell temperatures", "battery overheating"],
    ["电池温度", "电池过热", "电芯温度"],
  ],
  [
    "automotive:cell-voltage-imbalance",
    ["cell voltage imbalance", "cell imbalance"],
    ["电芯压差", "单体压差", "电压不一致"],
  ],
  [
    "automotive:charging-stress",
    ["fast charging share", "DC fast-charging share", "share of fast charging"],
    ["快充占比", "快充比例", "直流快充占比"],
  ],
  [
    "automotive:battery-fault-codes",
    ["battery fault codes", "battery faults", "isolation faults", "high voltage faults"],
    ["电池故障码", "电池故障", "绝缘故障"],
  ],
  [
    "automotive:cell-batch-quality",
    ["cell batch quality", "bad cell batches", "cell batch"],
    ["电芯批次质量", "电芯批次", "电池批次质量"],
  ],
  [
    "automotive:charging-infrastructure",
    ["charger reliability", "charging network reliability", "charging infrastructure"],
    ["充电桩可靠性", "充电设施可靠性", "充电网络可靠性"],
  ],
  [
    "automotive:charger-availability",
    ["charger availability", "charger uptime", "charge point availability"],
    ["充电桩可用率", "充电桩在线率", "充电桩可用性"],
  ],
  [
    "automotive:charging-session-success",
    ["charging success rate", "successful charging sessions", "charge success rate"],
    ["充电成功率", "充电会话成功率", "一次充电成功率"],
  ],
  [
    "automotive:charger-utilisation",
    ["charger utilization", "charger usage", "energy delivered"],
    ["充电桩利用率", "充电桩使用率", "充电量"],
  ],
  [
    "automotive:vehicle-utilisation",
    ["vehicle utilization", "fleet utilisation", "daily mileage"],
    ["车辆利用率", "车辆使用率", "日均里程"],
  ],
  [
    "automotive:odometer-mileage",
    ["odometer reading", "total mileage", "odometer"],
    ["累计里程", "总里程", "里程表读数"],
  ],
  [
    "automotive:vehicle-availability",
    ["vehicle availability", "fleet availability", "vehicle uptime"],
    ["车辆出勤率", "车辆可用率", "车队出勤率"],
  ],
  [
    "automotive:warranty-claims",
    ["warranty claims", "warranty claim", "warranty claim rate"],
    ["保修索赔", "索赔率", "质保索赔"],
  ],
  [
    "automotive:ota-update-success",
    ["OTA update success", "over-the-air updates", "OTA updates", "software update success"],
    ["OTA升级成功率", "远程升级成功率", "OTA 升级"],
  ],
  [
    "automotive:connected-services-adoption",
    ["connected services adoption", "connected car services", "telematics subscription"],
    ["车联网服务采用率", "车联网订阅", "车联网服务"],
  ],
  [
    "automotive:after-sales-service",
    ["after-sales service", "aftersales", "dealer service"],
    ["售后服务", "经销商服务", "维修服务"],
  ],
  [
    "automotive:first-time-fix",
    ["first-time fix rate", "first time fix", "repeat repairs", "repeat repair rate"],
    ["一次修复率", "返修率", "返修"],
  ],
  [
    "core:customer-health",
    ["customer health", "account health", "health score"],
    ["客户健康度", "健康评分", "客户健康分"],
  ],
  [
    "core:engagement",
    ["customer engagement", "engagement", "account engagement"],
    ["客户参与度", "客户互动度", "参与度"],
  ],
  [
    "core:digital-engagement",
    ["digital engagement", "web engagement", "online engagement"],
    ["数字化互动", "线上互动", "网站互动"],
  ],
  ["core:buying-intent", ["buying intent", "purchase intent", "intent signals"], ["购买意向", "购买意图", "采购意向"]],
  [
    "core:communication-engagement",
    ["communication engagement", "meeting cadence", "responsiveness"],
    ["沟通互动", "会议频次", "沟通活跃度"],
  ],
  [
    "core:satisfaction",
    ["customer satisfaction", "satisfaction", "customer experience"],
    ["客户满意度", "满意度", "客户体验"],
  ],
  [
    "core:csat",
    ["CSAT", "CSAT score", "satisfaction rating", "customer satisfaction score"],
    ["客户满意度评分", "满意度评分", "CSAT 分数"],
  ],
  [
    "core:nps",
    ["NPS", "net promoter score", "likelihood to recommend", "NPS score"],
    ["净推荐值", "NPS", "推荐意愿", "NPS 分数"],
  ],
  [
    "core:customer-sentiment",
    ["customer sentiment", "call sentiment", "sentiment"],
    ["客户情绪", "通话情绪", "情绪分析"],
  ],
  [
    "core:customer-effort",
    ["customer effort score", "CES", "customer effort"],
    ["客户费力度", "CES", "客户费力度评分"],
  ],
  ["core:adoption", ["product usage", "usage", "product adoption"], ["产品采用度", "采用度", "使用深度"]],
  ["core:active-usage", ["active usage", "usage intensity"], ["活跃使用", "使用强度"]],
  [
    "core:product-usage-breadth",
    ["product usage breadth", "feature breadth", "breadth of use"],
    ["功能使用广度", "功能覆盖度"],
  ],
  [
    "core:entitlement-utilisation",
    ["entitlement utilization", "entitlement utilisation", "capacity utilisation"],
    ["授权使用率", "授权利用率"],
  ],
  [
    "core:value-realisation",
    ["value realization", "value realisation", "business outcomes"],
    ["价值实现", "业务成果", "成果达成"],
  ],
  [
    "core:reliability",
    ["product reliability", "reliability", "service reliability"],
    ["产品可靠性", "可靠性", "服务可靠性"],
  ],
  [
    "core:uptime",
    ["uptime", "uptime percentage", "operational availability"],
    ["正常运行时间占比", "运行可用性", "在线率"],
  ],
  [
    "core:mean-time-between-failures",
    ["MTBF", "mean time between failures", "time between failures"],
    ["平均故障间隔时间", "MTBF", "平均无故障时间", "平均无故障工作时间"],
  ],
  [
    "core:mean-time-to-repair",
    ["MTTR", "mean time to repair", "time to repair", "repair time"],
    ["平均修复时间", "MTTR", "平均维修时间"],
  ],
  [
    "core:fault-severity",
    ["fault severity", "error codes", "alarm severity", "fault codes"],
    ["故障严重程度", "故障码", "报警等级", "故障等级"],
  ],
  ["core:asset-condition", ["asset condition", "equipment condition"], ["设备状态", "设备健康状况", "资产状况"]],
  ["core:commercial", ["commercial health", "revenue health"], ["商业健康度", "商业状况", "收入健康度"]],
  [
    "core:renewal-likelihood",
    ["renewal likelihood", "renewal probability", "likelihood of renewal", "chance of renewal"],
    ["续约可能性", "续约概率", "续约几率"],
  ],
  [
    "core:renewal-momentum",
    ["renewal momentum", "renewal-rate trend", "renewal trajectory"],
    ["续约率趋势", "续约趋势"],
  ],
  [
    "core:churn-risk",
    ["churn risk", "risk of churn", "attrition risk", "cancellation risk"],
    ["流失风险", "客户流失风险", "退订风险"],
  ],
  [
    "core:payment-behaviour",
    ["payment behaviour", "payment behavior", "payment discipline"],
    ["付款行为", "回款情况", "付款纪律"],
  ],
  [
    "core:days-sales-outstanding",
    ["days sales outstanding", "debtor days", "average collection period"],
    ["应收账款周转天数", "平均收账期", "应收账款回收期"],
  ],
  [
    "core:overdue-invoices",
    ["overdue invoices", "past-due invoices", "unpaid invoices", "overdue invoice", "arrears"],
    ["逾期发票", "逾期账款", "欠款", "逾期未付发票"],
  ],
  [
    "core:recurring-revenue",
    ["recurring revenue", "annual recurring revenue", "ARR", "contract value"],
    ["经常性收入", "年度经常性收入", "ARR"],
  ],
  [
    "core:expansion-potential",
    ["expansion potential", "upsell potential", "cross-sell potential"],
    ["增购潜力", "扩展潜力", "交叉销售潜力"],
  ],
  ["core:relationship", ["relationship strength", "account relationship"], ["客户关系", "关系强度", "客户关系强度"]],
  [
    "core:stakeholder-coverage",
    ["stakeholder coverage", "buying committee coverage", "contact coverage", "multithreading"],
    ["决策链覆盖度", "利益相关方覆盖", "采购委员会覆盖"],
  ],
  [
    "core:executive-sponsorship",
    ["executive sponsorship", "executive sponsor", "exec sponsor", "C-level relationship"],
    ["高层支持", "高管赞助", "高层关系"],
  ],
  [
    "core:champion-strength",
    ["champion strength", "champion", "internal advocate"],
    ["内部拥护者强度", "内部支持者", "内部倡导者"],
  ],
  ["core:compliance-standing", ["compliance standing", "regulatory standing"], ["合规状态", "合规状况", "准入合规"]],
  [
    "core:support",
    ["support experience", "customer support", "service desk performance"],
    ["服务支持体验", "客户支持", "售后支持"],
  ],
  [
    "core:first-response-time",
    ["first response time", "time to first response", "first reply time", "FRT"],
    ["首次响应时间", "首响时间", "首次回复时间"],
  ],
  [
    "core:ticket-resolution",
    ["ticket resolution time", "resolution time", "time to resolution", "time to resolve"],
    ["工单解决时长", "解决时长", "结单时间", "工单处理时长"],
  ],
  [
    "core:support-quality",
    ["support quality", "reopened tickets", "reopen rate", "first contact resolution", "ticket reopens"],
    ["支持质量", "重开率", "一次解决率", "工单重开"],
  ],
  [
    "core:sla-compliance",
    ["SLA compliance", "SLA breach rate", "service level attainment"],
    ["SLA 达成率", "SLA违约率", "服务水平达成率"],
  ],
  [
    "core:support-backlog",
    ["support backlog", "open tickets", "ticket backlog", "open support tickets"],
    ["未结工单积压", "未结工单", "工单积压"],
  ],
  [
    "core:escalations",
    ["escalations", "escalated cases", "escalated tickets", "escalation rate"],
    ["工单升级", "升级率", "投诉升级"],
  ],
  [
    "ecommerce:channel-mix",
    ["channel mix", "sales channels", "omnichannel mix"],
    ["渠道结构", "销售渠道", "全渠道结构"],
  ],
  [
    "ecommerce:marketplace-channel",
    ["marketplace channel", "third-party marketplace", "marketplace"],
    ["第三方平台渠道", "电商平台", "平台店铺"],
  ],
  [
    "ecommerce:own-web-shop",
    ["own web shop", "DTC store", "brand web shop", "own online store"],
    ["独立站", "品牌独立站", "自营网店"],
  ],
  ["ecommerce:sales-performance", ["sales performance", "store performance"], ["销售表现", "销售业绩", "店铺销售"]],
  [
    "ecommerce:order-volume",
    ["order volume", "order count", "orders per day", "number of orders"],
    ["订单量", "订单数", "日订单量"],
  ],
  ["ecommerce:gmv", ["GMV", "gross merchandise value", "gross sales"], ["商品交易总额", "GMV", "成交总额"]],
  [
    "ecommerce:average-order-value",
    ["average order value", "AOV", "basket size"],
    ["客单价", "平均订单金额", "笔单价"],
  ],
  [
    "ecommerce:conversion-rate",
    ["conversion rate", "CVR", "session conversion rate", "store conversion"],
    ["转化率", "购买转化率", "CVR"],
  ],
  [
    "ecommerce:repeat-purchase-rate",
    ["repeat purchase rate", "returning customer rate", "repeat customers"],
    ["复购率", "回头客比例", "重复购买率"],
  ],
  [
    "ecommerce:post-purchase-experience",
    ["post-purchase experience", "buyer experience", "buyer satisfaction"],
    ["售后体验", "买家体验", "买家满意度"],
  ],
  [
    "ecommerce:return-rate",
    ["return rate", "returns rate", "refund rate", "product returns"],
    ["退货率", "退款率", "退换货率"],
  ],
  ["ecommerce:review-rating", ["review rating", "star rating", "product rating"], ["商品评分", "星级评分", "店铺评分"]],
  [
    "ecommerce:chargeback-rate",
    ["chargeback rate", "chargebacks", "dispute rate", "chargeback ratio"],
    ["拒付率", "争议率", "拒付"],
  ],
  [
    "ecommerce:seller-performance",
    ["seller performance", "seller metrics", "marketplace account health"],
    ["店铺绩效", "店铺健康度", "卖家绩效"],
  ],
  ["ecommerce:order-defect-rate", ["order defect rate", "ODR", "defective orders"], ["订单缺陷率", "ODR"]],
  [
    "ecommerce:late-shipment-rate",
    ["late shipment rate", "late dispatch rate", "LSR"],
    ["迟发率", "延迟发货率", "发货延迟率"],
  ],
  [
    "ecommerce:valid-tracking-rate",
    ["valid tracking rate", "VTR", "tracking rate"],
    ["有效追踪率", "物流追踪有效率", "VTR"],
  ],
  [
    "ecommerce:cancellation-rate",
    [
      "cancellation rate",
      "pre-fulfilment cancellation rate",
      "pre-fulfillment cancellation rate",
      "order cancellation rate",
    ],
    ["配送前取消率", "取消率", "发货前取消率"],
  ],
  [
    "ecommerce:cross-border-logistics",
    ["cross-border logistics", "cross-border shipping", "international fulfillment"],
    ["跨境物流", "国际物流", "跨境配送"],
  ],
  [
    "ecommerce:customs-clearance",
    ["customs clearance", "clearance time", "customs holds", "customs clearance time"],
    ["清关", "清关时效", "海关清关", "清关时间"],
  ],
  [
    "education:platform-adoption",
    ["learning platform adoption", "LMS adoption", "platform adoption"],
    ["学习平台采用度", "平台采用度", "LMS 使用率"],
  ],
  [
    "education:active-learners",
    ["active learners", "active students", "weekly active learners"],
    ["活跃学习者", "活跃学生数", "活跃学生"],
  ],
  [
    "education:instructor-adoption",
    ["instructor adoption", "faculty adoption", "teacher adoption", "teacher usage"],
    ["教师使用率", "教师采用率", "教职工使用率"],
  ],
  ["education:course-coverage", ["course coverage"], ["课程上线率", "课程覆盖率", "线上课程占比"]],
  [
    "education:licence-utilisation",
    ["learner licence utilisation", "learner license utilization", "learner seat utilization"],
    ["学习者许可使用率", "学习席位使用率"],
  ],
  [
    "education:learner-engagement",
    ["learner engagement", "student engagement", "learning engagement"],
    ["学习投入度", "学生参与度", "学习参与度"],
  ],
  [
    "education:assignment-submission",
    ["assignment submission rate", "on-time submission rate", "homework submission rate", "assignment submissions"],
    ["作业提交率", "按时提交率", "作业按时提交率"],
  ],
  [
    "education:discussion-participation",
    ["discussion participation", "forum participation", "forum posts"],
    ["讨论区参与度", "论坛发帖", "讨论参与"],
  ],
  [
    "education:video-engagement",
    ["video engagement", "watch time", "lecture viewing"],
    ["视频学习时长", "观看时长", "视频完成度"],
  ],
  [
    "education:learning-outcomes",
    ["learning outcomes", "student outcomes", "student success"],
    ["学习成效", "学生成效", "学习成果"],
  ],
  [
    "education:course-completion",
    ["course completion rate", "completion rate", "course completions"],
    ["课程完成率", "完课率", "结课率"],
  ],
  [
    "education:assessment-performance",
    ["assessment performance", "quiz scores", "average assessment score", "exam scores"],
    ["测评成绩", "测验成绩", "考试成绩"],
  ],
  ["education:pass-rate", ["pass rate", "course pass rate", "DFW rate"], ["通过率", "及格率", "课程通过率"]],
  [
    "education:student-retention",
    ["student retention", "persistence", "continuation rate"],
    ["学生保留率", "在读保持率", "续读率"],
  ],
  [
    "education:at-risk-learners",
    ["at-risk learners", "at-risk students", "students at risk", "early alerts"],
    ["学业预警学生", "学业预警", "风险学生占比"],
  ],
  [
    "education:learner-satisfaction",
    ["learner satisfaction", "course evaluations", "student satisfaction", "course satisfaction"],
    ["学习满意度", "课程评价", "学生评教"],
  ],
  [
    "finance:kyc",
    ["know your customer", "KYC", "customer due diligence"],
    ["了解你的客户", "客户尽职调查", "客户身份识别"],
  ],
  ["finance:kyc-status", ["KYC status", "KYC file status", "KYC completeness"], ["KYC 状态", "尽调状态", "KYC完整性"]],
  [
    "finance:identity-verification",
    ["identity verification", "ID verification", "IDV", "ID document expired"],
    ["身份核验", "身份核实", "证件核验"],
  ],
  [
    "finance:beneficial-ownership",
    ["beneficial ownership", "UBO verification", "ultimate beneficial owner", "beneficial owners", "UBO"],
    ["受益所有人", "受益所有人识别", "最终受益所有人", "UBO 核查"],
  ],
  [
    "finance:sanctions-screening",
    ["sanctions screening", "sanctions check", "OFAC screening"],
    ["制裁名单筛查", "制裁筛查", "制裁名单"],
  ],
  [
    "finance:pep-screening",
    ["PEP screening", "PEP match", "politically exposed person"],
    ["政治公众人物筛查", "PEP 筛查", "政要筛查"],
  ],
  [
    "finance:due-diligence-level",
    ["due diligence level", "EDD", "enhanced due diligence"],
    ["尽职调查等级", "尽调等级", "强化尽职调查"],
  ],
  [
    "finance:kyc-review-currency",
    ["KYC refresh", "periodic review", "days since KYC review", "KYC review"],
    ["尽调复核时效", "定期复核", "KYC 更新"],
  ],
  ["finance:financial-crime-risk", ["financial crime risk", "AML/CFT risk"], ["金融犯罪风险", "金融犯罪合规"]],
  [
    "finance:aml-risk-rating",
    ["AML risk rating", "customer risk rating", "money laundering risk rating", "AML rating"],
    ["洗钱风险等级", "客户风险评级", "反洗钱风险等级"],
  ],
  [
    "finance:transaction-monitoring-alerts",
    ["transaction monitoring alerts", "AML alerts", "suspicious activity alerts"],
    ["交易监测预警", "可疑交易预警", "反洗钱预警"],
  ],
  ["finance:receivables", ["receivables health", "accounts receivable"], ["应收账款健康度", "应收账款", "应收管理"]],
  ["finance:days-sales-outstanding", ["DSO"], ["应收账款回收天数"]],
  ["finance:days-past-due", ["days past due", "DPD", "days overdue", "overdue days"], ["逾期天数", "拖欠天数", "DPD"]],
  [
    "finance:collection-effectiveness",
    ["collection effectiveness", "CEI", "collection effectiveness index"],
    ["催收有效性指数", "回款有效率", "CEI"],
  ],
  [
    "finance:renewal-rate",
    ["contract renewal rate", "licence renewal rate", "license renewal rate"],
    ["合同续约率", "许可续签率"],
  ],
  [
    "finance:policy-retention",
    ["policy retention", "policy renewal rate", "insurance retention", "persistency"],
    ["保单续保率", "续保率", "保单继续率"],
  ],
  [
    "finance:credit-utilisation",
    ["credit utilization", "credit limit utilisation", "credit line usage"],
    ["授信使用率", "额度使用率", "授信敞口"],
  ],
  [
    "finance:product-holding",
    ["product holding", "products per client", "share of wallet"],
    ["产品持有数", "持有产品数", "钱包份额"],
  ],
  [
    "healthcare:care-quality",
    ["quality of care", "care quality", "clinical quality"],
    ["医疗质量", "诊疗质量", "临床结局"],
  ],
  [
    "healthcare:clinical-pathway",
    ["clinical pathway adherence", "clinical pathways", "care pathway"],
    ["临床路径执行", "临床路径", "入径管理"],
  ],
  [
    "healthcare:pathway-milestone-completion",
    ["pathway milestone completion", "pathway completion rate"],
    ["路径节点完成率", "临床路径完成率"],
  ],
  [
    "healthcare:pathway-variance",
    ["pathway variance rate", "pathway variance", "pathway deviations"],
    ["路径变异率", "变异率", "退出路径率"],
  ],
  [
    "healthcare:patient-follow-up",
    ["patient follow-up rate", "follow-up rate", "post-discharge follow-up"],
    ["患者随访率", "随访率", "出院随访率"],
  ],
  [
    "healthcare:readmission-rate",
    ["readmission rate", "readmissions", "30-day readmission rate", "readmission"],
    ["再入院率", "非计划再入院率", "再住院率"],
  ],
  [
    "healthcare:length-of-stay",
    ["length of stay", "average length of stay", "ALOS", "LOS"],
    ["平均住院日", "平均住院天数", "住院天数"],
  ],
  [
    "healthcare:patient-experience",
    ["patient experience", "patient satisfaction", "HCAHPS"],
    ["患者体验", "患者满意度", "就医体验"],
  ],
  [
    "healthcare:report-turnaround",
    ["report turnaround time", "radiology turnaround", "report TAT"],
    ["报告出具时间", "报告周转时间", "出报告时间"],
  ],
  [
    "healthcare:equipment-utilisation",
    ["equipment utilization", "scanner utilisation", "exams per device per day"],
    ["设备使用率", "设备利用率", "单机日检查量"],
  ],
  [
    "healthcare:equipment-service",
    ["medical equipment service", "biomedical maintenance", "clinical engineering service"],
    ["医疗设备服务", "设备维保", "医疗设备维护"],
  ],
  [
    "healthcare:preventive-maintenance-compliance",
    ["scheduled maintenance compliance", "service overdue", "overdue maintenance"],
    ["计划维护完成率", "保养逾期", "预防性维护完成率"],
  ],
  [
    "healthcare:calibration-compliance",
    ["calibration compliance", "calibration", "metrology compliance", "calibration expired"],
    ["计量校准合规", "计量校准", "强检", "强制检定"],
  ],
  [
    "healthcare:remote-quality-control",
    ["remote QC", "remote quality control", "phantom QC", "QC check"],
    ["远程质控", "远程质量控制", "体模质控"],
  ],
  [
    "healthcare:equipment-uptime",
    ["equipment uptime", "scanner uptime", "device uptime"],
    ["设备开机率", "设备可用率", "开机率"],
  ],
  [
    "healthcare:service-response-time",
    ["service response time", "engineer on-site time", "engineer arrival time"],
    ["维修响应时间", "工程师到场时间", "报修响应时间"],
  ],
  [
    "manufacturing:oee",
    ["OEE", "overall equipment effectiveness", "overall equipment efficiency"],
    ["设备综合效率", "OEE", "全局设备效率"],
  ],
  ["manufacturing:oee-availability", ["OEE availability", "availability rate"], ["时间开动率", "时间稼动率"]],
  [
    "manufacturing:oee-performance",
    ["OEE performance", "performance rate", "performance efficiency"],
    ["性能开动率", "性能稼动率", "速度效率"],
  ],
  ["manufacturing:oee-quality", ["OEE quality", "quality rate", "yield"], ["合格品率", "良品率", "质量率"]],
  ["manufacturing:teep", ["TEEP", "total effective equipment performance"], ["完全有效生产率", "TEEP"]],
  [
    "manufacturing:unplanned-downtime",
    ["unplanned downtime", "breakdown time", "unplanned stoppages"],
    ["非计划停机", "故障停机", "意外停机"],
  ],
  ["manufacturing:changeover-time", ["changeover time", "setup time", "SMED"], ["换型时间", "换模时间", "快速换模"]],
  ["manufacturing:speed-loss", ["speed loss", "minor stops", "reduced speed"], ["速度损失", "小停机", "降速运行"]],
  [
    "manufacturing:production-quality",
    ["production quality", "manufacturing quality", "process quality"],
    ["生产质量", "制造质量", "过程质量"],
  ],
  ["manufacturing:scrap-rate", ["scrap rate", "reject rate", "scrap percentage"], ["废品率", "报废率", "不良率"]],
  [
    "manufacturing:first-pass-yield",
    ["first pass yield", "FPY", "first time right"],
    ["一次合格率", "一次通过率", "直通率"],
  ],
  [
    "manufacturing:customer-complaints",
    ["quality complaints", "customer complaints", "8D reports", "field failures"],
    ["质量投诉", "客户投诉", "市场质量问题"],
  ],
  [
    "manufacturing:supplier-quality",
    ["supplier quality", "incoming quality", "incoming inspection"],
    ["供应商来料质量", "来料质量", "来料检验合格率"],
  ],
  [
    "manufacturing:delivery-performance",
    [
      "delivery performance",
      "on-time delivery",
      "OTIF",
      "on time in full",
      "on-time deliveries",
      "delivery reliability",
    ],
    ["交付绩效", "准时交付率", "准时足量交付率", "交付可靠性"],
  ],
  [
    "manufacturing:maintenance-effectiveness",
    ["maintenance effectiveness", "maintenance performance", "asset care"],
    ["维护有效性", "设备维护绩效", "维保有效性"],
  ],
  [
    "manufacturing:pm-compliance",
    ["planned maintenance compliance", "PMC", "PM completion"],
    ["计划保养完成率", "PM 完成率"],
  ],
  ["manufacturing:machine-condition", ["machine condition", "machine health"], ["设备运行状态", "机床状态"]],
  [
    "manufacturing:vibration-severity",
    ["vibration severity", "vibration velocity", "vibration level"],
    ["振动烈度", "振动等级", "振动速度有效值"],
  ],
  [
    "manufacturing:aftermarket-spend",
    ["aftermarket spend", "spare parts revenue", "aftermarket revenue", "spare parts spend"],
    ["售后备件与服务支出", "备件收入", "售后收入"],
  ],
  [
    "manufacturing:service-contract-coverage",
    ["service contract coverage", "contract attach rate", "installed base under contract"],
    ["服务合同覆盖率", "维保合同覆盖率", "在保设备占比"],
  ],
  ["saas:product-adoption", ["software adoption"], ["产品采用", "软件采用度", "产品使用深度"]],
  [
    "saas:active-users",
    ["active users", "daily active users", "monthly active users", "DAU", "MAU"],
    ["活跃用户数", "日活", "月活"],
  ],
  ["saas:weekly-active-users", ["weekly active users", "weekly actives"], ["周活跃用户数", "周活跃用户"]],
  ["saas:stickiness", ["stickiness", "DAU/MAU ratio", "usage frequency"], ["用户黏性", "日活月活比", "用户粘性"]],
  [
    "saas:feature-adoption",
    ["feature usage", "module adoption", "key feature adoption"],
    ["功能使用率", "模块采用率", "核心功能采用率"],
  ],
  [
    "saas:license-utilisation",
    ["license utilization", "licence utilisation", "seat usage", "seat utilization", "license usage"],
    ["许可使用率", "席位使用率", "许可证使用率"],
  ],
  [
    "saas:onboarding-completion",
    ["onboarding completion", "onboarding progress", "implementation progress"],
    ["上线引导完成度", "实施进度", "新手引导完成率"],
  ],
  ["saas:time-to-value", ["time to value", "TTV", "time to first value"], ["价值实现时间", "首次价值时间", "TTV"]],
  [
    "saas:integration-depth",
    ["integration depth", "connected integrations", "API usage"],
    ["集成深度", "系统集成度", "API 使用量"],
  ],
  [
    "saas:subscription-status",
    ["subscription status", "billing status", "plan status"],
    ["订阅状态", "计费状态", "套餐状态"],
  ],
  [
    "saas:cancellation-scheduled",
    ["scheduled cancellation", "cancel at period end", "non-renewal notice"],
    ["已预约取消", "到期取消", "不续订通知"],
  ],
  ["saas:mrr", ["monthly recurring revenue", "MRR"], ["月度经常性收入", "月经常性收入", "MRR"]],
  [
    "saas:net-revenue-retention",
    ["net revenue retention", "NRR", "net dollar retention"],
    ["净收入留存率", "净美元留存率", "NRR"],
  ],
  [
    "saas:gross-revenue-retention",
    ["gross revenue retention", "GRR", "gross dollar retention"],
    ["总收入留存率", "毛收入留存率", "GRR"],
  ],
  [
    "saas:expansion-revenue",
    ["expansion revenue", "upsell revenue", "expansion MRR"],
    ["扩展收入", "增购收入", "扩展 MRR"],
  ],
  [
    "saas:service-availability",
    ["service availability", "SLO attainment", "SLA uptime"],
    ["服务可用性", "服务可用率", "SLO 达成率"],
  ],
  [
    "saas:incident-impact",
    ["incident impact", "production incidents", "outages", "Sev1 incidents"],
    ["故障影响", "生产事故", "服务中断"],
  ],
  [
    "saas:product-qualified-signal",
    ["product-qualified lead", "PQL", "usage-limit hit", "usage limit reached"],
    ["产品内购买信号", "产品合格线索", "触达用量上限"],
  ],
];

const isConceptName = (e: LexiconEntry) => e.kind === "CONCEPT" || e.kind === "FIELD";
const fold = (text: string) => text.replace(/\s+/g, "").toLowerCase();

/** The concepts a phrase resolves to as a whole (one match covering all of it), or [] when none does. */
function resolve(phrase: string): string[] {
  const whole = lexicon.findAll(phrase, isConceptName).find((m) => fold(m.text) === fold(phrase));
  if (whole === undefined) return [];
  return [...new Set(whole.entries.map((e) => (e.kind === "FIELD" ? (e.concept as string) : e.id)))];
}

describe("the names of every pack concept", () => {
  it("has phrasings for every concept of the built-in packs", () => {
    expect(PHRASINGS.map(([id]) => id).sort()).toEqual([...conceptIds].sort());
  });

  it.each(PHRASINGS.map(([id, en, zh]) => [id, en, zh] as const))("finds %s by its phrasings", (id, en, zh) => {
    const missed = [...en, ...zh].filter((phrase) => !resolve(phrase).includes(id));
    expect(missed).toEqual([]);
  });

  it("gives a name to two concepts only from different packs (the grammar picks by the account's industry)", () => {
    const byName = new Map<string, Set<string>>();
    for (const entry of lexicon.entries) {
      if (entry.kind !== "CONCEPT") continue;
      const key = stemsOf(entry.phrase).join(" ");
      byName.set(key, (byName.get(key) ?? new Set()).add(entry.id));
    }
    // Abbreviations a narrower concept shares with its broader one in the same pack, kept on purpose.
    const intended = new Set(["cdd", "wau", "周 活"]);
    const clashes = [...byName]
      .filter(([name]) => !intended.has(name))
      .filter(([, ids]) => {
        const packs = [...ids].map((id) => id.split(":")[0]);
        return new Set(packs).size < packs.length;
      })
      .map(([name, ids]) => `${name}: ${[...ids].join(", ")}`);
    expect(clashes).toEqual([]);
  });

  it("keeps a name the pack gives one concept from becoming another's by a respelling", () => {
    expect(resolve("seat utilization")).toEqual(["saas:license-utilisation"]);
    expect(resolve("seat utilisation").sort()).toEqual([
      "core:entitlement-utilisation",
      "education:licence-utilisation",
      "saas:license-utilisation",
    ]);
  });
});

describe("spellings", () => {
  it("writes British labels the American way and back, and hyphenated words as one", () => {
    expect(spellingVariants("Licence utilisation")).toContain("License utilization");
    expect(spellingVariants("Payment behavior")).toContain("Payment behaviour");
    expect(spellingVariants("Pre-fulfilment cancellation rate")).toEqual(
      expect.arrayContaining(["Pre-fulfillment cancellation rate", "Prefulfilment cancellation rate"]),
    );
    expect(spellingVariants("Cancelled orders")).toContain("Canceled orders");
    expect(spellingVariants("Enterprise risk")).toEqual([]);
  });

  it("finds concepts whatever the spelling", () => {
    expect(resolve("entitlement utilization")).toContain("core:entitlement-utilisation");
    expect(resolve("charger utilization")).toContain("automotive:charger-utilisation");
    expect(resolve("payment behavior")).toContain("core:payment-behaviour");
    expect(resolve("follow up rate")).toContain("healthcare:patient-follow-up");
    expect(resolve("followup rate")).toContain("healthcare:patient-follow-up");
  });
});

describe("the plain-language phrase data", () => {
  it("names only concepts of the packs, and values their lookup tables have", () => {
    expect(Object.keys(CONCEPT_PHRASES).filter((id) => !conceptIds.includes(id))).toEqual([]);
    const missing = VALUE_PHRASES.filter(({ concept, value }) => {
      const info = lexicon.concepts.get(concept);
      return !info?.mappings.some((m) =>
        m.transform.kind === "lookup"
          ? value in m.transform.table
          : m.transform.kind === "category" && value in m.transform.levels,
      );
    });
    expect(missing).toEqual([]);
  });

  it("reads phrases like labels in both grammars: they are alternative labels of the lexicon's concept", () => {
    const info = lexicon.concepts.get("core:support-quality");
    expect(info?.spec.altLabel.en).toEqual(expect.arrayContaining(["reopened tickets", "Reopen rate"]));
    expect(info?.spec.altLabel.zh).toEqual(expect.arrayContaining(["工单重开", "重开率"]));
    const entry = lexicon.entries.find((e) => e.kind === "CONCEPT" && e.phrase === "reopened tickets");
    expect(entry?.source).toBe("phrase");
  });
});

describe("categorical values", () => {
  const values = (text: string) =>
    lexicon
      .findAll(text, (e) => e.kind === "CONCEPT_VALUE")
      .flatMap((m) => m.entries.map((e) => `${e.concept}=${e.id}`));

  it("knows the values by the table's spelling and by everyday words, in both languages", () => {
    expect(values("late")).toContain("manufacturing:delivery-performance=LATE");
    expect(values("delayed")).toContain("manufacturing:delivery-performance=LATE");
    expect(values("on-time")).toContain("manufacturing:delivery-performance=ON_TIME");
    expect(values("partially delivered")).toContain("manufacturing:delivery-performance=PARTIAL");
    expect(values("overdue")).toContain("saas:subscription-status=past_due");
    expect(values("cancelled")).toContain("saas:subscription-status=canceled");
    expect(values("lapsed")).toContain("finance:kyc-status=EXPIRED");
    expect(values("high-risk")).toContain("finance:aml-risk-rating=HIGH");
    expect(values("晚到")).toContain("manufacturing:delivery-performance=LATE");
    expect(values("已过期")).toContain("finance:kyc-status=EXPIRED");
  });

  it("drafts counted events of a value: 'late deliveries', 'delayed deliveries', 'partial deliveries'", () => {
    const trigger = (text: string) => draftPlaybookFromText(text, context, "en").trigger;
    expect(
      trigger("If a plant customer racks up four late deliveries within 60 days, give the account owner a task."),
    ).toMatchObject({
      kind: "SIGNAL_COUNT",
      signals: { concept: "manufacturing:delivery-performance", valueEquals: "LATE" },
      count: 4,
    });
    expect(
      trigger("When a manufacturer sees two delayed deliveries in a fortnight, create a task for Tom Becker."),
    ).toMatchObject({ signals: { concept: "manufacturing:delivery-performance", valueEquals: "LATE" }, count: 2 });
    expect(
      trigger("If a factory account has 5 partial deliveries in 30 days, notify the account owner."),
    ).toMatchObject({ signals: { concept: "manufacturing:delivery-performance", valueEquals: "PARTIAL" }, count: 5 });
  });

  it("drafts counted flag events said as nouns: reopened tickets, repeat repairs, 返修, 工单被重新打开", () => {
    const trigger = (text: string) => draftPlaybookFromText(text, context).trigger;
    expect(
      trigger("If an enterprise customer has more than two reopened tickets in a week, create a task for David."),
    ).toMatchObject({ signals: { concept: "core:support-quality", valueEquals: "true" }, count: 3, withinDays: 7 });
    expect(
      trigger("When a fleet customer's vehicles need three repeat repairs within a month, alert the account owner."),
    ).toMatchObject({ signals: { concept: "automotive:first-time-fix", valueEquals: "true" }, count: 3 });
    expect(trigger("车企客户的车辆一个季度内返修四次以上，就让售后团队跟进。")).toMatchObject({
      signals: { concept: "automotive:first-time-fix", valueEquals: "true" },
    });
    expect(trigger("两周内有两张工单被重新打开的客户，让赵磊复盘。")).toMatchObject({
      signals: { concept: "core:support-quality", valueEquals: "true" },
      count: 2,
    });
  });
});

describe("the event vocabulary", () => {
  /** The event types a language's record and action words reach. */
  function reachable(lang: "en" | "zh"): Set<ChangeType> {
    const types = new Set<ChangeType>();
    for (const record of CHANGE_RECORD_TYPES) {
      if ((RECORD_WORDS[lang][record] ?? []).length === 0) continue;
      for (const action of EVENT_ACTIONS) {
        if (EVENT_ACTION_WORDS[lang][action].length === 0) continue;
        for (const part of ["GRADE", "SCORE"] as const) {
          const type = eventTypeOf(record, action, part);
          if (type !== null) types.add(type);
        }
      }
    }
    return types;
  }

  it.each(["en", "zh"] as const)("reaches every change type with %s words", (lang) => {
    const reached = reachable(lang);
    expect(CHANGE_TYPES.filter((type) => !reached.has(type))).toEqual([]);
  });

  it("maps words for what happened onto the record's own events", () => {
    expect(eventTypeOf("TICKET", "CREATED")).toBe("TICKET_CREATED");
    expect(eventTypeOf("TICKET", "RECORDED")).toBe("TICKET_CREATED");
    expect(eventTypeOf("TICKET", "SUBMITTED")).toBe("TICKET_CREATED");
    expect(eventTypeOf("CONSENT", "UPDATED")).toBe("CONSENT_RECORDED");
    expect(eventTypeOf("CONSENT", "REVOKED")).toBe("CONSENT_RECORDED");
    expect(eventTypeOf("PERSON", "DELETED")).toBe("PERSON_ERASED");
    expect(eventTypeOf("PERSON", "UPDATED")).toBeNull();
    expect(eventTypeOf("CONTRACT", "CREATED")).toBe("CONTRACT_DEFINED");
    expect(eventTypeOf("CONTRACT", "DELETED")).toBe("CONTRACT_REVOKED");
    expect(eventTypeOf("MPU_EXPERIMENT", "CREATED")).toBe("MPU_EXPERIMENT_STARTED");
    expect(eventTypeOf("ACCOUNT", "RECORDED")).toBe("ACCOUNT_CREATED");
    expect(eventTypeOf("ACCOUNT", "REJECTED")).toBeNull();
    expect(eventTypeOf("OUTCOME", "CREATED")).toBe("OUTCOME_RECORDED");
    expect(eventTypeOf("MAPPING", "DELETED")).toBe("MAPPING_REMOVED");
  });

  it("drafts events said in everyday words", () => {
    const types = (text: string) =>
      (draftPlaybookFromText(text, context, "en").trigger as { eventTypes?: string[] })?.eventTypes;
    expect(types("As soon as a support case is raised by a university customer, give Raj a triage task.")).toEqual([
      "TICKET_CREATED",
    ]);
    expect(types("Whenever a new ticket arrives from a bank, create a task for the account owner.")).toEqual([
      "TICKET_CREATED",
    ]);
    expect(types("When marketing consent is withdrawn or given, notify the compliance officer.")).toEqual([
      "CONSENT_RECORDED",
    ]);
    expect(types("Once a data subject is erased, tell the compliance officer.")).toEqual(["PERSON_ERASED"]);
  });
});

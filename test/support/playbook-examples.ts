import { PlaybookDefinition } from "../../domain/automation/playbook";

/** Seed scenario 1 (docs/automation.md): 3 views of the remote quality-control page in 7 days. */
export const REMOTE_QC_PLAYBOOK: PlaybookDefinition = {
  name: "Remote QC interest at hospitals",
  intent: "Turn a hospital's repeated interest in remote quality control into a demo, cleared by compliance.",
  mode: "SUGGEST",
  ownerUserId: "u-sales-lead",
  trigger: {
    kind: "SIGNAL_COUNT",
    signals: { field: "page_view", valueEquals: "/remote-quality-control", subjectKinds: ["CONTACT"] },
    count: 3,
    withinDays: 7,
    scope: "ACCOUNT",
  },
  conditions: [
    { kind: "ACCOUNT_FIELD", field: "industry", op: "IN", values: ["Hospital", "Healthcare"] },
    { kind: "NO_OPEN_TASK", template: "demo-plan" },
  ],
  actions: [
    { kind: "RAISE_INTENT_SIGNAL", intent: "remote-qc-interest", strength: 0.8 },
    {
      kind: "CREATE_TASK",
      template: "demo-plan",
      title: "Plan a remote QC demo",
      assignee: { kind: "ACCOUNT_OWNER" },
      dueInDays: 5,
    },
    {
      kind: "OPEN_REVIEW",
      reviewType: "compliance-pre-review",
      title: "Compliance pre-review of the remote QC demo",
      assignee: { kind: "ROLE", role: "compliance" },
      dueInDays: 3,
    },
  ],
  feedback: { kind: "TASK_COMPLETED", withinDays: 14, template: "demo-plan" },
  limits: { maxFiringsPerSubject: 1, periodDays: 30, pauseAfterFailures: 3 },
};

/** Seed scenario 2: battery health falling fast across a region's vehicles. */
export const BATTERY_FADE_PLAYBOOK: PlaybookDefinition = {
  name: "Battery fade in a region",
  intent: "Catch a cell batch degrading faster than expected before customers do.",
  mode: "AUTO",
  ownerUserId: "u-service-manager",
  trigger: {
    kind: "CONCEPT_TREND",
    concept: "automotive:battery-state-of-health",
    direction: "FALLING",
    ratePerDay: 0.05,
    withinDays: 30,
    scope: "REGION",
    minSubjects: 2,
  },
  conditions: [{ kind: "HAS_ORGANIZATION", servingRegion: true }],
  actions: [
    {
      kind: "CREATE_TASK",
      template: "battery-work-order",
      title: "Inspect the battery packs of the vehicles listed",
      assignee: { kind: "ORGANIZATION", servingRegion: true },
      dueInDays: 7,
    },
    { kind: "FLAG_RECORDS", target: "BATCH", flag: "rnd-review", note: "Fade faster than 0.05 %/day" },
  ],
  feedback: { kind: "TASK_COMPLETED", withinDays: 14 },
  limits: { maxFiringsPerSubject: 1, periodDays: 14, pauseAfterFailures: 3 },
};

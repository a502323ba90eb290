export type AutomationErrorCode =
  | "INVALID_AUTOMATION_INPUT"
  | "TASK_NOT_FOUND"
  | "PROPOSAL_NOT_FOUND"
  | "RECEIPT_NOT_FOUND"
  | "NOT_ASSIGNEE"
  | "NOT_PLAYBOOK_OWNER"
  | "TASK_ALREADY_CLOSED"
  | "PROPOSAL_ALREADY_DECIDED"
  | "RECEIPT_ALREADY_ACKNOWLEDGED"
  | "FIRING_ALREADY_CARRIED_OUT";

/** A task, proposal or receipt request that cannot be carried out as sent; the message says what to change. */
export class AutomationError extends Error {
  constructor(
    readonly code: AutomationErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "AutomationError";
  }
}

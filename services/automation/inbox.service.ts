import { AutomationError } from "../../domain/automation/automation.errors";
import { assertNodeId } from "../../domain/ids/node-id";
import { Proposal, ProposalRepository, ProposalStatus } from "../../graph/automation/proposal.repository";
import { Receipt, ReceiptRepository, ReceiptStatus } from "../../graph/automation/receipt.repository";
import { AutomationPage, AutomationPager } from "./automation-paging";

export interface ProposalFilter {
  status?: ProposalStatus | null;
  playbookId?: string | null;
  accountId?: string | null;
  ownerUserId?: string | null;
}

export interface ReceiptFilter {
  status?: ReceiptStatus | null;
  playbookId?: string | null;
  accountId?: string | null;
  ownerUserId?: string | null;
}

function optionalId(value: string | null | undefined, argument: string): string | null {
  if (value === null || value === undefined) return null;
  if (value.length === 0 || value.length > 200) {
    throw new AutomationError(
      "INVALID_AUTOMATION_INPUT",
      `filter.${argument} must be 1 to 200 characters long; it is ${value.length}.`,
    );
  }
  return value;
}

/** The proposals and receipts playbooks leave for their owners. */
export class InboxService {
  constructor(
    private readonly proposalsRepository: ProposalRepository,
    private readonly receiptsRepository: ReceiptRepository,
    private readonly pager: AutomationPager,
  ) {}

  async proposals(
    filter: ProposalFilter | null | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<AutomationPage<Proposal>> {
    const f = filter ?? {};
    const position = this.pager.position("proposals", first, after);
    const rows = await this.proposalsRepository.page(
      {
        status: f.status ?? null,
        playbookId: optionalId(f.playbookId, "playbookId"),
        accountId: f.accountId ? assertNodeId("Account", f.accountId, "filter.accountId") : null,
        ownerUserId: optionalId(f.ownerUserId, "ownerUserId"),
      },
      position,
    );
    return this.pager.page("proposals", rows, position.size);
  }

  async receipts(
    filter: ReceiptFilter | null | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<AutomationPage<Receipt>> {
    const f = filter ?? {};
    const position = this.pager.position("receipts", first, after);
    const rows = await this.receiptsRepository.page(
      {
        status: f.status ?? null,
        playbookId: optionalId(f.playbookId, "playbookId"),
        accountId: f.accountId ? assertNodeId("Account", f.accountId, "filter.accountId") : null,
        ownerUserId: optionalId(f.ownerUserId, "ownerUserId"),
      },
      position,
    );
    return this.pager.page("receipts", rows, position.size);
  }
}

import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { assertAutomationId } from "../../domain/automation/automation-ids";
import { RequestContext } from "../context";
import { toPageInfo } from "./task.type";
import {
  ProposalConfirmationView,
  ProposalFilterInput,
  ProposalPageView,
  ProposalView,
  ReceiptFilterInput,
  ReceiptPageView,
  ReceiptView,
  toProposalView,
  toReceiptView,
} from "./proposal.type";

/** Proposals (SUGGEST) and receipts (AUTO) playbooks leave for their owners (issue 11). */
@Resolver()
export class ProposalResolver {
  @Query(() => ProposalPageView, { description: "Playbook proposals, newest first, filtered." })
  async proposals(
    @Ctx() ctx: RequestContext,
    @Arg("filter", () => ProposalFilterInput, { nullable: true }) filter?: ProposalFilterInput | null,
    @Arg("first", () => Int, { nullable: true }) first?: number | null,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
  ): Promise<ProposalPageView> {
    const page = await ctx.automation.inbox.proposals(filter ?? null, first, after);
    return { items: page.items.map(toProposalView), pageInfo: toPageInfo(page) };
  }

  @Query(() => ReceiptPageView, { description: "Receipts of AUTO playbook firings, newest first, filtered." })
  async receipts(
    @Ctx() ctx: RequestContext,
    @Arg("filter", () => ReceiptFilterInput, { nullable: true }) filter?: ReceiptFilterInput | null,
    @Arg("first", () => Int, { nullable: true }) first?: number | null,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
  ): Promise<ReceiptPageView> {
    const page = await ctx.automation.inbox.receipts(filter ?? null, first, after);
    return { items: page.items.map(toReceiptView), pageInfo: toPageInfo(page) };
  }

  @Mutation(() => ProposalConfirmationView, {
    description:
      "Confirms a pending proposal (its playbook's owner, or an admin): its actions are carried out now with the " +
      "owner's permissions, and the confirmation (who, when) goes into the audit trail.",
  })
  async confirmProposal(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
  ): Promise<ProposalConfirmationView> {
    const { proposal, outcome } = await ctx.automation.firing.confirmProposal(
      assertAutomationId("Proposal", id),
      ctx.principal,
    );
    return { proposal: toProposalView(proposal), status: outcome.status, auditSeqs: [...outcome.auditSeqs] };
  }

  @Mutation(() => ProposalView, {
    description:
      "Rejects a pending proposal (its owner, or an admin): nothing is carried out; the rejection is audited.",
  })
  async rejectProposal(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("reason", () => String, { nullable: true }) reason?: string | null,
  ): Promise<ProposalView> {
    return toProposalView(
      await ctx.automation.firing.rejectProposal(assertAutomationId("Proposal", id), reason, ctx.principal),
    );
  }

  @Mutation(() => ReceiptView, {
    description: "Acknowledges an AUTO firing's receipt (its playbook's owner only); recorded in the audit trail.",
  })
  async acknowledgeReceipt(@Ctx() ctx: RequestContext, @Arg("id", () => ID) id: string): Promise<ReceiptView> {
    return toReceiptView(
      await ctx.automation.firing.acknowledgeReceipt(assertAutomationId("Receipt", id), ctx.principal),
    );
  }
}

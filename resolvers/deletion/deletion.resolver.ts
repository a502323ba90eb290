import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { RequestContext } from "../context";
import { DeletionResult } from "./deletion-result.type";
import { RecordRefInput } from "./record-ref.input";

const input = () => [RecordRefInput];

/**
 * Bulk soft deletes and restores (decision 0008). A deleted record leaves every list, search and score
 * until it is restored; after the retention period it is purged for good.
 */
@Resolver()
export class DeletionResolver {
  @Mutation(() => DeletionResult, {
    description:
      "Deletes accounts, with their contacts, opportunities and assets, the signals about all of them, and their health records; restorable until purged.",
  })
  deleteAccounts(@Arg("input", input) refs: RecordRefInput[], @Ctx() ctx: RequestContext) {
    return ctx.deletion.delete("Account", refs);
  }

  @Mutation(() => DeletionResult, { description: "Restores deleted accounts with what their deletion took along." })
  restoreAccounts(@Arg("input", input) refs: RecordRefInput[], @Ctx() ctx: RequestContext) {
    return ctx.deletion.restore("Account", refs);
  }

  @Mutation(() => DeletionResult, {
    description: "Deletes contacts, with the signals about them; restorable until purged.",
  })
  deleteContacts(@Arg("input", input) refs: RecordRefInput[], @Ctx() ctx: RequestContext) {
    return ctx.deletion.delete("Contact", refs);
  }

  @Mutation(() => DeletionResult, { description: "Restores deleted contacts with what their deletion took along." })
  restoreContacts(@Arg("input", input) refs: RecordRefInput[], @Ctx() ctx: RequestContext) {
    return ctx.deletion.restore("Contact", refs);
  }

  @Mutation(() => DeletionResult, { description: "Deletes opportunities; restorable until purged." })
  deleteOpportunities(@Arg("input", input) refs: RecordRefInput[], @Ctx() ctx: RequestContext) {
    return ctx.deletion.delete("Opportunity", refs);
  }

  @Mutation(() => DeletionResult, {
    description: "Restores deleted opportunities with what their deletion took along.",
  })
  restoreOpportunities(@Arg("input", input) refs: RecordRefInput[], @Ctx() ctx: RequestContext) {
    return ctx.deletion.restore("Opportunity", refs);
  }

  @Mutation(() => DeletionResult, {
    description: "Deletes assets, with the signals about them; restorable until purged.",
  })
  deleteAssets(@Arg("input", input) refs: RecordRefInput[], @Ctx() ctx: RequestContext) {
    return ctx.deletion.delete("Asset", refs);
  }

  @Mutation(() => DeletionResult, { description: "Restores deleted assets with what their deletion took along." })
  restoreAssets(@Arg("input", input) refs: RecordRefInput[], @Ctx() ctx: RequestContext) {
    return ctx.deletion.restore("Asset", refs);
  }

  @Mutation(() => DeletionResult, {
    description: "Deletes organizations (their links to accounts are hidden with them); restorable until purged.",
  })
  deleteOrganizations(@Arg("input", input) refs: RecordRefInput[], @Ctx() ctx: RequestContext) {
    return ctx.deletion.delete("Organization", refs);
  }

  @Mutation(() => DeletionResult, {
    description: "Restores deleted organizations with what their deletion took along.",
  })
  restoreOrganizations(@Arg("input", input) refs: RecordRefInput[], @Ctx() ctx: RequestContext) {
    return ctx.deletion.restore("Organization", refs);
  }

  @Mutation(() => DeletionResult, {
    description: "Deletes signals, named by id or by (sourceSystem, recordId as externalId); restorable until purged.",
  })
  deleteSignals(@Arg("input", input) refs: RecordRefInput[], @Ctx() ctx: RequestContext) {
    return ctx.deletion.delete("Signal", refs);
  }

  @Mutation(() => DeletionResult, { description: "Restores deleted signals with what their deletion took along." })
  restoreSignals(@Arg("input", input) refs: RecordRefInput[], @Ctx() ctx: RequestContext) {
    return ctx.deletion.restore("Signal", refs);
  }
}

import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { RequestContext } from "../context";
import { IngestResult } from "./ingest-result.type";
import {
  AccountInput,
  AssetInput,
  ContactInput,
  OpportunityInput,
  OrganizationInput,
  SignalInput,
  SourceSystemInput,
} from "./record-inputs.input";

/** Bulk, idempotent upserts. Invalid records are rejected one by one; the valid ones are stored. */
@Resolver()
export class IngestResolver {
  @Mutation(() => IngestResult)
  upsertSourceSystems(@Arg("input", () => [SourceSystemInput]) input: SourceSystemInput[], @Ctx() ctx: RequestContext) {
    return ctx.ingest.upsertSourceSystems(input);
  }

  @Mutation(() => IngestResult)
  upsertAccounts(@Arg("input", () => [AccountInput]) input: AccountInput[], @Ctx() ctx: RequestContext) {
    return ctx.ingest.upsertAccounts(input);
  }

  @Mutation(() => IngestResult, { description: "Each contact names its account by external id." })
  upsertContacts(@Arg("input", () => [ContactInput]) input: ContactInput[], @Ctx() ctx: RequestContext) {
    return ctx.ingest.upsertContacts(input);
  }

  @Mutation(() => IngestResult)
  upsertOpportunities(@Arg("input", () => [OpportunityInput]) input: OpportunityInput[], @Ctx() ctx: RequestContext) {
    return ctx.ingest.upsertOpportunities(input);
  }

  @Mutation(() => IngestResult)
  upsertAssets(@Arg("input", () => [AssetInput]) input: AssetInput[], @Ctx() ctx: RequestContext) {
    return ctx.ingest.upsertAssets(input);
  }

  @Mutation(() => IngestResult, { description: "Each organization lists the accounts it serves." })
  upsertOrganizations(@Arg("input", () => [OrganizationInput]) input: OrganizationInput[], @Ctx() ctx: RequestContext) {
    return ctx.ingest.upsertOrganizations(input);
  }

  @Mutation(() => IngestResult, { description: "Observations keyed by (sourceSystem, recordId)." })
  ingestSignals(@Arg("input", () => [SignalInput]) input: SignalInput[], @Ctx() ctx: RequestContext) {
    return ctx.ingest.ingestSignals(input);
  }
}

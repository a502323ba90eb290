import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { UpsertMode } from "../../domain/ingest/upsert-mode";
import { UpsertModeEnum } from "../common/enums";
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
  TeamInput,
  TicketInput,
  UserInput,
} from "./record-inputs.input";

const modeArg = {
  nullable: false,
  defaultValue: "MERGE" as const,
  description:
    "MERGE (default): omitted optional fields keep their stored values, null clears. REPLACE: omitted fields are cleared.",
};

/** Bulk, idempotent upserts. Invalid records are rejected one by one; the valid ones are stored. */
@Resolver()
export class IngestResolver {
  @Mutation(() => IngestResult)
  upsertSourceSystems(@Arg("input", () => [SourceSystemInput]) input: SourceSystemInput[], @Ctx() ctx: RequestContext) {
    return ctx.ingest.upsertSourceSystems(input);
  }

  @Mutation(() => IngestResult)
  upsertAccounts(
    @Arg("input", () => [AccountInput]) input: AccountInput[],
    @Arg("mode", () => UpsertModeEnum, modeArg) mode: UpsertMode,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.ingest.upsertAccounts(input, mode);
  }

  @Mutation(() => IngestResult, { description: "Each contact names its account by external id." })
  upsertContacts(
    @Arg("input", () => [ContactInput]) input: ContactInput[],
    @Arg("mode", () => UpsertModeEnum, modeArg) mode: UpsertMode,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.ingest.upsertContacts(input, mode);
  }

  @Mutation(() => IngestResult)
  upsertOpportunities(
    @Arg("input", () => [OpportunityInput]) input: OpportunityInput[],
    @Arg("mode", () => UpsertModeEnum, modeArg) mode: UpsertMode,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.ingest.upsertOpportunities(input, mode);
  }

  @Mutation(() => IngestResult, {
    description:
      "Support tickets with their account, times and assignment history (who held each ticket when), so that " +
      "waiting time can be attributed to whoever held it. Each names its account by external id.",
  })
  upsertTickets(
    @Arg("input", () => [TicketInput]) input: TicketInput[],
    @Arg("mode", () => UpsertModeEnum, modeArg) mode: UpsertMode,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.ingest.upsertTickets(input, mode);
  }

  @Mutation(() => IngestResult)
  upsertAssets(
    @Arg("input", () => [AssetInput]) input: AssetInput[],
    @Arg("mode", () => UpsertModeEnum, modeArg) mode: UpsertMode,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.ingest.upsertAssets(input, mode);
  }

  @Mutation(() => IngestResult, { description: "Each organization lists the accounts it serves." })
  upsertOrganizations(
    @Arg("input", () => [OrganizationInput]) input: OrganizationInput[],
    @Arg("mode", () => UpsertModeEnum, modeArg) mode: UpsertMode,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.ingest.upsertOrganizations(input, mode);
  }

  @Mutation(() => IngestResult, { description: "Teams of users; upsert them before the users that name them." })
  upsertTeams(
    @Arg("input", () => [TeamInput]) input: TeamInput[],
    @Arg("mode", () => UpsertModeEnum, modeArg) mode: UpsertMode,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.ingest.upsertTeams(input, mode);
  }

  @Mutation(() => IngestResult, {
    description:
      "Users with their roles, team and manager. A user's externalId is unique per tenant across source systems " +
      "(a second user with it from another source system is rejected) and is the sub of their tokens.",
  })
  upsertUsers(
    @Arg("input", () => [UserInput]) input: UserInput[],
    @Arg("mode", () => UpsertModeEnum, modeArg) mode: UpsertMode,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.ingest.upsertUsers(input, mode);
  }

  @Mutation(() => IngestResult, { description: "Observations keyed by (sourceSystem, recordId)." })
  ingestSignals(
    @Arg("input", () => [SignalInput]) input: SignalInput[],
    @Arg("mode", () => UpsertModeEnum, modeArg) mode: UpsertMode,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.ingest.ingestSignals(input, mode);
  }
}

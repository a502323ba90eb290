import { GraphQLSchema } from "graphql";
import { Arg, Ctx, getMetadataStorage, Mutation, Resolver } from "type-graphql";
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

/** The mutations of {@link IngestResolver}, by method name (each is the schema field of that name). */
type BulkMutation = Exclude<keyof IngestResolver, "constructor">;
const BULK_MUTATIONS = Object.getOwnPropertyNames(IngestResolver.prototype).filter(
  (name): name is BulkMutation => name !== "constructor",
);

/**
 * How to call a mutation's method with what GraphQL resolved: for each parameter in order, the argument
 * of that name or the context, read from type-graphql's own parameter metadata (the decorators).
 */
function parametersOf(name: BulkMutation): (args: Record<string, unknown>, context: RequestContext) => unknown[] {
  const params = getMetadataStorage()
    .params.filter((p) => p.target === IngestResolver && p.methodName === name)
    .sort((a, b) => a.index - b.index);
  const readers = params.map((param) => {
    if (param.kind === "arg") return (args: Record<string, unknown>) => args[param.name];
    if (param.kind === "context" && param.propertyName === undefined) {
      return (_args: Record<string, unknown>, context: RequestContext) => context;
    }
    throw new Error(`IngestResolver.${name} takes a ${param.kind} parameter, which withPlainBulkInputs cannot pass.`);
  });
  return (args, context) => readers.map((read) => read(args, context));
}

/**
 * Lets the bulk mutations receive their records as GraphQL coerced them. type-graphql would otherwise turn
 * every record (and every nested reference) into an instance of its input class before the resolver runs,
 * which for a batch of thousands is a large share of the call's CPU (issue 18, decision 0041) and adds
 * nothing: the schema has already checked every type, required field and enum, validation is off, and the
 * ingest service reads records as plain data and checks each one itself (rejections with their index).
 * The resolver methods stay the one definition: each field calls its method with its parameters as the
 * decorators declare them, as type-graphql would.
 */
export function withPlainBulkInputs(schema: GraphQLSchema): GraphQLSchema {
  const fields = schema.getMutationType()?.getFields() ?? {};
  const resolver = new IngestResolver();
  for (const name of BULK_MUTATIONS) {
    const field = fields[name];
    if (field === undefined) throw new Error(`The schema has no mutation ${name} of IngestResolver; this is a defect.`);
    const method = resolver[name] as (...params: unknown[]) => unknown;
    const parameters = parametersOf(name);
    field.resolve = (_root, args: Record<string, unknown>, context: RequestContext) =>
      method.apply(resolver, parameters(args, context));
  }
  return schema;
}

import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { IngestResult } from "../ingest/ingest-result.type";
import { RequestContext } from "../context";
import { ConsentInput } from "./consent.input";
import {
  ErasureAnswerView,
  PersonConsentsView,
  PersonDataExportView,
  toErasureAnswerView,
  toExportView,
  toPersonConsentsView,
} from "./personal-data.type";

/** Consent, access and erasure requests (issue 15, docs/personal-data-requests.md): adapters over the services. */
@Resolver()
export class PersonalDataResolver {
  @Mutation(() => IngestResult, {
    description:
      "Bulk, idempotent ingest of consent records keyed by (sourceSystem, externalId); a change appends a version. " +
      "Invalid records (and records naming no resolved person) are rejected one by one with their index and reason.",
  })
  recordConsents(@Arg("input", () => [ConsentInput]) input: ConsentInput[], @Ctx() ctx: RequestContext) {
    return ctx.privacy.consents.record(input);
  }

  @Query(() => PersonConsentsView, {
    description: "A person's consents, each with its full history. PERSON_NOT_FOUND for another tenant's person too.",
  })
  async consents(@Arg("personId", () => ID) personId: string, @Ctx() ctx: RequestContext): Promise<PersonConsentsView> {
    return toPersonConsentsView(await ctx.privacy.consents.ofPerson(personId));
  }

  @Query(() => PersonDataExportView, {
    description: "Access request: everything Relata holds about the person, as one JSON document.",
  })
  async exportPersonData(
    @Arg("personId", () => ID) personId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<PersonDataExportView> {
    return toExportView(await ctx.privacy.requests.export(personId));
  }

  @Mutation(() => ErasureAnswerView, {
    description:
      "Erasure request: removes the person's personal data from every store now, keeps aggregates and the audit " +
      "trail's integrity, refuses a later re-ingest of their records, and says what ages out when and which " +
      "webhook receivers already got copies.",
  })
  async erasePerson(
    @Arg("personId", () => ID) personId: string,
    @Arg("reason", { description: "Why (the request's reference); 1 to 1,000 characters." }) reason: string,
    @Arg("dryRun", {
      defaultValue: false,
      description:
        "Answer what the erasure would do now (the same counts, receivers and ages) and change nothing: no " +
        "record, tombstone, request, audit record or change event is written.",
    })
    dryRun: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<ErasureAnswerView> {
    return toErasureAnswerView(await ctx.privacy.requests.erase(personId, reason, { dryRun }));
  }
}

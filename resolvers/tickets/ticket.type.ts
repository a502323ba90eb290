import { Field, Float, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { TicketPriority } from "../../domain/records";
import { TICKET_STATUSES, TicketStatus } from "../../domain/tickets/ticket";
import { TicketHold } from "../../domain/tickets/ticket-holds";
import { Connection } from "../common/connection.type";
import { enumOf, TicketPriorityEnum } from "../common/enums";
import { ProvenanceFields } from "../common/provenance.type";

export const TicketStatusEnum = enumOf(TICKET_STATUSES);
registerEnumType(TicketStatusEnum, {
  name: "TicketStatus",
  description: "OPEN: not resolved yet; RESOLVED: the ticket has a resolvedAt.",
});

@ObjectType("TicketHold", {
  simpleResolvers: true,
  description: "A stretch of time a team or a user held a ticket (its assignment history).",
})
export class TicketHoldView implements Omit<TicketHold, "seq"> {
  @Field({ description: "TEAM or USER." })
  holderKind!: "TEAM" | "USER";

  @Field({ description: "The team's id (tem_…) or the user's external id." })
  holderKey!: string;

  @Field(() => Date)
  from!: string;

  @Field(() => Date, { nullable: true, description: "Null while the hold runs (an open ticket)." })
  until!: string | null;

  @Field(() => Float, { nullable: true, description: "Hours held; null while the hold runs." })
  hours!: number | null;
}

@ObjectType({
  simpleResolvers: true,
  description: "A support ticket (issue 17), sent through upsertTickets.",
  implements: [ProvenanceFields],
})
export class Ticket extends ProvenanceFields {
  accountId!: string;
  contactId!: string | null;

  @Field(() => String, { nullable: true })
  category!: string | null;

  @Field(() => TicketPriorityEnum, { nullable: true })
  priority!: TicketPriority | null;

  @Field(() => TicketStatusEnum)
  status!: TicketStatus;

  @Field(() => Date)
  openedAt!: string;

  @Field(() => Date, { nullable: true })
  firstResponseAt!: string | null;

  @Field(() => Date, { nullable: true })
  resolvedAt!: string | null;

  @Field(() => Float, { nullable: true, description: "Hours from opened to first response." })
  firstResponseHours!: number | null;

  @Field(() => Float, { nullable: true, description: "Hours from opened to resolved." })
  resolutionHours!: number | null;

  @Field(() => [TicketHoldView], { description: "Who held the ticket, from when until when, oldest first." })
  holds!: TicketHoldView[];
}

export const TicketConnection = Connection("TicketConnection", "TicketEdge", Ticket);

@InputType({ description: "Narrows the ticket list. Conditions combine with AND; list values with OR." })
export class TicketFilter {
  @Field(() => [ID], { nullable: true, description: "Only tickets of these accounts (acc_… ids)." })
  accountIds?: string[] | null;

  @Field(() => TicketStatusEnum, { nullable: true, description: "Only open or only resolved tickets." })
  status?: TicketStatus | null;

  @Field(() => [String], { nullable: true, description: "Only tickets of these categories." })
  categories?: string[] | null;

  @Field(() => [TicketPriorityEnum], { nullable: true })
  priorities?: TicketPriority[] | null;

  @Field(() => [String], { nullable: true, description: "Only tickets from these source systems." })
  sourceSystems?: string[] | null;

  @Field(() => Date, { nullable: true, description: "Only tickets opened at or after this instant." })
  openedFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: "Only tickets opened before this instant." })
  openedTo?: Date | null;
}

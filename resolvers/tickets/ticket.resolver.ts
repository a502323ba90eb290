import { GraphQLResolveInfo } from "graphql";
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import { assertNodeId } from "../../domain/ids/node-id";
import { TicketStatus, ticketFilterValues } from "../../domain/tickets/ticket";
import { Account } from "../account/account.type";
import { loadChildConnection } from "../common/child-connection";
import { toConnection } from "../common/connection";
import { PageArgs } from "../common/page-args";
import { pageRequest } from "../common/page-request";
import { selectsField } from "../common/selection";
import { Contact } from "../contact/contact.type";
import { RequestContext } from "../context";
import { Ticket, TicketConnection, TicketFilter, TicketStatusEnum } from "./ticket.type";
import { wholeNode } from "../../loaders/node-by-id.loader";

@ArgsType()
class TicketPageArgs extends PageArgs {
  @Field(() => TicketStatusEnum, { nullable: true, description: "Only open or only resolved tickets." })
  status?: TicketStatus | null;
}

/** Support tickets (issue 17): the tenant's filtered list, and each account's tickets. */
@Resolver(() => Ticket)
export class TicketResolver {
  @Query(() => TicketConnection, {
    description:
      "Your tenant's support tickets, most recently opened first, filtered (account, open or resolved, category, " +
      "priority, source system, opened window) and paged.",
  })
  async tickets(
    @Arg("filter", () => TicketFilter, { nullable: true }) filter: TicketFilter | null,
    @Args() page: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: RequestContext,
  ) {
    const values = ticketFilterValues({
      ...filter,
      accountIds: filter?.accountIds?.map((id, i) => assertNodeId("Account", id, `filter.accountIds[${i}]`)) ?? null,
    });
    const request = pageRequest(ctx, "tickets", page);
    const tickets = ctx.repositories.tickets;
    const [result, total] = await Promise.all([
      tickets.list({ filter: values, first: request.first, after: request.after }),
      selectsField(info, "totalCount") ? tickets.count(values) : Promise.resolve(null),
    ]);
    return toConnection({ ...result, totalCount: total }, request.scope, ctx.paging.cursorSecret);
  }

  @FieldResolver(() => Account, { nullable: true, description: "The account the ticket is about." })
  account(@Root() ticket: Ticket, @Ctx() ctx: RequestContext) {
    return ctx.loaders.accountById.load(ticket.accountId);
  }

  @FieldResolver(() => Contact, {
    nullable: true,
    description: "The contact who raised it, when the ticket names one (personal fields masked by your access).",
  })
  async contact(@Root() ticket: Ticket, @Ctx() ctx: RequestContext) {
    if (ticket.contactId === null) return null;
    const node = await ctx.loaders.nodeById.load(wholeNode({ kind: "Contact", id: ticket.contactId }));
    return node !== null && "__typename" in node && node.__typename === "Contact" ? node : null;
  }
}

/** `Account.tickets`: one round trip for every account of a request level (the child-list batch). */
@Resolver(() => Account)
export class AccountTicketsResolver {
  @FieldResolver(() => TicketConnection, { description: "The account's support tickets, most recently opened first." })
  tickets(
    @Root() account: Account,
    @Args() args: TicketPageArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: RequestContext,
  ) {
    return loadChildConnection(ctx, ctx.loaders.ticketsByAccount, "account.tickets", account.id, args, info, {
      status: args.status ?? null,
    });
  }
}

import { Arg, Float, ID, Resolver, Root, Subscription } from "type-graphql";
import { ChangeType, StoredChange } from "../../domain/events/change-event";
import { AccountHealthDelivery, Delivery } from "../../services/events/change-subscriptions";
import { ChangeSubscriptionError } from "../../services/events/change-subscription.errors";
import { ChangeTypeEnum } from "../common/enums";
import { ChangeEventView, toChangeEventView } from "./change-event.type";
import { AccountHealthChangeView, toAccountHealthChangeView } from "./account-health-change.type";
import { SubscriptionContext } from "./subscription-context";

interface ChangesArgs {
  after?: string | null;
  types?: ChangeType[] | null;
}

interface AccountHealthArgs {
  accountId: string;
  scoreThreshold?: number | null;
  after?: string | null;
}

/** The value of one delivery, or the error that ends the subscription, raised as a GraphQL error. */
function valueOf<T>(delivery: Delivery<T> | undefined): T {
  // Sent with POST /graphql, a subscription runs as a query once, with nothing delivered.
  if (delivery === undefined) {
    throw new ChangeSubscriptionError(
      "WEBSOCKET_REQUIRED",
      "Subscriptions run over WebSocket at /graphql with the graphql-ws protocol (docs/changes.md); over HTTP, " +
        "read the changes query or GET /v1/changes instead.",
    );
  }
  if ("error" in delivery) throw delivery.error;
  return delivery.value;
}

/**
 * Subscriptions over WebSocket (graphql-ws at /graphql; docs/changes.md): change events as they are
 * committed, after a replay from a cursor. Open to every role, like the `changes` query.
 */
@Resolver()
export class ChangeSubscriptionsResolver {
  @Subscription(() => ChangeEventView, {
    description:
      "Change events of your tenant as they are committed. With `after`, first every event after that cursor " +
      "(in order), then live ones: subscribe again with the last cursor you received and you miss nothing. " +
      'Without it, only events from now on ("0": everything kept). An error (e.g. CURSOR_EXPIRED) ends it.',
    subscribe: ({ args, context }) => {
      const { after, types } = args as ChangesArgs;
      return (context as SubscriptionContext).changeSubscriptions.changes(after, types);
    },
  })
  changes(
    @Root() delivery: Delivery<StoredChange> | undefined,
    @Arg("types", () => [ChangeTypeEnum], { nullable: true, description: "Only these types; all when omitted." })
    _types?: ChangeType[] | null,
    @Arg("after", () => String, { nullable: true, description: "Replay the events after this cursor first." })
    _after?: string | null,
  ): ChangeEventView {
    return toChangeEventView(valueOf(delivery));
  }

  @Subscription(() => AccountHealthChangeView, {
    description:
      "An account's health changes that matter: every grade change, and a score move of at least " +
      "`scoreThreshold` points from the last score reported (small moves add up; the first is measured from the " +
      "score before it). Without a threshold, grade changes only. Live from now, or replayed after `after`.",
    subscribe: ({ args, context }) => {
      const { accountId, scoreThreshold, after } = args as AccountHealthArgs;
      return (context as SubscriptionContext).changeSubscriptions.accountHealth(accountId, scoreThreshold, after);
    },
  })
  accountHealthChanged(
    @Root() delivery: Delivery<AccountHealthDelivery> | undefined,
    @Arg("accountId", () => ID) _accountId: string,
    @Arg("scoreThreshold", () => Float, { nullable: true, description: "Score points (0-100 scale), above 0." })
    _scoreThreshold?: number | null,
    @Arg("after", () => String, { nullable: true, description: "Replay health changes after this cursor first." })
    _after?: string | null,
  ): AccountHealthChangeView {
    return toAccountHealthChangeView(valueOf(delivery));
  }
}

import { PubSub } from "type-graphql";

/**
 * type-graphql wants a PubSub once a schema has subscriptions, even when every subscription brings its own
 * `subscribe` (ours read the outbox: resolvers/events/change-subscriptions.resolver.ts). Topics are not
 * used; this one refuses them, so a topic-based subscription added by mistake fails loudly.
 */
export const NO_TOPICS_PUB_SUB: PubSub = {
  publish(routingKey: string): void {
    throw new Error(`Subscriptions read the change outbox; there are no topics (tried to publish "${routingKey}").`);
  },
  subscribe(routingKey: string): AsyncIterable<unknown> {
    throw new Error(`Subscriptions read the change outbox; there are no topics (tried to subscribe "${routingKey}").`);
  },
};

import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { ChangeType } from "../../domain/events/change-event";
import { encodeChangeCursor } from "../../domain/events/change-cursor";
import {
  WEBHOOK_DELIVERY_STATUSES,
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookEndpoint,
} from "../../domain/webhooks/webhook";
import { ChangeTypeEnum, enumOf, PersonalDataCategoryEnum } from "../common/enums";
import { PersonalCategory } from "../../domain/personal-data/catalogue";

export const WebhookDeliveryStatusEnum = enumOf(WEBHOOK_DELIVERY_STATUSES);
registerEnumType(WebhookDeliveryStatusEnum, {
  name: "WebhookDeliveryStatus",
  description: "Where a delivery stands.",
  valuesConfig: {
    PENDING: { description: "Not yet taken by the receiver: due now, or waiting for its next attempt." },
    DELIVERED: { description: "The receiver answered 2xx." },
    FAILED: { description: "Every retry failed; the endpoint was disabled. enableWebhook sends it again." },
  },
});

const at = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

@ObjectType("WebhookEndpoint", { description: "Where the tenant's change events are delivered, signed." })
export class WebhookEndpointView {
  @Field(() => ID)
  id!: string;

  @Field()
  url!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => [ChangeTypeEnum], { description: "The event types delivered." })
  eventTypes!: ChangeType[];

  @Field({ description: "False after disableWebhook, or after a delivery failed every retry (see disabledReason)." })
  enabled!: boolean;

  @Field(() => String, { nullable: true, description: "Why it is disabled, and what to do." })
  disabledReason!: string | null;

  @Field(() => Date, { nullable: true })
  disabledAt!: Date | null;

  @Field({ description: "Events after this cursor (a change-feed cursor) are not yet put into a delivery." })
  cursor!: string;

  @Field(() => Date, {
    nullable: true,
    description: "After a secret rotation: until when the previous secret still signs, beside the new one.",
  })
  previousSecretExpiresAt!: Date | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  @Field(() => [PersonalDataCategoryEnum], {
    description:
      "The personal-data categories its deliveries carry in clear; other personal values are masked " +
      "(docs/personal-data.md).",
  })
  personalData!: PersonalCategory[];
}

export function toEndpointView(endpoint: WebhookEndpoint): WebhookEndpointView {
  return {
    ...endpoint,
    disabledAt: at(endpoint.disabledAt),
    cursor: encodeChangeCursor(endpoint.cursor),
    previousSecretExpiresAt: at(endpoint.previousSecretExpiresAt),
    createdAt: new Date(endpoint.createdAt),
    updatedAt: new Date(endpoint.updatedAt),
  };
}

@ObjectType("WebhookEndpointWithSecret", {
  description: "An endpoint and its signing secret. The secret is shown only here: store it now.",
})
export class WebhookEndpointWithSecretView {
  @Field(() => WebhookEndpointView)
  endpoint!: WebhookEndpointView;

  @Field({ description: "whsec_ and base64: verify every delivery's webhook-signature with it (docs/webhooks.md)." })
  secret!: string;
}

@ObjectType("WebhookAttempt", { description: "One attempt to send a delivery." })
export class WebhookAttemptView {
  @Field()
  at!: Date;

  @Field(() => Int, { nullable: true, description: "The receiver's HTTP status; null when it did not answer." })
  responseStatus!: number | null;

  @Field(() => String, { nullable: true })
  error!: string | null;

  @Field(() => Int)
  durationMs!: number;
}

@ObjectType("WebhookDelivery", {
  description: "A batch of events for one endpoint; its id is the webhook-id header, the same on every retry.",
})
export class WebhookDeliveryView {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  endpointId!: string;

  @Field(() => WebhookDeliveryStatusEnum)
  status!: WebhookDeliveryStatus;

  @Field(() => Int, { description: "Attempts made in the current round (redeliver starts a new round)." })
  attempts!: number;

  @Field(() => Int)
  eventCount!: number;

  @Field(() => Int, { description: "The sequence number of its first event." })
  firstSequence!: number;

  @Field(() => Int, { description: "The sequence number of its last event." })
  lastSequence!: number;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  lastAttemptAt!: Date | null;

  @Field(() => Date, { nullable: true, description: "When it is tried next, while PENDING." })
  nextAttemptAt!: Date | null;

  @Field(() => Date, { nullable: true })
  deliveredAt!: Date | null;

  @Field(() => Int, { nullable: true })
  lastResponseStatus!: number | null;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Field(() => [WebhookAttemptView], { description: "The latest attempts (up to 20), oldest first." })
  attemptLog!: WebhookAttemptView[];
}

function toAttemptView(attempt: WebhookAttempt): WebhookAttemptView {
  return { ...attempt, at: new Date(attempt.at) };
}

export function toDeliveryView(delivery: WebhookDelivery): WebhookDeliveryView {
  return {
    id: delivery.id,
    endpointId: delivery.endpointId,
    status: delivery.status,
    attempts: delivery.attempts,
    eventCount: delivery.eventCount,
    firstSequence: delivery.firstSequence,
    lastSequence: delivery.lastSequence,
    createdAt: new Date(delivery.createdAt),
    lastAttemptAt: at(delivery.lastAttemptAt),
    nextAttemptAt: delivery.status === "PENDING" ? at(delivery.nextAttemptAt) : null,
    deliveredAt: at(delivery.deliveredAt),
    lastResponseStatus: delivery.lastResponseStatus,
    lastError: delivery.lastError,
    attemptLog: delivery.attemptLog.map(toAttemptView),
  };
}

@ObjectType("WebhookDeliveryPage", { description: "Deliveries of an endpoint, newest first." })
export class WebhookDeliveryPageView {
  @Field(() => [WebhookDeliveryView])
  deliveries!: WebhookDeliveryView[];

  @Field(() => String, { nullable: true, description: "Pass as `after` for older deliveries." })
  endCursor!: string | null;

  @Field()
  hasMore!: boolean;
}

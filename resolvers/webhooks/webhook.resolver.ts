import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { ChangeType } from "../../domain/events/change-event";
import { WebhookDeliveryStatus } from "../../domain/webhooks/webhook";
import { ChangeTypeEnum, PersonalDataCategoryEnum } from "../common/enums";
import { PersonalCategory } from "../../domain/personal-data/catalogue";
import { RequestContext } from "../context";
import {
  toDeliveryView,
  toEndpointView,
  WebhookDeliveryPageView,
  WebhookDeliveryStatusEnum,
  WebhookDeliveryView,
  WebhookEndpointView,
  WebhookEndpointWithSecretView,
} from "./webhook.type";

/** Webhooks: signed deliveries of the tenant's change events (docs/webhooks.md). */
@Resolver()
export class WebhookResolver {
  @Mutation(() => WebhookEndpointWithSecretView, {
    description:
      "Registers an endpoint for the event types given; it receives events committed from now on, signed per " +
      "Standard Webhooks. The secret is returned only here. Hosts that resolve to non-public addresses are " +
      "refused unless listed in RELATA_WEBHOOK_ALLOWED_HOSTS.",
  })
  async registerWebhook(
    @Ctx() ctx: RequestContext,
    @Arg("url") url: string,
    @Arg("eventTypes", () => [ChangeTypeEnum]) eventTypes: ChangeType[],
    @Arg("description", () => String, { nullable: true }) description?: string | null,
    @Arg("personalData", () => [PersonalDataCategoryEnum], {
      nullable: true,
      description:
        "The personal-data categories deliveries carry in clear, at most those your role sees; the rest are " +
        "masked. Default: all your role sees. [] masks every personal value (a partner system).",
    })
    personalData?: PersonalCategory[] | null,
  ): Promise<WebhookEndpointWithSecretView> {
    const { endpoint, secret } = await ctx.webhooks.register(
      url,
      eventTypes,
      description ?? null,
      personalData ?? null,
      ctx.personalData.access,
    );
    return { endpoint: toEndpointView(endpoint), secret };
  }

  @Query(() => [WebhookEndpointView], { description: "The tenant's webhook endpoints." })
  async webhooks(@Ctx() ctx: RequestContext): Promise<WebhookEndpointView[]> {
    return (await ctx.webhooks.list()).map(toEndpointView);
  }

  @Query(() => WebhookEndpointView, { description: "One endpoint; NOT_FOUND when your tenant has none by this id." })
  async webhook(@Ctx() ctx: RequestContext, @Arg("id", () => ID) id: string): Promise<WebhookEndpointView> {
    return toEndpointView(await ctx.webhooks.get(id));
  }

  @Mutation(() => WebhookEndpointView, {
    description: "Changes an endpoint's URL, event types or description; an argument left out keeps its value.",
  })
  async updateWebhook(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("url", () => String, { nullable: true }) url?: string | null,
    @Arg("eventTypes", () => [ChangeTypeEnum], { nullable: true }) eventTypes?: ChangeType[] | null,
    @Arg("description", () => String, { nullable: true }) description?: string | null,
  ): Promise<WebhookEndpointView> {
    return toEndpointView(
      await ctx.webhooks.update(id, {
        url,
        eventTypes,
        ...(description === undefined ? {} : { description }),
      }),
    );
  }

  @Mutation(() => WebhookEndpointView, {
    description: "Stops deliveries to an endpoint; events keep queuing up and are sent once it is enabled again.",
  })
  async disableWebhook(@Ctx() ctx: RequestContext, @Arg("id", () => ID) id: string): Promise<WebhookEndpointView> {
    return toEndpointView(await ctx.webhooks.disable(id));
  }

  @Mutation(() => WebhookEndpointView, {
    description:
      "Resumes deliveries where they stopped; after an automatic disable, the delivery that failed is sent first.",
  })
  async enableWebhook(@Ctx() ctx: RequestContext, @Arg("id", () => ID) id: string): Promise<WebhookEndpointView> {
    return toEndpointView(await ctx.webhooks.enable(id));
  }

  @Mutation(() => Boolean, { description: "Deletes an endpoint and its delivery log." })
  deleteWebhook(@Ctx() ctx: RequestContext, @Arg("id", () => ID) id: string): Promise<boolean> {
    return ctx.webhooks.delete(id);
  }

  @Mutation(() => WebhookEndpointWithSecretView, {
    description:
      "A new secret, returned only here. During overlapSeconds (default 86400, at most 7 days) the old secret " +
      "signs too: webhook-signature carries both signatures, so receivers can switch without losing a delivery.",
  })
  async rotateWebhookSecret(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("overlapSeconds", () => Int, { nullable: true }) overlapSeconds?: number | null,
  ): Promise<WebhookEndpointWithSecretView> {
    const { endpoint, secret } = await ctx.webhooks.rotateSecret(id, overlapSeconds ?? 86_400);
    return { endpoint: toEndpointView(endpoint), secret };
  }

  @Query(() => WebhookDeliveryPageView, {
    description: "An endpoint's delivery log, newest first: attempts, answers, errors and the next attempt.",
  })
  async webhookDeliveries(
    @Ctx() ctx: RequestContext,
    @Arg("endpointId", () => ID) endpointId: string,
    @Arg("status", () => WebhookDeliveryStatusEnum, { nullable: true }) status?: WebhookDeliveryStatus | null,
    @Arg("first", () => Int, { nullable: true }) first?: number | null,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
  ): Promise<WebhookDeliveryPageView> {
    const page = await ctx.webhooks.deliveries(endpointId, status ?? null, first, after);
    return { ...page, deliveries: page.deliveries.map(toDeliveryView) };
  }

  @Mutation(() => WebhookDeliveryView, {
    description: "Sends a delivery again now (same webhook-id and events), with a fresh round of retries.",
  })
  async redeliver(
    @Ctx() ctx: RequestContext,
    @Arg("deliveryId", () => ID) deliveryId: string,
  ): Promise<WebhookDeliveryView> {
    return toDeliveryView(await ctx.webhooks.redeliver(deliveryId));
  }
}

import { ChangeSubscriptions } from "../../services/events/change-subscriptions";
import { RequestContext } from "../context";

/** The context of one subscription over WebSocket: a request's, with the tenant's change subscriptions. */
export interface SubscriptionContext extends RequestContext {
  changeSubscriptions: ChangeSubscriptions;
}

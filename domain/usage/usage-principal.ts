import { createHash } from "node:crypto";
import { UsagePrincipal } from "./usage-aggregator";

/**
 * How usage counts name a caller: an agent by its name (`agent:<name>`), a user by their id (`usr_…`), and a
 * token naming no user by a hash of its subject, so no email or external id is stored with the counts.
 */
export function usagePrincipal(caller: {
  tenant: string;
  subject: string;
  userId?: string;
  agent?: string;
}): UsagePrincipal {
  if (caller.agent !== undefined) return { key: `agent:${caller.agent}`, kind: "AGENT" };
  if (caller.userId !== undefined) return { key: caller.userId, kind: "USER" };
  const hash = createHash("sha256").update(`${caller.tenant}\u0000${caller.subject}`).digest("base64url").slice(0, 16);
  return { key: `sub:${hash}`, kind: "SERVICE" };
}

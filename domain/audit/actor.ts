/**
 * The audit actor of a request's caller: `agent:<name>` when an AI agent acts with the token (its `agt`
 * claim, decision 0022), else `user:<subject>`. The agent still acts as its token's subject and role.
 */
export function actorOf(subject: string, agent?: string): string {
  return agent === undefined ? `user:${subject}` : `agent:${agent}`;
}

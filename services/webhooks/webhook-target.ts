import { lookup as dnsLookup, LookupAddress, LookupOptions } from "node:dns";
import { isIP, LookupFunction } from "node:net";
import { isAllowedHost, normaliseHost } from "../../domain/webhooks/allowed-hosts";
import { nonPublicRange } from "../../domain/webhooks/address-ranges";
import { WebhookError } from "../../domain/webhooks/webhook.errors";

/** Resolves a host name to every address it has (node's resolver, as node:http uses it). */
export type ResolveAll = (host: string) => Promise<LookupAddress[]>;

export const systemResolveAll: ResolveAll = (host) =>
  new Promise((resolve, reject) =>
    dnsLookup(host, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );

/** Why sending to `address` of `host` is refused, or null when it is public (or the host is allowed). */
export function refusal(host: string, address: string, allowedHosts: readonly string[]): string | null {
  if (isAllowedHost(host, allowedHosts)) return null;
  const range = nonPublicRange(address);
  if (range === null) return null;
  const resolved = normaliseHost(host) === address ? "" : ` (${normaliseHost(host)} resolves to it)`;
  return (
    `${address}${resolved} is a ${range} address; webhooks are delivered only to public addresses. ` +
    `To allow this host (tests, local development, an internal receiver), add "${normaliseHost(host)}" to ` +
    `RELATA_WEBHOOK_ALLOWED_HOSTS (comma-separated) on every API process.`
  );
}

/**
 * Refuses a URL whose host is, or resolves to, a non-public address (loopback, private, link-local, …)
 * unless the host is in the allow-list; checked at registration. Delivery checks again, on the address it
 * connects to ({@link guardedLookup}), so a name that later resolves elsewhere (DNS rebinding) is refused.
 */
export async function checkWebhookTarget(
  url: URL,
  allowedHosts: readonly string[],
  resolveAll: ResolveAll = systemResolveAll,
): Promise<void> {
  const host = normaliseHost(url.hostname);
  if (isAllowedHost(host, allowedHosts)) return;
  let addresses: string[];
  if (isIP(host) !== 0) addresses = [host];
  else {
    try {
      addresses = (await resolveAll(host)).map((entry) => entry.address);
    } catch (error) {
      throw new WebhookError(
        "URL_NOT_ALLOWED",
        `The host ${host} does not resolve (${(error as NodeJS.ErrnoException).code ?? "lookup failed"}); ` +
          `give a URL whose host has a public DNS record.`,
      );
    }
  }
  for (const address of addresses) {
    const reason = refusal(host, address, allowedHosts);
    if (reason !== null) throw new WebhookError("URL_NOT_ALLOWED", reason);
  }
}

/**
 * A `lookup` for node:http and node:https that refuses non-public addresses (unless the host is allowed):
 * the address checked is the one the socket connects to, so a DNS answer that changed since registration
 * cannot point a delivery at an internal service.
 */
export function guardedLookup(allowedHosts: readonly string[]): LookupFunction {
  return (hostname: string, options: LookupOptions, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      for (const entry of addresses) {
        const reason = refusal(hostname, entry.address, allowedHosts);
        if (reason !== null) {
          return callback(Object.assign(new Error(reason), { code: "EWEBHOOKADDRESS" }), "", 0);
        }
      }
      if (options.all) return (callback as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (first === undefined) return callback(new Error(`${hostname} has no address`), "", 0);
      return callback(null, first.address, first.family);
    });
  };
}

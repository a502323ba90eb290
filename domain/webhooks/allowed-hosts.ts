/**
 * RELATA_WEBHOOK_ALLOWED_HOSTS: hosts (names or IP literals) a webhook may reach although they resolve to a
 * non-public address (tests, local development, an internal receiver the operator vouches for).
 */
export function parseAllowedHosts(raw: string | undefined): string[] {
  if (raw === undefined || raw.trim() === "") return [];
  return raw
    .split(",")
    .map((host) => normaliseHost(host.trim()))
    .filter((host) => host !== "");
}

/** Lower case, without IPv6 brackets or a trailing dot, so `[::1]` and `Example.com.` compare as written. */
export function normaliseHost(host: string): string {
  return host
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1")
    .replace(/\.$/, "");
}

export function isAllowedHost(host: string, allowed: readonly string[]): boolean {
  return allowed.includes(normaliseHost(host));
}

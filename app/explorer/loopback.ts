/** Whether a socket's remote address is this machine (IPv4 127/8, IPv6 ::1, or 127/8 mapped into IPv6). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  if (address === "::1") return true;
  const v4 = address.startsWith("::ffff:") ? address.slice("::ffff:".length) : address;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** Headers a reverse proxy adds: behind one, every request looks local, so none of them may be present. */
export const PROXY_HEADERS = ["forwarded", "x-forwarded-for", "x-real-ip", "x-forwarded-host"] as const;

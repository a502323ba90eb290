import { isIPv4, isIPv6 } from "node:net";

/**
 * The address ranges a webhook may not be delivered to (server-side request forgery): anything that is not
 * a public unicast address. Each range is named, so a refusal says which one an address is in.
 */
interface Range {
  readonly name: string;
  readonly base: bigint;
  readonly bits: number;
  readonly width: 32 | 128;
}

const IPV4_RANGES: ReadonlyArray<[string, string]> = [
  ["0.0.0.0/8", "unspecified / this network"],
  ["10.0.0.0/8", "private (RFC 1918)"],
  ["100.64.0.0/10", "carrier-grade NAT (RFC 6598)"],
  ["127.0.0.0/8", "loopback"],
  ["169.254.0.0/16", "link-local"],
  ["172.16.0.0/12", "private (RFC 1918)"],
  ["192.0.0.0/24", "IETF protocol assignments"],
  ["192.0.2.0/24", "documentation (TEST-NET-1)"],
  ["192.88.99.0/24", "6to4 relay anycast"],
  ["192.168.0.0/16", "private (RFC 1918)"],
  ["198.18.0.0/15", "benchmarking"],
  ["198.51.100.0/24", "documentation (TEST-NET-2)"],
  ["203.0.113.0/24", "documentation (TEST-NET-3)"],
  ["224.0.0.0/4", "multicast"],
  ["240.0.0.0/4", "reserved"],
];

const IPV6_RANGES: ReadonlyArray<[string, string]> = [
  ["::/128", "unspecified"],
  ["::1/128", "loopback"],
  ["::/96", "IPv4-compatible (deprecated)"],
  ["64:ff9b:1::/48", "local-use IPv4/IPv6 translation"],
  ["100::/64", "discard-only"],
  ["2001::/23", "IETF protocol assignments (Teredo and others)"],
  ["2001:db8::/32", "documentation"],
  ["2002::/16", "6to4"],
  ["fc00::/7", "unique-local"],
  ["fe80::/10", "link-local"],
  ["fec0::/10", "site-local (deprecated)"],
  ["ff00::/8", "multicast"],
];

function ipv4ToBigInt(address: string): bigint {
  return address.split(".").reduce((value, part) => (value << 8n) | BigInt(Number(part)), 0n);
}

/** The 128-bit value of an IPv6 address (with `::` and a trailing dotted IPv4 part allowed). */
function ipv6ToBigInt(address: string): bigint {
  let text = address.split("%")[0] as string;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = ipv4ToBigInt(dotted[1] as string);
    text = `${text.slice(0, -dotted[1]!.length)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const headParts = head ? head.split(":").filter((p) => p !== "") : [];
  const tailParts = tail ? tail.split(":").filter((p) => p !== "") : [];
  const missing = 8 - headParts.length - tailParts.length;
  const parts = tail === undefined ? headParts : [...headParts, ...Array<string>(missing).fill("0"), ...tailParts];
  return parts.reduce((value, part) => (value << 16n) | BigInt(parseInt(part, 16)), 0n);
}

function range(cidr: string, name: string, width: 32 | 128): Range {
  const [address, bits] = cidr.split("/") as [string, string];
  return { name, base: width === 32 ? ipv4ToBigInt(address) : ipv6ToBigInt(address), bits: Number(bits), width };
}

const V4 = IPV4_RANGES.map(([cidr, name]) => range(cidr, name, 32));
const V6 = IPV6_RANGES.map(([cidr, name]) => range(cidr, name, 128));

function inRange(value: bigint, r: Range): boolean {
  const shift = BigInt(r.width - r.bits);
  return value >> shift === r.base >> shift;
}

/**
 * The name of the non-public range `address` (an IPv4 or IPv6 literal) is in, or null for a public unicast
 * address. IPv4 addresses inside IPv6 (`::ffff:10.0.0.1`, NAT64 `64:ff9b::a00:1`) are judged as IPv4.
 * Text that is not an IP address is refused as "not an IP address".
 */
export function nonPublicRange(address: string): string | null {
  if (isIPv4(address)) {
    const value = ipv4ToBigInt(address);
    if (value === 0xffffffffn) return "broadcast";
    return V4.find((r) => inRange(value, r))?.name ?? null;
  }
  if (isIPv6(address)) {
    const value = ipv6ToBigInt(address);
    // IPv4-mapped (::ffff:0:0/96) and NAT64 well-known prefix (64:ff9b::/96): the IPv4 address decides.
    if (value >> 32n === 0xffffn || value >> 32n === 0x64ff9b0000000000000000n) {
      const v4 = value & 0xffffffffn;
      const dotted = [24n, 16n, 8n, 0n].map((s) => String((v4 >> s) & 0xffn)).join(".");
      return nonPublicRange(dotted);
    }
    return V6.find((r) => inRange(value, r))?.name ?? null;
  }
  return "not an IP address";
}

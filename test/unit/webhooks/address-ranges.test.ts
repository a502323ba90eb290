import { nonPublicRange } from "../../../domain/webhooks/address-ranges";
import { isAllowedHost, parseAllowedHosts } from "../../../domain/webhooks/allowed-hosts";

describe("nonPublicRange", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["10.0.0.1", "private (RFC 1918)"],
    ["172.16.0.1", "private (RFC 1918)"],
    ["172.31.255.255", "private (RFC 1918)"],
    ["192.168.1.1", "private (RFC 1918)"],
    ["169.254.169.254", "link-local"],
    ["100.64.0.1", "carrier-grade NAT (RFC 6598)"],
    ["100.127.255.255", "carrier-grade NAT (RFC 6598)"],
    ["0.0.0.0", "unspecified / this network"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["240.0.0.1", "reserved"],
    ["255.255.255.255", "broadcast"],
    ["192.0.2.10", "documentation (TEST-NET-1)"],
    ["198.18.0.1", "benchmarking"],
    ["::", "unspecified"],
    ["::1", "loopback"],
    ["fe80::1", "link-local"],
    ["FE80::abcd:1%eth0", "link-local"],
    ["fc00::1", "unique-local"],
    ["fd12:3456:789a::1", "unique-local"],
    ["ff02::1", "multicast"],
    ["2001:db8::1", "documentation"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:10.0.0.5", "private (RFC 1918)"],
    ["64:ff9b::a9fe:a9fe", "link-local"],
    ["2002:c0a8:101::1", "6to4"],
    ["not-an-ip", "not an IP address"],
  ])("refuses %s as %s", (address, range) => {
    expect(nonPublicRange(address)).toBe(range);
  });

  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "172.15.255.255",
    "172.32.0.1",
    "100.63.255.255",
    "100.128.0.1",
    "192.169.0.1",
    "2606:4700:4700::1111",
    "2a00:1450:4001:80b::200e",
    "::ffff:8.8.8.8",
    "64:ff9b::808:808",
  ])("lets the public address %s through", (address) => {
    expect(nonPublicRange(address)).toBeNull();
  });
});

describe("the allow-list", () => {
  it("parses comma-separated hosts, ignoring case, brackets, spaces and trailing dots", () => {
    const allowed = parseAllowedHosts(" localhost, [::1] ,Receiver.Internal., ");
    expect(allowed).toEqual(["localhost", "::1", "receiver.internal"]);
    expect(isAllowedHost("LOCALHOST", allowed)).toBe(true);
    expect(isAllowedHost("[::1]", allowed)).toBe(true);
    expect(isAllowedHost("receiver.internal", allowed)).toBe(true);
    expect(isAllowedHost("other.internal", allowed)).toBe(false);
    expect(parseAllowedHosts(undefined)).toEqual([]);
  });
});

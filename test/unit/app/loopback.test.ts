import { isLoopbackAddress } from "../../../app/explorer/loopback";

describe("the demo token's loopback check", () => {
  it("accepts this machine's addresses, IPv4, IPv6 and IPv4 mapped into IPv6", () => {
    for (const address of ["127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1"]) {
      expect(isLoopbackAddress(address)).toBe(true);
    }
  });

  it("refuses every other address, and an unknown one", () => {
    for (const address of ["10.0.0.1", "192.168.1.5", "::ffff:10.0.0.1", "fe80::1", "1270.0.0.1", "", undefined]) {
      expect(isLoopbackAddress(address)).toBe(false);
    }
  });
});

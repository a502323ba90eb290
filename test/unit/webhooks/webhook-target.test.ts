import { LookupAddress } from "node:dns";
import { WebhookError } from "../../../domain/webhooks/webhook.errors";
import { checkWebhookTarget, guardedLookup, ResolveAll } from "../../../services/webhooks/webhook-target";

function resolver(answers: Record<string, string[]>): ResolveAll & { asked: string[] } {
  const asked: string[] = [];
  const resolve = async (host: string): Promise<LookupAddress[]> => {
    asked.push(host);
    const addresses = answers[host];
    if (addresses === undefined) throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
    return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
  return Object.assign(resolve, { asked });
}

async function refusal(url: string, allowed: string[], resolve: ResolveAll): Promise<string> {
  try {
    await checkWebhookTarget(new URL(url), allowed, resolve);
  } catch (error) {
    if (error instanceof WebhookError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return "allowed";
}

describe("checkWebhookTarget", () => {
  const dns = resolver({
    "hooks.example.com": ["93.184.216.34", "2606:2800:220:1::1"],
    "sneaky.example.com": ["93.184.216.34", "10.0.0.7"],
    "metadata.example.com": ["169.254.169.254"],
  });

  it("allows a host whose every address is public", async () => {
    expect(await refusal("https://hooks.example.com/in", [], dns)).toBe("allowed");
  });

  it("refuses a host with any non-public address, naming it and the allow-list variable", async () => {
    const message = await refusal("https://sneaky.example.com/in", [], dns);
    expect(message).toMatch(/^URL_NOT_ALLOWED: 10\.0\.0\.7 \(sneaky\.example\.com resolves to it\) is a private/);
    expect(message).toContain('add "sneaky.example.com" to RELATA_WEBHOOK_ALLOWED_HOSTS');
    expect(await refusal("http://metadata.example.com/", [], dns)).toMatch(/link-local/);
  });

  it("refuses IP literals in non-public ranges without looking them up", async () => {
    const before = dns.asked.length;
    expect(await refusal("http://[fd00::5]/x", [], dns)).toMatch(/fd00::5 is a unique-local address/);
    expect(await refusal("http://127.0.0.1:9000/x", [], dns)).toMatch(/127\.0\.0\.1 is a loopback address/);
    expect(dns.asked.length).toBe(before);
  });

  it("lets an allow-listed host through, whatever it resolves to", async () => {
    expect(await refusal("http://metadata.example.com/", ["metadata.example.com"], dns)).toBe("allowed");
    expect(await refusal("http://127.0.0.1:9000/x", ["127.0.0.1"], dns)).toBe("allowed");
  });

  it("refuses a host that does not resolve", async () => {
    expect(await refusal("https://nowhere.example.com/", [], dns)).toMatch(/does not resolve \(ENOTFOUND\)/);
  });
});

describe("guardedLookup (delivery time)", () => {
  function lookup(host: string, allowed: string[], all: boolean) {
    return new Promise<{ error: Error | null; address: unknown }>((resolve) =>
      guardedLookup(allowed)(host, { all }, (error, address) => resolve({ error, address })),
    );
  }

  it("refuses a name that resolves to a loopback address when it is not allowed", async () => {
    const { error } = await lookup("localhost", [], false);
    expect(error?.message).toMatch(/is a loopback address/);
    expect(error?.message).toContain("RELATA_WEBHOOK_ALLOWED_HOSTS");
  });

  it("answers as dns.lookup does for an allowed name, one address or all", async () => {
    const one = await lookup("localhost", ["localhost"], false);
    expect(one.error).toBeNull();
    expect(typeof one.address).toBe("string");
    const all = await lookup("localhost", ["localhost"], true);
    expect(Array.isArray(all.address)).toBe(true);
  });
});

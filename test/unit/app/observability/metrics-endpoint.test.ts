import { carriesMetricsToken } from "../../../../app/observability/metrics-endpoint";

const TOKEN = "metrics-token-0123456789";

describe("the metrics token (issue 19: /metrics protected)", () => {
  it("is accepted as a bearer token or a Basic password, whatever the user name", () => {
    expect(carriesMetricsToken(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(carriesMetricsToken(`bearer   ${TOKEN} `, TOKEN)).toBe(true);
    expect(carriesMetricsToken(`Basic ${Buffer.from(`prometheus:${TOKEN}`).toString("base64")}`, TOKEN)).toBe(true);
    expect(carriesMetricsToken(`Basic ${Buffer.from(`:${TOKEN}`).toString("base64")}`, TOKEN)).toBe(true);
  });

  it("is refused when missing, different, a prefix, or in another scheme", () => {
    expect(carriesMetricsToken(undefined, TOKEN)).toBe(false);
    expect(carriesMetricsToken("", TOKEN)).toBe(false);
    expect(carriesMetricsToken(`Bearer ${TOKEN}x`, TOKEN)).toBe(false);
    expect(carriesMetricsToken(`Bearer ${TOKEN.slice(0, -1)}`, TOKEN)).toBe(false);
    expect(carriesMetricsToken(`Token ${TOKEN}`, TOKEN)).toBe(false);
    expect(carriesMetricsToken(`Basic ${Buffer.from(`${TOKEN}:other`).toString("base64")}`, TOKEN)).toBe(false);
  });
});

import { CorsPolicy } from "../../../../app/http/cors";
import { websocketOriginAllowed } from "../../../../app/subscriptions/subscription-server";

const none = new CorsPolicy({ origins: [], maxAgeSeconds: 600 });
const listed = new CorsPolicy({ origins: ["https://app.example.com"], maxAgeSeconds: 600 });
const any = new CorsPolicy({ origins: "*", maxAgeSeconds: 600 });

describe("websocketOriginAllowed", () => {
  it("lets clients without an Origin (servers, scripts) and pages of the API's own origin through", () => {
    expect(websocketOriginAllowed(undefined, "api.example.com", none)).toBe(true);
    expect(websocketOriginAllowed("http://127.0.0.1:4000", "127.0.0.1:4000", none)).toBe(true);
    expect(websocketOriginAllowed("https://API.example.com", "api.example.com", none)).toBe(true);
  });

  it("refuses other sites unless RELATA_CORS_ORIGINS lists them", () => {
    expect(websocketOriginAllowed("https://evil.example", "api.example.com", none)).toBe(false);
    expect(websocketOriginAllowed("http://127.0.0.1:4001", "127.0.0.1:4000", none)).toBe(false);
    expect(websocketOriginAllowed("https://app.example.com", "api.example.com", listed)).toBe(true);
    expect(websocketOriginAllowed("https://other.example.com", "api.example.com", listed)).toBe(false);
    expect(websocketOriginAllowed("https://anything.example", "api.example.com", any)).toBe(true);
  });

  it("refuses an opaque or malformed Origin, and any Origin when the Host is missing", () => {
    expect(websocketOriginAllowed("null", "api.example.com", none)).toBe(false);
    expect(websocketOriginAllowed("not a url", "api.example.com", none)).toBe(false);
    expect(websocketOriginAllowed("https://api.example.com", undefined, none)).toBe(false);
  });
});

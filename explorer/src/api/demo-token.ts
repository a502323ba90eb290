/** The demo token route (app/explorer/demo-token.route.ts), documented in docs/explorer.md. */
export const DEMO_TOKEN_PATH = "/explorer/demo-token";

export interface DemoAvailability {
  available: boolean;
  tenant?: string;
}

/** Whether this server offers a demo token to this browser (demo tenant on, request from this machine). */
export async function demoAvailability(): Promise<DemoAvailability> {
  try {
    const response = await fetch(DEMO_TOKEN_PATH, { headers: { accept: "application/json" } });
    return (await response.json()) as DemoAvailability;
  } catch {
    return { available: false };
  }
}

/** A short-lived viewer token for the demo tenant. */
export async function fetchDemoToken(): Promise<string> {
  const response = await fetch(DEMO_TOKEN_PATH, {
    method: "POST",
    headers: { "x-relata-explorer": "1", accept: "application/json" },
  });
  const body = (await response.json()) as { token?: string; error?: string };
  if (!response.ok || !body.token) throw new Error(body.error ?? `The server answered ${response.status}.`);
  return body.token;
}

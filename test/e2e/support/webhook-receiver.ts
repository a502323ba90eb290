import http from "node:http";
import { AddressInfo } from "node:net";

/** One request a receiver got: its webhook headers and raw body. */
export interface ReceivedWebhook {
  id: string;
  timestamp: string;
  signature: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The events of the body, as sent. */
  events: Array<{ id: string; sequence: number; type: string; recordId: string; externalId: string | null }>;
}

/** What the receiver answers a request: a status, or "hold" (never answer: a request in flight). */
export type ReceiverAnswer = number | "hold";

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Decides the answer to each request, in the order they come (0 is the first); may take its time. */
  answer: (request: ReceivedWebhook, index: number) => ReceiverAnswer | Promise<ReceiverAnswer>;
  /** The most requests it had open at the same time. */
  mostInFlight: number;
  /** Every distinct event received, in the order first received. */
  uniqueEvents(): ReceivedWebhook["events"];
  close(): Promise<void>;
}

/** A real node:http webhook receiver on 127.0.0.1 in the test process; answers 200 unless told otherwise. */
export async function startWebhookReceiver(path = "/hooks/relata"): Promise<WebhookReceiver> {
  const held = new Set<http.ServerResponse>();
  const receiver: WebhookReceiver = {
    url: "",
    received: [],
    answer: () => 200,
    mostInFlight: 0,
    uniqueEvents() {
      const seen = new Set<string>();
      const events: ReceivedWebhook["events"] = [];
      for (const request of receiver.received) {
        for (const event of request.events) {
          if (seen.has(event.id)) continue;
          seen.add(event.id);
          events.push(event);
        }
      }
      return events;
    },
    close: () =>
      new Promise((resolve) => {
        for (const res of held) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  let inFlight = 0;
  const server = http.createServer((req, res) => {
    inFlight += 1;
    receiver.mostInFlight = Math.max(receiver.mostInFlight, inFlight);
    res.on("close", () => (inFlight -= 1));
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let events: ReceivedWebhook["events"] = [];
      try {
        events = (JSON.parse(body) as { data: { events: ReceivedWebhook["events"] } }).data.events;
      } catch {
        events = [];
      }
      const request: ReceivedWebhook = {
        id: String(req.headers["webhook-id"] ?? ""),
        timestamp: String(req.headers["webhook-timestamp"] ?? ""),
        signature: String(req.headers["webhook-signature"] ?? ""),
        headers: req.headers,
        body,
        events,
      };
      const index = receiver.received.length;
      receiver.received.push(request);
      const answer = await receiver.answer(request, index);
      if (answer === "hold") {
        held.add(res);
        return;
      }
      res.writeHead(answer, { "content-type": "text/plain" }).end(answer < 300 ? "ok" : "receiver says no");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  return receiver;
}

import { handleProtocols, Server } from "graphql-ws";
import { IncomingMessage } from "node:http";
import { Logger } from "pino";
import { WebSocket, WebSocketServer } from "ws";

/** What graphql-ws hands every hook about the connection's transport. */
export interface SocketExtra {
  socket: WebSocket;
  request: IncomingMessage;
}

/** graphql-ws's close code for a failure on the server's side. */
const INTERNAL_ERROR = 4500;

/**
 * Runs a graphql-ws server (the protocol) on a `ws` WebSocketServer (the transport): graphql-ws's own
 * `use/ws` adapter, kept here so that failures go to our log rather than the console, close reasons never
 * carry internal messages, and dead peers are found by ping/pong every `keepAliveMs`.
 */
export function serveGraphqlWs(
  server: Server<SocketExtra>,
  wss: WebSocketServer,
  log: Logger,
  keepAliveMs: number,
): void {
  wss.options.handleProtocols = (protocols) => handleProtocols(protocols);
  wss.on("connection", (socket: WebSocket, request: IncomingMessage) => {
    socket.once("error", (error) => {
      log.warn({ err: error, component: "subscriptions" }, "WebSocket error; closing the connection");
      socket.close(INTERNAL_ERROR, "Internal server error");
    });
    let awaitingPong = false;
    const ping = setInterval(() => {
      if (socket.readyState !== WebSocket.OPEN) return;
      if (awaitingPong) {
        socket.terminate();
        return;
      }
      awaitingPong = true;
      socket.ping();
    }, keepAliveMs);
    ping.unref();
    socket.on("pong", () => {
      awaitingPong = false;
    });
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data: string) =>
          new Promise<void>((resolve, reject) => {
            if (socket.readyState !== WebSocket.OPEN) return resolve();
            socket.send(data, (error) => (error ? reject(error) : resolve()));
          }),
        close: (code: number, reason: string) => socket.close(code, reason),
        onMessage: (handle: (data: string) => Promise<void>) =>
          socket.on("message", async (data) => {
            try {
              await handle(String(data));
            } catch (error) {
              log.error({ err: error, component: "subscriptions" }, "subscription message failed");
              socket.close(INTERNAL_ERROR, "Internal server error");
            }
          }),
      },
      { socket, request },
    );
    socket.once("close", (code, reason) => {
      clearInterval(ping);
      void closed(code, String(reason));
    });
  });
}

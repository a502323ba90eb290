import { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { Client, createClient } from "graphql-ws";
import WebSocket from "ws";
import type { TestApi } from "../../support/test-api";

export interface ReceivedError {
  message: string;
  extensions?: { code?: string; reason?: string };
}

/** A subscription over a real WebSocket, collecting what arrives. */
export interface LiveSubscription<T> {
  /** The data of every `next` without errors, in order. */
  items: T[];
  /** Errors received (in a `next` or an `error` message). */
  errors: ReceivedError[];
  /** Set once the server completed the subscription. */
  completed: boolean;
  /** The close event when the connection was closed by the server (code and reason). */
  closed: { code: number; reason: string } | null;
  /** Stops the subscription and closes its connection. */
  close(): Promise<void>;
}

/** The WebSocket URL of the API's GraphQL endpoint. */
export function wsUrl(api: TestApi): string {
  return api.url.replace(/^http/, "ws");
}

/**
 * Subscribes with graphql-ws's client over the `ws` WebSocket, one connection per subscription, with the
 * token in connectionParams as integrators do (docs/changes.md). No retries: a refused connection shows.
 */
export function subscribe<TData, TVariables>(
  api: TestApi,
  token: string | null,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  client?: Client,
): LiveSubscription<TData> {
  const live: LiveSubscription<TData> = {
    items: [],
    errors: [],
    completed: false,
    closed: null,
    close: async () => undefined,
  };
  const own =
    client ??
    createClient({
      url: wsUrl(api),
      webSocketImpl: WebSocket,
      connectionParams: token === null ? {} : { authorization: `Bearer ${token}` },
      retryAttempts: 0,
      lazy: true,
      on: {
        closed: (event) => {
          const { code, reason } = event as { code: number; reason: string };
          live.closed = { code, reason: String(reason) };
        },
      },
    });
  const stop = own.subscribe<TData>(
    { query: print(document), variables: variables as Record<string, unknown> },
    {
      next: (result) => {
        if (result.errors) live.errors.push(...(result.errors as ReceivedError[]));
        else live.items.push(result.data as TData);
      },
      error: (error) => {
        if (Array.isArray(error)) live.errors.push(...(error as ReceivedError[]));
      },
      complete: () => {
        live.completed = true;
      },
    },
  );
  live.close = async () => {
    stop();
    if (client === undefined) await own.dispose();
  };
  return live;
}

/** A client of its own, for several subscriptions on one connection. */
export function connection(api: TestApi, token: string): Client {
  return createClient({
    url: wsUrl(api),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
}

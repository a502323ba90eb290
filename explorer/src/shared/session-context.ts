import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { ExplorerError } from "../api/explorer-error";

export interface Session {
  token: string;
  tenant: string;
  role: string;
  /** Called when a request's token was refused: back to the sign-in page with the reason. */
  refused(error: ExplorerError): void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error("useSession outside a signed-in view");
  return session;
}

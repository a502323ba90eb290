import { useEffect, useState } from "preact/hooks";
import { ExplorerError } from "../api/explorer-error";
import { useSession } from "./session-context";

export type Loadable<T> =
  { state: "loading" } | { state: "error"; error: ExplorerError; retry: () => void } | { state: "done"; data: T };

/**
 * Runs `load` with the session's token whenever `deps` change, dropping answers that arrive after a newer
 * request; a refused token signs out.
 */
export function useLoad<T>(load: (token: string, signal: AbortSignal) => Promise<T>, deps: unknown[]): Loadable<T> {
  const session = useSession();
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<Loadable<T>>({ state: "loading" });
  useEffect(() => {
    const controller = new AbortController();
    setResult({ state: "loading" });
    load(session.token, controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setResult({ state: "done", data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const failure =
          error instanceof ExplorerError
            ? error
            : new ExplorerError("FAILED", (error as Error).message ?? String(error));
        if (failure.kind === "UNAUTHENTICATED") session.refused(failure);
        else setResult({ state: "error", error: failure, retry: () => setAttempt((n) => n + 1) });
      },
    );
    return () => controller.abort();
  }, [...deps, attempt, session.token]);
  return result;
}

/** Why a request of the explorer failed, as the pages show it. */
export type ExplorerErrorKind = "UNAUTHENTICATED" | "FORBIDDEN" | "SERVER_DOWN" | "FAILED";

export class ExplorerError extends Error {
  constructor(
    readonly kind: ExplorerErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The failure an answer stands for, or null when it carries data: a refused token (401 or an
 * UNAUTHENTICATED error), a missing role, an unreachable server behind a proxy (502-504) or another error.
 * Pure, so it is unit-tested.
 */
export function classifyFailure(
  status: number,
  errors: ReadonlyArray<{ message: string; extensions?: { code?: string } }>,
): ExplorerError | null {
  const codes = errors.map((e) => e.extensions?.code);
  const message = errors.map((e) => e.message).join(" ");
  if (status === 401 || codes.includes("UNAUTHENTICATED")) return new ExplorerError("UNAUTHENTICATED", message);
  if (status === 403 || codes.includes("FORBIDDEN")) return new ExplorerError("FORBIDDEN", message);
  if (status === 502 || status === 503 || status === 504) {
    return new ExplorerError("SERVER_DOWN", message || `The server answered ${status}.`);
  }
  if (errors.length > 0) return new ExplorerError("FAILED", message);
  if (status >= 400) return new ExplorerError("FAILED", `The server answered ${status}.`);
  return null;
}

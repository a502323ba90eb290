import { RelataConfig } from "../config";
import { formatCount } from "./limit-refusal";

/** The HTTP 413 answer to a request body over `RELATA_MAX_BODY_BYTES`, saying what fits. */
export function bodyTooLarge(config: Pick<RelataConfig, "limits" | "maxBatchSize">): unknown {
  const { maxBodyBytes } = config.limits;
  return {
    errors: [
      {
        message:
          `The request body is larger than ${formatCount(maxBodyBytes)} bytes. Send at most ` +
          `${formatCount(config.maxBatchSize)} records per bulk call (fewer when they are large), as variables, and ` +
          `split larger loads into several calls.`,
        extensions: { code: "BAD_USER_INPUT", reason: "BODY_TOO_LARGE", limit: maxBodyBytes },
      },
    ],
  };
}

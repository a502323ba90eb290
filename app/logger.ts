import pino, { Logger } from "pino";

/** Structured JSON logs to stdout (pino). */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: "relata" }, timestamp: pino.stdTimeFunctions.isoTime });
}

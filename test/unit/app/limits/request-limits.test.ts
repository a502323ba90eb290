import { loadConfig } from "../../../../app/config";
import { BODY_ENVELOPE_BYTES } from "../../../../app/limits/request-limits";

const base = { RELATA_JWT_SECRET: "relata-unit-secret-0123456789abcdef0123456789" };

describe("request limits", () => {
  it("derives the body limit from the largest bulk call: RELATA_MAX_BATCH_SIZE records of the per-record allowance", () => {
    const { limits, maxBatchSize } = loadConfig(base);
    expect(maxBatchSize).toBe(20_000);
    expect(limits.bodyBytesPerRecord).toBe(2_048);
    expect(limits.maxBodyBytes).toBe(20_000 * 2_048 + BODY_ENVELOPE_BYTES);
  });

  it("follows a smaller batch size or allowance, and an explicit RELATA_MAX_BODY_BYTES wins", () => {
    const derived = loadConfig({ ...base, RELATA_MAX_BATCH_SIZE: "100", RELATA_BODY_BYTES_PER_RECORD: "1000" });
    expect(derived.limits.maxBodyBytes).toBe(100_000 + BODY_ENVELOPE_BYTES);
    expect(loadConfig({ ...base, RELATA_MAX_BODY_BYTES: "5000" }).limits.maxBodyBytes).toBe(5_000);
  });

  it("has a documented default for every limit", () => {
    expect(loadConfig(base).limits).toEqual({
      maxBodyBytes: 20_000 * 2_048 + BODY_ENVELOPE_BYTES,
      bodyBytesPerRecord: 2_048,
      maxSearchLength: 200,
      maxIdLength: 256,
      maxCursorLength: 4_096,
      maxTextLength: 4_096,
      maxDocumentLength: 10 * 1024 * 1024,
      maxTokens: 5_000,
      maxAliases: 30,
      maxFieldRepeats: 20,
      maxDirectives: 50,
      maxQueryCost: 50_000,
      requestTimeoutMs: 30_000,
      mutationTimeoutMs: 600_000,
    });
  });

  it("refuses a setting that is not a whole number, naming it", () => {
    expect(() => loadConfig({ ...base, RELATA_MAX_QUERY_COST: "lots" })).toThrow(
      /RELATA_MAX_QUERY_COST must be an integer/,
    );
    expect(() => loadConfig({ ...base, RELATA_MAX_TOKENS: "10" })).toThrow(
      /RELATA_MAX_TOKENS must be an integer of at least 100/,
    );
  });
});

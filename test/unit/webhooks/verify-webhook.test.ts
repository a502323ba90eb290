import { signatureHeader, signWebhook } from "../../../domain/webhooks/sign-webhook";
import { verifyWebhook, WebhookVerificationError } from "../../../domain/webhooks/verify-webhook";
import { newWebhookSecret } from "../../../domain/webhooks/webhook-secret";

// The Standard Webhooks reference libraries' test vector.
const VECTOR = {
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
};
const AT_VECTOR = new Date(VECTOR.timestamp * 1000);

function headers(signature = VECTOR.signature, timestamp = String(VECTOR.timestamp)) {
  return { "webhook-id": VECTOR.id, "webhook-timestamp": timestamp, "webhook-signature": signature };
}

function failure(run: () => unknown): WebhookVerificationError {
  try {
    run();
  } catch (error) {
    if (error instanceof WebhookVerificationError) return error;
    throw error;
  }
  throw new Error("expected verifyWebhook to throw");
}

describe("signWebhook", () => {
  it("computes the Standard Webhooks reference signature", () => {
    expect(signWebhook(VECTOR.secret, VECTOR.id, VECTOR.timestamp, VECTOR.body)).toBe(VECTOR.signature);
  });

  it("puts one signature per secret in the header, space-separated", () => {
    const other = newWebhookSecret();
    const header = signatureHeader([VECTOR.secret, other], VECTOR.id, VECTOR.timestamp, VECTOR.body);
    expect(header.split(" ")).toEqual([VECTOR.signature, signWebhook(other, VECTOR.id, VECTOR.timestamp, VECTOR.body)]);
  });
});

describe("verifyWebhook accepts", () => {
  it("the reference vector, returning the message id and timestamp", () => {
    expect(verifyWebhook({ secret: VECTOR.secret, headers: headers(), body: VECTOR.body, now: AT_VECTOR })).toEqual({
      id: VECTOR.id,
      timestamp: VECTOR.timestamp,
    });
  });

  it("a body given as a Buffer, headers in any case or as arrays (node:http, Express)", () => {
    const mixed = {
      "Webhook-Id": [VECTOR.id],
      "WEBHOOK-TIMESTAMP": String(VECTOR.timestamp),
      "webhook-signature": VECTOR.signature,
    };
    const result = verifyWebhook({
      secret: VECTOR.secret,
      headers: mixed,
      body: Buffer.from(VECTOR.body),
      now: AT_VECTOR,
    });
    expect(result.id).toBe(VECTOR.id);
  });

  it("any one matching signature among several (a rotation's overlap), and any one of several secrets", () => {
    const signature = `v1,${Buffer.alloc(32).toString("base64")} v2,ignored ${VECTOR.signature}`;
    expect(
      verifyWebhook({ secret: VECTOR.secret, headers: headers(signature), body: VECTOR.body, now: AT_VECTOR }).id,
    ).toBe(VECTOR.id);
    const secrets = [newWebhookSecret(), VECTOR.secret];
    expect(verifyWebhook({ secret: secrets, headers: headers(), body: VECTOR.body, now: AT_VECTOR }).id).toBe(
      VECTOR.id,
    );
  });

  it("a timestamp within the tolerance either way", () => {
    const later = new Date(AT_VECTOR.getTime() + 299_000);
    expect(() =>
      verifyWebhook({ secret: VECTOR.secret, headers: headers(), body: VECTOR.body, now: later }),
    ).not.toThrow();
    const earlier = new Date(AT_VECTOR.getTime() - 299_000);
    expect(() =>
      verifyWebhook({ secret: VECTOR.secret, headers: headers(), body: VECTOR.body, now: earlier }),
    ).not.toThrow();
  });
});

describe("verifyWebhook refuses", () => {
  it("a tampered body", () => {
    const error = failure(() =>
      verifyWebhook({ secret: VECTOR.secret, headers: headers(), body: '{"test": 2432232315}', now: AT_VECTOR }),
    );
    expect(error.reason).toBe("NO_MATCHING_SIGNATURE");
  });

  it("another secret", () => {
    const error = failure(() =>
      verifyWebhook({ secret: newWebhookSecret(), headers: headers(), body: VECTOR.body, now: AT_VECTOR }),
    );
    expect(error.reason).toBe("NO_MATCHING_SIGNATURE");
  });

  it("a signature of another version, or a truncated one", () => {
    const v2 = VECTOR.signature.replace("v1,", "v2,");
    expect(
      failure(() => verifyWebhook({ secret: VECTOR.secret, headers: headers(v2), body: VECTOR.body, now: AT_VECTOR }))
        .reason,
    ).toBe("NO_MATCHING_SIGNATURE");
    const short = VECTOR.signature.slice(0, 20);
    expect(
      failure(() =>
        verifyWebhook({ secret: VECTOR.secret, headers: headers(short), body: VECTOR.body, now: AT_VECTOR }),
      ).reason,
    ).toBe("NO_MATCHING_SIGNATURE");
  });

  it("a timestamp beyond the tolerance (a replay), with the default of 5 minutes or one given", () => {
    const late = new Date(AT_VECTOR.getTime() + 301_000);
    expect(
      failure(() => verifyWebhook({ secret: VECTOR.secret, headers: headers(), body: VECTOR.body, now: late })).reason,
    ).toBe("TIMESTAMP_OUT_OF_TOLERANCE");
    const tight = new Date(AT_VECTOR.getTime() + 11_000);
    expect(
      failure(() =>
        verifyWebhook({
          secret: VECTOR.secret,
          headers: headers(),
          body: VECTOR.body,
          now: tight,
          toleranceSeconds: 10,
        }),
      ).reason,
    ).toBe("TIMESTAMP_OUT_OF_TOLERANCE");
  });

  it("a missing header or a timestamp that is not unix seconds", () => {
    const { "webhook-id": _omitted, ...noId } = headers();
    expect(
      failure(() => verifyWebhook({ secret: VECTOR.secret, headers: noId, body: VECTOR.body, now: AT_VECTOR })).reason,
    ).toBe("MISSING_HEADER");
    expect(
      failure(() =>
        verifyWebhook({
          secret: VECTOR.secret,
          headers: headers(VECTOR.signature, "2021-02-25T15:02:10Z"),
          body: VECTOR.body,
        }),
      ).reason,
    ).toBe("INVALID_TIMESTAMP");
  });
});

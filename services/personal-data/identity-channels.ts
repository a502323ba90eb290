import { ChannelIdentifiers } from "../../domain/personal-data/erasure-tombstone";
import { valuesAtPath } from "../../domain/personal-data/personal-values";

function parse(text: unknown): unknown {
  if (typeof text !== "string") return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * The emails and phones of a channel identity, from its attributes as sent and its normalised form (JSON
 * texts): what erasure tombstones by salted hash and a re-ingest is checked against (decision 0033).
 */
export function identityChannels(attributes: unknown, normalised: unknown): ChannelIdentifiers {
  const sent = parse(attributes);
  const norm = parse(normalised);
  const at = (paths: readonly string[]) =>
    paths.flatMap((path) => [...valuesAtPath(sent, path), ...valuesAtPath(norm, path)]);
  return { emails: at(["emails[]", "verifiedEmails[]"]), phones: at(["phones[]", "verifiedPhones[]"]) };
}

import { parseDocument } from "yaml";
import { PackProblem, PackResult } from "../model/ontology.model";
import { KnownConcepts, NO_KNOWN_CONCEPTS, validatePack } from "./validate-pack";

/** The largest pack file accepted, so one import cannot exhaust memory. */
export const MAX_PACK_BYTES = 10 * 1024 * 1024;

/**
 * Parses a pack written in YAML (JSON is YAML too) and validates it. Syntax errors are reported with their
 * line and column, like every other problem: all at once.
 */
export function parsePack(text: string, known: KnownConcepts = NO_KNOWN_CONCEPTS): PackResult {
  if (Buffer.byteLength(text, "utf8") > MAX_PACK_BYTES) {
    return {
      ok: false,
      problems: [{ where: "content", message: `is larger than ${MAX_PACK_BYTES} bytes; split the pack` }],
    };
  }
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    const problems: PackProblem[] = document.errors.map((error) => {
      const position = error.linePos?.[0];
      return {
        where: position ? `line ${position.line}, column ${position.col}` : "content",
        message: `YAML syntax: ${error.message.split("\n")[0]}`,
      };
    });
    return { ok: false, problems };
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch {
    return {
      ok: false,
      problems: [
        { where: "content", message: "YAML aliases expand too far (more than 100); remove anchors and aliases" },
      ],
    };
  }
  return validatePack(value, known);
}

import { Parser } from "n3";
import { RdfXmlParser } from "rdfxml-streaming-parser";
import { PackProblem } from "../model/ontology.model";
import { MAX_PACK_BYTES } from "../pack/parse-pack";
import { RdfTriple } from "./rdf-graph";

export type ParsedRdf = { ok: true; triples: RdfTriple[] } | { ok: false; problems: PackProblem[] };

function tooLarge(text: string): ParsedRdf | null {
  if (Buffer.byteLength(text, "utf8") <= MAX_PACK_BYTES) return null;
  return {
    ok: false,
    problems: [{ where: "content", message: `is larger than ${MAX_PACK_BYTES} bytes; split the vocabulary` }],
  };
}

/** Parses Turtle (and so N-Triples, a subset of it); a syntax error is reported with its line. */
export function parseTurtle(text: string): ParsedRdf {
  const large = tooLarge(text);
  if (large) return large;
  try {
    return { ok: true, triples: new Parser().parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    const line = /line (\d+)/.exec(message)?.[1];
    return {
      ok: false,
      problems: [{ where: line ? `line ${line}` : "content", message: `Turtle syntax: ${message}` }],
    };
  }
}

/**
 * Parses RDF/XML, the form many vocabularies are published in. The parser reads no DTD and fetches nothing;
 * relative IRIs resolve against xml:base only. A syntax error is reported with its line and column.
 */
export function parseRdfXml(text: string): Promise<ParsedRdf> {
  const large = tooLarge(text);
  if (large) return Promise.resolve(large);
  return new Promise((resolve) => {
    const parser = new RdfXmlParser();
    const triples: RdfTriple[] = [];
    parser.on("data", (triple: RdfTriple) => triples.push(triple));
    parser.on("error", (error: Error) => {
      const position = /^(\d+):(\d+): /.exec(error.message);
      const where = position ? `line ${position[1]}, column ${position[2]}` : "content";
      const message = position ? error.message.slice(position[0].length) : error.message;
      resolve({ ok: false, problems: [{ where, message: `RDF/XML syntax: ${message}` }] });
    });
    parser.on("end", () => resolve({ ok: true, triples }));
    parser.end(text);
  });
}

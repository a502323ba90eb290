import { isTemporalValue } from "../neo4j-values";
import neo4j, { isNode, isPath, isPoint, isRelationship, type Node, type Path, type Relationship } from "neo4j-driver";

/** A value as JSON can hold it. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * Converts a value read from Neo4j into JSON for `--json` output, keeping what a console user needs to
 * tell things apart: a node keeps its element id and labels, a relationship its type and ends. Integers
 * beyond 2^53 become strings rather than lose digits; temporal values are Neo4j's ISO text.
 */
export function toConsoleJson(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value !== "object") return String(value);
  if (Array.isArray(value)) return value.map(toConsoleJson);
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (neo4j.isInt(value)) {
    const integer = value as { inSafeRange(): boolean; toNumber(): number; toString(): string };
    return integer.inSafeRange() ? integer.toNumber() : integer.toString();
  }
  if (isTemporalValue(value)) return String(value);
  if (isNode(value)) return nodeJson(value);
  if (isRelationship(value)) return relationshipJson(value);
  if (isPath(value)) return pathJson(value);
  if (isPoint(value)) {
    const { srid, x, y, z } = value as { srid: unknown; x: number; y: number; z?: number };
    return { srid: toConsoleJson(srid), x, y, ...(z === undefined ? {} : { z }) };
  }
  const out: Record<string, JsonValue> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = toConsoleJson(item);
  return out;
}

/**
 * Renders a value for a table cell in Cypher's own notation: strings quoted, nodes as `(:Label {…})`,
 * relationships as `[:TYPE {…}]`, paths as a chain, lists and maps as literals.
 */
export function toDisplayText(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value !== "object") return String(value);
  if (Array.isArray(value)) return `[${value.map(toDisplayText).join(", ")}]`;
  if (value instanceof Uint8Array) return `bytes(${value.length})`;
  if (neo4j.isInt(value) || isTemporalValue(value)) return String(value);
  if (isNode(value)) return nodeText(value);
  if (isRelationship(value)) return `[:${value.type}${propertiesText(value.properties)}]`;
  if (isPath(value)) {
    let text = nodeText(value.start);
    for (const segment of value.segments) {
      const forward = segment.relationship.startNodeElementId === segment.start.elementId;
      const relationship = `[:${segment.relationship.type}${propertiesText(segment.relationship.properties)}]`;
      text += forward ? `-${relationship}->` : `<-${relationship}-`;
      text += nodeText(segment.end);
    }
    return text;
  }
  if (isPoint(value)) return `point(${propertiesText(toConsoleJson(value) as Record<string, unknown>).trim()})`;
  return mapText(value as Record<string, unknown>);
}

/**
 * Prepares a parameter for Neo4j: whole numbers become Cypher integers (a JavaScript number is sent as a
 * float, which `LIMIT $n` or an id comparison would refuse or miss), nested lists and maps likewise.
 */
export function toCypherParameter(value: unknown): unknown {
  if (typeof value === "number" && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toCypherParameter);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toCypherParameter(item)]));
  }
  return value;
}

function nodeJson(node: Node): JsonValue {
  return { elementId: node.elementId, labels: [...node.labels], properties: toConsoleJson(node.properties) };
}

function relationshipJson(relationship: Relationship): JsonValue {
  return {
    elementId: relationship.elementId,
    type: relationship.type,
    startNodeElementId: relationship.startNodeElementId,
    endNodeElementId: relationship.endNodeElementId,
    properties: toConsoleJson(relationship.properties),
  };
}

function pathJson(path: Path): JsonValue {
  return {
    nodes: [path.start, ...path.segments.map((segment) => segment.end)].map(nodeJson),
    relationships: path.segments.map((segment) => relationshipJson(segment.relationship)),
  };
}

function nodeText(node: Node): string {
  return `(${node.labels.map((label) => `:${label}`).join("")}${propertiesText(node.properties)})`;
}

function propertiesText(properties: Record<string, unknown>): string {
  return Object.keys(properties).length === 0 ? "" : ` ${mapText(properties)}`;
}

function mapText(map: Record<string, unknown>): string {
  const entries = Object.entries(map).map(([key, item]) => `${identifier(key)}: ${toDisplayText(item)}`);
  return `{${entries.join(", ")}}`;
}

function identifier(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : `\`${key.replace(/`/g, "``")}\``;
}

interface MediaRange {
  type: string;
  subtype: string;
  q: number;
  index: number;
}

function parseAccept(accept: string): MediaRange[] {
  return accept.split(",").flatMap((part, index) => {
    const [range = "", ...params] = part.split(";").map((piece) => piece.trim().toLowerCase());
    const [type, subtype] = range.split("/");
    if (!type || !subtype) return [];
    const qParam = params.find((param) => param.startsWith("q="));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    return Number.isFinite(q) ? [{ type, subtype, q, index }] : [];
  });
}

/** How well `accept` takes `mediaType`: its best matching range (most specific wins), or null. */
function match(ranges: MediaRange[], mediaType: string): { q: number; specificity: number; index: number } | null {
  const [type, subtype] = mediaType.split("/");
  let best: { q: number; specificity: number; index: number } | null = null;
  for (const range of ranges) {
    const specificity =
      range.type === type && range.subtype === subtype
        ? 2
        : range.type === type && range.subtype === "*"
          ? 1
          : range.type === "*" && range.subtype === "*"
            ? 0
            : -1;
    if (specificity < 0 || (best !== null && best.specificity >= specificity)) continue;
    best = { q: range.q, specificity, index: range.index };
  }
  return best;
}

/**
 * Whether a request with this Accept header would rather have an HTML page than a JSON answer, as content
 * negotiation decides it (quality first, then the more specific range, then the earlier one): a browser's
 * address bar (`text/html,…,*\/*;q=0.8`) does, curl (`*\/*`) and GraphQL clients do not. Pure.
 */
export function prefersHtml(accept: string | undefined): boolean {
  if (accept === undefined || accept === "") return false;
  const ranges = parseAccept(accept);
  const html = match(ranges, "text/html");
  if (html === null || html.q <= 0) return false;
  type Match = ReturnType<typeof match>;
  const json = [match(ranges, "application/json"), match(ranges, "application/graphql-response+json")].reduce<Match>(
    (best, next) => (next !== null && (best === null || next.q > best.q) ? next : best),
    null,
  );
  if (json === null || json.q <= 0) return true;
  if (html.q !== json.q) return html.q > json.q;
  if (html.specificity !== json.specificity) return html.specificity > json.specificity;
  return html.index < json.index;
}

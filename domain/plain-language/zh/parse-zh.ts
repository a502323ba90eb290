/**
 * The Chinese grammar of the plain-language parser (issue 12): reads a Chinese rule ("当……时，……并……") into
 * a `ParsedSentence` with the tenant's vocabulary from the shared lexicon. The grammar itself is in
 * `read-chinese.ts` (clauses, antecedent, actions, feedback); this adds what the draft needs beside it: how
 * much of the sentence was understood, and which concept names could have meant another concept.
 */
import { Lexicon } from "../lexicon";
import { ParseAmbiguity, ParsedSentence } from "../parsed-sentence";
import { toHalfWidth } from "./chinese-numbers";
import { readChinese } from "./read-chinese";
import { asWritten, toMainlandChinese } from "./traditional-zh";
import { zhContextOf } from "./zh-context";
import { findTerms } from "./zh-vocabulary";

/** Characters that carry meaning (CJK, Latin letters, digits); punctuation and spaces do not count. */
function meaningful(text: string): number {
  return (text.match(/[\u3400-\u9fffA-Za-z0-9]/gu) ?? []).length;
}

export function parseChinese(text: string, lexicon: Lexicon): ParsedSentence {
  const ctx = zhContextOf(lexicon);
  const reading = readChinese(text, ctx);

  const ambiguities: ParseAmbiguity[] = [...reading.ambiguities];
  for (const term of reading.matched) {
    if (term.kind !== "CONCEPT") continue;
    const others = (findTerms(ctx.vocabulary, term.phrase, ["CONCEPT"])[0]?.terms ?? [])
      .map((t) => t.id)
      .filter((id) => id !== term.id);
    if (others.length > 0 && !ambiguities.some((a) => a.phrase === term.phrase)) {
      ambiguities.push({
        phrase: term.phrase,
        message: `read as ${term.id}; it may also name ${[...new Set(others)].join(", ")}`,
      });
    }
  }

  const total = meaningful(reading.text);
  const missed = reading.unrecognised.reduce((sum, phrase) => sum + meaningful(phrase), 0);
  const coverage = total === 0 ? 0 : Math.max(0, Math.min(1, 1 - missed / total));

  return {
    trigger: reading.trigger,
    conditions: reading.conditions,
    actions: reading.actions,
    feedback: reading.feedback,
    mode: reading.mode,
    matched: reading.matched,
    // Named in the user's own characters (李經理, not 李经理), so they can find and reword it.
    unrecognised: reading.unrecognised.map((phrase) =>
      asWritten(phrase, text, (t) => toMainlandChinese(toHalfWidth(t))),
    ),
    ambiguities,
    coverage: reading.trigger === null && reading.actions.length === 0 ? 0 : coverage,
    name: null,
  };
}

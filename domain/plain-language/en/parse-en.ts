/**
 * The English grammar of the plain-language parser (issue 12).
 */
import { Lexicon } from "../lexicon";
import { emptyParse, ParsedSentence } from "../parsed-sentence";

export function parseEnglish(text: string, lexicon: Lexicon): ParsedSentence {
  void lexicon;
  return emptyParse(text);
}

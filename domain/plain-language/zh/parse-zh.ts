/**
 * The Chinese grammar of the plain-language parser (issue 12). Placeholder until the Chinese grammar lands:
 * it understands nothing and names the whole sentence as not understood.
 */
import { Lexicon } from "../lexicon";
import { emptyParse, ParsedSentence } from "../parsed-sentence";

export function parseChinese(text: string, lexicon: Lexicon): ParsedSentence {
  void lexicon;
  return emptyParse(text);
}

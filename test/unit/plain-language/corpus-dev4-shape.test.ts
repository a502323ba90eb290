/**
 * The shape of the fourth development corpus of the plain-language parser (issue 12),
 * `test/fixtures/plain-language/development-4.json` (24 English and 24 Chinese sentences written blind to the
 * parser, its tests and the other blind sets): ids, counts per language, known kinds, concept ids against
 * `ontology/packs/*.pack.yaml`, event types against `CHANGE_TYPES`, ids against `directory.json`, and every
 * expected draft, completed with the fields a sentence does not determine, valid for `validatePlaybook`. It
 * checks the corpus only and reads no other half of it. The checks are shared with the other blind sets
 * (test/support/blind-corpus-shape.ts).
 */
import { describeBlindCorpusShape } from "../../support/blind-corpus-shape";

describeBlindCorpusShape("development-4.json", "d4b");

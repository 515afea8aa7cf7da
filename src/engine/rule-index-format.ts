/**
 * The stored form of the rule index (src/generated/rules.json, and the /check/ page's rules
 * module): the compiled index with what can be derived left out, so a first visit to /check/ and
 * every CLI start read less. The build writes it (src/catalog/pack-rule-index.ts); `unpackRuleIndex`
 * restores the compiled index exactly (a round trip is the identity; test/unit/read-rule-index.test.ts).
 *
 * Left out, and restored on reading:
 * - a page's `url` (always `/errors/<id>/`), `retired: false`, an empty `relatedErrors`;
 * - a signature's `where: 'any'`;
 * - a pattern's prefilter analysis, written as one string
 *   `minWordRun;minSecondRun;minLength;safeWords;requiredRuns[;needles[;L]]` (`L` when the pattern
 *   is line-local, `prepare-rules.ts` `lineLocal`, its needles then possibly empty), each word list as its
 *   alternatives joined by `|`, the words of one by spaces, and `-` for none known; the needles,
 *   when stored, joined by spaces. An analysis that string cannot carry (a word holding one of
 *   those characters) stays an object.
 */
import type { PatternAnalysis } from './prepare-rules.ts';
import type { RuleIndex, RulePage, RuleSignature } from './rule-index.ts';

/** The format version of the stored form; version 1 is the compiled index as it is. */
export const PACKED_VERSION = 2;

/** A JSON object. */
export type Json = Record<string, unknown>;

/** Restores the compiled index from its stored form; throws a readable Error on a malformed one. */
export function unpackRuleIndex(packed: Json): RuleIndex {
  const pages = packed['pages'];
  if (!Array.isArray(pages)) throw new Error('the rules data has no list of pages');
  const index: RuleIndex = { version: 1, pages: pages.map(unpackPage) };
  if (packed['configModel'] !== undefined) index.configModel = packed['configModel'] as RuleIndex['configModel'];
  return index;
}

// The keys the stored form leaves out of a page, restored right after `status`, where the compiled
// page has them; every other key keeps the stored order (the compiled order), whatever fields
// pages gain later.
const RESTORED_AFTER = 'status';

function unpackPage(value: unknown, position: number): RulePage {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`page ${position + 1} of the rules data is not an object`);
  const page = value as Json;
  const id = page['id'];
  const restored: Json = {
    retired: page['retired'] === true,
    url: typeof id === 'string' ? `/errors/${id}/` : undefined,
    relatedErrors: page['relatedErrors'] ?? [],
  };
  const ordered: Json = {};
  const putRestored = (): void => {
    for (const [key, kept] of Object.entries(restored)) if (kept !== undefined) ordered[key] = kept;
  };
  for (const [key, kept] of Object.entries(page)) {
    if (key in restored) continue;
    if (key === 'signatures' && Array.isArray(kept)) ordered[key] = kept.map(unpackSignature);
    else if (key === 'clues' && Array.isArray(kept)) ordered[key] = kept.map((clue: unknown) => (isObject(clue) ? { ...clue, fact: unpackFact(clue['fact']) } : clue));
    else ordered[key] = kept;
    if (key === RESTORED_AFTER) putRestored();
  }
  if (!(RESTORED_AFTER in page)) putRestored();
  return ordered as unknown as RulePage;
}

function unpackSignature(value: unknown): unknown {
  if (!isObject(value)) return value;
  const { id, text, where, client, facts, ...rest } = value;
  // The compiled order (compileSignature): `client`, when there is one, sits between `where` and `facts`.
  return { id, text, where: where ?? 'any', ...(client !== undefined ? { client } : {}), facts: Array.isArray(facts) ? facts.map(unpackFact) : facts, ...rest } satisfies Partial<Record<keyof RuleSignature, unknown>>;
}

function unpackFact(value: unknown): unknown {
  if (!isObject(value) || value['kind'] !== 'pattern' || typeof value['prefilter'] !== 'string') return value;
  return { ...value, prefilter: unpackAnalysis(value['prefilter']) };
}

// A string that does not read as an analysis becomes undefined: the matcher then tests the pattern
// on every line (see storedAnalysis in prepare-rules.ts), so a damaged entry loses its prefilters, never a match.
function unpackAnalysis(text: string): PatternAnalysis | undefined {
  const parts = text.split(';');
  if (parts.length < 5 || parts.length > 7 || (parts.length === 7 && parts[6] !== 'L')) return undefined;
  const [wordRun, secondRun, length, safe, required, needles, local] = parts as [string, string, string, string, string, string | undefined, string | undefined];
  const numbers = [wordRun, secondRun, length].map(Number);
  if (!numbers.every((n) => Number.isInteger(n) && n >= 0)) return undefined;
  const lists = (field: string): string[][] | null => (field === '-' ? null : field.split('|').map((words) => (words === '' ? [] : words.split(' '))));
  const analysis: PatternAnalysis = { safeWords: lists(safe), requiredRuns: lists(required), minWordRun: numbers[0] as number, minSecondRun: numbers[1] as number, minLength: numbers[2] as number };
  if (needles !== undefined && needles !== '') analysis.needles = needles.split(' ');
  if (local === 'L') analysis.lineLocal = true;
  return analysis;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

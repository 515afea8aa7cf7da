/**
 * The packed form of the rule index, which the /check/ page's rules module builds on: the compiled
 * index with what can be derived left out, so a first visit to /check/ fetches less. (The CLI's
 * src/generated/rules.json is the compiled index as it is, version 1, but for each pattern's
 * analysis, which it writes as the string below and the engine reads as it is: on disk, bytes are
 * cheaper than the CPU unpacking costs at every start, and a string cheaper to parse than lists.) The build writes it (src/catalog/pack-rule-index.ts); `unpackRuleIndex`
 * restores the compiled index exactly (a round trip is the identity; test/unit/read-rule-index.test.ts).
 *
 * Left out, and restored on reading:
 * - a page's `url` (always `/errors/<id>/`), `retired: false`, an empty `relatedErrors`;
 * - a signature's `where: 'any'`;
 * - a pattern's prefilter analysis, written as one string (packed-analysis.ts reads it)
 *   `minWordRun;minSecondRun;minLength;safeWords;requiredRuns[;needles[;L]]` (`L` when the pattern
 *   is line-local, `prepare-rules.ts` `lineLocal`, its needles then possibly empty), each word list as its
 *   alternatives joined by `|`, the words of one by spaces, and `-` for none known; the needles,
 *   when stored, joined by spaces. What the required runs imply is written shorter: `minWordRun`
 *   and `minSecondRun` are left empty when they are `runLengthsOf(requiredRuns)`, and the safe
 *   words, always some of the required runs in order, are `=` (all of them) or `+` and a `0`/`1`
 *   flag per run, alternatives joined by `|`. An analysis that string cannot carry (a word holding
 *   one of those characters) stays an object.
 *
 * The checker's form (version 4, src/generated/checker-rules.json, the /check/ page's rules
 * module) is version 2 without the prose the error pages show and the CLI prints: a page's
 * summary, area, hop, status and related pages, each clue's sentence, each fix's note, and each
 * check-next step's note and command (its title stays). The verdict links to the page for those.
 * Reading it gives the omitted strings back empty, the omitted lists empty, the notes absent.
 * The lexical ranking (rank-lexical.ts) reads a page's words from that prose too, so the form
 * carries what reading cannot work out from the text it keeps: each page's words that only its
 * prose holds (those few enough pages share to count), and `commonWords`, the words the kept text
 * holds that more pages use in full than count (reading drops them). Both are joined by spaces.
 * The words read back are then exactly the full index's, and so is the ranking.
 * Its layout is chosen for gzip (version 3 had the same content laid out as version 2): the pages
 * go in the order of their area, not their id; each page's words are the item at its position in
 * the top-level list `words`, and each fix's title is the next item of the top-level list
 * `fixTitles` (pages in stored order, fixes in order). Reading puts both back and sorts the pages
 * by id.
 */
import { readPackedAnalysis } from './packed-analysis.ts';
import { lexicalTextOfPage, wordsOf } from './rank-lexical.ts';
import type { RuleIndex, RulePage, RuleSignature } from './rule-index.ts';

/** The format version of the packed form; version 1 is the compiled index as it is (the CLI's file). */
export const PACKED_VERSION = 2;

/** The format version of the checker's form: the stored form without the pages' prose. */
export const CHECKER_VERSION = 4;

/** The page fields the checker's form leaves out, and what reading it puts in their place. */
export const CHECKER_OMITTED_PAGE_FIELDS = { summary: '', area: '', hop: '', status: '' } as const;

/** A JSON object. */
export type Json = Record<string, unknown>;

/** Restores the compiled index from its stored form; throws a readable Error on a malformed one. */
export function unpackRuleIndex(packed: Json): RuleIndex {
  const pages = packed['pages'];
  if (!Array.isArray(pages)) throw new Error('the rules data has no list of pages');
  const index: RuleIndex = { version: 1, pages: packed['version'] === CHECKER_VERSION ? unpackCheckerPages(packed, pages) : pages.map(unpackPage) };
  if (packed['configModel'] !== undefined) index.configModel = packed['configModel'] as RuleIndex['configModel'];
  return index;
}

// The checker's form keeps its pages in the order that compresses best, each page's words and
// each fix's title in lists of their own (pack-rule-index.ts); this gives every page its words
// and its fixes their titles back, and the pages the compiled order, by id.
function unpackCheckerPages(packed: Json, pages: unknown[]): RulePage[] {
  const common = packed['commonWords'];
  if (common !== undefined && typeof common !== 'string') throw new Error('the rules data has commonWords that are not a string');
  const commonWords = new Set(common === undefined || common === '' ? [] : common.split(' '));
  const words = stringsOf(packed['words'], 'words');
  if (words.length !== pages.length) throw new Error(`the rules data has words for ${words.length} pages, not ${pages.length}`);
  const fixTitles = stringsOf(packed['fixTitles'], 'fixTitles');
  let nextTitle = 0;
  const titled = pages.map((value, position) => {
    if (!isObject(value) || !Array.isArray(value['fixes'])) return value;
    const fixes = value['fixes'].map((fix: unknown) => {
      const title = fixTitles[nextTitle++];
      if (title === undefined) throw new Error(`the rules data has fewer fix titles than fixes (page ${position + 1})`);
      return isObject(fix) ? { kind: fix['kind'], title, ...fix } : fix;
    });
    return { ...value, fixes };
  });
  if (nextTitle !== fixTitles.length) throw new Error(`the rules data has ${fixTitles.length} fix titles for ${nextTitle} fixes`);
  const unpacked = titled.map((value, position) => unpackCheckerPage(value, position, words[position] ?? '', commonWords));
  return unpacked.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function stringsOf(value: unknown, name: string): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw new Error(`the rules data has ${name} that are not a list of strings`);
  return value as string[];
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

function unpackCheckerPage(value: unknown, position: number, extra: string, commonWords: ReadonlySet<string>): RulePage {
  const page = withoutCheckerProse(unpackPage(value, position));
  const words = new Set(wordsOf(lexicalTextOfPage(page)));
  if (extra !== '') for (const word of extra.split(' ')) words.add(word);
  for (const word of commonWords) words.delete(word);
  return { ...page, words: [...words] };
}

/**
 * A page as the checker's form gives it back: the left-out strings empty, the left-out lists
 * empty, no fix note, each check-next step its title alone. The build reads the words of what
 * remains through this same function, so the words it stores are exactly the ones reading lacks.
 */
export function withoutCheckerProse(page: RulePage): RulePage {
  const { checkNext, ...rest } = page;
  const kept: RulePage = {
    ...rest,
    ...CHECKER_OMITTED_PAGE_FIELDS,
    relatedErrors: [],
    clues: page.clues.map((clue) => ({ ...clue, says: '' })),
    fixes: page.fixes.map(({ note: _note, ...fix }) => fix),
  };
  if (checkNext !== undefined) kept.checkNext = checkNext.map((step) => ({ title: step.title }));
  return kept;
}

function unpackSignature(value: unknown): unknown {
  if (!isObject(value)) return value;
  const { id, text, where, client, facts, ...rest } = value;
  // The compiled order (compileSignature): `client`, when there is one, sits between `where` and `facts`.
  return { id, text, where: where ?? 'any', ...(client !== undefined ? { client } : {}), facts: Array.isArray(facts) ? facts.map(unpackFact) : facts, ...rest } satisfies Partial<Record<keyof RuleSignature, unknown>>;
}

function unpackFact(value: unknown): unknown {
  if (!isObject(value) || value['kind'] !== 'pattern' || typeof value['prefilter'] !== 'string') return value;
  return { ...value, prefilter: readPackedAnalysis(value['prefilter'] as string) };
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

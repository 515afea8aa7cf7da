/**
 * Writes the packed forms of the rule index (see src/engine/rule-index-format.ts, which reads them
 * back): the checker's form /check/ fetches, and the full packed form it is made from. Build only,
 * so it lives apart from the engine.
 */
import type { PatternAnalysis } from '../engine/prepare-rules.ts';
import { lexicalTextOfPage, MAX_PAGES_PER_WORD, wordsOf } from '../engine/rank-lexical.ts';
import { runLengthsOf } from '../engine/packed-analysis.ts';
import { CHECKER_OMITTED_PAGE_FIELDS, CHECKER_VERSION, PACKED_VERSION, withoutCheckerProse, type Json } from '../engine/rule-index-format.ts';
import type { RuleFact, RuleIndex, RulePage } from '../engine/rule-index.ts';
import { mapFacts } from './map-facts.ts';

/** The packed form of a compiled index (a JSON value); the checker's form leaves its prose out. */
export function packRuleIndex(index: RuleIndex): Json {
  const packed: Json = { version: PACKED_VERSION, pages: index.pages.map(packPage) };
  if (index.configModel !== undefined) packed['configModel'] = index.configModel;
  return packed;
}

/**
 * The checker's form of a compiled index (a JSON value): the stored form without the prose the
 * error pages show, with each page's distinctive words in its place (see rule-index-format.ts).
 * What the /check/ page fetches; the CLI reads the full stored form.
 *
 * Laid out for gzip, whose window reaches back 32 KB (about 18 of the 260 pages): the pages go in
 * the order of their area, so look-alike pages and their repeated facts sit within reach of each
 * other, and the two kinds of text that compress best among their own kind, each page's words and
 * each fix's title, go in a list of their own. Measured on the 260 pages: 5.9 KB gzip less than
 * pages in id order with those fields inline (2.3 from the order, 1.7 from each list); moving
 * signature texts, titles or patterns out the same way costs more than it saves, as they
 * compress best beside their page's own facts.
 */
export function packCheckerRuleIndex(index: RuleIndex): Json {
  const { extraWords, commonWords } = checkerWordsOf(index);
  const packed = packRuleIndex(index);
  const fixTitles: string[] = [];
  const words: string[] = [];
  const pages = storedOrderOf(index.pages).map((at) => {
    const page = (packed['pages'] as Json[])[at] ?? {};
    const kept: Json = {};
    for (const [key, value] of Object.entries(page)) {
      if (key in CHECKER_OMITTED_PAGE_FIELDS || key === 'relatedErrors') continue;
      if (key === 'clues') kept[key] = (value as Json[]).map(({ says: _says, ...clue }) => clue);
      else if (key === 'fixes')
        kept[key] = (value as Json[]).map(({ note: _note, title, ...fix }) => {
          fixTitles.push(title as string);
          return fix;
        });
      else if (key === 'checkNext') kept[key] = (value as Json[]).map((step) => ({ title: step['title'] }));
      else kept[key] = value;
    }
    words.push((extraWords[at] ?? []).join(' '));
    return kept;
  });
  return { ...packed, version: CHECKER_VERSION, commonWords: commonWords.join(' '), pages, words, fixTitles };
}

// The positions of the pages (sorted by id) in the checker's stored order: by area, then by id.
// Reading sorts them back by id (rule-index-format.ts), so the order changes no answer.
function storedOrderOf(pages: readonly RulePage[]): number[] {
  const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return pages
    .map((page, at) => ({ at, area: page.area, id: page.id }))
    .sort((a, b) => byText(a.area, b.area) || byText(a.id, b.id))
    .map((entry) => entry.at);
}

// The lexical ranking's words of each page (rank-lexical.ts) that reading the checker's form
// cannot work out from the text it keeps, and the words that text holds which more pages use in
// full than count: with both, reading gets every page's counted words back exactly.
function checkerWordsOf(index: RuleIndex): { extraWords: string[][]; commonWords: string[] } {
  const fullWords = index.pages.map((page) => new Set(wordsOf(lexicalTextOfPage(page))));
  const keptWords = index.pages.map((page) => new Set(wordsOf(lexicalTextOfPage(withoutCheckerProse(page)))));
  const pagesOfWord = new Map<string, number>();
  for (const words of fullWords) for (const word of words) pagesOfWord.set(word, (pagesOfWord.get(word) ?? 0) + 1);
  const counts = (word: string): boolean => (pagesOfWord.get(word) ?? Infinity) <= MAX_PAGES_PER_WORD;
  const extraWords = fullWords.map((words, at) => [...words].filter((word) => counts(word) && !keptWords[at]?.has(word)).sort());
  const commonWords = [...new Set(keptWords.flatMap((words) => [...words]))].filter((word) => !counts(word)).sort();
  return { extraWords, commonWords };
}

function packPage(page: RulePage): Json {
  const { url: _url, retired, relatedErrors, signatures, clues, ...rest } = page;
  const packed: Json = { ...rest };
  if (retired) packed['retired'] = true;
  if (relatedErrors.length > 0) packed['relatedErrors'] = relatedErrors;
  packed['signatures'] = signatures.map((signature) => {
    const { where, facts, ...kept } = signature;
    return where === 'any' ? { ...kept, facts: facts.map(packFact) } : { ...kept, where, facts: facts.map(packFact) };
  });
  packed['clues'] = clues.map((clue) => ({ ...clue, fact: packFact(clue.fact) }));
  // Keys in the compiled order, so that unpacking gives back the same JSON text.
  return orderLike(page, packed);
}

/**
 * The index as it is (version 1), but with each pattern's analysis in its packed string form
 * (packed-analysis.ts), which the engine reads as well: the CLI's rules file, which a cold check
 * parses whole, holds it so (the nested lists cost that parse over half as much again).
 */
export function withPackedAnalyses(index: RuleIndex): RuleIndex {
  return mapFacts(index, (fact) => packFact(fact) as RuleFact);
}

function packFact(fact: RuleFact): RuleFact | Json {
  if (fact.kind !== 'pattern' || fact.prefilter === undefined || typeof fact.prefilter === 'string') return fact;
  const text = packAnalysis(fact.prefilter);
  return text === undefined ? fact : { ...fact, prefilter: text };
}

// The characters the string gives a meaning: a word holding one keeps its analysis an object
// (`+` and `=` open a safe-word field written against the required runs).
const SEPARATORS = /[ |;+=-]/;

function packAnalysis(analysis: PatternAnalysis): string | undefined {
  const lists = (value: string[][] | null): string | undefined => {
    if (value === null) return '-';
    if (value.length === 0 || value.some((words) => words.some((word) => word === '' || SEPARATORS.test(word)))) return undefined;
    return value.map((words) => words.join(' ')).join('|');
  };
  const required = lists(analysis.requiredRuns);
  const safe = analysis.requiredRuns === null ? lists(analysis.safeWords) : (safeWordsAgainst(analysis.safeWords, analysis.requiredRuns) ?? lists(analysis.safeWords));
  if (safe === undefined || required === undefined) return undefined;
  const implied = analysis.requiredRuns === null ? undefined : runLengthsOf(analysis.requiredRuns);
  const wordRun = implied?.longest === analysis.minWordRun ? '' : String(analysis.minWordRun);
  const secondRun = implied?.second === analysis.minSecondRun ? '' : String(analysis.minSecondRun);
  const head = `${wordRun};${secondRun};${analysis.minLength};${safe};${required}`;
  const needles = analysis.needles === undefined ? '' : lists([analysis.needles]);
  if (needles === undefined || needles === '-') return undefined;
  if (analysis.lineLocal === true) return `${head};${needles};L`;
  return needles === '' ? head : `${head};${needles}`;
}

// The safe words named against the required runs (rule-index-format.ts reads them back): `=` when
// they are all the runs, else `+` and a flag per run; undefined when some alternative's safe words
// are not its runs in order (then they are written out).
function safeWordsAgainst(safeWords: string[][] | null, requiredRuns: string[][]): string | undefined {
  if (safeWords === null || safeWords.length !== requiredRuns.length || requiredRuns.length === 0) return undefined;
  if (safeWords.every((words, at) => words.join(' ') === requiredRuns[at]?.join(' '))) return '=';
  const flags: string[] = [];
  for (const [at, runs] of requiredRuns.entries()) {
    const safe = safeWords[at] ?? [];
    let next = 0;
    const marks = runs.map((run) => (next < safe.length && safe[next] === run ? (next++, '1') : '0'));
    if (next !== safe.length) return undefined;
    flags.push(marks.join(''));
  }
  return `+${flags.join('|')}`;
}

function orderLike(model: object, packed: Json): Json {
  const ordered: Json = {};
  for (const key of Object.keys(model)) if (key in packed) ordered[key] = packed[key];
  return ordered;
}


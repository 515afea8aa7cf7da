/**
 * Grows the compiled rule index to a page count it does not have yet, for the site benchmark's
 * "what /check/ would weigh at 1,000 pages": each added page is a real page with its words
 * replaced, so its shape (signatures, facts, patterns, clues, fixes) is a real page's and its text
 * is not a copy that gzip finds again.
 *
 * Copies of one page compress to almost nothing (gzip finds each one within its window), which
 * made an earlier figure of 1,000 generated pages look cheaper per page than the real ones. Here
 * every word of three letters or more in a page's string values is swapped, the same way across
 * the page (so its own repeats, a fact's text inside its signature's text, stay repeats), for a
 * word drawn from the real pages' words with their frequencies (so the text is as ordinary as
 * theirs). Object keys, the values that name a kind or a place, config paths and version strings
 * stay as they are: a larger catalogue shares those. Deterministic: page n is always the same.
 */
import type { RuleIndex, RulePage } from '../src/engine/rule-index.ts';
import { random } from './generate-bench-pages.ts';

// Values that name one of a fixed set of things, which added pages share with the real ones.
const KEPT_KEYS = new Set(['kind', 'op', 'where', 'in', 'area', 'hop', 'status', 'client', 'path', 'version', 'versions', 'url']);
// A word: three letters or more, not the letter of a regex escape (`\bfoo` keeps `bfoo` whole, skipped).
const WORD = /(?<![\\A-Za-z])[A-Za-z]{3,}/g;

/** The index with `count` pages: its own first (all of them when it has fewer), then grown ones. */
export function growRuleIndex(index: RuleIndex, count: number): RuleIndex {
  const real = index.pages.slice(0, count);
  return withPages(index, [...real, ...grownPages(index.pages, count - real.length)]);
}

/** An index of version 1 holding `pages` (sorted by id, as an index keeps them) and the config model of `index`. */
export function withPages(index: RuleIndex, pages: readonly RulePage[]): RuleIndex {
  return { version: 1, pages: [...pages].sort(byId), ...(index.configModel === undefined ? {} : { configModel: index.configModel }) };
}

/** `count` pages grown from `pages` (round robin), none of them `pages` itself. */
export function grownPages(pages: readonly RulePage[], count: number): RulePage[] {
  if (pages.length === 0 || count <= 0) return [];
  const vocabulary = vocabularyOf(pages);
  const grown: RulePage[] = [];
  for (let n = 0; n < count; n += 1) {
    const model = pages[n % pages.length]!;
    const swap = wordSwapper(vocabulary, random(n + 1));
    const page = rewrite(model, swap, '') as RulePage;
    const id = `${page.id}-g${n}`;
    grown.push({ ...page, id, url: `/errors/${id}/` });
  }
  return grown;
}

type Vocabulary = { words: string[]; cumulative: number[] };

function vocabularyOf(pages: readonly RulePage[]): Vocabulary {
  const counts = new Map<string, number>();
  const count = (word: string): string => {
    const lower = word.toLowerCase();
    counts.set(lower, (counts.get(lower) ?? 0) + 1);
    return word;
  };
  for (const page of pages) rewrite(page, count, '');
  const words = [...counts.keys()].sort();
  let total = 0;
  const cumulative = words.map((word) => (total += counts.get(word) ?? 0));
  return { words, cumulative };
}

// One page's swap: each distinct word gets one drawn word, its case kept (lower, Capital, UPPER).
function wordSwapper(vocabulary: Vocabulary, next: () => number): (word: string) => string {
  const chosen = new Map<string, string>();
  const total = vocabulary.cumulative[vocabulary.cumulative.length - 1] ?? 0;
  return (word) => {
    const lower = word.toLowerCase();
    let drawn = chosen.get(lower);
    if (drawn === undefined) {
      drawn = vocabulary.words[firstAbove(vocabulary.cumulative, next() * total)] ?? lower;
      chosen.set(lower, drawn);
    }
    if (word === word.toUpperCase()) return drawn.toUpperCase();
    if (word[0] === word[0]?.toUpperCase()) return drawn[0]?.toUpperCase() + drawn.slice(1);
    return drawn;
  };
}

function firstAbove(cumulative: readonly number[], target: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((cumulative[middle] ?? 0) > target) high = middle;
    else low = middle + 1;
  }
  return low;
}

function rewrite(value: unknown, swap: (word: string) => string, key: string): unknown {
  if (typeof value === 'string') return KEPT_KEYS.has(key) ? value : value.replace(WORD, swap);
  if (Array.isArray(value)) return value.map((item) => rewrite(item, swap, key));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, rewrite(item, swap, name)]));
  return value;
}

function byId(a: RulePage, b: RulePage): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The parser's pre-pass: finds the marks (line-marks.ts) of every line of a paste with a few
 * searches of the whole text, each an alternation of literals, an `indexOf` of one, or one global
 * pattern, instead of every detector searching every line for what it needs. A search that finds
 * what it looks for in a line marks the line and goes on from the next line, so each search reads
 * the text once: linear whatever the paste holds. No line's text is copied. Literals are searched
 * in groups, and a literal found in most lines marks the rest without looking.
 */
import { escapeRegExp } from '../escape-regexp.ts';
import { STATUS_CLUES } from './find-status.ts';
import { ALL_MARKS, LineMarks, MARK } from './line-marks.ts';
import { lineStarts } from './line-starts.ts';
import { CLIENT_WORDS } from './parse-client-output.ts';
import { EXCEPTION_CLUES } from './parse-traceback.ts';

/** One whole-text search: a literal (searched with `indexOf`) or a global pattern, and the marks of a line where it is found. */
interface MarkSearch {
  find: string | RegExp;
  marks: number;
}

/**
 * Searches of one group. With `together` (an alternation of the group's literals, all of them
 * literals), one read of the text finds the lines holding any of them, and a line found is looked
 * at for which: an alternation of literals that start with letters rare in text costs about what
 * one `indexOf` does (10 MB of log: `{`, `[`, `HTTP` and `LiteLLM` 0.5 ms together, 1.4 ms
 * apart). Without it each search reads the text on its own.
 */
interface SearchGroup {
  together: RegExp | undefined;
  searches: MarkSearch[];
}

// Literals most pastes hold (JSON, `HTTP/1.1`, LiteLLM's own log lines): a group of their own, so
// that a paste holding one of them does not have each of the rarer ones looked for in its lines.
const COMMON_LITERALS = new Set(['{', '[', 'HTTP', 'LiteLLM']);

/**
 * The literal searches, in two groups: the common literals, and the rarer ones (escape, `|`,
 * `#`, `'`, the exception words), which most pastes hold none of: one pass of their alternation
 * rules them all out, for the cost of about two of them. A literal several marks need is
 * searched once for all of them.
 */
function literalSearchGroups(): SearchGroup[] {
  const literals = new Map<string, number>();
  const addLiteral = (literal: string, marks: number): void => void literals.set(literal, (literals.get(literal) ?? 0) | marks);
  // A colour code can hide any word until it is removed: its line may hold anything.
  addLiteral('\u001b', ALL_MARKS);
  addLiteral('{', MARK.openBrace);
  addLiteral('[', MARK.openBracket);
  addLiteral('|', MARK.bar);
  addLiteral('#', MARK.hash);
  addLiteral('LiteLLM', MARK.liteLlm);
  addLiteral('HTTP', MARK.http);
  for (const clue of EXCEPTION_CLUES) addLiteral(clue, MARK.exceptionWord);
  for (const clue of STATUS_CLUES) if (typeof clue === 'string') addLiteral(clue, MARK.statusClue);
  const common: MarkSearch[] = [];
  const rare: MarkSearch[] = [];
  for (const [find, marks] of literals) (COMMON_LITERALS.has(find) ? common : rare).push({ find, marks });
  return [common, rare].map((searches) => ({ together: new RegExp(searches.map(({ find }) => escapeRegExp(find as string)).join('|'), 'g'), searches }));
}

/**
 * The pattern searches: the client words (one alternation reads the text once; their first
 * letters are common ones, which makes eleven `indexOf` searches slower) and the status clues
 * that are patterns. They cost several times a literal's search, and their bits are needed only
 * by a line that asks whether a client printed it or that could be a bare log line: they wait
 * until one does (LineMarks `complete`). A log of LiteLLM's own lines never asks.
 */
function patternSearches(): SearchGroup {
  const searches: MarkSearch[] = [{ find: new RegExp(CLIENT_WORDS.map(escapeRegExp).join('|'), 'g'), marks: MARK.clientWord }];
  for (const clue of STATUS_CLUES) if (typeof clue !== 'string') searches.push({ find: clue, marks: MARK.statusClue });
  return { together: undefined, searches };
}

const LITERAL_GROUPS = literalSearchGroups();
const PATTERN_GROUP = patternSearches();
// The bits only the pattern searches can set for sure (a literal status clue sets statusClue too).
const PATTERN_BITS = MARK.clientWord | MARK.statusClue;

// A search that has found its literal in this many lines, more than half of those it passed,
// marks every line after them without looking: on a paste where most lines hold it, a search per
// line would cost more than the detectors it lets skip the others. A mark set on a line without
// the literal only makes a detector look.
const DENSE_AFTER = 4096;

// How many lines a group's alternation finds before each literal goes on alone: the alternation
// pays off by reading text where none is, not by finding many (a paste of 500k lines, a third of
// them holding `{` and `HTTP`: 29 ms apart, 34 ms together to the end).
const TOGETHER_UNTIL = 1024;

/**
 * Finds the marks of the lines of `text`: the literal searches now, the pattern searches when a
 * reader first needs their bits. `lines` are its lines as the parser split them (on LF, CRLF or a
 * lone CR), in order; `starts`, where each starts (line-starts.ts), when the caller has them: else
 * they are worked out from the lines' lengths, once something is found.
 */
export function scanLineMarks(text: string, lines: readonly string[], starts?: Int32Array): LineMarks {
  const state: SearchState = { text, lines, marks: undefined, starts };
  for (const group of LITERAL_GROUPS) runGroup(group, state);
  return new LineMarks(state.marks, PATTERN_BITS, (marks) => {
    state.marks = marks;
    runGroup(PATTERN_GROUP, state);
    return state.marks;
  });
}

/** What the searches of one paste share: its text and lines, the marks so far and, once needed, where each line starts. */
interface SearchState {
  text: string;
  lines: readonly string[];
  marks: Uint16Array | undefined;
  starts: Int32Array | undefined;
}

/** Runs a group's searches, adding what they find to `state.marks`. */
function runGroup({ together, searches }: SearchGroup, state: SearchState): void {
  if (together === undefined) {
    for (const search of searches) runSearch(search, state, 0, 0);
    return;
  }
  const { text, lines } = state;
  // How many lines each literal was found in.
  const linesFoundBy = new Array<number>(searches.length).fill(0);
  let line = 0;
  let linesFound = 0;
  for (let at = nextHit(text, together, 0); at >= 0; ) {
    const starts = (state.starts ??= lineStarts(text, lines));
    const marks = (state.marks ??= new Uint16Array(lines.length));
    line = lineHolding(starts, at, line);
    // Which literals the line holds: a look at this line alone, as each search would take.
    const lineText = lines[line] as string;
    for (let index = 0; index < searches.length; index++) {
      const { find, marks: found } = searches[index] as MarkSearch;
      if (!lineText.includes(find as string)) continue;
      marks[line] = (marks[line] as number) | found;
      linesFoundBy[index] = (linesFoundBy[index] as number) + 1;
    }
    linesFound++;
    // Many lines hold one of them: each literal goes on alone from the next line, as a look at
    // every line found for each literal would cost more than the searches it spares.
    if (linesFound >= TOGETHER_UNTIL) {
      for (let index = 0; index < searches.length; index++) runSearch(searches[index] as MarkSearch, state, line + 1, linesFoundBy[index] as number);
      return;
    }
    if (line + 1 >= starts.length) return;
    at = nextHit(text, together, starts[line + 1] as number);
  }
}

/**
 * Runs one search from line `fromLine` on, adding what it finds to `state.marks`; `foundBefore`, in
 * how many lines before that one it was found.
 */
function runSearch({ find, marks: found }: MarkSearch, state: SearchState, fromLine: number, foundBefore: number): void {
  const { text, lines } = state;
  if (fromLine >= lines.length) return;
  let line = fromLine;
  let linesFound = foundBefore;
  for (let at = nextHit(text, find, fromLine === 0 ? 0 : ((state.starts ??= lineStarts(text, lines))[fromLine] as number)); at >= 0; ) {
    const starts = (state.starts ??= lineStarts(text, lines));
    const marks = (state.marks ??= new Uint16Array(lines.length));
    line = lineHolding(starts, at, line);
    marks[line] = (marks[line] as number) | found;
    linesFound++;
    if (linesFound >= DENSE_AFTER && linesFound * 2 > line + 1) {
      for (let rest = line + 1; rest < marks.length; rest++) marks[rest] = (marks[rest] as number) | found;
      return;
    }
    if (line + 1 >= starts.length) return;
    at = nextHit(text, find, starts[line + 1] as number);
  }
}

/** Where the search finds its literal or pattern next, from `from` on (-1: nowhere). */
function nextHit(text: string, find: string | RegExp, from: number): number {
  if (typeof find === 'string') return text.indexOf(find, from);
  find.lastIndex = from;
  const match = find.exec(text);
  return match === null ? -1 : match.index;
}

/**
 * The index of the line holding offset `at`, searching forward from line `from` (which starts at
 * or before it): doubling steps, then halving, so a hit far ahead costs a few steps, not a walk.
 */
function lineHolding(starts: Int32Array, at: number, from: number): number {
  let low = from;
  let step = 1;
  while (low + step < starts.length && (starts[low + step] as number) <= at) {
    low += step;
    step *= 2;
  }
  let high = Math.min(low + step, starts.length) - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] as number) <= at) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * A build-time check that a page's regular expression cannot backtrack catastrophically on a
 * hostile paste, in two parts that cover each other's gaps (both read the pattern's one regexpp
 * parse, ./parse-page-pattern.ts):
 *   - scslre (https://github.com/RunDevelopment/scslre) finds quantifiers that trade characters,
 *     from an automaton of the pattern rather than its shape: one that can reach itself through a
 *     repeated group (`(a+)+`, `(\w+\s?)*`, `(a+){10}b`: kind `nested-quantifier`) and two that can
 *     match the same characters with nothing between them that only one side matches (`\d+\d+`,
 *     `\s*.*failed`, `'[^']*\s[^']*'`: kind `adjacent-quantifiers`), exponential or polynomial.
 *     It is told that a failing suffix can always be found (the matcher searches every line of a
 *     paste, so an attacker chooses what follows), and it proposes an equivalent rewrite when it
 *     knows one, which the message quotes.
 *   - scslre does not look at alternatives (`(\w|\d)+c`, `(a|aa)+b`, `(?:\s|.)*x` are exponential
 *     and pass it), so an unbounded quantifier whose alternatives can start with the same character,
 *     or whose alternative can match nothing, is rejected here (kind `overlapping-alternation`).
 *     That rule is conservative: it may reject a safe regex (`(a|ab)*c`), never pass one of that shape.
 * Each finding names the part of the source and says how to rewrite it.
 * checkStatusBoundaries, on the same parse, rejects a status (`40[13]`) that is not bounded.
 */
import type { AST } from '@eslint-community/regexpp';
import { analyse, type Report } from 'scslre';
import { parsePatternOnce } from './parse-page-pattern.ts';
import { type CharSet, DIGITS, type Node, parseRegex, UNBOUNDED_ABOVE, anySet, emptySet, overlaps, rangeSet, union } from './regex-syntax.ts';

/** One reason a regex is unsafe. */
export interface RegexProblem {
  /** The kind of shape found. */
  kind: 'nested-quantifier' | 'overlapping-alternation' | 'adjacent-quantifiers' | 'syntax' | 'unbounded-status' | 'dead-word-boundary';
  /** What is wrong and how to fix it, in words. */
  reason: string;
}

/** Checks one regex source (compiled as `iu`, like the matcher); an empty list means it is safe. */
export function checkRegexSafety(source: string): RegexProblem[] {
  try {
    new RegExp(source, 'iu');
  } catch (error) {
    return [{ kind: 'syntax', reason: `regex does not compile: ${(error as Error).message}` }];
  }
  const parse = parsePatternOnce(source);
  if (parse.kind === 'unparsable') return [{ kind: 'syntax', reason: `regex uses syntax the safety check cannot read (${parse.reason}); simplify it` }];
  const problems = backtrackingOf(parse.pattern, parse.flags);
  walk(parseRegex(source), problems);
  const seen = new Set<string>();
  return problems.filter((p) => (seen.has(p.reason) ? false : (seen.add(p.reason), true)));
}

// scslre's reports of quantifiers trading characters. Its third kind, Move (a pattern tried at
// every position of a long line, `a+b` on "aaaa…"), is left out: it is how any unanchored search
// works, bounded by the line, and nearly every page pattern would have one.
function backtrackingOf(pattern: AST.Pattern, flags: AST.Flags): RegexProblem[] {
  let reports: Report[];
  try {
    reports = analyse({ pattern, flags }, { reportTypes: { Move: false }, assumeRejectingSuffix: true }).reports;
  } catch (error) {
    return [{ kind: 'syntax', reason: `the backtracking analysis cannot read this regex (${(error as Error).message}); simplify it` }];
  }
  return reports.map((report) => {
    const growth = report.exponential ? 'exponentially' : 'polynomially';
    const fixed = report.fix();
    const rewrite = fixed ? `rewrite it as ${fixed.source} (it matches the same)` : undefined;
    // Page regexes are case-insensitive: scslre may pick the upper case of a letter; the lower reads better.
    const repeated = JSON.stringify(report.character.pick.toLowerCase().repeat(3));
    if (report.type === 'Trade') {
      return {
        kind: 'adjacent-quantifiers',
        reason: `"${report.startQuant.raw}" and "${report.endQuant.raw}" can both match ${repeated}…, so a line of those that fails to match is split between them in ${growth} many ways; ${rewrite ?? 'make one of them exclude what the other matches, or put a required character between them that neither matches'}`,
      };
    }
    // Move reports are turned off above; a Self report is the only other kind.
    const parent = report.type === 'Self' ? report.parentQuant.raw : 'its repetition';
    return {
      kind: 'nested-quantifier',
      reason: `"${report.quant.raw}" repeats inside "${parent}" and can match ${repeated}… in many ways, so a line of those that fails to match backtracks ${growth}; ${rewrite ?? 'repeat only the outer part, or match a fixed shape (e.g. [^"]* instead of (.*)*)'}`,
    };
  });
}

/**
 * A build-time check that a status-like number in a page's regex cannot match inside a longer
 * number. `40[13]` alone also matches `:40512`, `14013` or an id, so a page meant for a 401 would
 * fire on a port, a timestamp or a request id (this made a test flaky once).
 *
 * A status run is three characters in a row, each matching only digits, the first only 1-5
 * (`401`, `40[13]`, `5\d\d`, `5\d{2}`, `(?:401|403)`); `\d{3}` (any number) and longer or
 * shorter digit runs (`4000`, `-32601`) are not status runs. The run is bounded on a side when
 * the character next to it on that side can never be a digit:
 *   - `\b` (next to a digit it means the neighbour is not a word character, or there is none);
 *   - `^` before it or `$` after it;
 *   - a required character that is not a digit (`HTTP 401` is bounded on the left by the space,
 *     `'401 ` on both sides, `\(401\)` too); an optional one counts only together with what
 *     follows it (`"status": ?404` is bounded on the left by the `:` behind the optional space);
 *   - a lookaround: `(?<!\d)` before or `(?!\d)` after (its one character class covers every
 *     digit), or `(?<=…)`/`(?=…)` whose adjacent character is never a digit.
 * The end of the pattern is not a bound: the regex is searched anywhere in a line, so `returned
 * 401` matches `returned 4010`. The check is syntactic and conservative; it reads the run's
 * neighbours through groups, alternations and quantifiers.
 */
export function checkStatusBoundaries(source: string): RegexProblem[] {
  let ast: Node;
  try {
    new RegExp(source, 'iu');
    ast = parseRegex(source);
  } catch {
    // checkRegexSafety reports a regex that does not compile or that the parser cannot read.
    return [];
  }
  const problems: RegexProblem[] = [];
  findStatusRuns(ast, false, false, problems);
  const seen = new Set<string>();
  return problems.filter((p) => (seen.has(p.reason) ? false : (seen.add(p.reason), true)));
}

// `isLeftBound`/`isRightBound`: whether the character before/after what `node` matches is never a digit.
function findStatusRuns(node: Node, isLeftBound: boolean, isRightBound: boolean, problems: RegexProblem[]): void {
  switch (node.t) {
    case 'seq': {
      const items = node.items;
      for (let i = 0; i < items.length; ) {
        // The longest run of all-digit items from i: items[i..j).
        const run: CharSet[] = [];
        let j = i;
        for (let unit = digitUnit(items[j] as Node); unit !== null; unit = j < items.length ? digitUnit(items[j] as Node) : null) {
          run.push(...unit);
          j++;
        }
        if (j > i) {
          if (run.length === 3 && isSubset(run[0] as CharSet, STATUS_FIRST_DIGIT)) {
            const left = isBoundBefore(items, i - 1, isLeftBound);
            const right = isBoundAfter(items, j, isRightBound);
            if (!left || !right) {
              const src = items.slice(i, j).map((item) => item.src).join('');
              const side = !left && !right ? 'on either side' : !left ? 'on the left' : 'on the right';
              problems.push({
                kind: 'unbounded-status',
                reason: `status-like digits "${src}" are not bounded ${side}, so they also match inside a longer number (a port, a timestamp, an id such as :40512); put \\b on both sides (\\b${src}\\b), or a non-digit character, an anchor, or (?<!\\d) / (?!\\d)`,
              });
            }
          }
          i = j;
          continue;
        }
        findStatusRuns(items[i] as Node, isBoundBefore(items, i - 1, isLeftBound), isBoundAfter(items, i + 1, isRightBound), problems);
        i++;
      }
      return;
    }
    case 'alt':
      node.alts.forEach((alt) => findStatusRuns(alt, isLeftBound, isRightBound, problems));
      return;
    case 'quant':
      // A repeated body is also next to its own previous and next repetition.
      findStatusRuns(
        node.body,
        isLeftBound && (node.max <= 1 || isBoundBefore([node.body], 0, true)),
        isRightBound && (node.max <= 1 || isBoundAfter([node.body], 0, true)),
        problems,
      );
      return;
    case 'look':
      findStatusRuns(node.body, false, false, problems);
      return;
    default:
      return;
  }
}

const STATUS_FIRST_DIGIT = rangeSet(49, 53);

// The characters of a node that always matches the same number of characters, all digits
// (`4`, `[13]`, `\d{2}`, `(?:401|403)`), one set per position; null for anything else.
function digitUnit(node: Node): CharSet[] | null {
  switch (node.t) {
    case 'set':
      return node.set.ascii.some(Boolean) && isSubset(node.set, DIGITS) ? [node.set] : null;
    case 'seq': {
      const units: CharSet[] = [];
      for (const item of node.items) {
        const unit = digitUnit(item);
        if (unit === null) return null;
        units.push(...unit);
      }
      return units.length > 0 ? units : null;
    }
    case 'alt': {
      const units = node.alts.map(digitUnit);
      const first = units[0];
      if (first === undefined || first === null || units.some((unit) => unit === null || unit.length !== first.length)) return null;
      return first.map((_, position) => units.reduce((acc, unit) => union(acc, (unit as CharSet[])[position] as CharSet), emptySet()));
    }
    case 'quant': {
      if (node.min !== node.max || node.min < 1 || node.min > 8) return null;
      const unit = digitUnit(node.body);
      return unit === null ? null : Array.from({ length: node.min }, () => unit).flat();
    }
    default:
      return null;
  }
}

// Whether the character just before the match of items[index + 1] is never a digit, reading
// items[index], items[index - 1]… back past optional ones; `outer` answers for the sequence start.
function isBoundBefore(items: readonly Node[], index: number, outer: boolean): boolean {
  return isBound(items, index, outer, 'before');
}

// The mirror of isBoundBefore: the character just after the match of items[index - 1].
function isBoundAfter(items: readonly Node[], index: number, outer: boolean): boolean {
  return isBound(items, index, outer, 'after');
}

// Reads from items[index] away from the run (backwards for `before`), past zero-width and
// optional items, until something decides whether the neighbouring character can be a digit.
function isBound(items: readonly Node[], index: number, outer: boolean, side: 'before' | 'after'): boolean {
  const step = side === 'before' ? -1 : 1;
  const anchor = side === 'before' ? '^' : '$';
  const edge = side === 'before' ? lastSet : firstSet;
  for (let i = index; i >= 0 && i < items.length; i += step) {
    const item = items[i] as Node;
    if (item.t === 'empty') {
      if (item.src === '\\b' || item.src === anchor) return true;
      continue;
    }
    if (item.t === 'look') {
      if (item.behind === (side === 'before') && excludesDigit(item, edge)) return true;
      continue;
    }
    if (overlaps(edge(item), DIGITS)) return false;
    if (!isNullable(item)) return true;
  }
  return outer;
}

// `(?!\d)` / `(?<!\d)`: a negative lookaround of one character class that holds every digit.
// `(?=\s)` / `(?<=:)`: a positive one whose adjacent character (`edge`) is never a digit.
function excludesDigit(look: Extract<Node, { t: 'look' }>, edge: (node: Node) => CharSet): boolean {
  if (look.negative) {
    const unit = singleSet(look.body);
    return unit !== null && isSubset(DIGITS, unit);
  }
  return !isNullable(look.body) && !overlaps(edge(look.body), DIGITS);
}

function singleSet(node: Node): CharSet | null {
  if (node.t === 'set') return node.set;
  if (node.t === 'seq' && node.items.length === 1) return singleSet(node.items[0] as Node);
  return null;
}

function isSubset(a: CharSet, b: CharSet): boolean {
  return (!a.other || b.other) && a.ascii.every((v, i) => !v || (b.ascii[i] ?? false));
}

function isUnbounded(node: Node): boolean {
  return node.t === 'quant' && node.max > UNBOUNDED_ABOVE;
}

// Every unbounded quantifier, with its alternatives checked (see checkAlternation).
function walk(node: Node, problems: RegexProblem[]): void {
  switch (node.t) {
    case 'seq':
      node.items.forEach((item) => walk(item, problems));
      return;
    case 'alt':
      node.alts.forEach((alt) => walk(alt, problems));
      return;
    case 'look':
      walk(node.body, problems);
      return;
    case 'quant':
      if (isUnbounded(node)) checkAlternation(node, problems);
      walk(node.body, problems);
      return;
    default:
      return;
  }
}

function checkAlternation(quant: Extract<Node, { t: 'quant' }>, problems: RegexProblem[]): void {
  const alt = unwrapAlt(quant.body);
  if (!alt) return;
  for (let i = 0; i < alt.alts.length; i++) {
    const a = alt.alts[i] as Node;
    if (isNullable(a)) {
      problems.push({
        kind: 'overlapping-alternation',
        reason: `alternative "${a.src || '(empty)'}" in repeated "${quant.src}" can match nothing, so the repetition can loop in many ways; make every alternative consume a character`,
      });
      continue;
    }
    for (let j = i + 1; j < alt.alts.length; j++) {
      const b = alt.alts[j] as Node;
      if (overlaps(firstSet(a), firstSet(b))) {
        problems.push({
          kind: 'overlapping-alternation',
          reason: `alternatives "${a.src}" and "${b.src}" in repeated "${quant.src}" can start with the same character, so a failing line is tried in exponentially many splits; make the alternatives start differently or merge them into one character class`,
        });
      }
    }
  }
}

function unwrapAlt(node: Node): Extract<Node, { t: 'alt' }> | null {
  if (node.t === 'alt') return node;
  if (node.t === 'seq' && node.items.length === 1) return unwrapAlt(node.items[0] as Node);
  return null;
}

function isNullable(node: Node): boolean {
  switch (node.t) {
    case 'seq':
      return node.items.every(isNullable);
    case 'alt':
      return node.alts.some(isNullable);
    case 'set':
      return false;
    case 'quant':
      return node.min === 0 || isNullable(node.body);
    case 'look':
    case 'empty':
    case 'backref':
      return true;
  }
}

// The characters a match of `node` can start with (`first`) or end with (`last`).
function edgeSet(node: Node, side: 'first' | 'last'): CharSet {
  switch (node.t) {
    case 'set':
      return node.set;
    case 'seq': {
      let acc = emptySet();
      const count = node.items.length;
      for (let k = 0; k < count; k++) {
        const item = node.items[side === 'first' ? k : count - 1 - k] as Node;
        acc = union(acc, edgeSet(item, side));
        if (!isNullable(item)) break;
      }
      return acc;
    }
    case 'alt':
      return node.alts.reduce((acc, alt) => union(acc, edgeSet(alt, side)), emptySet());
    case 'quant':
      return edgeSet(node.body, side);
    case 'look':
    case 'empty':
      return emptySet();
    case 'backref':
      return anySet();
  }
}

function firstSet(node: Node): CharSet {
  return edgeSet(node, 'first');
}

function lastSet(node: Node): CharSet {
  return edgeSet(node, 'last');
}

/**
 * A build-time check that a page's regular expression cannot backtrack catastrophically on a
 * hostile paste. It walks the pattern's parse (./regex-syntax.ts) and rejects the shapes that make a
 * backtracking engine (V8's irregexp) exponential or polynomial:
 *   - an unbounded quantifier inside another (`(a+)+`, `(.*)*`, `(\w+\s?)*`): star height above 1;
 *   - alternatives that can start with the same character under an unbounded quantifier
 *     (`(a|ab)*`, `(\w|\d)+`), or an alternative that matches the empty string there;
 *   - two unbounded quantifiers in a row, with only optional items between them, that can match the
 *     same characters (`\s*.*`, `\d+\d+`, `.*.*`): polynomial on a long line.
 * The analysis is conservative: it may reject a safe regex, never the other way round for these
 * shapes. Each finding names the part of the source and says how to rewrite it.
 * checkStatusBoundaries, on the same parser, rejects a status (`40[13]`) that is not bounded.
 */
import { type CharSet, DIGITS, type Node, parseRegex, UNBOUNDED_ABOVE, anySet, emptySet, overlaps, rangeSet, union } from './regex-syntax.ts';

/** One reason a regex is unsafe. */
export interface RegexProblem {
  /** The kind of shape found. */
  kind: 'nested-quantifier' | 'overlapping-alternation' | 'adjacent-quantifiers' | 'syntax' | 'unbounded-status';
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
  let ast: Node;
  try {
    ast = parseRegex(source);
  } catch (error) {
    return [{ kind: 'syntax', reason: `regex uses syntax the safety check cannot read (${(error as Error).message}); simplify it` }];
  }
  const problems: RegexProblem[] = [];
  walk(ast, false, problems);
  const seen = new Set<string>();
  return problems.filter((p) => (seen.has(p.reason) ? false : (seen.add(p.reason), true)));
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

function walk(node: Node, isInsideUnbounded: boolean, problems: RegexProblem[]): void {
  switch (node.t) {
    case 'seq':
      checkAdjacent(node, problems);
      node.items.forEach((item) => walk(item, isInsideUnbounded, problems));
      return;
    case 'alt':
      node.alts.forEach((alt) => walk(alt, isInsideUnbounded, problems));
      return;
    case 'look':
      walk(node.body, isInsideUnbounded, problems);
      return;
    case 'quant': {
      const unbounded = isUnbounded(node);
      if (unbounded && isInsideUnbounded) {
        problems.push({
          kind: 'nested-quantifier',
          reason: `nested unbounded quantifier "${node.src}" inside another repeated group: a non-matching line makes it backtrack exponentially; repeat only the outer part, or match a fixed shape (e.g. [^"]* instead of (.*)*)`,
        });
      }
      if (unbounded) checkAlternation(node, problems);
      walk(node.body, isInsideUnbounded || (unbounded && canMatchTwoChars(node.body)), problems);
      return;
    }
    default:
      return;
  }
}

// A repeated body that can only ever match one character (`(?:\s)*`) cannot nest anything.
function canMatchTwoChars(node: Node): boolean {
  switch (node.t) {
    case 'set':
      return false;
    case 'seq':
      return node.items.filter((item) => !isZeroWidth(item)).length > 1 || node.items.some(canMatchTwoChars);
    case 'alt':
      return node.alts.some(canMatchTwoChars);
    case 'quant':
      return node.max > 1 || canMatchTwoChars(node.body);
    case 'look':
    case 'empty':
      return false;
    case 'backref':
      return true;
  }
}

function isZeroWidth(node: Node): boolean {
  return node.t === 'empty' || node.t === 'look';
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

function checkAdjacent(seq: Extract<Node, { t: 'seq' }>, problems: RegexProblem[]): void {
  const items = seq.items;
  for (let i = 0; i < items.length; i++) {
    const a = items[i] as Node;
    if (!isUnbounded(a)) continue;
    for (let j = i + 1; j < items.length; j++) {
      const b = items[j] as Node;
      if (isUnbounded(b)) {
        if (overlaps(allChars((a as Extract<Node, { t: 'quant' }>).body), allChars((b as Extract<Node, { t: 'quant' }>).body))) {
          problems.push({
            kind: 'adjacent-quantifiers',
            reason: `"${a.src}" and "${b.src}" follow each other and can match the same characters, so a failing line is split between them in quadratically many ways; drop one or put a required literal between them`,
          });
        }
        break;
      }
      if (!isNullable(b)) break;
    }
  }
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

function allChars(node: Node): CharSet {
  switch (node.t) {
    case 'set':
      return node.set;
    case 'seq':
      return node.items.reduce((acc, item) => union(acc, allChars(item)), emptySet());
    case 'alt':
      return node.alts.reduce((acc, alt) => union(acc, allChars(alt)), emptySet());
    case 'quant':
      return allChars(node.body);
    case 'look':
    case 'empty':
      return emptySet();
    case 'backref':
      return anySet();
  }
}


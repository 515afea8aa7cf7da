/**
 * A build-time check that a page's regular expression cannot backtrack catastrophically on a
 * hostile paste. It parses the JavaScript regex syntax itself and rejects the shapes that make a
 * backtracking engine (V8's irregexp) exponential or polynomial:
 *   - an unbounded quantifier inside another (`(a+)+`, `(.*)*`, `(\w+\s?)*`): star height above 1;
 *   - alternatives that can start with the same character under an unbounded quantifier
 *     (`(a|ab)*`, `(\w|\d)+`), or an alternative that matches the empty string there;
 *   - two unbounded quantifiers in a row, with only optional items between them, that can match the
 *     same characters (`\s*.*`, `\d+\d+`, `.*.*`): polynomial on a long line.
 * The analysis is conservative: it may reject a safe regex, never the other way round for these
 * shapes. Each finding names the part of the source and says how to rewrite it.
 */

/** One reason a regex is unsafe. */
export interface RegexProblem {
  /** The kind of shape found. */
  kind: 'nested-quantifier' | 'overlapping-alternation' | 'adjacent-quantifiers' | 'syntax';
  /** What is wrong and how to fix it, in words. */
  reason: string;
}

// A character set over ASCII (a 128-bit map) plus one flag for anything beyond ASCII.
interface CharSet {
  ascii: boolean[];
  other: boolean;
}

type Node =
  | { t: 'seq'; items: Node[]; src: string }
  | { t: 'alt'; alts: Node[]; src: string }
  | { t: 'set'; set: CharSet; src: string }
  | { t: 'quant'; body: Node; min: number; max: number; src: string }
  | { t: 'look'; body: Node; src: string }
  | { t: 'empty'; src: string }
  | { t: 'backref'; src: string };

/** The most repetitions a bounded quantifier may allow before it counts as unbounded. */
const UNBOUNDED_ABOVE = 64;

/** Checks one regex source (compiled as `iu`, like the matcher); an empty list means it is safe. */
export function checkRegexSafety(source: string): RegexProblem[] {
  try {
    new RegExp(source, 'iu');
  } catch (error) {
    return [{ kind: 'syntax', reason: `regex does not compile: ${(error as Error).message}` }];
  }
  let ast: Node;
  try {
    ast = new RegexParser(source).parse();
  } catch (error) {
    return [{ kind: 'syntax', reason: `regex uses syntax the safety check cannot read (${(error as Error).message}); simplify it` }];
  }
  const problems: RegexProblem[] = [];
  walk(ast, false, problems);
  const seen = new Set<string>();
  return problems.filter((p) => (seen.has(p.reason) ? false : (seen.add(p.reason), true)));
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

function firstSet(node: Node): CharSet {
  switch (node.t) {
    case 'set':
      return node.set;
    case 'seq': {
      let acc = emptySet();
      for (const item of node.items) {
        acc = union(acc, firstSet(item));
        if (!isNullable(item)) break;
      }
      return acc;
    }
    case 'alt':
      return node.alts.reduce((acc, alt) => union(acc, firstSet(alt)), emptySet());
    case 'quant':
      return firstSet(node.body);
    case 'look':
    case 'empty':
      return emptySet();
    case 'backref':
      return anySet();
  }
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

function emptySet(): CharSet {
  return { ascii: new Array<boolean>(128).fill(false), other: false };
}

function anySet(): CharSet {
  return { ascii: new Array<boolean>(128).fill(true), other: true };
}

function union(a: CharSet, b: CharSet): CharSet {
  return { ascii: a.ascii.map((v, i) => v || (b.ascii[i] ?? false)), other: a.other || b.other };
}

function overlaps(a: CharSet, b: CharSet): boolean {
  return (a.other && b.other) || a.ascii.some((v, i) => v && (b.ascii[i] ?? false));
}

function complement(set: CharSet): CharSet {
  return { ascii: set.ascii.map((v) => !v), other: true };
}

function rangeSet(from: number, to: number): CharSet {
  const set = emptySet();
  for (let code = from; code <= to; code++) addCode(set, code);
  return set;
}

// The matcher compiles with the `i` flag: a letter stands for both of its cases.
function addCode(set: CharSet, code: number): void {
  if (code >= 128) {
    set.other = true;
    // Under `iu`, U+017F (ſ) folds to s and U+212A (Kelvin) to k.
    if (code === 0x17f) set.ascii[115] = set.ascii[83] = true;
    if (code === 0x212a) set.ascii[107] = set.ascii[75] = true;
    return;
  }
  set.ascii[code] = true;
  if (code >= 65 && code <= 90) set.ascii[code + 32] = true;
  if (code >= 97 && code <= 122) set.ascii[code - 32] = true;
  if (code === 115 || code === 83 || code === 107 || code === 75) set.other = true;
}

const DIGITS = rangeSet(48, 57);
const WORD = union(union(union(rangeSet(48, 57), rangeSet(65, 90)), rangeSet(97, 122)), rangeSet(95, 95));
const SPACE = (() => {
  const set = union(rangeSet(9, 13), rangeSet(32, 32));
  set.other = true;
  return set;
})();
const DOT = (() => {
  const set = anySet();
  set.ascii[10] = false;
  set.ascii[13] = false;
  return set;
})();

class RegexParser {
  private pos = 0;
  private readonly source: string;

  constructor(source: string) {
    this.source = source;
  }

  parse(): Node {
    const node = this.parseAlt();
    if (this.pos < this.source.length) throw new Error(`unexpected "${this.source[this.pos]}" at ${this.pos}`);
    return node;
  }

  private parseAlt(): Node {
    const start = this.pos;
    const alts: Node[] = [this.parseSeq()];
    while (this.source[this.pos] === '|') {
      this.pos++;
      alts.push(this.parseSeq());
    }
    return alts.length === 1 ? (alts[0] as Node) : { t: 'alt', alts, src: this.source.slice(start, this.pos) };
  }

  private parseSeq(): Node {
    const start = this.pos;
    const items: Node[] = [];
    while (this.pos < this.source.length && this.source[this.pos] !== '|' && this.source[this.pos] !== ')') {
      const atomStart = this.pos;
      const atom = this.parseAtom();
      items.push(this.parseQuantifier(atom, atomStart));
    }
    return { t: 'seq', items, src: this.source.slice(start, this.pos) };
  }

  private parseQuantifier(atom: Node, atomStart: number): Node {
    const ch = this.source[this.pos];
    let min: number;
    let max: number;
    if (ch === '*') [min, max] = [0, Infinity];
    else if (ch === '+') [min, max] = [1, Infinity];
    else if (ch === '?') [min, max] = [0, 1];
    else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.pos));
      if (!m) return atom;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' || m[3] === undefined ? Infinity : Number(m[3]);
      this.pos += m[0].length - 1;
    } else return atom;
    this.pos++;
    if (this.source[this.pos] === '?') this.pos++;
    return { t: 'quant', body: atom, min, max, src: this.source.slice(atomStart, this.pos) };
  }

  private parseAtom(): Node {
    const start = this.pos;
    const ch = this.source[this.pos] as string;
    if (ch === '(') {
      this.pos++;
      let isLook = false;
      if (this.source.startsWith('?:', this.pos)) this.pos += 2;
      else if (this.source.startsWith('?=', this.pos) || this.source.startsWith('?!', this.pos)) {
        this.pos += 2;
        isLook = true;
      } else if (this.source.startsWith('?<=', this.pos) || this.source.startsWith('?<!', this.pos)) {
        this.pos += 3;
        isLook = true;
      } else if (this.source.startsWith('?<', this.pos)) {
        const close = this.source.indexOf('>', this.pos);
        if (close < 0) throw new Error('unterminated group name');
        this.pos = close + 1;
      } else if (this.source[this.pos] === '?') {
        // Modifier groups (?i:…) and the like.
        const colon = this.source.indexOf(':', this.pos);
        if (colon < 0) throw new Error('unknown group');
        this.pos = colon + 1;
      }
      const body = this.parseAlt();
      if (this.source[this.pos] !== ')') throw new Error('unterminated group');
      this.pos++;
      const src = this.source.slice(start, this.pos);
      return isLook ? { t: 'look', body, src } : { t: 'seq', items: [body], src };
    }
    if (ch === '[') return this.parseClass();
    if (ch === '.') {
      this.pos++;
      return { t: 'set', set: DOT, src: '.' };
    }
    if (ch === '^' || ch === '$') {
      this.pos++;
      return { t: 'empty', src: ch };
    }
    if (ch === '\\') {
      const escaped = this.parseEscape(false);
      return escaped;
    }
    const code = this.source.codePointAt(this.pos) as number;
    this.pos += code > 0xffff ? 2 : 1;
    const set = emptySet();
    addCode(set, code);
    return { t: 'set', set, src: this.source.slice(start, this.pos) };
  }

  private parseEscape(isInClass: boolean): Extract<Node, { t: 'set' | 'empty' | 'backref' }> {
    const start = this.pos;
    this.pos++;
    const ch = this.source[this.pos] ?? '';
    this.pos++;
    const src = (): string => this.source.slice(start, this.pos);
    switch (ch) {
      case 'd':
        return { t: 'set', set: DIGITS, src: src() };
      case 'D':
        return { t: 'set', set: complement(DIGITS), src: src() };
      case 'w':
        return { t: 'set', set: WORD, src: src() };
      case 'W':
        return { t: 'set', set: complement(WORD), src: src() };
      case 's':
        return { t: 'set', set: SPACE, src: src() };
      case 'S':
        return { t: 'set', set: complement(SPACE), src: src() };
      case 'b':
        return isInClass ? { t: 'set', set: rangeSet(8, 8), src: src() } : { t: 'empty', src: src() };
      case 'B':
        return { t: 'empty', src: src() };
      case 'n':
        return { t: 'set', set: rangeSet(10, 10), src: src() };
      case 'r':
        return { t: 'set', set: rangeSet(13, 13), src: src() };
      case 't':
        return { t: 'set', set: rangeSet(9, 9), src: src() };
      case 'f':
        return { t: 'set', set: rangeSet(12, 12), src: src() };
      case 'v':
        return { t: 'set', set: rangeSet(11, 11), src: src() };
      case '0':
        return { t: 'set', set: rangeSet(0, 0), src: src() };
      case 'p':
      case 'P': {
        const close = this.source.indexOf('}', this.pos);
        if (close < 0) throw new Error('unterminated \\p{…}');
        this.pos = close + 1;
        return { t: 'set', set: anySet(), src: src() };
      }
      case 'x': {
        const code = parseInt(this.source.slice(this.pos, this.pos + 2), 16);
        this.pos += 2;
        return { t: 'set', set: rangeSet(code, code), src: src() };
      }
      case 'u': {
        let code: number;
        if (this.source[this.pos] === '{') {
          const close = this.source.indexOf('}', this.pos);
          code = parseInt(this.source.slice(this.pos + 1, close), 16);
          this.pos = close + 1;
        } else {
          code = parseInt(this.source.slice(this.pos, this.pos + 4), 16);
          this.pos += 4;
        }
        const set = emptySet();
        addCode(set, code);
        return { t: 'set', set, src: src() };
      }
      case 'c':
        this.pos++;
        return { t: 'set', set: rangeSet(0, 31), src: src() };
      case 'k': {
        const close = this.source.indexOf('>', this.pos);
        this.pos = close < 0 ? this.pos : close + 1;
        return { t: 'backref', src: src() };
      }
      default: {
        if (/[1-9]/.test(ch)) {
          while (/[0-9]/.test(this.source[this.pos] ?? '')) this.pos++;
          return { t: 'backref', src: src() };
        }
        const set = emptySet();
        addCode(set, ch.codePointAt(0) ?? 0);
        return { t: 'set', set, src: src() };
      }
    }
  }

  private parseClass(): Node {
    const start = this.pos;
    this.pos++;
    const isNegated = this.source[this.pos] === '^';
    if (isNegated) this.pos++;
    let set = emptySet();
    let previous: number | null = null;
    while (this.pos < this.source.length && this.source[this.pos] !== ']') {
      const ch = this.source[this.pos];
      if (ch === '-' && previous !== null && this.source[this.pos + 1] !== ']' && this.source[this.pos + 1] !== undefined) {
        this.pos++;
        const to = this.classCode();
        if (to !== null) set = union(set, rangeSet(previous, to));
        previous = null;
        continue;
      }
      if (ch === '\\') {
        const escaped = this.parseEscape(true);
        if (escaped.t === 'set') {
          set = union(set, escaped.set);
          const single = singleCode(escaped.set);
          previous = single;
        }
        continue;
      }
      const code = this.source.codePointAt(this.pos) as number;
      this.pos += code > 0xffff ? 2 : 1;
      addCode(set, code);
      previous = code;
    }
    if (this.source[this.pos] !== ']') throw new Error('unterminated character class');
    this.pos++;
    return { t: 'set', set: isNegated ? complement(set) : set, src: this.source.slice(start, this.pos) };
  }

  private classCode(): number | null {
    if (this.source[this.pos] === '\\') {
      const escaped = this.parseEscape(true);
      return escaped.t === 'set' ? singleCode(escaped.set) : null;
    }
    const code = this.source.codePointAt(this.pos) as number;
    this.pos += code > 0xffff ? 2 : 1;
    return code;
  }
}

function singleCode(set: CharSet): number | null {
  const codes = set.ascii.flatMap((v, i) => (v ? [i] : []));
  if (codes.length === 1 && !set.other) return codes[0] ?? null;
  if (codes.length === 2 && (codes[1] ?? 0) - (codes[0] ?? 0) === 32) return codes[0] ?? null;
  return null;
}

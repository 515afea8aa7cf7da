/**
 * The JavaScript regex syntax of a page pattern, read into a small tree of character sets (the `iu`
 * flags the matcher uses), for the build-only checks of src/catalog/check-regex-safety.ts
 * (catastrophic backtracking, unbounded statuses). The prefilter analysis reads the regexpp parse
 * instead (src/catalog/analyse-pattern.ts).
 */


// A character set over ASCII (a 128-bit map) plus one flag for anything beyond ASCII.
export interface CharSet {
  ascii: boolean[];
  other: boolean;
}

export type Node =
  | { t: 'seq'; items: Node[]; src: string }
  | { t: 'alt'; alts: Node[]; src: string }
  | { t: 'set'; set: CharSet; src: string }
  | { t: 'quant'; body: Node; min: number; max: number; src: string }
  | { t: 'look'; body: Node; behind: boolean; negative: boolean; src: string }
  | { t: 'empty'; src: string }
  | { t: 'backref'; src: string };

/** The most repetitions a bounded quantifier may allow before it counts as unbounded. */

export const UNBOUNDED_ABOVE = 64;

export function emptySet(): CharSet {
  return { ascii: new Array<boolean>(128).fill(false), other: false };
}

export function anySet(): CharSet {
  return { ascii: new Array<boolean>(128).fill(true), other: true };
}

export function union(a: CharSet, b: CharSet): CharSet {
  return { ascii: a.ascii.map((v, i) => v || (b.ascii[i] ?? false)), other: a.other || b.other };
}

export function overlaps(a: CharSet, b: CharSet): boolean {
  return (a.other && b.other) || a.ascii.some((v, i) => v && (b.ascii[i] ?? false));
}

export function complement(set: CharSet): CharSet {
  return { ascii: set.ascii.map((v) => !v), other: true };
}

export function rangeSet(from: number, to: number): CharSet {
  const set = emptySet();
  for (let code = from; code <= to; code++) addCode(set, code);
  return set;
}

// The matcher compiles with the `i` flag: a letter stands for both of its cases.
export function addCode(set: CharSet, code: number): void {
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

export const DIGITS = rangeSet(48, 57);
export const WORD = union(union(union(rangeSet(48, 57), rangeSet(65, 90)), rangeSet(97, 122)), rangeSet(95, 95));
export const SPACE = (() => {
  const set = union(rangeSet(9, 13), rangeSet(32, 32));
  set.other = true;
  return set;
})();
export const DOT = (() => {
  const set = anySet();
  set.ascii[10] = false;
  set.ascii[13] = false;
  return set;
})();

export class RegexParser {
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
      let behind = false;
      let negative = false;
      if (this.source.startsWith('?:', this.pos)) this.pos += 2;
      else if (this.source.startsWith('?=', this.pos) || this.source.startsWith('?!', this.pos)) {
        negative = this.source[this.pos + 1] === '!';
        this.pos += 2;
        isLook = true;
      } else if (this.source.startsWith('?<=', this.pos) || this.source.startsWith('?<!', this.pos)) {
        negative = this.source[this.pos + 2] === '!';
        this.pos += 3;
        isLook = true;
        behind = true;
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
      return isLook ? { t: 'look', body, behind, negative, src } : { t: 'seq', items: [body], src };
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

export function singleCode(set: CharSet): number | null {
  const codes = set.ascii.flatMap((v, i) => (v ? [i] : []));
  if (codes.length === 1 && !set.other) return codes[0] ?? null;
  if (codes.length === 2 && (codes[1] ?? 0) - (codes[0] ?? 0) === 32) return codes[0] ?? null;
  return null;
}


/** Parses a regex source into its tree; throws on syntax the reader does not accept. */
export function parseRegex(source: string): Node {
  return new RegexParser(source).parse();
}

/**
 * A page pattern's regexpp parse (the `iu` flags the matcher uses) turned into a small tree of
 * character sets, for the build-only checks of src/catalog/check-regex-safety.ts (catastrophic
 * backtracking, unbounded statuses), which compare what characters parts of a pattern can match.
 */
import type { AST } from '@eslint-community/regexpp';
import { parsePatternOnce } from './parse-page-pattern.ts';


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

/**
 * The tree of character sets the safety checks walk for a regex source (as the matcher compiles
 * it, `iu`), built from its one regexpp parse (./parse-page-pattern.ts) and kept with it; throws
 * with regexpp's message on a source it rejects. Every node keeps its source text (`src`) for the
 * checks' messages.
 */
export function parseRegex(source: string): Node {
  const parse = parsePatternOnce(source);
  if (parse.kind === 'unparsable') throw new Error(parse.reason);
  let tree = trees.get(parse.pattern);
  if (tree === undefined) {
    tree = nodeOfAlternatives(parse.pattern.alternatives, source);
    trees.set(parse.pattern, tree);
  }
  return tree;
}

const trees = new WeakMap<AST.Pattern, Node>();

// One alternative is its sequence; several are an `alt` spanning them all.
function nodeOfAlternatives(alternatives: readonly AST.Alternative[], source: string): Node {
  const sequences = alternatives.map((alternative): Node => ({ t: 'seq', items: alternative.elements.map((element) => nodeOfElement(element, source)), src: alternative.raw }));
  const first = alternatives[0];
  const last = alternatives[alternatives.length - 1];
  if (sequences.length === 1 || !first || !last) return sequences[0] ?? { t: 'seq', items: [], src: '' };
  return { t: 'alt', alts: sequences, src: source.slice(first.start, last.end) };
}

function nodeOfElement(element: AST.Element, source: string): Node {
  switch (element.type) {
    case 'Group':
    case 'CapturingGroup':
      return { t: 'seq', items: [nodeOfAlternatives(element.alternatives, source)], src: element.raw };
    case 'Assertion':
      if (element.kind === 'lookahead' || element.kind === 'lookbehind') {
        return { t: 'look', body: nodeOfAlternatives(element.alternatives, source), behind: element.kind === 'lookbehind', negative: element.negate, src: element.raw };
      }
      return { t: 'empty', src: element.raw };
    case 'Quantifier':
      return { t: 'quant', body: nodeOfElement(element.element, source), min: element.min, max: element.max, src: element.raw };
    case 'Backreference':
      return { t: 'backref', src: element.raw };
    case 'Character':
    case 'CharacterSet':
    case 'CharacterClass':
      return { t: 'set', set: setOf(element), src: element.raw };
    default:
      throw new Error(`unexpected ${element.type} in ${element.raw}`);
  }
}

// The characters one element of a pattern or a class matches, both cases of a letter (the `i` flag).
function setOf(element: AST.Character | AST.CharacterSet | AST.CharacterClass | AST.CharacterClassElement): CharSet {
  switch (element.type) {
    case 'Character': {
      const set = emptySet();
      addCode(set, element.value);
      return set;
    }
    case 'CharacterClassRange':
      return rangeSet(element.min.value, element.max.value);
    case 'CharacterSet': {
      if (element.kind === 'any') return DOT;
      if (element.kind === 'property') return anySet();
      const base = element.kind === 'digit' ? DIGITS : element.kind === 'word' ? WORD : SPACE;
      return element.negate ? complement(base) : base;
    }
    case 'CharacterClass': {
      let set = emptySet();
      for (const item of element.elements) set = union(set, setOf(item));
      return element.negate ? complement(set) : set;
    }
    default:
      throw new Error(`unexpected ${element.type} in ${element.raw}`);
  }
}

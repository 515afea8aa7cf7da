/**
 * The build's reading of a page pattern for the matcher's prefilters, stored in each pattern fact
 * of the rules so that the engine never reads regex source (src/engine/ holds no regex parser):
 * the words every alternative holds as whole tokens, the runs of word characters it must match,
 * the word-run lengths every match reaches, the fewest characters a match spans (from the tree of
 * ./regex-syntax.ts) and, where those give nothing to search for, the needles of
 * ./regex-needles.ts (from the parse of `@eslint-community/regexpp`).
 *
 * Build only: `compileRulesAtBuild` is the engine's `compileRules` followed by this analysis, and
 * is what the build, the CLI's compile-from-content path, the bench and the tests all call.
 */
import type { ConfigModel } from '../engine/lint-config.ts';
import { compileRules } from '../engine/compile-rules.ts';
import { isWordCode, type PatternAnalysis } from '../engine/prepare-rules.ts';
import type { RuleFact, RuleIndex, RulePageSource } from '../engine/rule-index.ts';
import { compileRegex } from '../engine/value-test.ts';
import type { AST } from '@eslint-community/regexpp';
import { hasSearchableWords, needlesOfTree, parsePagePattern } from './regex-needles.ts';

/** Compiles validated pages into the rule index with every compiling pattern's analysis stored in its fact (see the module comment). */
export function compileRulesAtBuild(pages: readonly RulePageSource[], configModel?: ConfigModel): RuleIndex {
  return withPatternAnalysis(compileRules(pages, configModel));
}

/**
 * The compiled index with each pattern fact (of a signature or a clue) that compiles given its
 * analysis, and needles where the analysis gives nothing to search for. Facts are copied, not
 * changed in place.
 */
export function withPatternAnalysis(index: RuleIndex): RuleIndex {
  const analysed = (fact: RuleFact): RuleFact => (fact.kind !== 'pattern' || !compileRegex(fact.pattern) ? fact : { ...fact, prefilter: analysePattern(fact.pattern) });
  return {
    ...index,
    pages: index.pages.map((page) => ({
      ...page,
      signatures: page.signatures.map((signature) => ({ ...signature, facts: signature.facts.map(analysed) })),
      clues: page.clues.map((clue) => ({ ...clue, fact: analysed(clue.fact) })),
    })),
  };
}

/**
 * Analyses a pattern's source for the prefilters; the build runs it once per pattern and stores the
 * result in the index. The shortest match length and the needles come from one regexpp parse; the
 * needles only where the word readers give nothing to search for.
 */
export function analysePattern(source: string): PatternAnalysis {
  const tree = parsePagePattern(source);
  const analysis: PatternAnalysis = {
    safeWords: safeWordsOfPattern(source),
    requiredRuns: requiredRunsOfPattern(source),
    minWordRun: minWordRunOfPattern(source),
    minSecondRun: secondWordRunOfPattern(source),
    minLength: tree === null ? 0 : minLengthOfTree(tree),
  };
  if (tree !== null && !hasSearchableWords(analysis)) {
    const needles = needlesOfTree(tree);
    if (needles !== null && needles.length > 0) analysis.needles = needles;
  }
  return analysis;
}

/**
 * The fewest characters any match spans (lookarounds, anchors and backreferences span none): a
 * pattern that can match three characters (`\b40[13]\b`) says little on its own, however specific
 * its other branches are. 0 for a source that does not parse.
 */
export function minMatchLength(source: string): number {
  const tree = parsePagePattern(source);
  return tree === null ? 0 : minLengthOfTree(tree);
}

function minLengthOfTree(node: AST.Pattern | AST.Alternative | AST.Element): number {
  switch (node.type) {
    case 'Pattern':
    case 'Group':
    case 'CapturingGroup':
      return Math.min(...node.alternatives.map(minLengthOfTree));
    case 'Alternative':
      return node.elements.reduce((sum, element) => sum + minLengthOfTree(element), 0);
    case 'Quantifier':
      return node.min * minLengthOfTree(node.element);
    case 'Character':
    case 'CharacterClass':
    case 'ExpressionCharacterClass':
    case 'CharacterSet':
      return 1;
    default:
      return 0;
  }
}

type Atom = { kind: 'word'; char: string } | { kind: 'bound' } | { kind: 'edge' } | { kind: 'unknown' };

/**
 * For each top-level alternative of a regex, the words that must occur as whole tokens in any
 * line it matches; null when the source is beyond this conservative reader (then the pattern is
 * tested on every line).
 */
export function safeWordsOfPattern(source: string): string[][] | null {
  return atomsOfPattern(source)?.map(wordsOfAtoms) ?? null;
}

/**
 * For each top-level alternative of a regex, the runs of literal word characters it must match
 * (not necessarily whole tokens); null when the source is beyond the reader.
 */
export function requiredRunsOfPattern(source: string): string[][] | null {
  return atomsOfPattern(source)?.map(runsOfAtoms) ?? null;
}

function atomsOfPattern(source: string): Atom[][] | null {
  const branches: Atom[][] = [[]];
  let i = 0;
  const push = (atom: Atom): void => {
    branches[branches.length - 1]?.push(atom);
  };
  while (i < source.length) {
    const ch = source[i] ?? '';
    let atom: Atom;
    let next = i + 1;
    if (ch === '|') {
      branches.push([]);
      i = next;
      continue;
    } else if (ch === '(') {
      const end = skipGroup(source, i);
      if (end < 0) return null;
      next = end;
      atom = { kind: 'unknown' };
    } else if (ch === '[') {
      const end = skipClass(source, i);
      if (end < 0) return null;
      next = end;
      atom = { kind: 'unknown' };
    } else if (ch === '^' || ch === '$') {
      atom = { kind: 'edge' };
    } else if (ch === '.') {
      atom = { kind: 'unknown' };
    } else if (ch === '\\') {
      const esc = source[i + 1] ?? '';
      next = i + 2;
      if (esc === 'b') atom = { kind: 'edge' };
      else if (esc === 's' || esc === 'n' || esc === 't' || esc === 'r' || esc === 'f' || esc === 'v') atom = { kind: 'bound' };
      else if (/[A-Za-z0-9]/.test(esc)) {
        // \d \w \S \B \p{…} \u… \x… and backreferences: not a literal we can reason about.
        if (esc === 'p' || esc === 'P' || esc === 'u' || esc === 'x' || esc === 'k') {
          const brace = source[next] === '{' ? source.indexOf('}', next) : -1;
          if (brace > 0) next = brace + 1;
          else if (esc === 'u') next = i + 6;
          else if (esc === 'x') next = i + 4;
        }
        atom = { kind: 'unknown' };
      } else atom = esc === '_' ? { kind: 'word', char: '_' } : { kind: 'bound' };
    } else if (ch === '*' || ch === '+' || ch === '?' || ch === '{') {
      return null;
    } else {
      atom = isWordCode(ch.charCodeAt(0)) ? { kind: 'word', char: ch.toLowerCase() } : { kind: 'bound' };
    }
    // A quantifier on the atom: optional atoms tell nothing, repeated ones keep their class.
    const q = source[next] ?? '';
    if (q === '?' || q === '*' || q === '+' || q === '{') {
      let min = q === '+' ? 1 : 0;
      let end = next + 1;
      if (q === '{') {
        const close = source.indexOf('}', next);
        const body = close > 0 ? source.slice(next + 1, close) : '';
        const m = /^(\d+)(,\d*)?$/.exec(body);
        if (!m) return null;
        min = Number(m[1]);
        end = close + 1;
      }
      if (source[end] === '?') end++;
      atom = atom.kind === 'bound' && min >= 1 ? atom : { kind: 'unknown' };
      next = end;
    }
    push(atom);
    i = next;
  }
  return branches;
}

function runsOfAtoms(atoms: readonly Atom[]): string[] {
  const runs: string[] = [];
  let run = '';
  for (const atom of [...atoms, { kind: 'unknown' } as const]) {
    if (atom.kind === 'word') run += atom.char;
    else {
      if (run !== '') runs.push(run);
      run = '';
    }
  }
  return runs;
}

/**
 * The length of a run of word characters (`[A-Za-z0-9_]`, and `ſ`/`K`, which the case-insensitive
 * unicode flag folds to `s`/`k`) that every match of the regex contains, taking the least over
 * its top-level alternatives; 0 when there is no such bound or the source is beyond this
 * conservative reader. Optional word atoms inside a run keep it contiguous and add nothing.
 */
export function minWordRunOfPattern(source: string): number {
  const atoms = readRunAtoms(source);
  if (!atoms) return 0;
  let least = Infinity;
  let branchBest = 0;
  let run = 0;
  for (const atom of atoms) {
    if (atom.kind === 'bar') {
      least = Math.min(least, Math.max(branchBest, run));
      branchBest = 0;
      run = 0;
    } else if (atom.kind === 'word') run += atom.min;
    else {
      branchBest = Math.max(branchBest, run);
      run = 0;
    }
  }
  least = Math.min(least, Math.max(branchBest, run));
  return least === Infinity ? 0 : Math.min(least, 1 << 20);
}

/**
 * A length that two distinct runs of word characters (as `minWordRunOfPattern` counts them) of
 * every line the regex matches reach; 0 when there is no such bound or the source is beyond this
 * conservative reader. `[A-Za-z0-9_]{20,}-[A-Za-z0-9_]{20,}` gives 20: the `-` between the two
 * runs can never be a word character, so the line holds two runs of 20 or more. Each top-level
 * alternative is cut into segments at mandatory separators (an ASCII non-word literal, `\s`…);
 * the runs of different segments are different runs of the line, while anything the reader does
 * not follow (a group, `.`, a mixed class, an optional separator) keeps the segment whole.
 */
export function secondWordRunOfPattern(source: string): number {
  const atoms = readRunAtoms(source);
  if (!atoms) return 0;
  let least = Infinity;
  let segments: number[] = [];
  let segmentBest = 0;
  let run = 0;
  const closeSegment = (): void => {
    segmentBest = Math.max(segmentBest, run);
    run = 0;
    if (segmentBest > 0) segments.push(segmentBest);
    segmentBest = 0;
  };
  const closeBranch = (): void => {
    closeSegment();
    segments.sort((a, b) => b - a);
    least = Math.min(least, segments[1] ?? 0);
    segments = [];
  };
  for (const atom of atoms) {
    if (atom.kind === 'bar') closeBranch();
    else if (atom.kind === 'word') run += atom.min;
    else if (atom.kind === 'separator' && atom.min >= 1) closeSegment();
    else {
      segmentBest = Math.max(segmentBest, run);
      run = 0;
    }
  }
  closeBranch();
  return least === Infinity ? 0 : Math.min(least, 1 << 20);
}

/**
 * One atom of a regex as the word-run readers see it: a word character (class), a separator
 * no word character can match, something they do not follow, or a top-level `|`; with the
 * least number of times its quantifier repeats it.
 */
type RunAtom = { kind: 'word' | 'separator' | 'other'; min: number } | { kind: 'bar' };

// The atoms of a regex source, left to right; undefined when the source holds something these
// readers do not follow (a unicode escape or property, a stray quantifier, an unclosed group).
function readRunAtoms(source: string): RunAtom[] | undefined {
  const atoms: RunAtom[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] ?? '';
    let next = i + 1;
    let kind: 'word' | 'separator' | 'other' = 'other';
    if (ch === '|') {
      atoms.push({ kind: 'bar' });
      i = next;
      continue;
    }
    let repeats = 1;
    if (ch === '(') {
      next = skipGroup(source, i);
      if (next < 0) return undefined;
      const least = leastWordGroup(source.slice(i + 1, next - 1));
      if (least !== undefined) {
        kind = 'word';
        repeats = least;
      }
    } else if (ch === '[') {
      next = skipClass(source, i);
      if (next < 0) return undefined;
      if (isWordClass(source.slice(i + 1, next - 1))) kind = 'word';
    } else if (ch === '\\') {
      const esc = source[i + 1] ?? '';
      next = i + 2;
      if (esc === 'w' || esc === 'd') kind = 'word';
      else if (esc === 's' || esc === 'n' || esc === 't' || esc === 'r' || esc === 'f' || esc === 'v') kind = 'separator';
      else if (esc === 'p' || esc === 'P' || esc === 'u' || esc === 'x' || esc === 'k' || esc === 'c') return undefined;
      else if (esc !== '' && esc.charCodeAt(0) < 128 && !isWordCode(esc.charCodeAt(0))) kind = 'separator';
      else if (esc === '_') kind = 'word';
    } else if (ch === '*' || ch === '+' || ch === '?' || ch === '{' || ch === ')' || ch === ']') {
      return undefined;
    } else if (ch !== '^' && ch !== '$' && ch !== '.') {
      const code = ch.charCodeAt(0);
      if (isWordCode(code)) kind = 'word';
      else if (code < 128) kind = 'separator';
    }
    const quantifier = readQuantifier(source, next);
    if (!quantifier) return undefined;
    atoms.push({ kind, min: quantifier.min * repeats });
    i = quantifier.next;
  }
  return atoms;
}

// A group every alternative of which matches only word characters (`(401|403)`,
// `(?:get|post)`) reads as one word atom: the least number of word characters it matches.
// Undefined for any other group (lookarounds, a separator or anything unread inside).
function leastWordGroup(body: string): number | undefined {
  let inner = body;
  if (inner.startsWith('?:')) inner = inner.slice(2);
  else if (/^\?<[A-Za-z_$][\w$]*>/.test(inner)) inner = inner.slice(inner.indexOf('>') + 1);
  else if (inner.startsWith('?')) return undefined;
  const atoms = readRunAtoms(inner);
  if (!atoms) return undefined;
  let least = Infinity;
  let length = 0;
  for (const atom of atoms) {
    if (atom.kind === 'bar') {
      least = Math.min(least, length);
      length = 0;
    } else if (atom.kind === 'word') length += atom.min;
    else return undefined;
  }
  return Math.min(least, length);
}

// The quantifier after an atom that ends before `at`: the atom's least repeat count and where the
// next atom starts; no quantifier means exactly once. Undefined for a `{…}` this reader cannot read.
function readQuantifier(source: string, at: number): { min: number; next: number } | undefined {
  const q = source[at] ?? '';
  if (q !== '?' && q !== '*' && q !== '+' && q !== '{') return { min: 1, next: at };
  let min = q === '+' ? 1 : 0;
  let end = at + 1;
  if (q === '{') {
    const close = source.indexOf('}', at);
    const m = close > 0 ? /^(\d+)(,\d*)?$/.exec(source.slice(at + 1, close)) : null;
    if (!m) return undefined;
    min = Number(m[1]);
    end = close + 1;
  }
  if (source[end] === '?') end++;
  return { min, next: end };
}

// Whether a character class (its body, between the brackets) only holds word characters.
function isWordClass(body: string): boolean {
  if (body === '' || body.startsWith('^')) return false;
  const isIn = (code: number, from: string, to: string): boolean => code >= from.charCodeAt(0) && code <= to.charCodeAt(0);
  const groupOf = (code: number): number => (isIn(code, 'a', 'z') ? 1 : isIn(code, 'A', 'Z') ? 2 : isIn(code, '0', '9') ? 3 : code === 95 ? 4 : 0);
  let i = 0;
  while (i < body.length) {
    if (body[i] === '\\') {
      if (body[i + 1] !== 'w' && body[i + 1] !== 'd') return false;
      i += 2;
      continue;
    }
    const code = body.charCodeAt(i);
    const group = groupOf(code);
    if (group === 0) return false;
    if (body[i + 1] === '-' && i + 2 < body.length) {
      if (body[i + 2] === '\\' || groupOf(body.charCodeAt(i + 2)) !== group || body.charCodeAt(i + 2) < code) return false;
      i += 3;
      continue;
    }
    i++;
  }
  return true;
}

function wordsOfAtoms(atoms: readonly Atom[]): string[] {
  const words: string[] = [];
  let run = '';
  let isLeftSafe = false;
  for (let k = 0; k <= atoms.length; k++) {
    const atom = atoms[k];
    if (atom?.kind === 'word') {
      if (run === '') isLeftSafe = k > 0 && (atoms[k - 1]?.kind === 'bound' || atoms[k - 1]?.kind === 'edge');
      run += atom.char;
      continue;
    }
    if (run !== '' && isLeftSafe && (atom?.kind === 'bound' || atom?.kind === 'edge')) words.push(run);
    run = '';
  }
  return words;
}

function skipGroup(source: string, start: number): number {
  let depth = 0;
  for (let i = start; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (ch === '[') {
      const end = skipClass(source, i);
      if (end < 0) return -1;
      i = end - 1;
    } else if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

function skipClass(source: string, start: number): number {
  for (let i = start + 1; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (ch === ']') return i + 1;
  }
  return -1;
}

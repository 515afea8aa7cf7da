/**
 * The build's reading of a page pattern for the matcher's prefilters, stored in each pattern fact
 * of the rules so that the engine never reads regex source (src/engine/ holds no regex parser):
 * the words every alternative holds as whole tokens, the runs of word characters it must match,
 * the word-run lengths every match reaches, the fewest characters a match spans (from the tree of
 * ./regex-syntax.ts) and, where those give nothing to search for or only runs that find more
 * lines, the needles of ./regex-needles.ts (from the parse of `@eslint-community/regexpp`).
 *
 * Build only: `compileRulesAtBuild` is the engine's `compileRules` followed by this analysis, and
 * is what the build, the CLI's compile-from-content path, the bench and the tests all call.
 */
import type { ConfigModel } from '../engine/lint-config.ts';
import { compileRules } from '../engine/compile-rules.ts';
import { isWordCode, type PatternAnalysis } from '../engine/prepare-rules.ts';
import type { RuleIndex, RulePageSource } from '../engine/rule-index.ts';
import { compileRegex } from '../engine/value-test.ts';
import { visitRegExpAST, type AST } from '@eslint-community/regexpp';
import { mapFacts } from './map-facts.ts';
import { parsePagePattern } from './parse-page-pattern.ts';
import { hasSearchableWords, isBetterThanRuns, needlesOfTree, runNeedlesOf } from './regex-needles.ts';

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
  return mapFacts(index, (fact) => (fact.kind !== 'pattern' || !compileRegex(fact.pattern) ? fact : { ...fact, prefilter: analysePattern(fact.pattern) }));
}

/**
 * Analyses a pattern's source for the prefilters; the build runs it once per pattern and stores the
 * result in the index. Everything comes from one regexpp parse (`iu`, as the matcher compiles it);
 * needles only where the words and runs give nothing to search for. A source that does not parse
 * gets no prefilter at all (never happens: only compiling patterns are analysed).
 */
export function analysePattern(source: string): PatternAnalysis {
  const tree = parsePagePattern(source);
  if (tree === null) return { safeWords: null, requiredRuns: null, minWordRun: 0, minSecondRun: 0, minLength: 0 };
  const atoms = atomsOfTree(tree);
  const runAtoms = runAtomsOf(tree.alternatives);
  const analysis: PatternAnalysis = {
    safeWords: atoms.map(wordsOfAtoms),
    requiredRuns: atoms.map(runsOfAtoms),
    minWordRun: runAtoms ? minWordRunOfAtoms(runAtoms) : 0,
    minSecondRun: runAtoms ? secondWordRunOfAtoms(runAtoms) : 0,
    minLength: minLengthOfTree(tree),
  };
  const fromRuns = runNeedlesOf(analysis);
  if (!hasSearchableWords(analysis) || fromRuns !== null) {
    const needles = needlesOfTree(tree);
    if (needles !== null && needles.length > 0 && (fromRuns === null || isBetterThanRuns(needles, fromRuns))) analysis.needles = needles;
  }
  if (!hasLookaround(tree)) analysis.lineLocal = true;
  return analysis;
}

// A lookaround can see past a line's edge once lines are joined (`(?!\s)` at a line's end holds
// alone and fails before the line feed); anchors and `\b` read a line feed as the edge it stands for.
function hasLookaround(tree: AST.Pattern): boolean {
  let found = false;
  visitRegExpAST(tree, {
    onAssertionEnter(node) {
      if (node.kind === 'lookahead' || node.kind === 'lookbehind') found = true;
    },
  });
  return found;
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

/**
 * One element of a top-level alternative as the word readers see it: a literal word character
 * (lower case), a bound (a character that is never a word character, and `\s`), an edge (`^`, `$`,
 * `\b`: no character, but a word cannot continue across it) or something they do not follow.
 */
type Atom = { kind: 'word'; char: string } | { kind: 'bound' } | { kind: 'edge' } | { kind: 'unknown' };

const UNKNOWN: Atom = { kind: 'unknown' };
const BOUND: Atom = { kind: 'bound' };
const EDGE: Atom = { kind: 'edge' };
/** Escapes of a control character: separators, like the whitespace they stand for. */
const CONTROL_ESCAPES = 'ntrfv';

/**
 * For each top-level alternative of a regex, the words that must occur as whole tokens in any
 * line it matches; null when the source does not parse (then the pattern is tested on every line).
 */
export function safeWordsOfPattern(source: string): string[][] | null {
  const tree = parsePagePattern(source);
  return tree === null ? null : atomsOfTree(tree).map(wordsOfAtoms);
}

/**
 * For each top-level alternative of a regex, the runs of literal word characters it must match
 * (not necessarily whole tokens); null when the source does not parse.
 */
export function requiredRunsOfPattern(source: string): string[][] | null {
  const tree = parsePagePattern(source);
  return tree === null ? null : atomsOfTree(tree).map(runsOfAtoms);
}

function atomsOfTree(tree: AST.Pattern): Atom[][] {
  return tree.alternatives.map((alternative) => alternative.elements.map(atomOf));
}

// Groups, classes, `.`, `\d`, `\w`, `\S`, `\B`, lookarounds and references tell the word readers
// nothing; a quantifier keeps only a bound that must occur.
function atomOf(element: AST.Element): Atom {
  switch (element.type) {
    case 'Character':
      return characterAtom(element);
    case 'CharacterSet':
      return element.kind === 'space' && !element.negate ? BOUND : UNKNOWN;
    case 'Assertion':
      return element.kind === 'start' || element.kind === 'end' || (element.kind === 'word' && !element.negate) ? EDGE : UNKNOWN;
    case 'Quantifier': {
      const inner = atomOf(element.element);
      return inner.kind === 'bound' && element.min >= 1 ? inner : UNKNOWN;
    }
    default:
      return UNKNOWN;
  }
}

function characterAtom(character: AST.Character): Atom {
  if (character.raw.startsWith('\\')) {
    const escaped = character.raw[1] ?? '';
    if (CONTROL_ESCAPES.includes(escaped)) return BOUND;
    // `\0`, `\cX`, `\u…`, `\x…`: read as unknown rather than decoded, as the readers always did.
    if (/[A-Za-z0-9]/.test(escaped)) return UNKNOWN;
    return escaped === '_' ? { kind: 'word', char: '_' } : BOUND;
  }
  return isWordCode(character.value) ? { kind: 'word', char: String.fromCharCode(character.value).toLowerCase() } : BOUND;
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
 * its top-level alternatives; 0 when there is no such bound or the source holds something the
 * readers do not follow. Optional word atoms inside a run keep it contiguous and add nothing.
 */
export function minWordRunOfPattern(source: string): number {
  const tree = parsePagePattern(source);
  const atoms = tree === null ? undefined : runAtomsOf(tree.alternatives);
  return atoms ? minWordRunOfAtoms(atoms) : 0;
}

function minWordRunOfAtoms(atoms: readonly RunAtom[]): number {
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
 * every line the regex matches reach; 0 when there is no such bound or the source holds something
 * the readers do not follow. `[A-Za-z0-9_]{20,}-[A-Za-z0-9_]{20,}` gives 20: the `-` between the
 * two runs can never be a word character, so the line holds two runs of 20 or more. Each top-level
 * alternative is cut into segments at mandatory separators (an ASCII non-word literal, `\s`…);
 * the runs of different segments are different runs of the line, while anything the readers do
 * not follow (a group, `.`, a mixed class, an optional separator) keeps the segment whole.
 */
export function secondWordRunOfPattern(source: string): number {
  const tree = parsePagePattern(source);
  const atoms = tree === null ? undefined : runAtomsOf(tree.alternatives);
  return atoms ? secondWordRunOfAtoms(atoms) : 0;
}

function secondWordRunOfAtoms(atoms: readonly RunAtom[]): number {
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
 * One element as the word-run readers see it: a word character (class), a separator no word
 * character can match, something they do not follow, or a `|` between alternatives; with the
 * least number of word characters (or times) it matches.
 */
type RunAtom = { kind: 'word' | 'separator' | 'other'; min: number } | { kind: 'bar' };

/** Escapes after which the readers give up on the whole sequence: unicode and hex escapes, properties, named references, control letters. */
const UNREAD_ESCAPES = 'pPuxkc';

// The atoms of a sequence of alternatives, left to right; undefined when some element is one the
// readers do not follow at all (see UNREAD_ESCAPES).
function runAtomsOf(alternatives: readonly AST.Alternative[]): RunAtom[] | undefined {
  const atoms: RunAtom[] = [];
  for (const [at, alternative] of alternatives.entries()) {
    if (at > 0) atoms.push({ kind: 'bar' });
    for (const element of alternative.elements) {
      const atom = runAtomOf(element);
      if (!atom) return undefined;
      atoms.push(atom);
    }
  }
  return atoms;
}

function runAtomOf(element: AST.Element): { kind: 'word' | 'separator' | 'other'; min: number } | undefined {
  const once = (kind: 'word' | 'separator' | 'other') => ({ kind, min: 1 });
  switch (element.type) {
    case 'Quantifier': {
      const inner = runAtomOf(element.element);
      return inner && { kind: inner.kind, min: element.min * inner.min };
    }
    case 'Character': {
      if (element.raw.startsWith('\\')) {
        const escaped = element.raw[1] ?? '';
        if (CONTROL_ESCAPES.includes(escaped)) return once('separator');
        if (UNREAD_ESCAPES.includes(escaped)) return undefined;
        if (escaped === '_') return once('word');
        return once(escaped.charCodeAt(0) < 128 && !isWordCode(escaped.charCodeAt(0)) ? 'separator' : 'other');
      }
      if (isWordCode(element.value)) return once('word');
      return once(element.value < 128 ? 'separator' : 'other');
    }
    case 'CharacterSet':
      if (element.kind === 'property') return undefined;
      if ((element.kind === 'word' || element.kind === 'digit') && !element.negate) return once('word');
      return once(element.kind === 'space' && !element.negate ? 'separator' : 'other');
    case 'CharacterClass':
      return once(isWordClass(element) ? 'word' : 'other');
    case 'Group':
    case 'CapturingGroup': {
      const least = leastWordGroup(element.alternatives);
      return least === undefined ? once('other') : { kind: 'word', min: least };
    }
    case 'Backreference':
      return element.raw.startsWith('\\k') ? undefined : once('other');
    default:
      return once('other');
  }
}

// A group every alternative of which matches only word characters (`(401|403)`,
// `(?:get|post)`) reads as one word atom: the least number of word characters it matches.
// Undefined for any other group (a separator or anything unread inside).
function leastWordGroup(alternatives: readonly AST.Alternative[]): number | undefined {
  const atoms = runAtomsOf(alternatives);
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

// Whether a character class only holds word characters: `\w`, `\d`, and unescaped ASCII letters,
// digits and `_`, ranges of them within one of those groups.
function isWordClass(element: AST.CharacterClass): boolean {
  if (element.negate || element.elements.length === 0) return false;
  const groupOf = (code: number): number => (code >= 97 && code <= 122 ? 1 : code >= 65 && code <= 90 ? 2 : code >= 48 && code <= 57 ? 3 : code === 95 ? 4 : 0);
  const isPlain = (character: AST.Character): boolean => !character.raw.startsWith('\\') && groupOf(character.value) !== 0;
  return element.elements.every((item) => {
    if (item.type === 'CharacterSet') return (item.kind === 'word' || item.kind === 'digit') && !item.negate;
    if (item.type === 'Character') return isPlain(item);
    if (item.type === 'CharacterClassRange') return isPlain(item.min) && isPlain(item.max) && groupOf(item.min.value) === groupOf(item.max.value);
    return false;
  });
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

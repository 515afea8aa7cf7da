/**
 * A pattern's prefilter analysis written as one string (`minWordRun;minSecondRun;minLength;
 * safeWords;requiredRuns[;needles[;L]]`, see rule-index-format.ts), which both stored forms of the
 * index use: the /check/ page's rules module, and the CLI's rules file, where a string costs a
 * cold start far less to parse than the nested lists it stands for (JSON.parse of the file: 8.6 →
 * 5.4 ms CPU when none of its 847 analyses is an object). Written by src/catalog/pack-rule-index.ts.
 */
import type { PatternAnalysis } from './prepare-rules.ts';

/**
 * The analysis a packed string holds (the form is described in rule-index-format.ts). A string
 * that does not read as one gives undefined: the matcher then tests the pattern on every line
 * (see storedAnalysis in prepare-rules.ts), so a damaged entry loses its prefilters, never a match.
 */
export function readPackedAnalysis(text: string): PatternAnalysis | undefined {
  const parts = text.split(';');
  if (parts.length < 5 || parts.length > 7 || (parts.length === 7 && parts[6] !== 'L')) return undefined;
  const [wordRun, secondRun, length, safe, required, needles, local] = parts as [string, string, string, string, string, string | undefined, string | undefined];
  const lists = (field: string): string[][] | null => (field === '-' ? null : field.split('|').map((words) => (words === '' ? [] : words.split(' '))));
  const requiredRuns = lists(required);
  const implied = requiredRuns === null ? undefined : runLengthsOf(requiredRuns);
  const numbers = [wordRun === '' ? implied?.longest : Number(wordRun), secondRun === '' ? implied?.second : Number(secondRun), Number(length)];
  if (!numbers.every((n) => n !== undefined && Number.isInteger(n) && n >= 0)) return undefined;
  const safeWords = safe === '=' || safe.startsWith('+') ? safeWordsAmong(safe, requiredRuns) : lists(safe);
  if (safeWords === undefined) return undefined;
  const analysis: PatternAnalysis = { safeWords, requiredRuns, minWordRun: numbers[0] as number, minSecondRun: numbers[1] as number, minLength: numbers[2] as number };
  if (needles !== undefined && needles !== '') analysis.needles = needles.split(' ');
  if (local === 'L') analysis.lineLocal = true;
  return analysis;
}

/**
 * The run lengths a pattern's required word runs imply: over its alternatives, the least of each
 * one's longest run and the least of each one's second-longest. They are the pattern's
 * `minWordRun` and `minSecondRun` for most patterns (not all: a class such as `\w{20,}` is a run
 * but no word), and the stored prefilter then leaves those two fields empty.
 */
export function runLengthsOf(requiredRuns: readonly (readonly string[])[]): { longest: number; second: number } {
  let longest = Infinity;
  let second = Infinity;
  for (const runs of requiredRuns) {
    const lengths = runs.map((run) => run.length).sort((a, b) => b - a);
    longest = Math.min(longest, lengths[0] ?? 0);
    second = Math.min(second, lengths[1] ?? 0);
  }
  return { longest: longest === Infinity ? 0 : longest, second: second === Infinity ? 0 : second };
}

// A pattern's safe words are always some of its required runs, in order (a whole token of every
// matching line is a run it must match), so the stored form names them against those runs: `=`
// for all of them, or `+` and, per alternative, a `1` or `0` for each run. Undefined when that
// does not read.
function safeWordsAmong(field: string, requiredRuns: string[][] | null): string[][] | undefined {
  if (requiredRuns === null) return undefined;
  if (field === '=') return requiredRuns.map((runs) => [...runs]);
  const flags = field.slice(1).split('|');
  if (flags.length !== requiredRuns.length || flags.some((alternative, at) => alternative.length !== (requiredRuns[at]?.length ?? 0) || /[^01]/.test(alternative))) return undefined;
  return flags.map((alternative, at) => (requiredRuns[at] ?? []).filter((_run, index) => alternative[index] === '1'));
}

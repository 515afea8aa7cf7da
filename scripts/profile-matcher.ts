/**
 * Where checkPaste's time goes on the side-by-side bench's 10 MB log (scripts/bench-ratios.ts):
 * each phase timed on its own in CPU time (this process's user + system, which other people's load
 * on a shared machine inflates far less than the wall clock), min and median of several runs after
 * a warm-up, beside the whole check and the wall clock of `grep -F -i -f` with every signature text
 * on the same file (a child's CPU time is not readable here; on an idle machine the two are close).
 * Figures only; run it with `node --cpu-prof` to see inside a phase. With `--view-and-candidates`
 * it parses once and runs only the view and the candidates phases, so that a CPU profile shows
 * those two and nothing else.
 *
 *   node scripts/profile-matcher.ts [--runs N] [--view-and-candidates]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkPaste, matchEvidence, parseInput, prepareIndex, readRuleIndex } from '../src/engine/index.ts';
import { findCandidatePages } from '../src/engine/find-candidates.ts';
import { createFactMatcher } from '../src/engine/match-fact.ts';
import { splitLineTexts } from '../src/engine/parse/split-lines.ts';
import { viewEvidence } from '../src/engine/view-evidence.ts';
import { makeLogPaste } from './bench-checker-page.ts';
import { readRunsFlag } from './read-runs-flag.ts';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = readRunsFlag(process.argv, 5);

const reading = readRuleIndex(readFileSync(join(ROOT, 'src/generated/rules.json'), 'utf8'));
if (reading.kind !== 'read') throw new Error(`src/generated/rules.json: ${reading.reason}; run node scripts/compile-rules.ts`);
const { index } = reading;
const prepared = prepareIndex(index);
const log = makeLogPaste(10_000_000);

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

type Phase = { label: string; ms: number[] };
const phases: Phase[] = ['split into lines', 'parse into evidence (split included)', 'view: colour codes, token scan', 'candidates: literals, words, patterns', 'pages, ranking, explanations', 'checkPaste'].map((label) => ({ label, ms: [] }));

/** This process's CPU time so far, in ms. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function timed<T>(phase: number, run: () => T): T {
  const started = cpuMs();
  const result = run();
  phases[phase]?.ms.push(cpuMs() - started);
  return result;
}

if (process.argv.includes('--view-and-candidates')) {
  const evidence = parseInput({ paste: log });
  const both: number[] = [];
  for (let run = 0; run <= RUNS; run += 1) {
    const started = cpuMs();
    const view = viewEvidence(evidence, prepared);
    findCandidatePages(prepared, view, createFactMatcher(prepared, view));
    // The first run warms up.
    if (run > 0) both.push(cpuMs() - started);
  }
  console.log(`view + candidates on 10 MB of log: ${Math.min(...both).toFixed(1)} min, ${median(both).toFixed(1)} median CPU ms (${RUNS} runs after a warm-up)`);
  process.exit(0);
}

checkPaste(index, { paste: log });
for (let run = 0; run < RUNS; run += 1) {
  timed(0, () => splitLineTexts(log));
  const evidence = timed(1, () => parseInput({ paste: log }));
  const view = timed(2, () => viewEvidence(evidence, prepared));
  timed(3, () => findCandidatePages(prepared, view, createFactMatcher(prepared, view)));
  // The rest of the check: what matching the same evidence takes beyond the view and the candidates.
  const started = cpuMs();
  matchEvidence(index, evidence);
  const [viewing, candidates] = [2, 3].map((at) => phases[at]?.ms.at(-1) ?? 0) as [number, number];
  phases[4]?.ms.push(Math.max(0, cpuMs() - started - viewing - candidates));
  timed(5, () => checkPaste(index, { paste: log }));
}

const work = mkdtempSync(join(tmpdir(), 'mcpfix-profile-'));
try {
  const file = join(work, 'log-10m.txt');
  const patterns = join(work, 'signatures.txt');
  writeFileSync(file, log);
  const needles = new Set(index.pages.flatMap((page) => page.signatures.map((signature) => signature.text.toLowerCase())).filter((text) => text.trim() !== ''));
  writeFileSync(patterns, `${[...needles].join('\n')}\n`);
  const grep: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    spawnSync('grep', ['-F', '-i', '-f', patterns, file], { stdio: 'ignore', env: { ...process.env, LC_ALL: 'C' } });
    grep.push(performance.now() - started);
  }
  phases.push({ label: 'grep -F -i -f (whole process, wall)', ms: grep });
} finally {
  rmSync(work, { recursive: true, force: true });
}

const whole = median(phases[5]?.ms ?? []);
console.log(`checkPaste on 10 MB of log, by phase (${RUNS} runs after a warm-up; min / median CPU ms; share of the whole check's median)`);
for (const { label, ms } of phases) {
  console.log(`  ${label.padEnd(40)} ${Math.min(...ms).toFixed(1).padStart(7)} ${median(ms).toFixed(1).padStart(7)}  ${((median(ms) / whole) * 100).toFixed(0).padStart(4)}%`);
}

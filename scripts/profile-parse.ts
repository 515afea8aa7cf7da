/**
 * Where `parseInput`'s time goes on the bench's 10 MB log, by detector: V8's sampling profiler
 * (through node:inspector) records several parses, and each sample's time is charged to the
 * innermost frame that is a module of the parser (src/engine/parse/*.ts, parse-input.ts,
 * normalize.ts…): a regular expression or a built-in such as `String.prototype.includes` costs
 * the detector that ran it. Prints that table, then the functions with most time of their own.
 * The figures are samples, not a clock: they say where the time goes, profile-matcher.ts says how much.
 *
 *   node scripts/profile-parse.ts [--runs N]
 */
import { Session } from 'node:inspector/promises';
import { parseInput } from '../src/engine/index.ts';
import { makeLogPaste } from './bench-checker-page.ts';
import { readRunsFlag } from './read-runs-flag.ts';

const RUNS = readRunsFlag(process.argv, 10);
const log = makeLogPaste(10_000_000);

/** The part of V8's CPU profile this script reads. */
interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}

parseInput({ paste: log });
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
for (let run = 0; run < RUNS; run += 1) parseInput({ paste: log });
const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
session.disconnect();

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

/** The engine module a frame belongs to (`parse/parse-log-line.ts`), or undefined for anything else. */
function engineFile(url: string): string | undefined {
  const at = url.indexOf('/src/engine/');
  return at < 0 ? undefined : url.slice(at + '/src/engine/'.length);
}

const byFile = new Map<string, number>();
const byFunction = new Map<string, number>();
const add = (table: Map<string, number>, key: string, ms: number): void => void table.set(key, (table.get(key) ?? 0) + ms);
profile.samples.forEach((id, at) => {
  const ms = (profile.timeDeltas[at] ?? 0) / 1000;
  const own = byId.get(id);
  if (own === undefined) return;
  const { functionName, url, lineNumber } = own.callFrame;
  add(byFunction, `${functionName || '(anonymous)'} ${engineFile(url) ?? url.split('/').at(-1) ?? ''}${url === '' ? '' : `:${lineNumber + 1}`}`, ms);
  // Charge the sample to the nearest enclosing engine module: regexes and built-ins have no file.
  for (let node: number | undefined = id; node !== undefined; node = parentOf.get(node)) {
    const file = engineFile(byId.get(node)?.callFrame.url ?? '');
    if (file !== undefined) return add(byFile, file, ms);
  }
  add(byFile, `(outside the engine: ${functionName || 'idle'})`, ms);
});

const perRun = (ms: number): string => (ms / RUNS).toFixed(1).padStart(6);
const sorted = (table: Map<string, number>): Array<[string, number]> => [...table].sort((a, b) => b[1] - a[1]);
const total = [...byFile].filter(([file]) => !file.startsWith('(outside')).reduce((sum, [, ms]) => sum + ms, 0);
console.log(`parseInput on 10 MB of log (${RUNS} runs, sampled): ms per run by module, regexes and built-ins charged to their caller`);
for (const [file, ms] of sorted(byFile)) console.log(`  ${perRun(ms)}  ${((ms / total) * 100).toFixed(0).padStart(3)}%  ${file}`);
console.log(`  ${perRun(total)}        the parse in all`);
console.log('\nfunctions with most time of their own (ms per run)');
for (const [name, ms] of sorted(byFunction).slice(0, 15)) console.log(`  ${perRun(ms)}  ${name}`);

/**
 * Side-by-side benchmark: each figure printed beside an anchor measured in the same run on the
 * same machine, as min and median of several runs, with the ratio and a mark against the aim of
 * issue 13. Ratios are what counts on a shared, noisy machine; the absolute figures move.
 *
 *   - CLI: a cold `mcpfix check` of a 1 KB paste beside Node's own start (`node -e ''`), in CPU
 *     time (each child reports process.cpuUsage() at exit), and beside `grep -F -f` with every
 *     signature text on the same file (wall clock; grep has no such hook).
 *   - Matcher: checkPaste on 10 MB of log beside a naive indexOf of every signature text and
 *     `grep -F -f`; 10 MB of 2-byte lines in a child of its own, its time beside `split('\n')` of
 *     the same paste and its peak RSS beside the RSS before the check.
 *   - /check/ in Chromium (needs dist/): paste → result for 1 KB and 1 MB, and the longest main-thread task.
 *   - /search/ in Chromium (needs dist/): query → result list, first and later search, beside
 *     pagefind alone (its JS API on the same built index, the same hits' data fetched).
 * Figures only, no asserts.
 *
 *   node scripts/bench-ratios.ts [--runs N] [--only cli|matcher|checker|search]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkPaste, readRuleIndex, type RuleIndex } from '../src/engine/index.ts';
import { makeLogPaste, measureCheckerPage } from './bench-checker-page.ts';
import { measureSearchPage } from './bench-search-page.ts';
import { readRunsFlag } from './read-runs-flag.ts';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = readRunsFlag(process.argv, 7);
const MATCHER_RUNS = Math.min(RUNS, 5);
const only = process.argv.indexOf('--only') > 0 ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const work = mkdtempSync(join(tmpdir(), 'mcpfix-bench-ratios-'));

/** Min and median of a list of figures. */
function summarise(values: readonly number[]): { min: number; median: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0] ?? NaN, median: sorted[Math.floor(sorted.length / 2)] ?? NaN };
}

function format(values: readonly number[], unit = 'ms'): string {
  const { min, median } = summarise(values);
  return `min ${min.toFixed(1)} ${unit}, median ${median.toFixed(1)} ${unit}`;
}

function mark(isMet: boolean): string {
  return isMet ? '✓' : '✗';
}

/** Runs `command` `RUNS` times; returns wall-clock ms per run. */
function wallTimes(command: string, args: readonly string[], input?: string): number[] {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    // The C locale: grep -i in a UTF-8 locale is several times slower, and the anchor should be grep at its best.
    const result = spawnSync(command, args, { cwd: ROOT, input: input ?? '', stdio: ['pipe', 'ignore', 'ignore'], env: { ...process.env, LC_ALL: 'C' } });
    times.push(performance.now() - started);
    if (result.error) throw result.error;
  }
  return times;
}

// Loaded before the script by --import: reports the process's own user+system CPU as it exits.
const REPORT_CPU = `data:text/javascript,process.on('exit',()=>{const u=process.cpuUsage();process.stderr.write('\\ncpu-us '+(u.user+u.system)+'\\n')})`;

/**
 * Runs node with each list of arguments `RUNS` times, taking turns (one run of each, then the next
 * round), so that the anchor and the figures beside it meet the same load of a shared machine;
 * returns the CPU ms each child reported, per list.
 */
function nodeCpuTimes(...argLists: ReadonlyArray<readonly string[]>): number[][] {
  const times = argLists.map((): number[] => []);
  for (let run = 0; run < RUNS; run += 1) {
    argLists.forEach((args, at) => {
      const result = spawnSync(process.execPath, [`--import=${REPORT_CPU}`, ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
      const reported = /cpu-us (\d+)/.exec(result.stderr)?.[1];
      if (reported === undefined) throw new Error(`node ${args.join(' ')} reported no CPU time: ${result.stderr.slice(0, 300)}`);
      times[at]?.push(Number(reported) / 1000);
    });
  }
  return times;
}

function loadIndex(): RuleIndex {
  const reading = readRuleIndex(readFileSync(join(ROOT, 'src/generated/rules.json'), 'utf8'));
  if (reading.kind !== 'read') throw new Error(`src/generated/rules.json: ${reading.reason}; run npm run build`);
  return reading.index;
}

/** Every signature text of the index, the needles grep and the naive scan look for. */
function signatureTexts(index: RuleIndex): string[] {
  return [...new Set(index.pages.flatMap((page) => page.signatures.map((signature) => signature.text.toLowerCase())).filter((text) => text.trim() !== ''))];
}

function benchCli(patterns: string): void {
  const paste = join(work, 'paste-1k.txt');
  writeFileSync(paste, makeLogPaste(1024));
  // The figure is only the lean CLI's when the bundle and the rule index are fresh (else it runs the source or compiles the pages).
  const fresh = spawnSync(process.execPath, ['bin/mcpfix.js', 'check', paste], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, MCPFIX_FROM_SOURCE: '' } });
  if (!existsSync(join(ROOT, 'build/cli/mcpfix.cjs'))) console.log('  (no build/cli/mcpfix.cjs: the CLI runs from the TypeScript source; npm run build:cli)');
  if (fresh.stderr.includes('compiled the rules') || fresh.stderr.includes('warning')) console.log(`  (the CLI warned: ${fresh.stderr.trim().split('\n')[0]})`);
  // With it, the launcher and the bundles' start alone, no rule index: what of the figure is not the check's own work.
  const [nodeAlone = [], started = [], cli = []] = nodeCpuTimes(['-e', ''], ['bin/mcpfix.js', '--version'], ['bin/mcpfix.js', 'check', paste]);
  const ratio = summarise(cli).median / summarise(nodeAlone).median;
  const ratioOfMins = summarise(cli).min / summarise(nodeAlone).min;
  console.log(`CLI cold check, 1 KB (CPU, ${RUNS} rounds of one run each, taking turns; the bundles' code caches written by a first run)`);
  console.log(`  node -e ''           ${format(nodeAlone)}`);
  console.log(`  mcpfix --version     ${format(started)}  → ${(summarise(started).median / summarise(nodeAlone).median).toFixed(1)}× node -e ''`);
  console.log(`  mcpfix check         ${format(cli)}  → ${ratio.toFixed(1)}× node -e '' ${mark(ratio <= 3)} (aim ≤ 3×; min to min ${ratioOfMins.toFixed(1)}×)`);
  const grep = wallTimes('grep', ['-F', '-i', '-f', patterns, paste]);
  const cliWall = wallTimes(process.execPath, ['bin/mcpfix.js', 'check', paste]);
  console.log(`  wall clock: grep -F -f ${format(grep)}; mcpfix check ${format(cliWall)} → ${(summarise(cliWall).median / summarise(grep).median).toFixed(1)}× grep`);
}

function benchMatcher(index: RuleIndex, needles: readonly string[], patterns: string): void {
  const log = makeLogPaste(10_000_000);
  const file = join(work, 'log-10m.txt');
  writeFileSync(file, log);
  // Throughput in steady state: one untimed run first, so the figures are not the first call's
  // (index preparation, code not yet optimised: the CLI's cold start is measured above), then
  // five runs, enough for a median that one noisy run does not set.
  const inProcess = (run: () => void): number[] => {
    run();
    const times: number[] = [];
    for (let n = 0; n < MATCHER_RUNS; n += 1) {
      const started = performance.now();
      run();
      times.push(performance.now() - started);
    }
    return times;
  };
  const lower = log.toLowerCase();
  const naive = inProcess(() => {
    let found = 0;
    for (const needle of needles) if (lower.indexOf(needle) >= 0) found += 1;
    if (found < 0) throw new Error('unreachable');
  });
  const check = inProcess(() => checkPaste(index, { paste: log }));
  const grep = wallTimes('grep', ['-F', '-i', '-f', patterns, file]).slice(0, MATCHER_RUNS);
  const toGrep = summarise(check).median / summarise(grep).median;
  // The ratio of the fastest runs too: on a shared machine the medians carry everyone else's load.
  const toGrepAtBest = summarise(check).min / summarise(grep).min;
  console.log(`\nMatcher, 10 MB of log (${MATCHER_RUNS} runs each after an untimed one; grep ${grep.length} runs, whole process)`);
  console.log(`  naive indexOf of ${needles.length} signature texts ${format(naive)}`);
  console.log(`  grep -F -i -f (whole process)  ${format(grep)}`);
  console.log(`  checkPaste                     ${format(check)}  → ${(summarise(check).median / summarise(naive).median).toFixed(1)}× naive, ${toGrep.toFixed(1)}× grep ${mark(toGrep <= 10)} (aim ≤ 10× grep; fastest runs ${toGrepAtBest.toFixed(1)}×)`);

  // Its own process, so that its peak RSS is its own.
  const script = join(work, 'two-byte-lines.ts');
  writeFileSync(
    script,
    `import { readFileSync } from 'node:fs';
import { checkPaste, readRuleIndex } from ${JSON.stringify(join(ROOT, 'src/engine/index.ts'))};
const reading = readRuleIndex(readFileSync(${JSON.stringify(join(ROOT, 'src/generated/rules.json'))}, 'utf8'));
if (reading.kind !== 'read') throw new Error(reading.reason);
checkPaste(reading.index, { paste: 'warm up' });
const paste = 'x\\n'.repeat(5_000_000);
// The anchors, in the same process: the peak resident memory before the check (Node, the rules
// and the paste itself), and splitting the paste into lines (the least any line reader does),
// timed after the check so that its garbage does not count against the check's memory.
const peakRssBefore = process.resourceUsage().maxRSS * 1024;
const started = performance.now();
checkPaste(reading.index, { paste });
const ms = performance.now() - started;
const peakRss = process.resourceUsage().maxRSS * 1024;
const splitting = performance.now();
const lineCount = paste.split('\\n').length;
const splitMs = performance.now() - splitting;
console.log(JSON.stringify({ ms, splitMs, lineCount, peakRss, peakRssBefore }));
`,
  );
  type TwoByteRun = { ms: number; splitMs: number; peakRss: number; peakRssBefore: number };
  const runs: TwoByteRun[] = [];
  for (let n = 0; n < Math.min(RUNS, 3); n += 1) runs.push(JSON.parse(execFileSync(process.execPath, [script], { encoding: 'utf8' })) as TwoByteRun);
  const ms = runs.map((run) => run.ms);
  const split = runs.map((run) => run.splitMs);
  const mib = runs.map((run) => run.peakRss / 1024 / 1024);
  const before = runs.map((run) => run.peakRssBefore / 1024 / 1024);
  console.log(`\nMatcher, 10 MB of 2-byte lines (${runs.length} runs, each in a process of its own)`);
  console.log(`  split('\\n') of the same paste   ${format(split)}`);
  console.log(`  checkPaste                     ${format(ms)}  → ${(summarise(ms).median / summarise(split).median).toFixed(1)}× split ${mark(summarise(ms).median <= 1000)} (aim ≤ 1 s)`);
  console.log(`  peak RSS before the check      ${format(before, 'MiB')} (Node, the rules and the paste)`);
  console.log(`  peak RSS after it              ${format(mib, 'MiB')}  → +${(summarise(mib).median - summarise(before).median).toFixed(0)} MiB for the check ${mark(summarise(mib).median <= 300)} (aim ≤ 300 MiB, the whole process)`);
}

async function benchCheckerPage(): Promise<void> {
  const dist = join(ROOT, 'dist');
  console.log('\n/check/ in Chromium: paste → result on the page, and the longest main-thread task');
  if (!existsSync(join(dist, 'check/index.html'))) {
    console.log('  not measured: no built site in dist/ (npm run build)');
    return;
  }
  const runs = Math.min(RUNS, 5);
  const timings = await measureCheckerPage(dist, [1024, 1024 * 1024], runs);
  for (const [bytes, list] of timings) {
    const aim = bytes <= 1024 ? 100 : 500;
    const ms = list.map((timing) => timing.ms);
    const tasks = list.map((timing) => timing.longestTaskMs);
    console.log(
      `  ${bytes <= 1024 ? '1 KB' : '1 MB'}: ${format(ms)} ${mark(summarise(ms).median <= aim)} (aim ≤ ${aim} ms); longest task ${format(tasks)} ${mark(summarise(tasks).median <= 100)} (aim ≤ 100 ms) [${runs} runs, a fresh page each]`,
    );
    console.log(`        the browser's own insertion and layout of the text in the textarea, before it: ${format(list.map((timing) => timing.insertMs))}`);
  }
}

async function benchSearchPage(index: RuleIndex): Promise<void> {
  const dist = join(ROOT, 'dist');
  console.log('\n/search/ in Chromium: query → result list, beside pagefind alone on the same index');
  if (!existsSync(join(dist, 'search/index.html'))) {
    console.log('  not measured: no built site in dist/ (npm run build)');
    return;
  }
  // What people search: a page's first signature as printed, and a log line around one.
  const first = index.pages[0]?.signatures[0]?.text ?? 'MCP request failed';
  const middle = index.pages[Math.floor(index.pages.length / 2)]?.signatures[0]?.text ?? 'tools/list';
  const logged = `2026-01-05 15:29:02 - LiteLLM Proxy:ERROR: ${middle}`;
  const runs = Math.min(RUNS, 3);
  const timings = await measureSearchPage(dist, [[first, logged], [logged, first]], runs);
  const line = (label: string, page: number[], alone: number[]): void => {
    const ratio = summarise(page).median / summarise(alone).median;
    console.log(`  ${label} page ${format(page)}; pagefind alone ${format(alone)} → ${ratio.toFixed(1)}× pagefind alone`);
  };
  line('first search (loads pagefind):', timings.map((t) => t.pageFirstMs), timings.map((t) => t.aloneFirstMs));
  line('later search:                 ', timings.map((t) => t.pageLaterMs), timings.map((t) => t.aloneLaterMs));
  console.log(`        [${timings.length} pairs of queries, a fresh page each; the page also re-ranks by signature and searches windows of a query that finds nothing whole]`);
}

try {
  const index = loadIndex();
  const needles = signatureTexts(index);
  const patterns = join(work, 'signatures.txt');
  writeFileSync(patterns, `${needles.join('\n')}\n`);
  // One part alone with --only (the others take minutes); all of them by default.
  const isWanted = (part: string): boolean => only === undefined || only === part;
  if (isWanted('cli')) benchCli(patterns);
  if (isWanted('matcher')) benchMatcher(index, needles, patterns);
  if (isWanted('checker')) await benchCheckerPage();
  if (isWanted('search')) await benchSearchPage(index);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/**
 * Site benchmark: prints build time and pagefind index size for the real pages and for 1,000
 * generated pages, and what the /check/ page weighs: its JavaScript (code only, main thread and
 * worker), its rules module, its HTML and CSS, and their sum: what a first visit to /check/
 * transfers (gzip), for the real pages and at 1,000 pages (the rules grown from the real pages'
 * own shapes, scripts/grow-rule-index.ts). Figures only, no asserts.
 *
 *   node scripts/bench-site.ts            # real pages + 1,000 generated pages
 *   node scripts/bench-site.ts --pages 200 # a different generated count
 *
 * The generated run works in a temporary copy of the project (node_modules linked, not copied),
 * removed afterwards; the real run builds into a temporary folder, so dist/ is left alone.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { packCheckerRuleIndex } from '../src/catalog/pack-rule-index.ts';
import type { RuleIndex } from '../src/engine/rule-index.ts';
import { growRuleIndex, grownPages, withPages } from './grow-rule-index.ts';

const PROJECT = resolve(import.meta.dirname, '..');
const ASTRO = join(PROJECT, 'node_modules', 'astro', 'bin', 'astro.mjs');
const countFlag = process.argv.indexOf('--pages');
const GENERATED_COUNT = countFlag > 0 ? Number(process.argv[countFlag + 1]) : 1000;
// Issue 3's aim for the checker's JavaScript; the rules are data and are counted on their own line.
const AIM_JS_GZIP = 40 * 1024;
// Issue 13's aims for everything a first visit to /check/ transfers (gzip): today, and at 1,000 pages.
const AIM_TRANSFER_GZIP = 120 * 1024;
const AIM_TRANSFER_GZIP_AT_1000 = 250 * 1024;

/** Sizes of pagefind's output: the index proper (fragments, chunks, filters, meta) apart from its runtime (JS, CSS, wasm) and UI bundles. */
function measurePagefind(folder: string): { files: number; bytes: number; runtimeBytes: number } {
  let files = 0;
  let bytes = 0;
  let runtimeBytes = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const size = statSync(join(entry.parentPath, entry.name)).size;
    if (/\.(js|css)$|^wasm\./.test(entry.name)) {
      runtimeBytes += size;
      continue;
    }
    files += 1;
    bytes += size;
  }
  return { files, bytes, runtimeBytes };
}

function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${Math.round(bytes)} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

/** Runs the build (rules, then astro) in a project folder into outDir; returns seconds. */
function timeBuild(projectDir: string, outDir: string): number {
  const started = performance.now();
  const run = (args: string[]): void => {
    try {
      execFileSync(process.execPath, args, { cwd: projectDir, stdio: 'pipe', encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string };
      throw new Error(`bench-site: \`node ${args.join(' ')}\` failed in ${projectDir}:\n${failed.stderr ?? ''}${failed.stdout ?? ''}`);
    }
  };
  run(['scripts/compile-rules.ts']);
  run([ASTRO, 'build', '--outDir', outDir]);
  return (performance.now() - started) / 1000;
}

/** The JavaScript the /check/ page loads: its module scripts, what they import, and the worker (code only: the JSON data block is not a script). */
function measureCheckerJs(outDir: string): { main: number; worker: number; files: string[] } {
  const html = readFileSync(join(outDir, 'check', 'index.html'), 'utf8');
  const queue = [...html.matchAll(/<script[^>]*\bsrc="(\/[^"]+\.js)"/g)].map((match) => match[1]!);
  const inline = [...html.matchAll(/<script type="module"[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
  for (const code of inline) queue.push(...[...code.matchAll(/["'](\/_astro\/[^"']+\.js)["']/g)].map((match) => match[1]!));
  const seen = new Set<string>();
  let main = inline.reduce((sum, code) => sum + gzipSync(code).length, 0);
  let worker = 0;
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const code = readFileSync(join(outDir, path));
    const size = gzipSync(code).length;
    if (/worker/i.test(path)) worker += size;
    else main += size;
    const text = code.toString('utf8');
    for (const match of text.matchAll(/["'`](\/_astro\/[^"'`]+\.js)["'`]|(?:from|import)\s*["'](\.\/[^"']+\.js)["']|new URL\(["'](\.?\/?[^"']+\.js)["']/g)) {
      const reference = match[1] ?? match[2] ?? match[3];
      if (reference === undefined) continue;
      const absolute = reference.startsWith('/') ? reference : `/_astro/${reference.replace(/^\.\//, '').replace(/^_astro\//, '')}`;
      if (existsSync(join(outDir, absolute))) queue.push(absolute);
    }
  }
  return { main, worker, files: [...seen] };
}

/** The /check/ HTML page, its CSS, and the content-hashed rules module the worker imports, raw and gzip. */
function measureCheckerPage(outDir: string): { htmlGzip: number; cssGzip: number; rules: number; rulesGzip: number } {
  const html = readFileSync(join(outDir, 'check', 'index.html'), 'utf8');
  const css = [...html.matchAll(/<link rel="stylesheet" href="(\/[^"]+\.css)"/g)].map((match) => readFileSync(join(outDir, match[1]!)));
  const rulesFile = readdirSync(join(outDir, '_astro')).find((name) => /^checker-rules-[\w-]+\.js$/.test(name));
  const rules = rulesFile === undefined ? Buffer.alloc(0) : readFileSync(join(outDir, '_astro', rulesFile));
  return {
    htmlGzip: gzipSync(html).length,
    cssGzip: css.reduce((sum, file) => sum + gzipSync(file).length, 0),
    rules: rules.length,
    rulesGzip: rules.length === 0 ? 0 : gzipSync(rules).length,
  };
}

/** One part of what /check/ transfers and what leaving it out saves (gzip bytes). */
type Part = { name: string; bytes: number };

/**
 * What each part of the checker's rules (src/generated/checker-rules.json in the project built)
 * costs in gzip: the bytes the whole saves without that part, so the parts are marginal costs
 * and do not add up to the whole. Top-level keys, each page key, and inside the signatures the
 * parts that weigh most (their text, ids and patterns) and the patterns' prefilters.
 */
function breakDownRules(projectDir: string): Part[] {
  type Json = Record<string, unknown>;
  const rules = JSON.parse(readFileSync(join(projectDir, 'src', 'generated', 'checker-rules.json'), 'utf8')) as { pages: Json[] } & Json;
  const whole = gzipSync(JSON.stringify(rules)).length;
  const without = (drop: (copy: typeof rules) => void): number => {
    const copy = structuredClone(rules);
    drop(copy);
    return whole - gzipSync(JSON.stringify(copy)).length;
  };
  const listOf = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);
  const signaturesOf = (copy: typeof rules): Json[] => copy.pages.flatMap((page) => listOf(page['signatures']));
  const factsOf = (copy: typeof rules): Json[] => [
    ...signaturesOf(copy).flatMap((signature) => listOf(signature['facts'])),
    ...copy.pages.flatMap((page) => listOf(page['clues'])).map((clue) => clue['fact'] as Json),
  ];
  const parts: Part[] = Object.keys(rules)
    .filter((key) => key !== 'pages' && key !== 'version')
    .map((key) => ({ name: key, bytes: without((copy) => delete copy[key]) }));
  const pageKeys = [...new Set(rules.pages.flatMap((page) => Object.keys(page)))];
  for (const key of pageKeys) parts.push({ name: `pages' ${key}`, bytes: without((copy) => copy.pages.forEach((page) => delete page[key])) });
  for (const key of ['text', 'id']) parts.push({ name: `signatures' ${key}`, bytes: without((copy) => signaturesOf(copy).forEach((signature) => delete signature[key])) });
  for (const key of ['pattern', 'prefilter']) parts.push({ name: `facts' ${key}s`, bytes: without((copy) => factsOf(copy).forEach((fact) => delete fact[key])) });
  return parts.sort((a, b) => b.bytes - a.bytes);
}

function formatParts(parts: readonly Part[]): string {
  return parts.map((part) => `${part.name} ${formatBytes(part.bytes)}`).join(', ');
}

/**
 * Prints what a first visit to /check/ transfers, gzip, against its aim, and what its rules module
 * holds (`js`: its JavaScript, measureCheckerJs); returns the total, the part that is not the rules
 * module, and the rules' parts.
 */
function reportTransfer(outDir: string, js: { main: number; worker: number }, pages: number, aim: number, projectDir: string): { total: number; rest: number; rules: Part[] } {
  const page = measureCheckerPage(outDir);
  const rest = page.htmlGzip + page.cssGzip + js.main + js.worker;
  const total = rest + page.rulesGzip;
  console.log(
    `  /check/ first visit transfers ${formatBytes(total)} gzip ${total <= aim ? '✓' : '✗'} (aim ≤ ${formatBytes(aim)}): HTML ${formatBytes(page.htmlGzip)}, CSS ${formatBytes(page.cssGzip)}, JS ${formatBytes(js.main)} + worker ${formatBytes(js.worker)}, rules module ${formatBytes(page.rulesGzip)} (${formatBytes(page.rules)} raw, ${formatBytes(page.rulesGzip / pages)} gzip per page; content-hashed, cacheable)`,
  );
  const rules = breakDownRules(projectDir);
  console.log(`  rules module by part (what leaving each out of its JSON saves, gzip): ${formatParts(rules)}`);
  return { total, rest, rules };
}

/**
 * Prints, when the first visit is over its aim, what would have to go to meet it: the features
 * whose data or code weigh most, each with what leaving it out saves (marginal gzip figures from
 * this run, so the running total is an estimate), largest first, until the aim is met. Lazy
 * loading is no way out: nothing /check/ fetches may depend on what is pasted.
 */
function reportWhatWouldHaveToGo(total: number, aim: number, rules: readonly Part[], worker: WorkerParts): void {
  if (total <= aim) return;
  const rulePart = (name: string): number => rules.find((part) => part.name === name)?.bytes ?? 0;
  const features: Part[] = [
    {
      name: 'config.yaml in the browser (no config lint, no diff of the user\'s YAML: yaml and diff in the worker, and the config model)',
      bytes: (worker.kind === 'measured' ? worker.yaml + worker.diff : 0) + rulePart('configModel'),
    },
    { name: 'the signatures\' text (a verdict and its copied Markdown would name the page without quoting the signature that matched)', bytes: rulePart("signatures' text") },
    { name: 'the fixes\' titles (a verdict would link to the fixes instead of naming them)', bytes: rulePart('fixTitles') },
    { name: 'the pages\' words (no "possible pages" when no signature matches)', bytes: rulePart('words') + rulePart('commonWords') },
    { name: 'the patterns\' prefilters (slower matching, and a pattern\'s length no longer counts as exact evidence)', bytes: rulePart("facts' prefilters") },
  ].sort((a, b) => b.bytes - a.bytes);
  console.log(`  to reach ${formatBytes(aim)} (${formatBytes(total - aim)} over), what would have to go, each with what it saves and the running total:`);
  let left = total;
  for (const feature of features) {
    if (left <= aim) break;
    left -= feature.bytes;
    console.log(`    - ${feature.name}: ${formatBytes(feature.bytes)} → ${formatBytes(left)} ${left <= aim ? '✓' : '✗'}`);
  }
}

/** What yaml and diff add to the worker, in gzip bytes; or why that could not be measured. */
type WorkerParts = { kind: 'measured'; whole: number; yaml: number; diff: number } | { kind: 'unmeasured'; reason: string };

/**
 * Rebundles the worker entry with rolldown (the bundler inside Vite 8, same minifier) whole and
 * with yaml, then diff, left out: each part's figure is what leaving it out saves, so the parts
 * are marginal costs (gzip does not add up exactly) and the rest is the engine with the worker shell.
 */
async function measureWorkerParts(): Promise<WorkerParts> {
  let rolldown: typeof import('rolldown').rolldown;
  try {
    ({ rolldown } = await import('rolldown'));
  } catch (error) {
    return { kind: 'unmeasured', reason: `rolldown is not importable (${(error as Error).message})` };
  }
  const bundle = async (external: RegExp[]): Promise<number> => {
    // The rules module (src/generated/checker-rules.js) is data, counted on its own line: left out of the worker's code here.
    const build = await rolldown({ input: join(PROJECT, 'src', 'components', 'checker.worker.ts'), platform: 'browser', external: [...external, /\?raw$/, /generated\/checker-rules\.js$/], logLevel: 'silent' });
    const { output } = await build.generate({ format: 'es', minify: true });
    await build.close();
    return gzipSync(output[0].code).length;
  };
  const whole = await bundle([]);
  return { kind: 'measured', whole, yaml: whole - (await bundle([/^yaml(\/|$)/])), diff: whole - (await bundle([/^diff(\/|$)/])) };
}

/**
 * What the worker's code is made of, file by file: esbuild bundles the worker entry with names
 * and syntax minified but line breaks kept, so each module's code stays under its `// path`
 * marker; each file's code is then gzipped alone (packages as one). Gzip of a part alone
 * overstates it (the whole shares repeats across parts), so the figures rank the files and do
 * not add up to the worker. Also says whether anything the browser need not carry got in (zod, a
 * `node:` module).
 */
async function listWorkerFiles(): Promise<string> {
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch (error) {
    return `not measured: esbuild is not importable (${(error as Error).message})`;
  }
  const result = await esbuild.build({
    entryPoints: [join(PROJECT, 'src', 'components', 'checker.worker.ts')],
    bundle: true,
    minifyIdentifiers: true,
    minifySyntax: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    outfile: 'worker.js',
    // The rules module is data, counted on its own line.
    external: ['*?raw', '*/generated/checker-rules.js'],
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  const markers = [...code.matchAll(/^\/\/ (\S+)$/gm)];
  const groups = new Map<string, string>();
  for (const [at, marker] of markers.entries()) {
    const path = marker[1] ?? '';
    const group = path.includes('node_modules/') ? (path.split('node_modules/')[1] ?? path).split('/')[0] ?? path : path.replace(/^src\//, '');
    const part = code.slice((marker.index ?? 0) + marker[0].length, markers[at + 1]?.index ?? code.length);
    // The minifier's last step, whitespace, file by file (names are already the bundle's).
    const minified = await esbuild.transform(part, { minifyWhitespace: true, format: 'esm' }).then(
      (output) => output.code,
      () => part,
    );
    groups.set(group, (groups.get(group) ?? '') + minified);
  }
  const unwanted = markers.map((marker) => marker[1] ?? '').filter((path) => /node_modules\/zod\/|^node:/.test(path));
  const largest = [...groups].map(([group, part]) => ({ group, gzip: gzipSync(part).length })).sort((a, b) => b.gzip - a.gzip).slice(0, 16);
  return `${largest.map(({ group, gzip }) => `${group} ${formatBytes(gzip)}`).join(', ')}; zod or node: modules: ${unwanted.length === 0 ? 'none' : unwanted.join(', ')}`;
}

/** Writes `count` pages derived from the model page into a content folder. */
function generatePages(contentDir: string, count: number): void {
  const model = readFileSync(join(PROJECT, 'content', 'errors', 'upstream-401-returned-as-empty-tools.mdx'), 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(model);
  if (!match) throw new Error('the model page has no frontmatter');
  const front = parseYaml(match[1]!) as Record<string, unknown>;
  for (let index = 0; index < count; index += 1) {
    const word = `benchvariant${index.toString(36)}`;
    const page = {
      ...front,
      title: `Generated failure ${index}: upstream answer lost (${word})`,
      summary: `A generated page for the site benchmark, number ${index}; it mirrors the model page with its own signature ${word}.`,
      signatures: [{ id: 'generated', text: `{"error":"generated failure ${word}","details":""}`, where: 'body' }],
      clues: [],
      relatedErrors: [],
      aliases: [],
    };
    writeFileSync(join(contentDir, `generated-${index}.mdx`), `---\n${stringifyYaml(page)}---\n${match[2]}`);
  }
}

function report(label: string, seconds: number, outDir: string, pages: number): void {
  const index = measurePagefind(join(outDir, 'pagefind'));
  console.log(`${label}: ${pages} pages`);
  console.log(`  build (rules + astro + pagefind): ${seconds.toFixed(1)} s (${((seconds * 1000) / pages).toFixed(1)} ms/page)`);
  console.log(`  pagefind index: ${formatBytes(index.bytes)} in ${index.files} files (${formatBytes(index.bytes / pages)}/page), plus ${formatBytes(index.runtimeBytes)} of pagefind runtime (JS and wasm)`);
}

// The checker's form with the text only a verdict shows left out: what matching alone would carry.
function withoutDisplayText(packed: Record<string, unknown>): unknown {
  const { fixTitles: _fixTitles, words: _words, commonWords: _commonWords, ...rest } = packed;
  const pages = (rest['pages'] as Array<Record<string, unknown>>).map(({ title: _title, checkNext: _checkNext, ...page }) => ({
    ...page,
    signatures: (page['signatures'] as Array<Record<string, unknown>>).map(({ text: _text, ...signature }) => signature),
  }));
  return { ...rest, pages };
}

/**
 * What a first visit to /check/ would transfer at `count` pages: today's HTML, CSS and code (`rest`, gzip) beside
 * a rules module made from the real index grown to `count` pages (grow-rule-index.ts: real pages
 * with their words swapped, not copies, which gzip would find again and count as almost free).
 * The module is written and minified as the build does (compile-rules.ts's `export default`
 * literal, rolldown's minifier inside Vite). Beside it, how well the growing imitates real pages:
 * the rules of as many grown pages as there are real ones, per page, against the real ones.
 */
async function reportTransferAtCount(rest: number, count: number, aim: number): Promise<void> {
  const stored = JSON.parse(readFileSync(join(PROJECT, 'src', 'generated', 'rules.json'), 'utf8')) as RuleIndex;
  // The compiled pages and config model only: the CLI's file also holds its prepared tables.
  const index = withPages(stored, stored.pages);
  let rolldown: typeof import('rolldown').rolldown;
  try {
    ({ rolldown } = await import('rolldown'));
  } catch (error) {
    console.log(`  at ${count} pages: not measured: rolldown is not importable (${(error as Error).message})`);
    return;
  }
  const folder = mkdtempSync(join(tmpdir(), 'mcpfix-bench-grown-'));
  const moduleGzip = async (grown: RuleIndex, keep: (packed: Record<string, unknown>) => unknown = (packed) => packed): Promise<number> => {
    const file = join(folder, 'checker-rules.js');
    writeFileSync(file, `export default ${JSON.stringify(keep(packCheckerRuleIndex(grown)))};\n`);
    const build = await rolldown({ input: file, logLevel: 'silent' });
    const { output } = await build.generate({ format: 'es', minify: true });
    await build.close();
    return gzipSync(output[0].code).length;
  };
  try {
    const pages = index.pages.length;
    const real = await moduleGzip(index);
    const imitation = await moduleGzip(withPages(index, grownPages(index.pages, pages)));
    const grownIndex = growRuleIndex(index, count);
    const rules = await moduleGzip(grownIndex);
    const matchingOnly = await moduleGzip(grownIndex, withoutDisplayText);
    const total = rest + rules;
    const perPageAllowed = (aim - rest) / count;
    console.log(
      `  at ${count} pages (${pages} real + ${count - pages} grown from them), /check/ first visit transfers ${formatBytes(total)} gzip ${total <= aim ? '✓' : '✗'} (aim ≤ ${formatBytes(aim)}): today's HTML, CSS and code ${formatBytes(rest)} + rules module ${formatBytes(rules)} (${formatBytes(rules / count)} gzip per page; the aim leaves ${formatBytes(Math.max(0, perPageAllowed))} per page)`,
    );
    console.log(
      `    with only what matching reads (no page titles, signature texts, fix titles, check-next steps or words: a verdict could name nothing): rules ${formatBytes(matchingOnly)}, first visit ${formatBytes(rest + matchingOnly)} ${rest + matchingOnly <= aim ? '✓' : '✗'}`,
    );
    console.log(`    grown pages against real ones, rules module gzip per page: ${pages} grown ${formatBytes(imitation / pages)}, ${pages} real ${formatBytes(real / pages)} (grown text draws words at random, so it compresses a little worse than real prose)`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const realOut = mkdtempSync(join(tmpdir(), 'mcpfix-bench-real-'));
try {
  const realPages = readdirSync(join(PROJECT, 'content', 'errors')).filter((name) => name.endsWith('.mdx')).length;
  const seconds = timeBuild(PROJECT, realOut);
  report('real pages', seconds, realOut, realPages);
  const js = measureCheckerJs(realOut);
  const total = js.main + js.worker;
  console.log(`/check/ JavaScript (code only), gzip: main thread ${formatBytes(js.main)} + worker ${formatBytes(js.worker)} = ${formatBytes(total)} ${total <= AIM_JS_GZIP ? '✓' : '✗'} (aim ≤ ${formatBytes(AIM_JS_GZIP)})`);
  console.log(`  files: ${js.files.join(', ')}`);
  const parts = await measureWorkerParts();
  console.log(
    parts.kind === 'measured'
      ? `  worker by part (rebundled with rolldown, ${formatBytes(parts.whole)} gzip): yaml ${formatBytes(parts.yaml)}, diff ${formatBytes(parts.diff)}, engine and worker shell ${formatBytes(parts.whole - parts.yaml - parts.diff)}`
      : `  worker by part: not measured: ${parts.reason}`,
  );
  console.log(`  worker by file (gzip of each file's minified code alone; they overlap, so they rank and do not add up): ${await listWorkerFiles()}`);
  const transfer = reportTransfer(realOut, js, realPages, AIM_TRANSFER_GZIP, PROJECT);
  reportWhatWouldHaveToGo(transfer.total, AIM_TRANSFER_GZIP, transfer.rules, parts);
  await reportTransferAtCount(transfer.rest, 1000, AIM_TRANSFER_GZIP_AT_1000);
} finally {
  rmSync(realOut, { recursive: true, force: true });
}

if (GENERATED_COUNT > 0) {
  const copy = mkdtempSync(join(tmpdir(), 'mcpfix-bench-generated-'));
  try {
    for (const entry of readdirSync(PROJECT)) {
      if (['node_modules', 'dist', '.git', '.astro', '.bench', 'content'].includes(entry)) continue;
      cpSync(join(PROJECT, entry), join(copy, entry), { recursive: true });
    }
    symlinkSync(join(PROJECT, 'node_modules'), join(copy, 'node_modules'), 'dir');
    cpSync(join(PROJECT, 'content'), join(copy, 'content'), { recursive: true });
    generatePages(join(copy, 'content', 'errors'), GENERATED_COUNT);
    const total = readdirSync(join(copy, 'content', 'errors')).length;
    const outDir = join(copy, 'dist');
    const seconds = timeBuild(copy, outDir);
    report(`real + ${GENERATED_COUNT} generated`, seconds, outDir, total);
    // Not /check/'s transfer: the generated pages are copies of one page, which gzip finds again and
    // counts as almost free (reportTransferAtCount measures the transfer at 1,000 pages instead).
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

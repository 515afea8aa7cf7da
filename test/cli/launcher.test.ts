import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../support/run-cli.ts';

// The real launcher, copied into a scratch project whose bundle and source each say which one ran:
// the choice between them is tested without touching the repository's own build/cli.
const project = mkdtempSync(join(tmpdir(), 'mcpfix-launcher-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(join(project, path, '..'), { recursive: true });
  writeFileSync(join(project, path), text);
}

write('bin/.keep', '');
copyFileSync(join(REPO_ROOT, 'bin/mcpfix.js'), join(project, 'bin/mcpfix.js'));
write('scripts/.keep', '');
copyFileSync(join(REPO_ROOT, 'scripts/require-node.js'), join(project, 'scripts/require-node.js'));
write('package.json', '{"type":"module"}');
write('src/cli/main.ts', "export async function main(argv: string[]): Promise<number> { process.stdout.write('source ' + argv.join(' ')); return 0; }\n");
write('src/cli/other.ts', 'export {};\n');

function launch(env: Record<string, string> = {}, argument = 'x') {
  return spawnSync(process.execPath, ['bin/mcpfix.js', 'check', argument], { cwd: project, encoding: 'utf8', env: { ...process.env, ...env } });
}

// Two bundles as scripts/build-cli.ts writes them: CommonJS, the entry requiring its sibling by name.
// The entry exits with the code its argument names, else 1 (a check that ran: not confident).
const ENTRY =
  "exports.main = async function (argv) { const other = require('./other.cjs'); process.stdout.write('bundle ' + argv.join(' ') + ' ' + other.word()); return /^\\d+$/.test(argv[1]) ? Number(argv[1]) : 1; };\n";
const OTHER = "exports.word = function () { return 'and its sibling'; };\n";

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function build(at: Date, inputs = ['src/cli/main.ts', 'src/cli/other.ts']): void {
  write('build/cli/mcpfix.cjs', ENTRY);
  write('build/cli/other.cjs', OTHER);
  write('build/cli/inputs.json', JSON.stringify({ bundles: { 'mcpfix.cjs': sha256(ENTRY), 'other.cjs': sha256(OTHER) }, inputs }));
  utimesSync(join(project, 'build/cli/mcpfix.cjs'), at, at);
}

/** The code caches the launcher keeps in a compile cache folder, by file name. */
function codeCaches(folder: string): Map<string, string> {
  const found = new Map<string, string>();
  if (!existsSync(folder)) return found;
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) if (entry.isFile() && entry.name.startsWith('mcpfix-')) found.set(entry.name, join(entry.parentPath, entry.name));
  return found;
}

describe('the launcher, bin/mcpfix.js', () => {
  test('without a bundle it runs the TypeScript source, silently when stderr is not a terminal', () => {
    const run = launch();
    expect([run.stdout, run.stderr, run.status]).toEqual(['source check x', '', 0]);
  });

  test('a bundle newer than its inputs is what runs, and its exit code is the exit code', () => {
    const old = new Date(Date.now() - 60_000);
    for (const file of ['src/cli/main.ts', 'src/cli/other.ts']) utimesSync(join(project, file), old, old);
    build(new Date());
    const run = launch({}, '3');
    expect([run.stdout, run.stderr, run.status]).toEqual(['bundle check 3 and its sibling', '', 3]);
    expect(launch({ MCPFIX_FROM_SOURCE: '1' }).stdout).toBe('source check x');
  });

  test('a source file edited after the bundle was built sends it back to the source', () => {
    build(new Date(Date.now() - 30_000));
    utimesSync(join(project, 'src/cli/other.ts'), new Date(), new Date());
    expect(launch().stdout).toBe('source check x');
  });

  test('an input gone since the build, or unreadable inputs.json, also means the source', () => {
    build(new Date());
    build(new Date(), ['src/cli/main.ts', 'src/cli/removed.ts']);
    expect(launch().stdout).toBe('source check x');
    write('build/cli/inputs.json', '{"inputs":');
    expect(launch().stdout).toBe('source check x');
  });

  test("each bundle's code cache is kept after a run, named by its sha256, reused as it is, and a damaged one replaced", () => {
    build(new Date());
    const folder = mkdtempSync(join(tmpdir(), 'mcpfix-code-cache-'));
    const env = { NODE_COMPILE_CACHE: folder };
    expect(launch(env).stdout).toBe('bundle check x and its sibling');
    const caches = codeCaches(folder);
    expect([...caches.keys()].sort()).toEqual([`mcpfix-mcpfix.cjs-${sha256(ENTRY).slice(0, 16)}.cache`, `mcpfix-other.cjs-${sha256(OTHER).slice(0, 16)}.cache`]);
    const entryCache = caches.get(`mcpfix-mcpfix.cjs-${sha256(ENTRY).slice(0, 16)}.cache`) as string;
    // V8 accepts the cache on the next run, so it is left as it was.
    const past = new Date(Date.now() - 60_000);
    utimesSync(entryCache, past, past);
    const marked = statSync(entryCache).mtimeMs;
    expect(launch(env).stdout).toBe('bundle check x and its sibling');
    expect(statSync(entryCache).mtimeMs).toBe(marked);
    // A damaged cache is rejected by V8: the answer is the same and the cache is written anew.
    writeFileSync(entryCache, 'not a code cache');
    expect(launch(env)).toMatchObject({ stdout: 'bundle check x and its sibling', stderr: '', status: 1 });
    expect(readFileSync(entryCache).toString('latin1')).not.toBe('not a code cache');
    utimesSync(entryCache, past, past);
    const rewritten = statSync(entryCache).mtimeMs;
    expect(launch(env).stdout).toBe('bundle check x and its sibling');
    expect(statSync(entryCache).mtimeMs).toBe(rewritten);
    rmSync(folder, { recursive: true, force: true });
  });

  test('a run that stops at a usage error keeps no code cache; the next run that does its work does', () => {
    build(new Date());
    const folder = mkdtempSync(join(tmpdir(), 'mcpfix-code-cache-'));
    const env = { NODE_COMPILE_CACHE: folder };
    expect(launch(env, '2')).toMatchObject({ stdout: 'bundle check 2 and its sibling', status: 2 });
    expect(codeCaches(folder).size).toBe(0);
    expect(launch(env, '0')).toMatchObject({ stdout: 'bundle check 0 and its sibling', status: 0 });
    expect([...codeCaches(folder).keys()].sort()).toEqual([`mcpfix-mcpfix.cjs-${sha256(ENTRY).slice(0, 16)}.cache`, `mcpfix-other.cjs-${sha256(OTHER).slice(0, 16)}.cache`]);
    rmSync(folder, { recursive: true, force: true });
  });

  test('with the compile cache disabled no code cache is written, and the answer is the same', () => {
    build(new Date());
    const folder = mkdtempSync(join(tmpdir(), 'mcpfix-code-cache-'));
    expect(launch({ NODE_COMPILE_CACHE: folder, NODE_DISABLE_COMPILE_CACHE: '1' }).stdout).toBe('bundle check x and its sibling');
    expect(codeCaches(folder).size).toBe(0);
    rmSync(folder, { recursive: true, force: true });
  });
});

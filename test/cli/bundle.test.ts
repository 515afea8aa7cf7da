import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../support/run-cli.ts';

// Built into a folder of this test's own (two levels below the root, like build/cli), so it never
// races the CLI tests that run bin/mcpfix.js against build/cli at the same time.
const OUT = `build/cli-test-${process.pid}`;

interface Metafile {
  outputs: Record<string, { imports: { path: string; kind: string }[]; inputs: Record<string, unknown>; entryPoint?: string }>;
}

function runBundle(args: string[]) {
  const runner = 'import(process.argv[1]).then((cli) => cli.main(process.argv.slice(2))).then((code) => { process.exitCode = code; })';
  return spawnSync(process.execPath, ['--input-type=module', '-e', runner, join(REPO_ROOT, OUT, 'mcpfix.mjs'), ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
}

function runSource(args: string[]) {
  return spawnSync(process.execPath, ['bin/mcpfix.js', ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, MCPFIX_FROM_SOURCE: '1', NO_COLOR: '1' } });
}

/** The inputs every output reached from `from` through static imports holds: what runs before any dynamic import. */
function staticInputs(meta: Metafile, from: string): Set<string> {
  const seen = new Set<string>();
  const inputs = new Set<string>();
  const visit = (output: string) => {
    if (seen.has(output)) return;
    seen.add(output);
    const entry = meta.outputs[output];
    if (!entry) throw new Error(`no output ${output} in the metafile`);
    for (const input of Object.keys(entry.inputs)) inputs.add(input);
    for (const imported of entry.imports) if (imported.kind === 'import-statement' && imported.path in meta.outputs) visit(imported.path);
  };
  visit(from);
  return inputs;
}

describe('the bundled CLI', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build-cli.ts', '--outdir', OUT], { cwd: REPO_ROOT, encoding: 'utf8' });
  }, 60_000);
  afterAll(() => rmSync(join(REPO_ROOT, OUT), { recursive: true, force: true }));

  test('answers exactly as the TypeScript source does', () => {
    const pastes = ['claude-code-error-posting-http-500.txt', 'client-config-mcp-json.json'].map((name) => `test/fixtures/pastes/${name}`);
    const cases = [...pastes.map((file) => ['check', file]), ['check', pastes[0] as string, '--json'], ['--help'], ['--version'], ['check', '--nope'], ['check', 'no-such-file.txt']];
    for (const args of cases) {
      const bundled = runBundle(args);
      const source = runSource(args);
      expect({ args, stdout: bundled.stdout, stderr: bundled.stderr, status: bundled.status }).toEqual({ args, stdout: source.stdout, stderr: source.stderr, status: source.status });
    }
    expect(runBundle(['check', pastes[0] as string]).stdout).toContain('/errors/');
  }, 60_000);

  test('check loads neither the probe HTTP client nor zod; probe and the page compiler do, on demand', () => {
    const meta = JSON.parse(readFileSync(join(REPO_ROOT, OUT, 'meta.json'), 'utf8')) as Metafile;
    const entry = Object.keys(meta.outputs).find((output) => meta.outputs[output]?.entryPoint === 'src/cli/main.ts');
    expect(entry).toBeDefined();
    const checkChunk = Object.keys(meta.outputs).find((output) => output.endsWith('.mjs') && 'src/cli/run-check.ts' in (meta.outputs[output]?.inputs ?? {}));
    const probeChunk = Object.keys(meta.outputs).find((output) => output.endsWith('.mjs') && 'src/cli/run-probe.ts' in (meta.outputs[output]?.inputs ?? {}));
    expect(checkChunk).toBeDefined();
    expect(probeChunk).toBeDefined();
    const atStart = [...staticInputs(meta, entry as string)];
    const forCheck = [...staticInputs(meta, checkChunk as string)];
    const forProbe = [...staticInputs(meta, probeChunk as string)];
    expect(atStart.filter((input) => input.includes('src/engine/'))).toEqual([]);
    for (const heavy of ['node_modules/undici/', 'node_modules/zod/', 'src/catalog/read-pages.ts']) expect(forCheck.filter((input) => input.includes(heavy))).toEqual([]);
    expect(forCheck.some((input) => input === 'src/engine/check-paste.ts')).toBe(true);
    expect(forProbe.some((input) => input.includes('node_modules/undici/'))).toBe(true);
  });
});

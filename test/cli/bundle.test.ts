import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../support/run-cli.ts';

// Built into a folder of this test's own (two levels below the root, like build/cli), so it never
// races the CLI tests that run bin/mcpfix.js against build/cli at the same time.
const OUT = `build/cli-test-${process.pid}`;

interface Metafile {
  outputs: Record<string, { inputs: Record<string, unknown> }>;
}

// Node's own require runs the bundles here (the launcher's code cache is tested in launcher.test.ts);
// with MCPFIX_LIST_BUNDLES set, the bundles loaded are listed on stderr at exit.
function runBundle(args: string[], env: Record<string, string> = {}) {
  const runner = [
    'const cli = require(process.argv[1]);',
    "if (process.env.MCPFIX_LIST_BUNDLES) process.on('exit', () => process.stderr.write(JSON.stringify(Object.keys(require.cache).map((file) => require('node:path').basename(file)))));",
    'cli.main(process.argv.slice(2)).then((code) => { process.exitCode = code; });',
  ].join('\n');
  return spawnSync(process.execPath, ['--input-type=commonjs', '-e', runner, join(REPO_ROOT, OUT, 'mcpfix.cjs'), ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
}

function runSource(args: string[]) {
  return spawnSync(process.execPath, ['bin/mcpfix.js', ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, MCPFIX_FROM_SOURCE: '1', NO_COLOR: '1' } });
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
    const inputsOf = (bundle: string): string[] => Object.keys(meta.outputs[`${OUT}/${bundle}`]?.inputs ?? {});
    expect(inputsOf('mcpfix.cjs').filter((input) => input.includes('src/engine/'))).toEqual([]);
    for (const heavy of ['node_modules/undici/', 'node_modules/zod/', 'src/catalog/read-pages.ts']) expect(inputsOf('run-check.cjs').filter((input) => input.includes(heavy))).toEqual([]);
    expect(inputsOf('run-check.cjs')).toContain('src/engine/check-paste.ts');
    expect(inputsOf('run-probe.cjs').some((input) => input.includes('node_modules/undici/'))).toBe(true);
    expect(inputsOf('compile-index-from-pages.cjs').some((input) => input.includes('node_modules/zod/'))).toBe(true);
    // And at run time: a check reads its own bundle and nothing of the probe's or the page compiler's.
    const run = runBundle(['check', 'test/fixtures/pastes/claude-code-error-posting-http-500.txt'], { MCPFIX_LIST_BUNDLES: '1' });
    expect(JSON.parse(run.stderr.slice(run.stderr.lastIndexOf('['))) as string[]).toEqual(['mcpfix.cjs', 'run-check.cjs']);
  });

  test('the yaml library is a bundle of its own, read only by a check whose paste holds YAML', () => {
    const meta = JSON.parse(readFileSync(join(REPO_ROOT, OUT, 'meta.json'), 'utf8')) as Metafile;
    const inputsOf = (bundle: string): string[] => Object.keys(meta.outputs[`${OUT}/${bundle}`]?.inputs ?? {});
    expect(inputsOf('run-check.cjs').filter((input) => input.includes('node_modules/yaml/'))).toEqual([]);
    expect(inputsOf('yaml.cjs').some((input) => input.includes('node_modules/yaml/'))).toBe(true);
    const loaded = (paste: string): string[] => {
      const run = runBundle(['check', `test/fixtures/pastes/${paste}`], { MCPFIX_LIST_BUNDLES: '1' });
      return JSON.parse(run.stderr.slice(run.stderr.lastIndexOf('['))) as string[];
    };
    expect(loaded('config-single-server-block.txt')).toEqual(['mcpfix.cjs', 'run-check.cjs', 'yaml.cjs']);
    expect(loaded('curl-si-http2-401-www-authenticate.txt')).toEqual(['mcpfix.cjs', 'run-check.cjs']);
  });

  test('every source the bundles list is a file, so the launcher finds the bundles fresh', () => {
    const record = JSON.parse(readFileSync(join(REPO_ROOT, OUT, 'inputs.json'), 'utf8')) as { inputs: string[]; bundles: Record<string, string> };
    expect(record.inputs.filter((input) => !existsSync(join(REPO_ROOT, input)))).toEqual([]);
    expect(Object.keys(record.bundles).sort()).toEqual(readdirSync(join(REPO_ROOT, OUT)).filter((name) => name.endsWith('.cjs')).sort());
  });
});

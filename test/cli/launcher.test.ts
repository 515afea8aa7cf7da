import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
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

function launch(env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['bin/mcpfix.js', 'check', 'x'], { cwd: project, encoding: 'utf8', env: { ...process.env, ...env } });
}

function build(at: Date): void {
  write('build/cli/mcpfix.mjs', "export async function main(argv) { process.stdout.write('bundle ' + argv.join(' ')); return 3; }\n");
  write('build/cli/inputs.json', JSON.stringify({ inputs: ['src/cli/main.ts', 'src/cli/other.ts'] }));
  utimesSync(join(project, 'build/cli/mcpfix.mjs'), at, at);
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
    const run = launch();
    expect([run.stdout, run.stderr, run.status]).toEqual(['bundle check x', '', 3]);
    expect(launch({ MCPFIX_FROM_SOURCE: '1' }).stdout).toBe('source check x');
  });

  test('a source file edited after the bundle was built sends it back to the source', () => {
    build(new Date(Date.now() - 30_000));
    utimesSync(join(project, 'src/cli/other.ts'), new Date(), new Date());
    expect(launch().stdout).toBe('source check x');
  });

  test('an input gone since the build, or unreadable inputs.json, also means the source', () => {
    build(new Date());
    write('build/cli/inputs.json', JSON.stringify({ inputs: ['src/cli/main.ts', 'src/cli/removed.ts'] }));
    expect(launch().stdout).toBe('source check x');
    write('build/cli/inputs.json', '{"inputs":');
    expect(launch().stdout).toBe('source check x');
  });
});

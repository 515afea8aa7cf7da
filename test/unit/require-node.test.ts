import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { describeNodeProblem, REQUIRED_NODE } from '../../scripts/require-node.js';
import { REPO_ROOT } from '../support/run-cli.ts';

const ONE_LINE = /^mcpfix needs Node 22\.18 or newer; this is Node \d+\.\d+\.\d+ \(.+\)\. Get a newer one from https:\/\/nodejs\.org\S* .*\.$/;

describe('the Node version guard', () => {
  test('an older Node is named beside the one needed and where to get it, in one line', () => {
    for (const version of ['20.20.2', '22.17.1', '18.0.0', 'v21.9.0']) {
      const problem = describeNodeProblem(version, '/opt/node/bin/node');
      expect(problem).toContain(`this is Node ${version} (/opt/node/bin/node)`);
      expect(problem).toContain(`needs Node ${REQUIRED_NODE.join('.')} or newer`);
      expect(problem).toContain('https://nodejs.org/');
      expect(problem).not.toContain('\n');
    }
  });

  test('22.18 and newer pass, an unreadable version does not', () => {
    for (const version of ['22.18.0', '22.19.3', '23.0.0', '24.11.1', '100.0.0']) expect(describeNodeProblem(version, 'node')).toBeNull();
    expect(describeNodeProblem('banana', 'node')).toContain('this is Node banana');
  });

  test('every npm script runs the guard first', () => {
    const scripts = (JSON.parse(readFileSync(`${REPO_ROOT}package.json`, 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(Object.keys(scripts).length).toBeGreaterThan(5);
    for (const [name, command] of Object.entries(scripts)) expect([name, command.startsWith('node scripts/require-node.js && ')]).toEqual([name, true]);
  });

  test('the guard is silent and exits 0 on this Node', () => {
    const run = spawnSync(process.execPath, ['scripts/require-node.js'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect([run.status, run.stdout, run.stderr]).toEqual([0, '', '']);
  });

  // The machine's own Node (Debian's, 20 at the time of writing) is the newcomer's case, run for real.
  const oldNode = '/usr/bin/node';
  const isOldNode = existsSync(oldNode) && describeNodeProblem(execFileSync(oldNode, ['-p', 'process.versions.node']).toString().trim(), oldNode) !== null;

  test.skipIf(!isOldNode)('a real old Node running the guard gets the one line and exit 1', () => {
    const run = spawnSync(oldNode, ['scripts/require-node.js'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd()).toMatch(ONE_LINE);
    expect(run.stderr.split('\n')).toHaveLength(2);
  });

  test.skipIf(!isOldNode)('a real old Node running a TypeScript script through npm gets the one line, not ERR_UNKNOWN_FILE_EXTENSION', () => {
    // What `npm run bench` runs, minus npm: the guard first, then the script.
    const run = spawnSync('/bin/sh', ['-c', `${oldNode} scripts/require-node.js && ${oldNode} scripts/bench.ts`], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).not.toContain('ERR_UNKNOWN_FILE_EXTENSION');
    expect(run.stderr.trimEnd()).toMatch(ONE_LINE);
  });

  test.skipIf(!isOldNode)('a real old Node running the CLI gets the one line and exit 2', () => {
    const run = spawnSync(oldNode, ['bin/mcpfix.js', 'check', 'x'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd()).toMatch(ONE_LINE);
    expect(run.stderr.split('\n')).toHaveLength(2);
  });
});

import { expect } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root, where `node bin/mcpfix.js` runs. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What one run of the real binary printed, and how it exited. */
export interface CliRun {
  /** The arguments after `mcpfix`. */
  args: string[];
  stdout: string;
  stderr: string;
  code: number | null;
  /** What was piped to stdin, when anything was. */
  stdin?: string;
}

/** Options of one run. */
export interface RunOptions {
  /** Text piped to stdin; when absent stdin is closed empty (not a TTY either way). */
  stdin?: string;
  /** Extra environment; LITELLM_API_KEY and NO_COLOR are cleared unless given here. */
  env?: Record<string, string>;
  /** Kill the run after this long (a hang is a failure, not a wait). */
  killAfterMs?: number;
}

/** Runs `node bin/mcpfix.js <args>` from the repository root as a child process. */
export function runCli(args: string[], options: RunOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const name of ['LITELLM_API_KEY', 'NO_COLOR', 'FORCE_COLOR']) delete env[name];
    Object.assign(env, options.env);
    const child = spawn(process.execPath, ['bin/mcpfix.js', ...args], { cwd: REPO_ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ args, stdout, stderr, code, ...(options.stdin !== undefined ? { stdin: options.stdin } : {}) });
    });
    child.stdin.end(options.stdin ?? '');
  });
}

/**
 * One readable snapshot of a run: the command, the exit code, stdout and stderr, with the parts
 * that change between runs (ports, session ids, dates, timings, the repo path) replaced by names.
 */
export function describeRun(run: CliRun): string {
  const command = `$ ${run.stdin !== undefined ? 'cat <paste> | ' : ''}mcpfix ${run.args.map(quoteArg).join(' ')}`;
  const parts = [normalise(command), `exit code: ${run.code}`, '', '--- stdout ---', normalise(run.stdout).trimEnd(), '', '--- stderr ---', normalise(run.stderr).trimEnd(), ''];
  return parts.join('\n');
}

/** Replaces what varies from run to run. */
export function normalise(text: string): string {
  return text
    .split(REPO_ROOT)
    .join('<repo>/')
    .replace(/(127\.0\.0\.1|localhost):\d{2,5}/g, '$1:<port>')
    .replace(/port \d{2,5}/g, 'port <port>')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>')
    .replace(/^(\s*"?)date: [^\n"]*/gim, '$1date: <date>')
    .replace(/date: [A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT/g, 'date: <date>')
    .replace(/\(\d+ bytes read before the timeout\)/g, '(<n> bytes read before the timeout)');
}

function quoteArg(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** Compares a run (command, output, exit code) with its snapshot file under the calling test's `snapshots/`. */
export async function snapshot(run: CliRun, name: string): Promise<void> {
  await expect(describeRun(run)).toMatchFileSnapshot(`snapshots/${name}.txt`);
}

/** Usage errors and connection failures say why in exactly one line. */
export function expectOneLineOnStderr(run: CliRun): void {
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
}

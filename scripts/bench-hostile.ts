/**
 * Time and peak memory of the hostile cases of issue 14, printed as figures against their aims
 * (never asserted in tests): `check /dev/zero`, `check --config /dev/zero`, a config of 20,000
 * YAML aliases, and `probe` against 300 issuers that never answer. Runs the real CLI as a child
 * and reads its peak resident memory from /proc (Linux). `node scripts/bench-hostile.ts`
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHostileServer } from '../test/support/hostile-server.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

interface Figure {
  seconds: number;
  peakMb: number;
  code: number | null;
}

/** Runs `mcpfix <args>` and samples its VmHWM (peak RSS) until it exits. */
function measure(args: string[], stdin = ''): Promise<Figure> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['bin/mcpfix.js', ...args], { cwd: ROOT, stdio: ['pipe', 'ignore', 'ignore'] });
    let peakKb = 0;
    const sample = (): void => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
      } catch {
        // Gone already.
      }
    };
    const timer = setInterval(sample, 20);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ seconds: (performance.now() - started) / 1000, peakMb: peakKb / 1024, code });
    });
    child.stdin.end(stdin);
  });
}

function report(name: string, figure: Figure, aimSeconds: number, aimMb?: number): void {
  const time = `${figure.seconds.toFixed(2)} s (aim < ${aimSeconds} s${figure.seconds < aimSeconds ? ', met' : ', NOT met'})`;
  const memory = aimMb === undefined ? '' : `, peak ${figure.peakMb.toFixed(0)} MB (aim < ${aimMb} MB${figure.peakMb < aimMb ? ', met' : ', NOT met'})`;
  console.log(`${name.padEnd(44)} exit ${figure.code}, ${time}${memory}`);
}

const dir = mkdtempSync(join(tmpdir(), 'mcpfix-bench-hostile-'));
try {
  report('check /dev/zero', await measure(['check', '/dev/zero']), 2, 200);
  report('check - --config /dev/zero', await measure(['check', '-', '--config', '/dev/zero'], 'HTTP/1.1 401 Unauthorized\n'), 2, 200);
  const aliases = join(dir, 'aliases.yaml');
  writeFileSync(aliases, `mcp_servers:\n  base: &b {url: http://x}\n${Array.from({ length: 20_000 }, (_, index) => `  s${index}: *b`).join('\n')}\n`);
  report('check --config <20,000 aliases>', await measure(['check', '-', '--config', aliases], 'HTTP/1.1 401 Unauthorized\n'), 2);
  const server = await startHostileServer('');
  try {
    const figure = await measure(['probe', `${server.origin}/issuers/mcp`, '--timeout', '1s']);
    report('probe vs 300 silent issuers (--timeout 1s)', figure, 30);
  } finally {
    await server.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

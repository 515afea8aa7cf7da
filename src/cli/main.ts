import { readFileSync } from 'node:fs';
import type { CliIo } from './cli-io.ts';
import { ExitCode, type ExitCodeValue } from './exit-codes.ts';
import { HELP, parseCommandLine, secretArguments } from './parse-args.ts';
import { reportUsage, runCheck } from './run-check.ts';
import { runProbe } from './run-probe.ts';

/**
 * The `mcpfix` command: parses the flags and hands over to `check` or `probe`. Resolves to the
 * exit code; the launcher (bin/mcpfix.js) sets it.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<ExitCodeValue> {
  const command = parseCommandLine(argv);
  switch (command.kind) {
    case 'usage-error':
      return reportUsage(io, command.command, command.reason, [...secretArguments(argv), io.env.LITELLM_API_KEY ?? '']);
    case 'help':
      io.stdout.write(HELP[command.topic]);
      return ExitCode.ok;
    case 'version':
      io.stdout.write(`mcpfix ${readVersion()}\n`);
      return ExitCode.ok;
    case 'check':
      return runCheck(command, io);
    case 'probe':
      return runProbe(command, io);
  }
}

function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

function readVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  const version = (JSON.parse(text) as { version?: unknown }).version;
  return typeof version === 'string' ? version : 'unknown';
}

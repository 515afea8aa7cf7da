import { readFileSync } from 'node:fs';
import type { CliIo } from './cli-io.ts';
import { ExitCode, type ExitCodeValue } from './exit-codes.ts';
import { HELP, parseCommandLine, secretArguments } from './parse-args.ts';
import { PACKAGE_JSON } from './project-paths.ts';

/**
 * The `mcpfix` command: parses the flags and hands over to `check` or `probe`. Resolves to the
 * exit code; the launcher (bin/mcpfix.js) sets it.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<ExitCodeValue> {
  const command = parseCommandLine(argv);
  switch (command.kind) {
    case 'usage-error':
      // Loaded on demand like the commands: masking the quoted argument needs the engine's redaction.
      return (await import('./report-usage.ts')).reportUsage(io, command.command, command.reason, [...secretArguments(argv), io.env.LITELLM_API_KEY ?? '']);
    case 'help':
      io.stdout.write(HELP[command.topic]);
      return ExitCode.ok;
    case 'version':
      io.stdout.write(`mcpfix ${readVersion()}\n`);
      return ExitCode.ok;
    // Each command loads its own modules when it runs: `check` never pays for the probe's HTTP
    // client (undici), nor `--help` for the engine.
    case 'check':
      return (await import('./run-check.ts')).runCheck(command, io);
    case 'probe':
      return (await import('./run-probe.ts')).runProbe(command, io);
  }
}

// Getters, as Node's own: each standard stream is made when first used, so `check FILE` never
// pays for opening stdin (Node loads its stream modules for it, a few ms of a cold start).
function processIo(): CliIo {
  return {
    get stdout() {
      return process.stdout;
    },
    get stderr() {
      return process.stderr;
    },
    get stdin() {
      return process.stdin;
    },
    env: process.env,
  };
}

function readVersion(): string {
  const text = readFileSync(PACKAGE_JSON, 'utf8');
  const version = (JSON.parse(text) as { version?: unknown }).version;
  return typeof version === 'string' ? version : 'unknown';
}

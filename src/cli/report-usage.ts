import type { CliIo } from './cli-io.ts';
import { ExitCode, type ExitCodeValue } from './exit-codes.ts';
import { createSafeText } from './safe-text.ts';

/**
 * Reports a usage error as one line on stderr and returns exit code 2. The reason may quote what
 * the user typed: it is masked (with the secrets given on the command line) and escaped like any output.
 */
export function reportUsage(io: CliIo, command: string, reason: string, extraSecrets: readonly string[] = []): ExitCodeValue {
  io.stderr.write(`${command}: ${createSafeText(extraSecrets).line(reason.split('\n')[0] ?? '')}\n`);
  return ExitCode.usage;
}

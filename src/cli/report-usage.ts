import type { CliIo } from './cli-io.ts';
import { ExitCode, type ExitCodeValue } from './exit-codes.ts';

/** Reports a usage error as one line on stderr and returns exit code 2. */
export function reportUsage(io: CliIo, command: string, reason: string): ExitCodeValue {
  io.stderr.write(`${command}: ${reason.split('\n')[0]}\n`);
  return ExitCode.usage;
}

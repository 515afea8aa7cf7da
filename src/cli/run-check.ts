import { checkPaste } from '../engine/index.ts';
import { readStdin, readTextFile, type CliIo, type ReadText } from './cli-io.ts';
import { describeResult } from './describe-result.ts';
import { ExitCode, type ExitCodeValue } from './exit-codes.ts';
import { renderJson, toJsonDiagnosis } from './format-json.ts';
import { isColorWanted, renderText } from './format-text.ts';
import { loadIndex } from './load-index.ts';
import { formatCheckMarkdown } from '../site/format-issue-markdown.ts';
import type { CommandLine } from './parse-args.ts';

/** Reports a usage error as one line on stderr and returns exit code 2. */
export function reportUsage(io: CliIo, command: string, reason: string): ExitCodeValue {
  io.stderr.write(`${command}: ${reason.split('\n')[0]}\n`);
  return ExitCode.usage;
}

/**
 * `mcpfix check`: reads the paste (FILE, `-`, or piped stdin) and the optional config, asks the
 * engine, prints the ranked pages with their evidence and the suggested change. Exit 0 when the
 * top match is confident, 1 when not, 2 on a usage error.
 */
export async function runCheck(command: CommandLine & { kind: 'check' }, io: CliIo): Promise<ExitCodeValue> {
  let paste: ReadText;
  if (command.file !== undefined && command.file !== '-') {
    paste = readTextFile(command.file, 'FILE');
  } else if (command.file === '-' || io.stdin.isTTY !== true) {
    paste = await readStdin(io.stdin);
  } else {
    return reportUsage(io, 'mcpfix check', 'no paste: give a FILE, or pipe the paste on stdin (see mcpfix check --help)');
  }
  if (paste.kind === 'unreadable') return reportUsage(io, 'mcpfix check', paste.reason);
  if (paste.text.trim() === '') {
    const from = command.file !== undefined && command.file !== '-' ? command.file : 'stdin';
    return reportUsage(io, 'mcpfix check', `the paste is empty (${from}): give the error text, curl -si output, log lines or issue body`);
  }

  let config: string | undefined;
  if (command.config !== undefined) {
    const read = readTextFile(command.config, '--config');
    if (read.kind === 'unreadable') return reportUsage(io, 'mcpfix check', read.reason);
    config = read.text;
  }

  const loaded = loadIndex();
  if (loaded.kind === 'failed') {
    io.stderr.write(`mcpfix check: ${loaded.reason}\n`);
    return ExitCode.internal;
  }
  for (const warning of loaded.warnings) io.stderr.write(`mcpfix check: warning: ${warning}\n`);

  const result = checkPaste(loaded.index, { paste: paste.text, ...(config !== undefined ? { config } : {}) });
  if (command.isJson) {
    io.stdout.write(renderJson(toJsonDiagnosis(result)));
  } else if (command.isMarkdown) {
    io.stdout.write(formatCheckMarkdown(result, paste.text));
  } else {
    io.stdout.write(renderText(describeResult(result, paste.text), isColorWanted(io.stdout, io.env)));
  }
  return result.verdict === 'confident' ? ExitCode.ok : ExitCode.problem;
}

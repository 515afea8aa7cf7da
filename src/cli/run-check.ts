import { checkPaste, findSecrets, maskKnownSecrets } from '../engine/index.ts';
import { MAX_CONFIG_BYTES, MAX_INPUT_BYTES, readStdin, readTextFile, type CliIo, type ReadText } from './cli-io.ts';
import { describeResult } from './describe-result.ts';
import { ExitCode, type ExitCodeValue } from './exit-codes.ts';
import { renderJson, toJsonDiagnosis } from './format-json.ts';
import { isColorWanted, renderText } from './format-text.ts';
import { loadIndex } from './load-index.ts';
import { formatCheckMarkdown } from '../site/format-issue-markdown.ts';
import type { CommandLine } from './parse-args.ts';
import { reportUsage } from './report-usage.ts';
import { createSafeText } from './safe-text.ts';

/**
 * The secrets of the inputs, found once in the whole text: an excerpt cut from a long line or one
 * line of a multi-line secret is then masked even without its context. Skipped past a few MB,
 * where excerpts are masked line by line only, so a 20 MB paste does not pay for a second pass.
 */
export function secretsOfInputs(...texts: ReadonlyArray<string | undefined>): string[] {
  return texts.flatMap((text) => (text !== undefined && text.length <= SECRET_SCAN_CHARS ? findSecrets(text) : []));
}

const SECRET_SCAN_CHARS = 4 * 1024 * 1024;

/**
 * `mcpfix check`: reads the paste (FILE, `-`, or piped stdin) and the optional config, asks the
 * engine, prints the ranked pages with their evidence and the suggested change. Exit 0 when the
 * top match is confident, 1 when not, 2 on a usage error.
 */
export async function runCheck(command: CommandLine & { kind: 'check' }, io: CliIo): Promise<ExitCodeValue> {
  let paste: ReadText;
  if (command.file !== undefined && command.file !== '-') {
    paste = await readTextFile(command.file, 'FILE', MAX_INPUT_BYTES);
  } else if (command.file === '-' || io.stdin.isTTY !== true) {
    paste = await readStdin(io.stdin, MAX_INPUT_BYTES);
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
    const read = await readTextFile(command.config, '--config', MAX_CONFIG_BYTES);
    if (read.kind === 'unreadable') return reportUsage(io, 'mcpfix check', read.reason);
    config = read.text;
  }

  const loaded = await loadIndex();
  if (loaded.kind === 'failed') {
    io.stderr.write(`mcpfix check: ${loaded.reason}\n`);
    return ExitCode.internal;
  }
  for (const warning of loaded.warnings) io.stderr.write(`mcpfix check: warning: ${warning}\n`);

  const result = checkPaste(loaded.index, {
    paste: paste.text,
    ...(config !== undefined ? { config } : {}),
    ...(command.litellmVersion !== undefined ? { litellmVersion: command.litellmVersion } : {}),
  });
  const secrets = secretsOfInputs(paste.text, config);
  if (command.isJson) {
    io.stdout.write(renderJson(toJsonDiagnosis(result), secrets));
  } else if (command.isMarkdown) {
    // The Markdown masks what it quotes; the run's own secrets (found in the whole inputs) are masked on top.
    io.stdout.write(maskKnownSecrets(formatCheckMarkdown(result, paste.text), secrets));
  } else {
    io.stdout.write(renderText(describeResult(result, paste.text), isColorWanted(io.stdout, io.env), createSafeText(secrets)));
  }
  return result.verdict === 'confident' ? ExitCode.ok : ExitCode.problem;
}

import { closeSync, openSync, readSync } from 'node:fs';

/** The process around a command: its streams and environment, passed in so runners stay testable. */
export interface CliIo {
  /** Where results go; `isTTY` decides colour. */
  stdout: { write(text: string): unknown; isTTY?: boolean };
  /** Where one-line usage errors and warnings go. */
  stderr: { write(text: string): unknown };
  /** The paste when no FILE is given; `isTTY` tells a terminal (no paste) from a pipe. */
  stdin: AsyncIterable<Buffer | string> & { isTTY?: boolean };
  /** LITELLM_API_KEY and NO_COLOR are read from here. */
  env: Record<string, string | undefined>;
}

/** A text file, or the one-line reason it cannot be used. */
export type ReadText = { kind: 'read'; text: string } | { kind: 'unreadable'; reason: string };

/** The most a paste may weigh: far above any real paste, low enough to fail fast on a wrong file. The web page takes the same. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/**
 * The most a `--config` file may weigh. A LiteLLM config.yaml is a few hundred lines (tens of KB);
 * YAML parsing costs far more per byte than matching: the limit is the YAML parse budget (512 KB).
 */
export const MAX_CONFIG_BYTES = 512 * 1024;

/** `20 MB`, `1 MB`. */
export function formatLimit(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}

/**
 * Reads a file given on the command line, at most `limit` bytes: reading stops one byte past the
 * limit, so `/dev/zero`, a FIFO or `<(yes)` end with a clear reason instead of filling memory.
 * `what` names the file in the reason (`--config`, `FILE`).
 */
export async function readTextFile(path: string, what: string, limit: number = MAX_INPUT_BYTES): Promise<ReadText> {
  // Synchronous reads: the command waits for the file either way, and node:fs/promises would cost
  // a cold start its own modules (a few ms) for nothing.
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(Math.min(limit + 1, 64 * 1024));
    const chunks: Buffer[] = [];
    let total = 0;
    while (total <= limit) {
      const bytesRead = readSync(fd, buffer, 0, Math.min(buffer.length, limit + 1 - total), null);
      if (bytesRead === 0) break;
      chunks.push(Buffer.from(buffer.subarray(0, bytesRead)));
      total += bytesRead;
    }
    if (total > limit) return { kind: 'unreadable', reason: tooLarge(`${what} ${path}`, limit) };
    return { kind: 'read', text: Buffer.concat(chunks).toString('utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file'
      : code === 'EISDIR' ? 'is a directory'
      : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
      : (error as Error).message;
    return { kind: 'unreadable', reason: `cannot read ${what} ${path}: ${why}` };
  } finally {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // Closing a file only read from cannot lose anything.
      }
    }
  }
}

/** Reads stdin to its end, or stops one byte past the limit. */
export async function readStdin(stdin: CliIo['stdin'], limit: number = MAX_INPUT_BYTES): Promise<ReadText> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  try {
    for await (const chunk of stdin) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      bytes += buffer.byteLength;
      // Leaving the loop destroys the stream: an endless pipe (`yes |`) is not read further.
      if (bytes > limit) return { kind: 'unreadable', reason: tooLarge('stdin', limit) };
      chunks.push(buffer);
    }
  } catch (error) {
    return { kind: 'unreadable', reason: `cannot read stdin: ${(error as Error).message}` };
  }
  return { kind: 'read', text: Buffer.concat(chunks).toString('utf8') };
}

function tooLarge(what: string, limit: number): string {
  return `${what} is larger than ${formatLimit(limit)}: mcpfix reads at most ${formatLimit(limit)} and stopped there (paste only the part around the error)`;
}

import { readFileSync } from 'node:fs';

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

/** The most a paste or config may weigh: far above any real paste, low enough to fail fast on a wrong file. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/** Reads a file given on the command line; `what` names it in the reason (`--config`, `FILE`). */
export function readTextFile(path: string, what: string): ReadText {
  try {
    const buffer = readFileSync(path);
    if (buffer.byteLength > MAX_INPUT_BYTES) return { kind: 'unreadable', reason: `${what} ${path} is larger than 20 MB` };
    return { kind: 'read', text: buffer.toString('utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file'
      : code === 'EISDIR' ? 'is a directory'
      : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
      : (error as Error).message;
    return { kind: 'unreadable', reason: `cannot read ${what} ${path}: ${why}` };
  }
}

/** Reads stdin to its end, within the same size limit. */
export async function readStdin(stdin: CliIo['stdin']): Promise<ReadText> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  try {
    for await (const chunk of stdin) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      bytes += buffer.byteLength;
      if (bytes > MAX_INPUT_BYTES) return { kind: 'unreadable', reason: 'stdin is larger than 20 MB' };
      chunks.push(buffer);
    }
  } catch (error) {
    return { kind: 'unreadable', reason: `cannot read stdin: ${(error as Error).message}` };
  }
  return { kind: 'read', text: Buffer.concat(chunks).toString('utf8') };
}

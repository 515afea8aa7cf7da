/**
 * A paste whose every line carries the same lead-in: a Markdown or e-mail quote (`> ` before each
 * line, copied from an issue's source or a reply) or an indentation (a Markdown code block indented
 * four spaces). Log lines were read through such prefixes already, but a curl transcript, a JSON
 * body or an SSE frame was not: 12 of the 419 examples answered high on their own page lost that
 * answer when quoted, and 3 were answered high on another page. The paste is read without the
 * lead-in, line by line; how much came off each line is kept, so what the checker marks in the
 * paste still lands on the user's own characters.
 *
 * `curl -v` writes `> ` before the request it sends: a paste whose first line is a request line
 * under `> ` is that, not a quote, and is left as it is. A run of two-space indentation is left too:
 * it is how a server block copied from inside `mcp_servers:` looks, and its depth is meaningful.
 */

/** The paste without the lead-in every line shares, and how many characters came off each line. */
export interface WithoutPrefix {
  text: string;
  /** Characters removed from the start of each line (0-based line index); null when nothing was. */
  removed: number[] | null;
  /** What came off, in words for the note; null when nothing did. */
  what: string | null;
}

const QUOTE = /^ {0,3}> ?/;
const CURL_REQUEST_LINE = /^(?:GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|CONNECT) \S+ HTTP\/\d(?:\.\d)?\s*$/;
// Four spaces, a Markdown code block, or deeper; a single tab.
const MIN_INDENT = 4;
const MAX_QUOTE_DEPTH = 3;

/** Removes the quote markers or the indentation every non-blank line of `paste` starts with. */
export function removeSharedPrefix(paste: string): WithoutPrefix {
  const unchanged: WithoutPrefix = { text: paste, removed: null, what: null };
  // Most pastes start with something else: decided on the first non-blank character.
  const first = /\S/.exec(paste);
  if (first === null) return unchanged;
  const lead = paste.slice(paste.lastIndexOf('\n', first.index) + 1, first.index + 1);
  if (!lead.endsWith('>') && !/^[ \t]/.test(lead)) return unchanged;
  let lines = paste.split('\n');
  const removed = new Array<number>(lines.length).fill(0);
  let depth = 0;
  while (depth < MAX_QUOTE_DEPTH && isQuote(lines)) {
    lines = lines.map((line, at) => {
      const marker = QUOTE.exec(line);
      if (marker === null) return line;
      removed[at] = (removed[at] as number) + marker[0].length;
      return line.slice(marker[0].length);
    });
    depth++;
  }
  const indent = depth === 0 ? sharedIndent(lines) : '';
  if (indent !== '') {
    lines = lines.map((line, at) => {
      if (!line.startsWith(indent)) return line;
      removed[at] = (removed[at] as number) + indent.length;
      return line.slice(indent.length);
    });
  }
  if (depth === 0 && indent === '') return unchanged;
  const what = depth > 0 ? `“>” quote marker${depth > 1 ? `s (${depth} deep)` : ''}` : indent === '\t' ? 'tab of indentation' : `${indent.length} spaces of indentation`;
  return { text: lines.join('\n'), removed, what };
}

// Every non-blank line starts with a quote marker, and the first is not curl -v's request line.
function isQuote(lines: readonly string[]): boolean {
  let firstQuoted: string | undefined;
  for (const line of lines) {
    if (!/\S/.test(line)) continue;
    const marker = QUOTE.exec(line);
    if (marker === null) return false;
    firstQuoted ??= line.slice(marker[0].length);
  }
  return firstQuoted !== undefined && !CURL_REQUEST_LINE.test(firstQuoted);
}

// The indentation every non-blank line starts with: a tab, or MIN_INDENT spaces or more; '' for none.
function sharedIndent(lines: readonly string[]): string {
  let shared: string | undefined;
  for (const line of lines) {
    if (!/\S/.test(line)) continue;
    const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
    if (shared === undefined) shared = indent;
    else {
      let common = 0;
      while (common < shared.length && common < indent.length && shared[common] === indent[common]) common++;
      shared = shared.slice(0, common);
    }
    if (shared === '') return '';
  }
  if (shared === undefined) return '';
  if (shared.startsWith('\t')) return '\t';
  const spaces = /^ */.exec(shared)?.[0] ?? '';
  return spaces.length >= MIN_INDENT ? spaces : '';
}

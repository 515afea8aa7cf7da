import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPages } from '../../src/catalog/read-pages.ts';
import { checkPaste, parseInput } from '../../src/engine/index.ts';
import { compileRulesAtBuild } from '../../src/catalog/analyse-pattern.ts';
import { plainTypography } from '../../src/engine/parse/plain-typography.ts';
import { removeSharedPrefix } from '../../src/engine/parse/shared-line-prefix.ts';

// Text copied from a web page, Slack or a word processor: every space a non-breaking one, or every
// pair of quotes typographic. Each example must get the answer and the fixes it gets as LiteLLM printed it.
const root = resolve(import.meta.dirname, '../..');
const { pages } = readPages(resolve(root, 'content/errors'), root);
const index = compileRulesAtBuild(pages.map((entry) => entry.page));
const examples = pages.flatMap(({ page }) => page.examples);

const everyLine = (lead: string) => (text: string) => text.split('\n').map((line) => `${lead}${line}`).join('\n');
const copies: Record<string, (text: string) => string> = {
  'non-breaking spaces': (text) => text.replace(/ /g, '\u00a0'),
  'typographic quotes': (text) => text.replace(/"([^"\n]*)"/g, '\u201c$1\u201d').replace(/'([^'\n]*)'/g, '\u2018$1\u2019'),
  '"> " before every line (a quote)': everyLine('> '),
  '"> > " before every line (a quote in a quote)': everyLine('> > '),
  'four spaces before every line (a Markdown code block)': everyLine('    '),
  'a tab before every line': everyLine('\t'),
};

function answerOf(paste: string, config: string | undefined): string {
  const result = checkPaste(index, config === undefined ? { paste } : { paste, config });
  // The fixes too: a diff of the user's YAML must edit it as it edits the YAML typed plainly.
  return `${result.verdict} ${result.matches.map((match) => `${match.id}:${match.confidence}`).join(' ')} ${JSON.stringify(result.suggestions)}`;
}

describe('text copied with typographic spaces and quotes, or under a quote or an indentation', () => {
  for (const [name, copy] of Object.entries(copies)) {
    it(`gets every example's answer with ${name}`, () => {
      const changed: string[] = [];
      const isLeadIn = name.includes('before every line');
      for (const example of examples) {
        const copied = copy(example.paste);
        if (copied === example.paste) continue;
        // A lead-in is a property of the paste; a config file given beside it is read as a file.
        const config = example.config === undefined || isLeadIn ? example.config : copy(example.config);
        const expected = answerOf(example.paste, example.config);
        const got = answerOf(copied, config);
        if (got !== expected) changed.push(`${example.title}: ${expected} → ${got}`);
      }
      expect(changed).toEqual([]);
    });
  }

  it('keeps every offset: one plain character for each typographic one', () => {
    const text = 'a\u00a0b \u201cc\u201d\n\u2018d\u2019 e\u202ff 5\u2032';
    const plain = plainTypography(text);
    expect(plain.text).toBe('a b "c"\n\'d\' e f 5\'');
    expect(plain.text.length).toBe(text.length);
    expect(plain).toMatchObject({ spaceOffsets: [1, 13], quotes: 5 });
  });

  it('returns a paste without them as it is, and says nothing', () => {
    const paste = '{"error":"MCP request failed","details":""}';
    expect(plainTypography(paste)).toEqual({ text: paste, spaceOffsets: [], quotes: 0 });
    expect(parseInput({ paste }).notes).toEqual([]);
  });

  it('tells the user that LiteLLM reads a config indented with non-breaking spaces otherwise, naming the lines', () => {
    const config = 'mcp_servers:\n\u00a0 github:\n\u00a0\u00a0\u00a0 url: https://api.githubcopilot.com/mcp\n';
    const notes = parseInput({ paste: '', config }).notes;
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('4 non-breaking spaces');
    expect(notes[0]).toContain('(lines 2, 3)');
    expect(notes[0]).toContain('`mcp_servers:` can end up empty');
    expect(parseInput({ paste: '', config }).configs[0]?.servers.map((server) => server.name)).toEqual(['github']);
    // What the CLI and /check/ show: the note survives the whole check, not only the parse.
    expect(checkPaste(index, { paste: 'MCP request failed', config }).notes).toEqual(notes);
  });

  it('names only the quotes when a paste without YAML has only quotes', () => {
    const notes = parseInput({ paste: 'Error: \u201cMCP request failed\u201d' }).notes;
    expect(notes).toEqual(['The paste holds 2 typographic quotes, read here as plain quotes (copying from a web page or a chat puts them in).']);
  });

  it("marks the user's own characters in a quoted paste, and says what it read past", () => {
    const plain = ['HTTP/1.1 500 Internal Server Error', 'content-type: application/json', '', '{"error":"MCP request failed","details":""}'].join('\n');
    const quoted = everyLine('> ')(plain);
    const markedIn = (paste: string): string[] => {
      const lines = paste.split('\n');
      return checkPaste(index, { paste }).highlights.filter((mark) => mark.input === 'paste').map((mark) => `${mark.line}: ${lines[mark.line - 1]?.slice(mark.start, mark.end)}`);
    };
    expect(markedIn(quoted)).toEqual(markedIn(plain));
    expect(markedIn(plain)).toContain('1: HTTP/1.1 500 Internal Server Error');
    expect(checkPaste(index, { paste: quoted }).notes).toContain('Every line of the paste starts with the same “>” quote marker: it was read without it.');
  });

  it("leaves curl -v's request lines, and a server block's two-space indentation, as they are", () => {
    expect(removeSharedPrefix('> POST /mcp HTTP/1.1\n> Host: litellm.example.com\n> Accept: */*').removed).toBeNull();
    expect(removeSharedPrefix('  github:\n    url: https://example.com/mcp').removed).toBeNull();
    expect(removeSharedPrefix('> $ curl -si http://localhost:4000/mcp/\n> HTTP/1.1 401 Unauthorized')).toMatchObject({ text: '$ curl -si http://localhost:4000/mcp/\nHTTP/1.1 401 Unauthorized', removed: [2, 2] });
  });
});

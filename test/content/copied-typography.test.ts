import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPages } from '../../src/catalog/read-pages.ts';
import { checkPaste, parseInput } from '../../src/engine/index.ts';
import { compileRulesAtBuild } from '../../src/catalog/analyse-pattern.ts';
import { plainTypography } from '../../src/engine/parse/plain-typography.ts';

// Text copied from a web page, Slack or a word processor: every space a non-breaking one, or every
// pair of quotes typographic. Each example must get the answer and the fixes it gets as LiteLLM printed it.
const root = resolve(import.meta.dirname, '../..');
const { pages } = readPages(resolve(root, 'content/errors'), root);
const index = compileRulesAtBuild(pages.map((entry) => entry.page));
const examples = pages.flatMap(({ page }) => page.examples);

const copies: Record<string, (text: string) => string> = {
  'non-breaking spaces': (text) => text.replace(/ /g, '\u00a0'),
  'typographic quotes': (text) => text.replace(/"([^"\n]*)"/g, '\u201c$1\u201d').replace(/'([^'\n]*)'/g, '\u2018$1\u2019'),
};

function answerOf(paste: string, config: string | undefined): string {
  const result = checkPaste(index, config === undefined ? { paste } : { paste, config });
  // The fixes too: a diff of the user's YAML must edit it as it edits the YAML typed plainly.
  return `${result.verdict} ${result.matches.map((match) => `${match.id}:${match.confidence}`).join(' ')} ${JSON.stringify(result.suggestions)}`;
}

describe('text copied with typographic spaces and quotes', () => {
  for (const [name, copy] of Object.entries(copies)) {
    it(`gets every example's answer with ${name}`, () => {
      const changed: string[] = [];
      for (const example of examples) {
        const copied = copy(example.paste);
        if (copied === example.paste) continue;
        const config = example.config === undefined ? undefined : copy(example.config);
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
    expect(plain).toMatchObject({ spaces: 2, quotes: 5, linesWithSpaces: [1, 2] });
  });

  it('returns a paste without them as it is, and says nothing', () => {
    const paste = '{"error":"MCP request failed","details":""}';
    expect(plainTypography(paste)).toEqual({ text: paste, spaces: 0, quotes: 0, linesWithSpaces: [] });
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
  });

  it('names only the quotes when a paste without YAML has only quotes', () => {
    const notes = parseInput({ paste: 'Error: \u201cMCP request failed\u201d' }).notes;
    expect(notes).toEqual(['The paste holds 2 typographic quotes, read here as plain quotes (copying from a web page or a chat puts them in).']);
  });
});

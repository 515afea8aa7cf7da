import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadIndex } from '../../src/cli/load-index.ts';
import { checkPaste } from '../../src/engine/check-paste.ts';
import { describeFact } from '../../src/engine/explain-match.ts';
import { literalsOfPattern } from '../../src/engine/fact-kinds/words.ts';
import type { RuleFact } from '../../src/engine/rule-index.ts';
import { formatCheckMarkdown, MAX_MARKDOWN_PASTE } from '../../src/site/format-issue-markdown.ts';
import { formatRulePageMarkdown } from '../../src/site/format-page-markdown.ts';
import { buildMissingPageReportUrl, MAX_REPORT_URL } from '../../src/site/report-missing-page.ts';
import { buildPasteSearchPath, distinctiveWords } from '../../src/site/search-words.ts';

const loaded = await loadIndex();
if (loaded.kind === 'failed') throw new Error(loaded.reason);
const index = loaded.index;

/** Every regex source a fact carries (patterns, header values, exception messages, `matches` tests). */
function regexSourcesOf(fact: RuleFact): string[] {
  switch (fact.kind) {
    case 'pattern':
      return [fact.pattern];
    case 'header':
    case 'request-header':
      return fact.value === undefined ? [] : [fact.value];
    case 'exception':
      return fact.message === undefined ? [] : [fact.message];
    case 'json':
    case 'config':
      return fact.test.matches === undefined ? [] : [fact.test.matches];
    case 'server-config':
      return Object.values(fact.fields).flatMap((test) => (test.matches === undefined ? [] : [test.matches]));
    default:
      return [];
  }
}

const hasRegexSyntax = (source: string): boolean => /[\\()[\]|*+?^$]/.test(source);

describe('evidence in plain words', () => {
  it('no fact of any page is described with its regular expression', () => {
    const leaks: string[] = [];
    let withRegex = 0;
    for (const page of index.pages) {
      for (const fact of [...page.signatures.flatMap((signature) => signature.facts), ...page.clues.map((clue) => clue.fact)]) {
        const words = describeFact(fact);
        for (const source of regexSourcesOf(fact).filter(hasRegexSyntax)) {
          withRegex++;
          if (words.includes(source) || /(^|\s)\/\S*[\\(|]\S*\//.test(words)) leaks.push(`${page.id}: ${words}`);
        }
      }
    }
    expect(withRegex).toBeGreaterThan(50);
    expect(leaks).toEqual([]);
  });

  it('a pattern made of literals reads as those literals; any other regex syntax is not shown', () => {
    expect(literalsOfPattern('no tools (available|found)')).toBe('“no tools available” or “no tools found”');
    expect(literalsOfPattern('^(Unauthorized|Forbidden)$')).toBe('“Unauthorized” or “Forbidden”');
    expect(literalsOfPattern('\\bMCP request failed\\b')).toBe('“MCP request failed”');
    expect(literalsOfPattern('Server error \'5\\d\\d ')).toBeUndefined();
    expect(literalsOfPattern('a|b|c|d|e')).toBeUndefined();
  });

  it('statuses and JSON paths read as words', () => {
    expect(describeFact({ kind: 'status', status: 401 })).toBe('the response status is 401 (Unauthorized)');
    expect(describeFact({ kind: 'json', path: 'result.tools', test: { equals: [] } })).toBe('the JSON field `tools` under `result` is an empty list');
    expect(describeFact({ kind: 'json', path: 'authorization_servers.*', test: { matches: '^http://(localhost|127\\.)' } })).toBe(
      'every item of `authorization_servers` has the value this page describes',
    );
  });

  it('a matched pattern quotes the user’s own words, masked', () => {
    const result = checkPaste(index, { paste: readFileSync('test/fixtures/cli/github-issue-body.md', 'utf8') });
    const says = result.matches.flatMap((match) => match.evidence.map((piece) => piece.says));
    expect(says.some((text) => text.includes('It says “MCP request failed”'))).toBe(true);
    expect(says.join('\n')).not.toContain('sk-acme-0a1b2c3d4e5f9999');
  });
});

describe('the GitHub Markdown', () => {
  const issue = readFileSync('test/fixtures/cli/github-issue-body.md', 'utf8');

  it('links the page at its signature, and masks the paste in a fence no backtick run can close', () => {
    const paste = `${issue}\n\`\`\`\`\nAuthorization: Bearer sk-live-9f8e7d6c5b4a39281706QRST\n`;
    const markdown = formatCheckMarkdown(checkPaste(index, { paste }), paste);
    expect(markdown).toMatch(/\]\(https:\/\/mcpfix\.dev\/errors\/[a-z0-9-]+\/#sig-[a-z0-9-]+\)/);
    expect(markdown).not.toContain('sk-live-9f8e7d6c5b4a39281706QRST');
    expect(markdown).toContain('`````text\n');
    expect(markdown.trimEnd().endsWith('`````\n\n</details>')).toBe(true);
  });

  it('cuts a paste longer than a GitHub comment allows, and says so', () => {
    const paste = `${issue}\n${'INFO: uvicorn noise line\n'.repeat(2_000)}`;
    const markdown = formatCheckMarkdown(checkPaste(index, { paste }), paste);
    expect(markdown.length).toBeLessThan(MAX_MARKDOWN_PASTE + 5_000);
    expect(markdown).toMatch(/\(cut to the first 20,000 of [\d,]+ characters\)/);
  });

  it('every page’s copy names its first signature’s anchor, the signature, a fix and the versions', () => {
    for (const page of index.pages) {
      const markdown = formatRulePageMarkdown(page);
      expect(markdown, page.id).toContain(`(https://mcpfix.dev/errors/${page.id}/#sig-${page.signatures[0]?.id})`);
      expect(markdown, page.id).toContain('**Signature:** `');
      expect(markdown, page.id).toMatch(/\*\*Fix:\*\*\n\n1\. /);
      expect(markdown, page.id).toContain('**Affected:**');
    }
  });
});

describe('no dead ends', () => {
  it('the search words skip hosts, secrets, numbers and filler', () => {
    const words = distinctiveWords('INFO 2026-01-02 request to https://llm.acme.test/x\nERROR: upstream refused token=sk-abc123456789 for server gdrive (403)');
    expect(words).toBe('upstream refused server gdrive request');
    expect(buildPasteSearchPath('12345 678')).toBe('/search/');
    expect(buildPasteSearchPath('Connection refused by gateway')).toBe('/search/?q=Connection+refused+gateway');
  });

  it('the search words are those of the error lines first, then the rest, as the plain two-list definition picks them', () => {
    const COMMON = /^(the|and|for|with|error|errors|traceback|line|file)$/i;
    const ERRORISH = /error|exception|fail|denied|invalid|unauthori[sz]ed|forbidden|missing|refused|timeout|timed out|not found|cannot|could not|unable/i;
    // The definition, written the plain way: every line split, trimmed, error lines listed first.
    const plain = (paste: string): string[] => {
      const lines = paste.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
      const ordered = [...lines.filter((line) => ERRORISH.test(line)), ...lines.filter((line) => !ERRORISH.test(line))];
      return ordered.flatMap((line) => line.replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, ' ').replace(/\b\S+=\S+/g, ' ').match(/[A-Za-z][A-Za-z_'-]{2,}[A-Za-z]/g) ?? []);
    };
    const word = fc.constantFrom('upstream', 'Refused', 'gateway', 'error', 'failed', 'oauth', 'session', 'the', 'token=abc', 'https://x.test/y', 'timeout', 'server', 'listing', 'Denied', 'scope', 'bridge');
    const paste = fc.array(fc.array(word, { maxLength: 5 }).map((words) => words.join(' ')), { maxLength: 12 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(paste, (text) => {
        const picked = distinctiveWords(text).split(' ').filter((each) => each !== '');
        const candidates = plain(text).filter((each) => !COMMON.test(each));
        const firstSeen = candidates.filter((each, at) => candidates.findIndex((other) => other.toLowerCase() === each.toLowerCase()) === at);
        expect(picked).toEqual(firstSeen.slice(0, 8));
      }),
      { numRuns: 300 },
    );
  });

  it('the report link stays under 8,000 characters with the masked paste cut to fit, and says so', () => {
    const secret = 'sk-live-9f8e7d6c5b4a39281706QRST';
    const url = buildMissingPageReportUrl(`Authorization: Bearer ${secret}\n${'weird failure ü → '.repeat(3_000)}`, 'nothing');
    expect(url.length).toBeLessThanOrEqual(MAX_REPORT_URL);
    expect(url.startsWith('https://github.com/mcpfix/mcpfix/issues/new?')).toBe(true);
    const body = new URL(url).searchParams.get('body') ?? '';
    expect(body).not.toContain(secret);
    expect(body).toMatch(/cut to [\d,]+ of [\d,]+ characters/);
    const short = new URL(buildMissingPageReportUrl('odd error', 'unsure')).searchParams.get('body') ?? '';
    expect(short).toContain('```text\nodd error\n```');
    expect(short).not.toContain('cut to');
  });
});

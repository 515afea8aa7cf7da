import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPages } from '../../src/catalog/read-pages.ts';
import { checkPaste, type CheckResult } from '../../src/engine/index.ts';
import { MAX_MATCHES } from '../../src/engine/check-paste.ts';
import { MAX_SHAPE_PAGES } from '../../src/engine/rank-config-only.ts';
import { MAX_LEXICAL } from '../../src/engine/rank-lexical.ts';
import { compileRulesAtBuild } from '../../src/catalog/analyse-pattern.ts';

const root = resolve(import.meta.dirname, '../..');
const { pages } = readPages(resolve(root, 'content/errors'), root);
const index = compileRulesAtBuild(pages.map((entry) => entry.page));
const examples = pages.flatMap((p) => p.page.examples.map((e) => e.paste));

// What every answer keeps, whatever the paste. When a signature matched, the pages it and the
// config found are in score order (rank-matches.ts, point 6), MAX_MATCHES at most; when none did,
// at most MAX_LEXICAL possible pages come in the order that weighs words and config clues together,
// so their scores need not fall. Either way the pages of a shared config shape may follow, since
// none of a shape's pages may be named before the others (rank-config-only.ts).
function expectWellFormed(result: CheckResult): void {
  expect(['confident', 'unsure', 'nothing']).toContain(result.verdict);
  const inShape = new Set(result.configShape?.pages ?? []);
  const named = result.matches.filter((match) => !inShape.has(match.id));
  const signatureMatched = result.matches.some((match) => match.possible === undefined);
  expect(named.length).toBeLessThanOrEqual(signatureMatched ? MAX_MATCHES : MAX_LEXICAL);
  expect(result.matches.length - named.length).toBeLessThanOrEqual(MAX_SHAPE_PAGES);
  expect(new Set(result.matches.map((match) => match.id)).size).toBe(result.matches.length);
  if (signatureMatched) {
    for (let i = 1; i < named.length; i++) expect(named[i - 1]?.score).toBeGreaterThanOrEqual(named[i]?.score ?? Infinity);
  }
  if (result.verdict === 'confident') expect(result.matches[0]?.confidence).toBe('high');
  if (result.verdict === 'nothing') expect(result.matches).toEqual([]);
}

describe('checkPaste on arbitrary input', () => {
  it('never throws on arbitrary strings and arbitrary configs', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.option(fc.string({ maxLength: 300 }), { nil: undefined }), (paste, config) => {
        expectWellFormed(checkPaste(index, config === undefined ? { paste } : { paste, config }));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on mangled real examples with YAML-ish configs', () => {
    const yamlish = fc.array(fc.constantFrom('mcp_servers:', '  a:', '    url: x', '    extra_headers: [Authorization]', '  - b', ': :', '{', '"', '\t', 'auth_type: oauth2', '&a *a', '!!binary', '<<: *x'), { maxLength: 8 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(fc.constantFrom(...examples), fc.nat(), fc.nat(), fc.string({ maxLength: 20 }), yamlish, (paste, at, cut, insert, config) => {
        const start = at % (paste.length + 1);
        const mangled = paste.slice(0, start) + insert + paste.slice(Math.min(paste.length, start + (cut % 40)));
        expectWellFormed(checkPaste(index, { paste: mangled, config }));
      }),
      { numRuns: 300 },
    );
  });

  it('lets the pages of a config shape follow the five pages named on their own evidence', () => {
    // Found by fast-check (seed 1677449258): a report whose one literal is broken by a space still
    // names five pages by parts of signatures, and its config's shape adds one more.
    const paste = [
      'Claude Code lists the tools of our gmail server fine (oauth_delegate), but about half of the',
      "t ool 'search_threads' not found",
      '',
      'mcp_servers:',
      '  gmail:',
      '    url: https://gmail-mcp.internal.example.com/mcp',
      '    transport: http',
      '    auth_type: oauth_delegate',
    ].join('\n');
    const result = checkPaste(index, { paste, config: '' });
    expectWellFormed(result);
    expect(result.configShape).not.toBeNull();
  });

  it('tolerates inputs that are not what the types say', () => {
    expectWellFormed(checkPaste(index, { paste: null as unknown as string }));
    expectWellFormed(checkPaste(index, undefined as unknown as { paste: string }));
    expectWellFormed(checkPaste({ version: 1, pages: null } as unknown as typeof index, { paste: 'MCP request failed' }));
  });

  it('returns on a 10 MB paste', () => {
    const block = `${examples.join('\n')}\n`;
    const paste = block.repeat(Math.ceil(10_000_000 / block.length)).slice(0, 10_000_000);
    expectWellFormed(checkPaste(index, { paste }));
  }, 120_000);

  it('returns on a 10 MB single line', () => {
    expectWellFormed(checkPaste(index, { paste: `{"error":"MCP request failed","details":"${'a'.repeat(10_000_000)}` }));
  }, 120_000);
});

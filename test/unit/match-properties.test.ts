import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPages } from '../../src/catalog/read-pages.ts';
import { checkPaste, type CheckResult } from '../../src/engine/index.ts';
import { compileRulesAtBuild } from '../../src/catalog/analyse-pattern.ts';

const root = resolve(import.meta.dirname, '../..');
const { pages } = readPages(resolve(root, 'content/errors'), root);
const index = compileRulesAtBuild(pages.map((entry) => entry.page));
const examples = pages.flatMap((p) => p.page.examples.map((e) => e.paste));

function expectWellFormed(result: CheckResult): void {
  expect(['confident', 'unsure', 'nothing']).toContain(result.verdict);
  expect(result.matches.length).toBeLessThanOrEqual(5);
  for (let i = 1; i < result.matches.length; i++) {
    expect(result.matches[i - 1]?.score).toBeGreaterThanOrEqual(result.matches[i]?.score ?? Infinity);
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

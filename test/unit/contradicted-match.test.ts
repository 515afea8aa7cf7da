import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPages } from '../../src/catalog/read-pages.ts';
import { compileRulesAtBuild } from '../../src/catalog/analyse-pattern.ts';
import { checkPaste } from '../../src/engine/index.ts';
import { decidedByOf, describeConfidence } from '../../src/site/verdict-words.ts';

const root = resolve(import.meta.dirname, '../..');
const { pages } = readPages(resolve(root, 'content/errors'), root);
const index = compileRulesAtBuild(pages.map((entry) => entry.page));

describe('a whole signature with something in the paste against it', () => {
  // Issue #31179's access log: every bare /mcp got its 307, and the client followed each one to
  // /mcp/ and was answered 200 and 202. The 307 page's signature holds; its page is not the failure.
  const paste = readFileSync(resolve(root, 'test/fixtures/negative/litellm-access-log-redirect-followed.txt'), 'utf8');

  it('is not answered high, and says what speaks against it', () => {
    const result = checkPaste(index, { paste });
    expect(result.verdict).toBe('unsure');
    const top = result.matches[0];
    expect(top).toMatchObject({ id: 'mcp-path-without-trailing-slash-redirected', confidence: 'medium' });
    expect(top?.evidence.find((item) => item.kind === 'contradiction')?.excerpt).toContain('"POST /mcp/ HTTP/1.1" 200 OK');
  });

  it('gives the contradiction as the reason for its confidence, not a rival page', () => {
    const top = checkPaste(index, { paste }).matches[0];
    expect(describeConfidence('medium', decidedByOf(top!))).toBe(
      'Possibly: a whole signature matched, but the evidence also holds something against this page (marked “against”)',
    );
  });

  it('stays high when the client never reached /mcp/', () => {
    const failing = paste.split('\n').filter((line) => !line.includes('"POST /mcp/ ')).join('\n');
    const result = checkPaste(index, { paste: failing });
    expect(result.matches[0]).toMatchObject({ id: 'mcp-path-without-trailing-slash-redirected', confidence: 'high' });
  });
});

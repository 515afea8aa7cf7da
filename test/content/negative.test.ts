import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPages } from '../../src/catalog/read-pages.ts';
import { checkPaste } from '../../src/engine/index.ts';
import { compileRulesAtBuild } from '../../src/catalog/analyse-pattern.ts';

// Pastes that are not MCP gateway failures (other LiteLLM errors, other services, prose, junk):
// the checker must not claim to know them.
const root = resolve(import.meta.dirname, '../..');
const { pages } = readPages(resolve(root, 'content/errors'), root);
const index = compileRulesAtBuild(pages.map((entry) => entry.page));
const folder = resolve(root, 'test/fixtures/negative');
const fixtures = readdirSync(folder).sort();

function read(name: string): string {
  // Binary junk is read byte for byte, as a browser would hand it over after a bad paste.
  return name.endsWith('.bin') ? readFileSync(join(folder, name), 'latin1') : readFileSync(join(folder, name), 'utf8');
}

describe('the negative corpus', () => {
  it('holds the expected kinds of paste', () => {
    expect(fixtures).toEqual(
      expect.arrayContaining(['bedrock-throttling-litellm-log.txt', 'router-fallback-log.txt', 'openai-429.txt', 'kubernetes-crashloopbackoff.txt', 'random-prose.txt', 'empty.txt', 'binary-junk.bin']),
    );
  });

  for (const name of fixtures) {
    it(`${name} gets no confident match and says what to paste instead`, () => {
      const result = checkPaste(index, { paste: read(name) });
      const ranking = result.matches.map((m) => `${m.id} ${m.score} ${m.confidence}`).join('; ');
      expect(result.verdict, ranking).not.toBe('confident');
      expect(result.matches.some((m) => m.confidence === 'high'), ranking).toBe(false);
      expect(result.suggestions).toEqual([]);
      expect(result.nextSteps.length).toBeGreaterThan(0);
    });
  }

  it('an empty paste matches nothing at all', () => {
    const result = checkPaste(index, { paste: '' });
    expect(result.verdict).toBe('nothing');
    expect(result.matches).toEqual([]);
  });
});

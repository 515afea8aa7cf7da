import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPages } from '../../src/catalog/read-pages.ts';
import { NEGATIVE_SOURCES_FILE, readNegativeCorpus } from '../../src/catalog/read-negative-corpus.ts';
import { checkPaste } from '../../src/engine/index.ts';
import { compileRulesAtBuild } from '../../src/catalog/analyse-pattern.ts';

// Pastes that are not MCP gateway failures (other MCP servers and gateways, MCP clients against
// plain servers, LiteLLM's non-MCP errors, unrelated output, prose and junk): the checker must not
// claim to know them, and no page may keep turning up for them.
const root = resolve(import.meta.dirname, '../..');
const { pages } = readPages(resolve(root, 'content/errors'), root);
const index = compileRulesAtBuild(pages.map((entry) => entry.page));
const folder = resolve(root, 'test/fixtures/negative');
const corpus = readNegativeCorpus(folder);
const results = corpus.map(({ name, paste }) => ({ name, result: checkPaste(index, { paste }) }));

/** The most a page may appear among the first three answers, as a share of the corpus (issue 11 item 6). */
const MAX_TOP3_SHARE = 0.05;
/** The most pastes that may be answered `high`, as a share of the corpus (issue 11 item 5). */
const MAX_HIGH_SHARE = 0.03;

describe('the negative corpus', () => {
  it('holds at least 100 pastes of the kinds users paste, each with its source listed', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(100);
    const names = corpus.map((entry) => entry.name);
    const kinds = ['fastmcp-own-307-redirect.txt', 'other-gateway-missing-session-id.txt', 'claude-code-plain-server-401.txt', 'bedrock-throttling-litellm-log.txt'];
    expect(names).toEqual(expect.arrayContaining([...kinds, 'litellm-models-only-config.yaml', 'random-prose.txt', 'empty.txt', 'binary-junk.bin']));
    const sources = readFileSync(resolve(folder, NEGATIVE_SOURCES_FILE), 'utf8');
    const missing = names.filter((name) => !sources.includes(`| \`${name}\` |`));
    expect(missing).toEqual([]);
  });

  it(`answers high for at most ${MAX_HIGH_SHARE * 100}% of the pastes`, () => {
    const high = results
      .filter(({ result }) => result.matches[0]?.confidence === 'high')
      .map(({ name, result }) => `${name} → ${result.matches[0]?.id}`);
    expect(high.length / corpus.length, high.join('\n')).toBeLessThanOrEqual(MAX_HIGH_SHARE);
  });

  it(`puts no page among the first three for more than ${MAX_TOP3_SHARE * 100}% of the pastes`, () => {
    const count = new Map<string, string[]>();
    for (const { name, result } of results) for (const match of result.matches.slice(0, 3)) count.set(match.id, [...(count.get(match.id) ?? []), name]);
    const over = [...count].filter(([, names]) => names.length / corpus.length > MAX_TOP3_SHARE).map(([id, names]) => `${id}: ${names.length} (${names.join(', ')})`);
    expect(over, over.join('\n')).toEqual([]);
  });

  for (const { name, result } of results) {
    it(`${name} gets no confident match and says what to paste instead`, () => {
      const ranking = result.matches.map((m) => `${m.id} ${m.score} ${m.confidence}`).join('; ');
      expect(result.verdict, ranking).not.toBe('confident');
      expect(result.matches.some((m) => m.confidence === 'high'), ranking).toBe(false);
      expect(result.suggestions).toEqual([]);
      expect(result.nextSteps.length, ranking).toBeGreaterThan(0);
    });
  }

  it('an empty paste matches nothing at all', () => {
    const result = checkPaste(index, { paste: '' });
    expect(result.verdict).toBe('nothing');
    expect(result.matches).toEqual([]);
  });
});

import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPages } from '../../src/catalog/read-pages.ts';
import { checkPaste, type CheckResult } from '../../src/engine/index.ts';
import { compileRulesAtBuild } from '../../src/catalog/analyse-pattern.ts';

// Every page's examples are tests: each paste (with its config) must lead the checker to that
// page first, with high confidence unless nothing in it shows LiteLLM (a client's message alone,
// which any MCP server's failure prints the same) or only a reporter's description of the symptom
// matched (a `describes` signature): then medium, with what to paste next.
// Generated from content/errors, so new pages are covered as they land.
const root = resolve(import.meta.dirname, '../..');
const { pages } = readPages(resolve(root, 'content/errors'), root);
const index = compileRulesAtBuild(pages.map((entry) => entry.page));

/** Whether the checker said that only a client's or an MCP SDK's message matched, with no evidence of LiteLLM. */
function isClientOnly(result: CheckResult): boolean {
  return result.notes.some((note) => note.startsWith('Only what the client printed matched') || note.startsWith("Only an answer of the MCP SDK's own server transport"));
}

/** Whether the checker said that only a description of the symptom matched, not output. */
function isDescriptionOnly(result: CheckResult): boolean {
  return result.notes.some((note) => note.startsWith('The paste matched how people describe this failure'));
}

describe('every example of every page', () => {
  it('has pages to check', () => {
    expect(pages.length).toBeGreaterThan(0);
  });

  for (const { id, page } of pages) {
    for (const example of page.examples) {
      it(`"${id}: ${example.title}" ranks its page first`, () => {
        const result = checkPaste(index, example.config === undefined ? { paste: example.paste } : { paste: example.paste, config: example.config });
        const ranking = result.matches.map((m) => `${m.id} ${m.score} ${m.confidence}`).join('; ') || '(no match)';
        expect(result.matches[0]?.id, ranking).toBe(id);
        if (isClientOnly(result)) {
          // Only a client's words: likely, not certain, and the checker asks for more (issue 11 item 6).
          expect(result.matches[0]?.confidence, ranking).toBe('medium');
          expect(result.nextSteps.length).toBeGreaterThan(0);
        } else if (isDescriptionOnly(result)) {
          // A reporter's words: likely, not certain, and the first step asks for the output itself.
          expect(result.matches[0]?.confidence, ranking).toBe('medium');
          expect(result.nextSteps[0]).toMatch(/^You described the symptom; paste what was printed/);
        } else {
          expect(result.matches[0]?.confidence, ranking).toBe('high');
          expect(result.verdict).toBe('confident');
        }
      });
    }
  }
});

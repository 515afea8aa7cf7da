import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPages } from '../../src/catalog/read-pages.ts';

// Each page explains its own failure: a paragraph of 20+ words copied onto another page means
// one of them explains the wrong thing (or both should link to each other instead).
const root = resolve(import.meta.dirname, '../..');
const { pages } = readPages(resolve(root, 'content/errors'), root);

/** The prose paragraphs of an MDX body: code blocks, YAML, imports, tables and headings left out, whitespace normalised. */
export function paragraphsOf(body: string): string[] {
  const withoutCode = body.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  return withoutCode
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .split('\n')
        .filter((line) => !/^\s*(#|\||import |export |<|---)/.test(line))
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((paragraph) => paragraph.split(' ').length >= 20);
}

describe('page bodies', () => {
  it('reads prose paragraphs and skips code blocks', () => {
    const long = 'word '.repeat(25).trim();
    expect(paragraphsOf(`## Heading\n\n${long}\n\n\`\`\`yaml\n${long}\n\`\`\`\n\nshort one\n`)).toEqual([long]);
  });

  it('share no paragraph of 20 or more words', () => {
    const owners = new Map<string, string>();
    const shared: string[] = [];
    for (const { id, body } of pages) {
      for (const paragraph of new Set(paragraphsOf(body))) {
        const key = paragraph.toLowerCase();
        const owner = owners.get(key);
        if (owner && owner !== id) shared.push(`${owner} and ${id}: "${paragraph.slice(0, 80)}…"`);
        else owners.set(key, id);
      }
    }
    expect(shared).toEqual([]);
  });
});

import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPages } from '../../src/catalog/read-pages.ts';
import { detectProduct, type ProductSeen } from '../../src/engine/detect-product.ts';
import { parseInput } from '../../src/engine/parse-input.ts';
import { rankLexical } from '../../src/engine/rank-lexical.ts';
import { storeLines } from '../../src/engine/line-store.ts';
import { compileRulesAtBuild } from '../../src/catalog/analyse-pattern.ts';

// detectProduct and rankLexical read a paste as one text instead of line by line, so that a paste
// of millions of short lines costs a few regex passes. These tests hold each to the plain
// line-by-line definition it replaced, on pastes built from the pieces the scans look for.
const root = resolve(import.meta.dirname, '../..');
const { pages } = readPages(resolve(root, 'content/errors'), root);
const index = compileRulesAtBuild(pages.map((entry) => entry.page));

const LITELLM_MARKERS = [/\blitellm\b/i, /\bx-litellm-/i, /\/mcp-rest\//i, /\/v1\/mcp\//i, /:4000\b/];
const OTHER_MARKERS = [
  { name: 'a FastMCP server', pattern: /\bFastMCP\b|Starting MCP server '[^']+' with transport/ },
  { name: 'the Docker MCP Gateway', pattern: /\bdocker mcp gateway\b/i },
  { name: 'ToolHive', pattern: /\btoolhive\b|\bthv proxy\b/i },
  { name: 'agentgateway', pattern: /\bagentgateway\b/i },
  { name: 'MetaMCP', pattern: /\bmetamcp\b/i },
  { name: 'IBM ContextForge MCP Gateway', pattern: /\bcontextforge\b|\bmcpgateway\.main\b/i },
  { name: 'mcp-proxy', pattern: /\bmcp-proxy\b/i },
  { name: 'another (Go) service', pattern: /\blevel=(?:debug|info|warn|warning|error)\b.*\bmsg=/i },
];

// The definition: the first line holding any LiteLLM marker, else the first holding another product's.
function productLineByLine(lines: readonly string[]): ProductSeen {
  for (const text of lines) for (const marker of LITELLM_MARKERS) if (marker.test(text)) return { product: 'litellm', from: marker.exec(text)?.[0] ?? '' };
  for (const text of lines) {
    for (const { name, pattern } of OTHER_MARKERS) {
      const found = pattern.exec(text);
      if (found) return { product: 'other', name, from: found[0].length > 60 ? `${found[0].slice(0, 60)}…` : found[0] };
    }
  }
  return { product: 'unknown' };
}

// The definition: each word's first line, and whether it was ever written as code, line by line.
function wordsLineByLine(lines: readonly string[]): { first: Map<string, number>; code: Set<string> } {
  const first = new Map<string, number>();
  const code = new Set<string>();
  lines.forEach((text, at) => {
    for (const token of text.matchAll(/[A-Za-z][\w./-]*/g)) {
      const raw = token[0].replace(/[./-]+$/, '');
      const isCode = /[_./]|[a-z][A-Z]|\d/.test(raw) || token[0].endsWith('/');
      for (const found of raw.toLowerCase().matchAll(/[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*/g)) {
        if (found[0].length < 4) continue;
        if (!first.has(found[0])) first.set(found[0], at);
        if (isCode) code.add(found[0]);
      }
    }
  });
  return { first, code };
}

// Pieces that straddle the line breaks the joined text puts between lines: marker halves, ports,
// quotes the FastMCP banner pattern could run across, and words of the pages.
const piece = fc.constantFrom(
  'litellm', 'LiteLLM', 'x-litellm-key', '/mcp-rest/tools', '/v1/mcp/', ':4000', ':40001', 'FastMCP', "Starting MCP server 'a", "' with transport", 'docker mcp gateway',
  'thv proxy', 'level=info', 'msg=hi', 'metamcp', 'mcp-proxy', 'contextforge', 'x', ' ', '', 'spec_path', 'os.environ/', 'extra_headers', 'oauth2', 'ClosedResourceError', 'toolhive',
);
const lineOf = fc.array(piece, { maxLength: 4 }).map((parts) => parts.join(''));
const pasteLines = fc.array(lineOf, { minLength: 1, maxLength: 12 });

describe('scans of the whole paste', () => {
  it('detectProduct names the product the line-by-line search names', () => {
    fc.assert(
      fc.property(pasteLines, (lines) => {
        const evidence = parseInput({ paste: lines.join('\n') });
        const pasted = evidence.lines.toArray().filter((line) => line.input === 'paste').map((line) => line.text);
        expect(detectProduct(evidence)).toEqual(productLineByLine(pasted));
      }),
      { numRuns: 400 },
    );
  });

  it('rankLexical finds the pages, words and first lines the line-by-line word scan finds', () => {
    fc.assert(
      fc.property(pasteLines, (texts) => {
        const lines = texts.map((text, at) => ({ input: 'paste' as const, line: at + 1, text, place: 'any' as const }));
        const { first } = wordsLineByLine(texts);
        for (const found of rankLexical(index, storeLines(lines), index.pages.length)) {
          for (const word of found.words) expect(first.has(word)).toBe(true);
          const earliest = Math.min(...found.words.map((word) => first.get(word) as number));
          expect(found.at.line).toBe(earliest + 1);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('rankLexical scores a paste the same whether its words share one line or sit on many', () => {
    const text = 'spec_path os.environ/ extra_headers ClosedResourceError oauth2';
    const one = rankLexical(index, storeLines([{ input: 'paste', line: 1, text, place: 'any' }]), index.pages.length);
    const many = rankLexical(index, storeLines(text.split(' ').map((word, at) => ({ input: 'paste' as const, line: at + 1, text: word, place: 'any' as const }))), index.pages.length);
    expect(one.length).toBeGreaterThan(0);
    expect(many.map((found) => [found.page.id, found.score, found.words])).toEqual(one.map((found) => [found.page.id, found.score, found.words]));
  });
});

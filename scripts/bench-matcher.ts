/**
 * Matcher benchmark: prints throughput in MB/s for 1 KB, 100 KB and 10 MB pastes against the real
 * rule index and against 1,000 generated pages, split into parsing (parseInput), matching
 * (matchEvidence on parsed evidence) and the whole checkPaste; and the index size per page, raw
 * and gzip. No asserts: the figures are for reading (aim: ≥ 50 MB/s, ≤ 2 KB gzip per page).
 *
 * Usage: node scripts/bench-matcher.ts
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { readPages } from '../src/catalog/read-pages.ts';
import { checkPaste, compileRules, matchEvidence, parseInput, type RuleIndex } from '../src/engine/index.ts';
import { generateBenchPages } from './generate-bench-pages.ts';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const { pages } = readPages(resolve(root, 'content/errors'), root);
const realIndex = compileRules(pages.map((entry) => entry.page));
const syntheticIndex = compileRules(generateBenchPages(1000));

// Pastes are made of the real examples (the kind of text the checker meets) and ordinary log
// noise, cut to size.
const noise = [
  '10:02:11 - LiteLLM Proxy:DEBUG: proxy_server.py:2110 - Request received by LiteLLM: {"model":"gpt-4o","messages":[{"role":"user","content":"hello"}]}',
  'INFO:     10.0.0.12:51234 - "POST /chat/completions HTTP/1.1" 200 OK',
  '10:02:12 - LiteLLM Router:INFO: router.py:1104 - litellm.acompletion(model=azure/gpt-4o) 200 OK',
];
const corpus = `${[...pages.flatMap((p) => p.page.examples.map((e) => e.paste)), ...noise].join('\n')}\n`;

function pasteOf(bytes: number): string {
  return corpus.repeat(Math.ceil(bytes / corpus.length)).slice(0, bytes);
}

function time(run: () => void, minMs: number): number {
  run();
  let runs = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    run();
    runs++;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return elapsed / runs;
}

function mbps(bytes: number, ms: number): string {
  return ((bytes / 1e6) / (ms / 1000)).toFixed(1).padStart(8);
}

function bench(name: string, index: RuleIndex): void {
  console.log(`\n${name}: ${index.pages.length} pages`);
  console.log('  paste      parse MB/s   match MB/s   checkPaste MB/s   checkPaste ms');
  for (const [label, bytes] of [['1 KB', 1_000], ['100 KB', 100_000], ['10 MB', 10_000_000]] as const) {
    const paste = pasteOf(bytes);
    const minMs = bytes >= 10_000_000 ? 1 : 500;
    const evidence = parseInput({ paste });
    const parseMs = time(() => parseInput({ paste }), minMs);
    const matchMs = time(() => matchEvidence(index, evidence), minMs);
    const totalMs = time(() => checkPaste(index, { paste }), minMs);
    console.log(`  ${label.padEnd(8)} ${mbps(bytes, parseMs)}     ${mbps(bytes, matchMs)}     ${mbps(bytes, totalMs)}          ${totalMs.toFixed(1).padStart(8)}`);
  }
  const json = JSON.stringify(index);
  const gzip = gzipSync(json).length;
  const per = (n: number): string => `${(n / Math.max(1, index.pages.length) / 1024).toFixed(2)} KB`;
  console.log(`  index: ${(json.length / 1024).toFixed(1)} KB raw (${per(json.length)} per page), ${(gzip / 1024).toFixed(1)} KB gzip (${per(gzip)} per page)`);
}

bench('real index (content/errors)', realIndex);
bench('generated index', syntheticIndex);

/**
 * Generates synthetic compiled-rule pages for the matcher benchmark: pages shaped like the real
 * ones (a literal, a pattern with variable parts, a status + JSON + server-config signature, and
 * clues), each with its own words so that the index grows the way a large catalogue would.
 * Deterministic: page n is always the same.
 */
import type { RulePageSource } from '../src/engine/rule-index.ts';

const VOCABULARY = [
  'upstream', 'gateway', 'session', 'transport', 'handshake', 'registry', 'credential', 'scope', 'listing', 'endpoint',
  'manifest', 'discovery', 'metadata', 'callback', 'allowlist', 'prefix', 'timeout', 'refresh', 'bridge', 'replica',
];

// A small deterministic generator (xorshift): the bench must not depend on a clock or Math.random.
export function random(seed: number): () => number {
  let state = seed * 2654435761 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

/** `count` synthetic pages, ids `bench-page-0000`…, shaped like real pages. */
export function generateBenchPages(count: number): RulePageSource[] {
  const pages: RulePageSource[] = [];
  for (let n = 0; n < count; n++) {
    const next = random(n + 1);
    const pick = (): string => VOCABULARY[Math.floor(next() * VOCABULARY.length)] ?? 'gateway';
    const code = `e${n.toString(36)}x`;
    const literal = `MCP ${pick()} ${code} failed while ${pick()} ${pick()}`;
    const field = `${pick()}_${code}`;
    pages.push({
      id: `bench-page-${String(n).padStart(4, '0')}`,
      title: `Synthetic failure ${n}: the ${pick()} breaks`,
      summary: `A generated page for the matcher benchmark, number ${n}, shaped like a real failure mode.`,
      area: 'tool-listing',
      hop: 'gateway-upstream',
      status: 'bug',
      retired: false,
      relatedErrors: [],
      signatures: [
        { id: 'literal', text: literal, where: 'log', weight: 1.5, facts: [{ kind: 'text', text: literal }] },
        {
          id: 'pattern',
          text: `${code} ${pick()} <name> not ready`,
          where: 'log',
          weight: 1,
          facts: [{ kind: 'pattern', pattern: `${code} ${pick()} (\\S+) not (ready|found)`, in: ['log', 'traceback'] }],
        },
        {
          id: 'shape',
          text: `HTTP/1.1 ${500 + (n % 4)} … {"error":"${code}"}`,
          where: 'body',
          weight: 1.2,
          facts: [
            { kind: 'status', status: 500 + (n % 4) },
            { kind: 'json', path: 'error', test: { equals: code } },
            { kind: 'server-config', fields: { [field]: { present: true } } },
          ],
        },
      ],
      clues: [
        { fact: { kind: 'request-header', name: `x-${code}` }, weight: 1, says: 'The request carried the synthetic header of this page.' },
        { fact: { kind: 'exception', type: `${code.toUpperCase()}Error`, message: pick() }, weight: 1.5, says: 'The synthetic exception of this page was raised.' },
        { fact: { kind: 'header', name: 'x-mcp-debug-synthetic', value: code }, weight: -1, says: 'A debug header that rules this synthetic page out.' },
      ],
      fixes: [
        { kind: 'config', title: `Set ${field} on the server`, changes: [{ op: 'set', path: `mcp_servers.<server>.${field}`, value: true }] },
        { kind: 'upgrade', title: 'Upgrade to the synthetic fix', version: '1.90.0', pr: 40000 + n },
      ],
    });
  }
  return pages;
}

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatProblems } from '../../src/catalog/format-issue.ts';
import { validateContent } from '../../src/catalog/validate-content.ts';
import { checkRegexSafety, checkStatusBoundaries } from '../../src/catalog/check-regex-safety.ts';
import { checkWordBoundaries } from '../../src/catalog/check-word-boundaries.ts';
import { parsePagePattern, parsePatternOnce } from '../../src/catalog/parse-page-pattern.ts';
import { parseRegex } from '../../src/catalog/regex-syntax.ts';
import type { Evidence } from '../../src/engine/evidence.ts';
import { storeLines } from '../../src/engine/line-store.ts';
import { createFactMatcher } from '../../src/engine/match-fact.ts';
import { normalizeForMatch } from '../../src/engine/normalize.ts';
import { prepareIndex, safeWordsOfLiteral } from '../../src/engine/prepare-rules.ts';
import type { RuleFact, RuleIndex, RulePageSource } from '../../src/engine/rule-index.ts';
import { viewEvidence } from '../../src/engine/view-evidence.ts';
import { readRuleIndex } from '../../src/engine/read-rule-index.ts';
import { compileRulesAtBuild, requiredRunsOfPattern, safeWordsOfPattern } from '../../src/catalog/analyse-pattern.ts';

const root = resolve(import.meta.dirname, '../..');

// A page as the compiler reads it: nothing but what a test sets.
function pageSource(id: string, overrides: Partial<RulePageSource> = {}): RulePageSource {
  return { id, title: id.toUpperCase(), summary: 's', area: 'a', hop: 'h', status: 'bug', retired: false, relatedErrors: [], clues: [], fixes: [], signatures: [], ...overrides };
}

function indexOf(facts: RuleFact[]): RuleIndex {
  return compileRulesAtBuild([pageSource('p', { signatures: facts.map((fact, i) => ({ id: `s${i}`, text: 'x', where: 'any', weight: 1, facts: [fact] })) })]);
}

function linesEvidence(lines: string[]): Evidence {
  return {
    lines: storeLines(lines.map((text, i) => ({ input: 'paste', line: i + 1, text, place: 'any' }))),
    responses: [],
    requests: [],
    statuses: [],
    json: [],
    exceptions: [],
    configs: [],
    notes: [],
  };
}

describe('compileRules', () => {
  it('sorts pages by id, adds their URL and folds text facts to the normalised form', () => {
    const index = compileRulesAtBuild([
      pageSource('zeta'),
      pageSource('alpha', {
        signatures: [{ id: 's', text: 'x', where: 'body', weight: 1, facts: [{ kind: 'text', text: '{"Error":  "MCP Request Failed"}', in: undefined }] }],
      }),
    ]);
    expect(index.pages.map((p) => [p.id, p.url])).toEqual([
      ['alpha', '/errors/alpha/'],
      ['zeta', '/errors/zeta/'],
    ]);
    expect(index.pages[0]?.signatures[0]?.facts[0]).toEqual({ kind: 'text', text: normalizeForMatch('{"Error":  "MCP Request Failed"}') });
    expect(JSON.stringify(index)).not.toContain('undefined');
  });
});

describe('anchor words', () => {
  it('are the words a literal fully contains', () => {
    expect(safeWordsOfLiteral('mcp request failed')).toEqual(['request']);
    expect(safeWordsOfLiteral('{"error":"mcp request failed"')).toEqual(['error', 'mcp', 'request', 'failed']);
    expect(safeWordsOfLiteral('exceptiongroup')).toEqual([]);
  });

  it('are read per alternative from a pattern, and a pattern beyond the reader has none', () => {
    expect(safeWordsOfPattern('MCP server (\\S+) not found')).toEqual([['server', 'not']]);
    expect(safeWordsOfPattern('no tools (available|found)|0 tools')).toEqual([['tools'], []]);
    expect(safeWordsOfPattern('\\bunauthorized\\b')).toEqual([['unauthorized']]);
    expect(safeWordsOfPattern('tools?')).toEqual([[]]);
  });

  it('read escapes as the regex does: a named reference or a control escape is no literal word', () => {
    // `\k<m>` matches what group m matched ("q"), and `\cJ` is a line feed: a line need not hold "m" or "j".
    for (const source of ['(?<m>q) \\k<m> x', 'a \\cJ b']) {
      const regex = new RegExp(source, 'iu');
      const line = source.startsWith('(') ? 'q q x' : 'a \n b';
      expect(regex.test(line)).toBe(true);
      const required = [...(safeWordsOfPattern(source)?.flat() ?? []), ...(requiredRunsOfPattern(source)?.flat() ?? [])];
      for (const word of required) expect({ source, word, inLine: line.toLowerCase().includes(word) }).toEqual({ source, word, inLine: true });
    }
  });

  it('never hide a line a text literal matches (property)', () => {
    const word = fc.constantFrom('mcp', 'request', 'failed', 'error', 'tools', 'x1', 'server_name', 'MCP', 'Failed');
    const sep = fc.constantFrom(' ', '  ', '": "', '":"', '-', '.', '\t', '', '/');
    const text = fc.array(fc.tuple(word, sep), { minLength: 1, maxLength: 6 }).map((parts) => parts.map(([w, s]) => w + s).join(''));
    fc.assert(
      fc.property(text.filter((t) => t.trim().length >= 3), fc.array(text, { maxLength: 6 }), (literal, lines) => {
        const index = indexOf([{ kind: 'text', text: literal }]);
        const fact = index.pages[0]?.signatures[0]?.facts[0] as RuleFact;
        const prepared = prepareIndex(index);
        const hit = createFactMatcher(prepared, viewEvidence(linesEvidence(lines), prepared)).match(fact);
        const expected = lines.some((line) => normalizeForMatch(line).includes(normalizeForMatch(literal)));
        expect(hit !== null).toBe(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('never hide a line a pattern matches (property)', () => {
    const piece = fc.constantFrom('mcp', 'server', 'not', 'found', ' ', '\\s+', '(\\S+)', '.*', ':', '\\b', '^', '(a|b)', 'x?', '[0-9]+', '\\.');
    const pattern = fc.array(piece, { minLength: 1, maxLength: 7 }).map((parts) => parts.join(''));
    const line = fc.array(fc.constantFrom('MCP', 'mcp', 'server', 'not', 'found', ' ', ':', 'a', 'b', '7', '.', 'xserver', 'notfound'), { maxLength: 10 }).map((p) => p.join(''));
    fc.assert(
      fc.property(pattern, fc.array(line, { maxLength: 5 }), (source, lines) => {
        let regex: RegExp;
        try {
          regex = new RegExp(source, 'iu');
        } catch {
          return;
        }
        const index = indexOf([{ kind: 'pattern', pattern: source }]);
        const fact = index.pages[0]?.signatures[0]?.facts[0] as RuleFact;
        const prepared = prepareIndex(index);
        const hit = createFactMatcher(prepared, viewEvidence(linesEvidence(lines), prepared)).match(fact);
        expect(hit !== null).toBe(lines.some((l) => regex.test(l)));
      }),
      { numRuns: 600 },
    );
  });
});

describe('the regex safety check', () => {
  it.each([
    ['(a+)+', 'nested-quantifier'],
    ['(.*)*', 'nested-quantifier'],
    ['(\\w+\\s?)*', 'nested-quantifier'],
    ['^(?:[a-z]+,?)+$', 'nested-quantifier'],
    ['(a|ab)*c', 'overlapping-alternation'],
    ['(\\w|\\d)+', 'overlapping-alternation'],
    ['(?:x|)+', 'overlapping-alternation'],
    ['\\s*.*failed', 'adjacent-quantifiers'],
    ['\\d+\\d+', 'adjacent-quantifiers'],
    // Found by scslre, missed by the shape rules it replaced: a bounded repetition of an unbounded
    // quantifier, and quantifiers trading characters through a separator both can match (quadratic).
    ['(a+){10}b', 'nested-quantifier'],
    ["'[^']*\\s[^']*'", 'adjacent-quantifiers'],
    ['https?://[^/@\\s]+:[^/@\\s]*@', 'adjacent-quantifiers'],
    ['a.*b.*c', 'adjacent-quantifiers'],
    // Missed by scslre, which does not read alternatives: exponential on "1111…!" and "aaaa…!".
    ['(\\w|\\d)+c', 'overlapping-alternation'],
    ['(a|aa)+b', 'overlapping-alternation'],
  ])('rejects %s as %s', (source, kind) => {
    expect(checkRegexSafety(source).map((p) => p.kind)).toContain(kind);
  });

  it.each([
    'no tools (available|found)|0 tools',
    'MCP server (\\S+) not found',
    '"error":\\s*"MCP request failed"',
    'Bearer [A-Za-z0-9._~+/-]{10,}=*',
    'HTTP/\\d(?:\\.\\d)? 40[13]',
    '(?:GET|POST) /[\\w/-]+ HTTP',
    'timed out after \\d+(?:\\.\\d+)?s',
    'a[^b]*b.*c',
    // The rewrites scslre proposes match the same text and do not trade.
    "'[^\\s']*\\s[^']*'",
    'https?://[^\\s/@][^\\s/:@]*:[^\\s/@]*@',
    // A repeated group that cannot split a line two ways (each repetition ends at a space \\S+ cannot match).
    'foo (\\S+ )*bar',
  ])('accepts %s', (source) => {
    expect(checkRegexSafety(source)).toEqual([]);
  });

  it('reports a regex that does not compile', () => {
    expect(checkRegexSafety('(unclosed')[0]?.kind).toBe('syntax');
  });

  it('quotes the equivalent rewrite when there is one, and says how the backtracking grows', () => {
    expect(checkRegexSafety("'[^']*\\s[^']*'").map((problem) => problem.reason)).toEqual([
      `"[^']*" and "[^']*" can both match "   "…, so a line of those that fails to match is split between them in polynomially many ways; rewrite it as '[^\\s']*\\s[^']*' (it matches the same)`,
    ]);
    expect(checkRegexSafety('(a+)+b')[0]?.reason).toMatch(/^"a\+" repeats inside "\(a\+\)\+" .* backtracks exponentially; repeat only the outer part/);
  });
});

describe('the one parse of a pattern', () => {
  it('is made once per source and shared by the safety checks and the analysis', () => {
    const source = 'MCP server (\\S+) not found \\(HTTP 40[13]\\)';
    const parse = parsePatternOnce(source);
    expect(parse.kind).toBe('parsed');
    expect(checkRegexSafety(source)).toEqual([]);
    expect(checkStatusBoundaries(source)).toEqual([]);
    expect(parsePatternOnce(source)).toBe(parse);
    expect(parsePagePattern(source)).toBe(parse.kind === 'parsed' ? parse.pattern : undefined);
    expect(parseRegex(source)).toBe(parseRegex(source));
  });

  it('says why regexpp rejects a source, the same way each time', () => {
    const parse = parsePatternOnce('(unclosed');
    expect(parse).toMatchObject({ kind: 'unparsable', reason: expect.stringMatching(/Unterminated group/) });
    expect(parsePatternOnce('(unclosed')).toBe(parse);
    expect(parsePagePattern('(unclosed')).toBeNull();
  });
});

describe('the status-boundary check', () => {
  it.each([
    ['40[13]', 'on either side'],
    ['HTTP 401', 'on the right'],
    ['returned 40[13]', 'on the right'],
    ['5\\d\\d\\b', 'on the left'],
    ['(?:401|403)\\b', 'on the left'],
    ['404 Not Found|"status": ?404\\b', 'on the left'],
    ['"status": ?404|x', 'on the right'],
    ['(?<=\\d)401(?!\\d)', 'on the left'],
    ['401(?!\\d\\d)\\b', 'on the left'],
  ])('rejects %s as not bounded %s', (source, side) => {
    const problems = checkStatusBoundaries(source);
    expect(problems.map((p) => p.kind)).toEqual(['unbounded-status']);
    expect(problems[0]?.reason).toContain(`not bounded ${side}`);
  });

  it.each([
    '\\b40[13]\\b',
    '\\b(401|403)\\b',
    'HTTP 401\\b',
    '\\(HTTP 401\\)',
    "Client error '40[13] [A-Za-z ]+'",
    '"status": ?404\\b',
    '^401$',
    '(?<!\\d)5\\d{2}(?!\\d)',
    '(?<=:)401(?=\\s)',
    'x(?:401,)+y',
    'HTTP \\d{3}',
    'localhost:4000|-32601|RFC 9728',
    'https?://(10\\.|127\\.|192\\.168\\.)',
  ])('accepts %s', (source) => {
    expect(checkStatusBoundaries(source)).toEqual([]);
  });

  // The valid fixture page with one pattern fact on its signature, alone in a content folder.
  const validate = (pattern: string): string => {
    const folder = mkdtempSync(join(tmpdir(), 'mcpfix-status-'));
    const page = readFileSync(join(root, 'test/fixtures/broken-pages/valid/valid-page.mdx'), 'utf8');
    const withFact = page.replace('    where: log\n', `    where: log\n    facts:\n      - { kind: pattern, pattern: '${pattern}' }\n`);
    expect(withFact).not.toBe(page);
    mkdirSync(join(folder, 'errors'));
    writeFileSync(join(folder, 'errors/status-page.mdx'), withFact);
    return formatProblems(validateContent(join(folder, 'errors'), folder).problems);
  };

  it('fails the build on a page whose status pattern is unbounded, naming the file and the field', () => {
    expect(validate('fixture literal fourteen 40[13]')).toMatch(/^errors\/status-page\.mdx: signatures\.0\.facts\.0\.pattern: status-like digits "40\[13\]" are not bounded on the right/);
  });

  it('passes the same page once the status has \\b on both sides', () => {
    expect(validate('fixture literal fourteen \\b40[13]\\b')).toBe('');
  });
});

describe('the word-boundary check', () => {
  it.each([
    ['redirect_uri=https?%3A%2F%2F(?!localhost|\\b127\\.)', '\\b between "F" and "1"', 'both are word'],
    ['error:\\b/mcp', '\\b between ":" and "/"', 'both are non-word'],
    ['mcp\\B-server', '\\B between "p" and "-"', 'one is a word character'],
    ['\\d\\b\\d', '\\b between \\d and \\d', 'both are word'],
  ])('rejects %s', (source, where, why) => {
    const problems = checkWordBoundaries(source);
    expect(problems.map((p) => p.kind)).toEqual(['dead-word-boundary']);
    expect(problems[0]?.reason).toContain(where);
    expect(problems[0]?.reason).toContain(why);
  });

  it.each(['(?:x-)\\bmcp', '\\bmcp\\b', 'HTTP \\b401\\b', '%2F%2F(?!localhost|(?<!\\d)127\\.)', '[a-z]\\b\\w', 'a+\\bb', '(?<=x)\\by', 'x(?<=\\by)z'])('accepts %s', (source) => {
    expect(checkWordBoundaries(source)).toEqual([]);
  });
});

describe('scripts/compile-rules.ts', () => {
  const run = (content: string): { status: number | null; stdout: string; stderr: string; out: string } => {
    const out = join(mkdtempSync(join(tmpdir(), 'mcpfix-rules-')), 'rules.json');
    const result = spawnSync(process.execPath, ['scripts/compile-rules.ts', '--content', content, '--out', out], { cwd: root, encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr, out };
  };

  it('exits 1 naming file, field and reason for each catastrophic regex', () => {
    const result = run('test/fixtures/broken-pages/catastrophic-regex');
    expect(result.status).toBe(1);
    const lines = result.stderr.split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/^test\/fixtures\/broken-pages\/catastrophic-regex\/nested-quantifier-pattern\.mdx: signatures\.0\.facts\.1\.pattern: "\\w\+" repeats inside "\(\\w\+\\s\?\)\*" .* backtracks exponentially/));
    expect(lines).toContainEqual(expect.stringMatching(/^test\/fixtures\/broken-pages\/catastrophic-regex\/nested-quantifier-pattern\.mdx: clues\.0\.fact\.value: alternatives "a" and "ab"/));
    expect(lines).toContainEqual(expect.stringMatching(/^test\/fixtures\/broken-pages\/catastrophic-regex\/adjacent-quantifiers-message\.mdx: signatures\.0\.facts\.0\.message: "\\s\*" and "\.\*" can both match .* rewrite it as connection\\s\*\(\?:\\S\.\*\)\?failed/));
  });

  it('exits 1 on a page that does not validate', () => {
    const result = run('test/fixtures/broken-pages/unknown-fact-kind');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/unknown-fact-kind.*\.mdx: signatures\.0\.facts\.0/);
  });

  it('writes the index of the real pages', () => {
    const result = run('content/errors');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const text = readFileSync(result.out, 'utf8');
    // The CLI's file is the compiled index as it is: nothing for a cold start to unpack.
    expect((JSON.parse(text) as { version: unknown }).version).toBe(1);
    const reading = readRuleIndex(text);
    const index = reading.kind === 'read' ? reading.index : ({ pages: [] } as unknown as RuleIndex);
    expect(index.pages.map((p) => p.id)).toContain('upstream-401-returned-as-empty-tools');
  });
});

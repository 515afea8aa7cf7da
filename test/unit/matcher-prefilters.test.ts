import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPages } from '../../src/catalog/read-pages.ts';
import { checkRegexSafety } from '../../src/catalog/check-regex-safety.ts';
import { findCandidatePages } from '../../src/engine/find-candidates.ts';
import { parseInput } from '../../src/engine/index.ts';
import { createFactMatcher } from '../../src/engine/match-fact.ts';
import { matchPage } from '../../src/engine/match-page.ts';
import { normalizeForMatch } from '../../src/engine/normalize.ts';
import { EXACT_HASH_LENGTH, hashWord, prepareIndex, segmentsOf, type PatternAnalysis } from '../../src/engine/prepare-rules.ts';
import type { RulePage } from '../../src/engine/rule-index.ts';
import { patternWindow, viewEvidence } from '../../src/engine/view-evidence.ts';
import { findFirstOccurrences, findNeedleBounds } from '../../src/engine/search-needles.ts';
import { joinLines } from '../../src/engine/joined-lines.ts';
import { scanWords } from '../../src/engine/scan-words.ts';
import { GRAM_MASK, mayContain, symbolOf } from '../../src/engine/text-grams.ts';
import { compileRulesAtBuild, minWordRunOfPattern, secondWordRunOfPattern } from '../../src/catalog/analyse-pattern.ts';

// The matcher skips work through several prefilters (trigger index, anchor words, needles,
// segments, required runs, word-run lengths, line lengths, first occurrences). Each must only ever skip what
// cannot hold: these tests compare the fast paths with the plain definitions on real pastes.
const root = resolve(import.meta.dirname, '../..');
const { pages } = readPages(resolve(root, 'content/errors'), root);
// With the needles the build adds (as in src/generated/rules.json), so their fast path is tested too.
const index = compileRulesAtBuild(pages.map((entry) => entry.page));
const prepared = prepareIndex(index);
const examples = pages.flatMap((p) => p.page.examples.map((e) => e.paste));

// Examples, examples glued together (lines from several failures, and characters the token scan
// cannot fold), examples spelt with such characters, and one paste past the size where needles' first occurrences are found in one pass.
function samplePastes(): string[] {
  const pastes = [...examples];
  for (let k = 0; k < examples.length; k += 7) pastes.push([examples[k], examples[(k * 13 + 5) % examples.length], 'İ ſ K'].join('\n'));
  // ſ and K (Kelvin) match s and k under a case-insensitive unicode pattern, though neither is
  // an ASCII letter: lines holding them must never be ruled out by an ASCII prefilter.
  for (let k = 0; k < examples.length; k += 5) pastes.push((examples[k] as string).replaceAll('s', 'ſ').replaceAll('k', '\u212a'));
  pastes.push(examples.join('\n'));
  // Lines too short for most patterns around a real example: the length bound must not skip the example.
  pastes.push(['x', 'ab', examples[3], 'y'].join('\n'));
  return pastes;
}

describe('the fact trigger index', () => {
  // About 2.5 s alone; with a benchmark running beside it, it went past vitest's default 5 s in 3 of 6 runs.
  it('finds exactly the pages a match over every page finds', () => {
    for (const paste of samplePastes()) {
      const view = viewEvidence(parseInput({ paste }), prepared);
      const facts = createFactMatcher(prepared, view);
      const everyPage = index.pages.flatMap((page, at) => (matchPage(page, facts, prepared.pageFactIds[at]) ? [page.id] : []));
      const candidates = findCandidatePages(prepared, view, createFactMatcher(prepared, view)).flatMap((at) => {
        const page = index.pages[at] as RulePage;
        return matchPage(page, facts, prepared.pageFactIds[at]) ? [page.id] : [];
      });
      expect(candidates).toEqual(everyPage);
    }
  }, 60_000);
});

describe('literal prefilters', () => {
  it('hold a literal exactly where testing every line would find it, on the same first line', () => {
    for (const paste of samplePastes()) {
      const view = viewEvidence(parseInput({ paste }), prepared);
      const facts = createFactMatcher(prepared, view);
      const lines = Array.from({ length: view.lines.length }, (_, at) => ({ place: view.lines.placeAt(at), norm: normalizeForMatch(view.lines.textAt(at)), window: patternWindow(view.lines.textAt(at)) }));
      for (const literal of prepared.literals) {
        const { places, acceptsUnplaced, text, regex } = literal;
        const first = lines.findIndex((line) => {
          if (places && !places.has(line.place) && !(line.place === 'any' && acceptsUnplaced)) return false;
          if (text !== undefined) return line.norm.includes(text);
          return regex ? regex.test(line.window) : false;
        });
        const plain = first < 0 ? null : `${view.lines.inputAt(first)}:${view.lines.lineAt(first)}`;
        const id = prepared.factIds.get(literal.fact) as number;
        const hit = facts.matchId(id, literal.fact);
        const found = hit === null ? null : `${hit.input}:${hit.line}`;
        if (found !== plain) expect({ paste: paste.slice(0, 200), fact: literal.fact, at: found }).toEqual({ paste: paste.slice(0, 200), fact: literal.fact, at: plain });
      }
    }
  }, 120_000);

  it('keep every segment of a literal in any line whose normalised form holds it', () => {
    const spacing = fc.constantFrom('', ' ', '  ', '\t', ' \t ');
    const piece = fc.constantFrom('error', 'MCP', '"detail"', ':', '{', '}', '[', ']', ',', 'tools', 'Failed', '401', '"x"');
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, spacing), { minLength: 1, maxLength: 10 }), fc.nat(), fc.nat(), (parts, from, length) => {
        const line = parts.map(([word, space]) => word + space).join('');
        const normalized = normalizeForMatch(line);
        const start = from % (normalized.length + 1);
        const literal = normalized.slice(start, start + (length % 30)).trim();
        if (literal === '' || !normalized.includes(literal)) return;
        const lower = line.toLowerCase();
        for (const segment of segmentsOf(literal)) expect(lower).toContain(segment);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('findFirstOccurrences', () => {
  it('gives each needle the offset indexOf gives it, and nothing for an absent needle', () => {
    const alphabet = fc.constantFrom('a', 'b', 'ab', 'ba', '_', 'x', '\n');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 400 }), fc.array(fc.array(fc.constantFrom('a', 'b', '_', 'x'), { minLength: 1, maxLength: 4 }), { maxLength: 12 }), (chunks, needleParts) => {
        const text = chunks.join('');
        const needles = needleParts.map((parts) => parts.join(''));
        const found = findFirstOccurrences(text, needles);
        const { last } = findNeedleBounds(text, needles);
        for (const needle of needles) {
          const at = text.indexOf(needle);
          expect(found.get(needle)).toBe(at < 0 ? undefined : at);
          if (last.has(needle)) expect({ text, needle, last: last.get(needle) }).toEqual({ text, needle, last: text.lastIndexOf(needle) });
        }
      }),
      { numRuns: 400 },
    );
  });

  it('knows the last offset of a needle that turns up too seldom to be dropped from the search', () => {
    const textWith = (repeats: number): string => ['x'.repeat(100), 'error', 'y'.repeat(50), 'error', ...Array.from({ length: repeats }, () => 'abc'), 'z'].join(' ');
    const seldom = findNeedleBounds(textWith(20), ['error', 'abc', 'absent']);
    expect([seldom.first.get('error'), seldom.last.get('error'), seldom.last.get('abc'), seldom.first.has('absent')]).toEqual([101, 158, textWith(20).lastIndexOf('abc'), false]);
    // Found needles that keep turning up are dropped from the pass, and their last offset with them.
    const often = findNeedleBounds(textWith(40), ['error', 'abc', 'absent']);
    expect([often.first.get('error'), often.last.has('error'), often.first.has('abc'), often.last.has('abc')]).toEqual([101, false, true, false]);
  });
});

describe('the token scan', () => {
  // The scan reads the joined text as bytes, copied at once when all of it is ASCII and one by one
  // from the first other character on: wherever non-ASCII text stands, the words' lines are those
  // a plain reading of each line's ASCII word runs gives.
  it('lists each word on the lines that hold it as a token, whatever non-ASCII text surrounds it', () => {
    const piece = fc.constantFrom('litellm', 'PROXY', 'error', 'mcp', '500', ' ', '.', '_', 'x', '\n', '\n', 'é', '→', '\u{1F600}', '\ud800', 'İ', '\u212a');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const lines = pieces.join('').split('\n');
        const scan = scanWords(joinLines(lines), prepared);
        const tokensOf = (line: string): Set<string> => new Set(line.replace(/[A-Z]/g, (letter) => letter.toLowerCase()).split(/[^a-z0-9_]+/));
        const tokens = lines.map(tokensOf);
        prepared.words.forEach((word, id) => {
          const expected = tokens.flatMap((held, line) => (held.has(word) ? [line] : []));
          expect({ word, lines: [...scan.linesOf(id)] }).toEqual({ word, lines: expected });
        });
      }),
      { numRuns: 400 },
    );
  });

  // Long pastes reach what short ones do not: ASCII encoded in chunks of 65,536 code units, an
  // ASCII stretch after a non-ASCII one encoded at once, and blocks of dense non-ASCII copied.
  it('lists the same lines on long pastes mixing ASCII stretches and dense non-ASCII text', () => {
    const ascii = (lines: number): string[] => Array.from({ length: lines }, (_, at) => `INFO litellm.proxy line ${at} mcp error`);
    const dense = (lines: number): string[] => Array.from({ length: lines }, (_, at) => `→é${at % 2 ? 'PROXY' : 'error'}错误→x🚀 mcp→`.repeat(3));
    const pastes = [
      [...ascii(2000), 'é litellm', ...ascii(20), ...dense(300), ...ascii(3000)],
      ['é', ...ascii(2000)],
      [...ascii(1750), 'x'.repeat(55), '→proxy', ...ascii(10)],
    ];
    for (const lines of pastes) {
      const scan = scanWords(joinLines(lines), prepared);
      const tokens = lines.map((line) => new Set(line.toLowerCase().split(/[^a-z0-9_]+/)));
      prepared.words.forEach((word, id) => {
        const expected = tokens.flatMap((held, line) => (held.has(word) ? [line] : []));
        // A word on most lines is counted on every line from where the scan stopped following it.
        const count = scan.count[id] as number;
        expect({ word, counted: count >= expected.length && (count === 0) === (expected.length === 0), same: scan.linesOf(id).join() === expected.join() }).toEqual({ word, counted: true, same: true });
      });
    }
  });
});

describe('a word on most lines of a long paste', () => {
  // The scan stops following a word on most of the lines it has read once it listed LISTED_LINES
  // of them, and counts every later line as holding it: the count is then an upper bound, and
  // the word's lines are found by a search when asked for.
  it('keeps a count at least its lines and lists exactly the lines holding it', () => {
    const lines = [
      ...Array.from({ length: 6000 }, (_, at) => `INFO litellm.proxy line ${at}${at % 3 === 0 ? ' mcp' : ''}`),
      ...Array.from({ length: 3000 }, (_, at) => (at === 1500 ? 'a PROXY again' : `nothing ${at}`)),
    ];
    const scan = scanWords(joinLines(lines), prepared);
    const expectedLines = (word: string): number[] => lines.flatMap((line, at) => (line.toLowerCase().split(/[^a-z0-9_]+/).includes(word) ? [at] : []));
    const proxy = prepared.words.indexOf('proxy');
    const mcp = prepared.words.indexOf('mcp');
    expect([proxy, mcp].every((id) => id >= 0)).toBe(true);
    // proxy: on the first 6000 lines and one more, counted as if on every line from its stop on.
    expect([...scan.linesOf(proxy)]).toEqual(expectedLines('proxy'));
    expect(scan.count[proxy]).toBeGreaterThan(6001);
    // mcp: on a third of the lines, followed to the end and counted exactly.
    expect([...scan.linesOf(mcp)]).toEqual(expectedLines('mcp'));
    expect(scan.count[mcp]).toBe(2000);
  });
});

describe('the sequences of a text', () => {
  // The needle search skips a needle the token scan's sequence set rules out (text-grams.ts): that
  // must never skip a needle some line holds, lines with İ, ſ or K aside (always visited).
  it('never rule out a needle that a line holds once lower-cased', () => {
    const piece = fc.constantFrom('a', 'B', 'ab', '_', 'x', 'X1', ' ', '.', '{"', '\n', 'é', '→', 'İ', '\u212a');
    const needleChar = fc.constantFrom('a', 'b', '_', 'x', '1', ' ', '.', '{', '"', 'é', '→', 'k', 'i');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.array(fc.array(needleChar, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }), (pieces, needleParts) => {
        const lines = pieces.join('').split('\n');
        const { grams } = scanWords(joinLines(lines), prepared);
        for (const needle of needleParts.map((parts) => parts.join(''))) {
          const held = lines.some((line) => !/[\u0130\u017f\u212a]/.test(line) && line.toLowerCase().includes(needle));
          if (held) expect({ lines, needle, possible: mayContain(grams, needle) }).toEqual({ lines, needle, possible: true });
        }
      }),
      { numRuns: 1500 },
    );
  });

  // The scan takes a token's sequences from the low bits of its hash: the set must be the plain
  // one, each character's symbol shifted in after the two before it, whatever the tokens' lengths.
  it('hold exactly the sequences of the joined text and the line feed after it', () => {
    const piece = fc.constantFrom('a', 'B', 'ab', 'litellm', 'PROXY', 'error_500', 'x1y2z3w4', '_', ' ', '.', '{"', '\n', 'é', '→', 'İ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const joined = joinLines(pieces.join('').split('\n'));
        const expected = new Uint8Array(GRAM_MASK + 1);
        let gram = 0;
        for (let at = 0; at <= joined.text.length; at++) {
          gram = ((gram << 6) | symbolOf(at < joined.text.length ? joined.text.charCodeAt(at) : 10)) & GRAM_MASK;
          expected[gram] = 1;
        }
        const { grams } = scanWords(joined, prepared);
        expect(grams.map((mark) => (mark === 0 ? 0 : 1)).join('') === expected.join('')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('rule out a needle with a sequence the text lacks', () => {
    const { grams } = scanWords(joinLines(['INFO litellm.proxy routine line 7', 'with nothing to see']), prepared);
    expect(['litellm', 'info', 'proxy routine', 'line 7', 'ee', 'h'].map((needle) => mayContain(grams, needle))).toEqual([true, true, true, true, true, true]);
    expect(['authentication', 'lite llm', 'to 0', 'db', 'seen'].map((needle) => mayContain(grams, needle))).toEqual([false, false, false, false, false]);
  });
});

// A regex source built together with a text it matches, from the pieces the word-run readers
// know (word characters and classes, separators, `.`, `\s`, quantifiers, `\b`, groups of
// alternatives, lookaheads) and pieces they must decline (unicode escapes).
type Built = { source: string; sample: fc.Arbitrary<string> };
const wordChar = fc.constantFrom(...'aZ09_xK');
const otherChar = fc.constantFrom(' ', '-', '/', ':', '"', '.', 'ſ', '\u212a', 'İ', 'é', 'q');
// Around the sample: mostly characters that end a run, so a short run is not always lengthened.
const edgeChar = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(' ', '-', ':', 'é') }, { weight: 1, arbitrary: fc.oneof(wordChar, otherChar) });

function repeat(piece: fc.Arbitrary<string>, min: number, extra: number): fc.Arbitrary<string> {
  return fc.array(piece, { minLength: min, maxLength: min + extra }).map((parts) => parts.join(''));
}

type Quantifier = [source: string, min: number, extra: number];
const QUANTIFIERS: Quantifier[] = [['', 1, 0], ['?', 0, 1], ['*', 0, 3], ['+', 1, 3], ['{2}', 2, 0], ['{2,}', 2, 3], ['{1,3}', 1, 2]];
// A group repeats only a bounded number of times: an unbounded repeat of a group holding `\w*`
// backtracks exponentially on a line it does not match.
const GROUP_QUANTIFIERS: Quantifier[] = [['', 1, 0], ['?', 0, 1], ['{2}', 2, 0], ['{1,3}', 1, 2]];

const quantified = (source: string, piece: fc.Arbitrary<string>, quantifiers: Quantifier[] = QUANTIFIERS): fc.Arbitrary<Built> =>
  fc.constantFrom(...quantifiers).map(([q, min, extra]) => ({ source: `${source}${q}`, sample: repeat(piece, min, extra) }));

const wordLeaf: fc.Arbitrary<Built> = fc.oneof(
  wordChar.chain((c) => quantified(c, fc.constant(c))),
  quantified('[a-z0-9_]', fc.constantFrom('a', 'z', '0', '_')),
  quantified('\\w', wordChar),
  quantified('\\d', fc.constantFrom('0', '7')),
);

const leafPattern: fc.Arbitrary<Built> = fc.oneof(
  { weight: 12, arbitrary: wordLeaf },
  { weight: 6, arbitrary: fc.constantFrom('-', ' ', ':', '"', '/').chain((c) => quantified(c === '/' ? '\\/' : c, fc.constant(c))) },
  { weight: 3, arbitrary: quantified('\\s', fc.constant(' ')) },
  { weight: 3, arbitrary: quantified('.', fc.oneof(wordChar, otherChar)) },
  { weight: 3, arbitrary: fc.constant({ source: '\\b', sample: fc.constant('') }) },
  { weight: 1, arbitrary: fc.constant({ source: '\\u0041', sample: fc.constant('A') }) },
);

const sequencePattern = (piece: fc.Arbitrary<Built>): fc.Arbitrary<Built> =>
  fc.array(piece, { minLength: 1, maxLength: 5 }).map((parts) => ({ source: parts.map((p) => p.source).join(''), sample: fc.tuple(...parts.map((p) => p.sample)).map((texts) => texts.join('')) }));

const groupPattern = (piece: fc.Arbitrary<Built>): fc.Arbitrary<Built> =>
  fc.tuple(fc.array(sequencePattern(piece), { minLength: 1, maxLength: 3 }), fc.constantFrom('(', '(?:', '(?<name>', '(?=')).chain(([alternatives, open]) => {
    const inner = alternatives.map((a) => a.source).join('|');
    const pick = fc.oneof(...alternatives.map((a) => a.sample));
    // A lookahead matches nothing: its sample is empty, and the line must still satisfy it.
    if (open === '(?=') return fc.constant({ source: `(?=${inner})`, sample: fc.constant('') });
    return quantified(`${open}${inner})`, pick, GROUP_QUANTIFIERS);
  });

const patternWithSample: fc.Arbitrary<Built> = sequencePattern(
  fc.oneof({ weight: 3, arbitrary: leafPattern }, { weight: 1, arbitrary: groupPattern(fc.oneof({ weight: 3, arbitrary: wordLeaf }, { weight: 1, arbitrary: leafPattern })) }),
);

// The runs of word characters of a line as the token scan counts them (ſ and K extend a run: a
// case-insensitive unicode pattern reads them as s and k).
function runsOf(line: string): number[] {
  return (line.match(/[A-Za-z0-9_\u017f\u212a]+/g) ?? []).map((run) => run.length).sort((a, b) => b - a);
}

describe('word-run bounds of a pattern', () => {
  it('never exceed the longest and second-longest runs of a line the pattern matches', () => {
    fc.assert(
      fc.property(
        fc.array(patternWithSample, { minLength: 1, maxLength: 3 }).chain((branches) =>
          fc.tuple(fc.constant(branches.map((b) => b.source).join('|')), fc.oneof(...branches.map((b) => b.sample)), repeat(edgeChar, 0, 3), repeat(edgeChar, 0, 3)),
        ),
        ([source, sample, before, after]) => {
          const line = `${before}${sample}${after}`;
          // Only patterns the build accepts reach the matcher, and the build refuses those that could
          // backtrack catastrophically: the generator makes some (nested or overlapping quantifiers),
          // and running one stalls this synchronous test past any timeout.
          if (checkRegexSafety(source).length > 0) return;
          if (!new RegExp(source, 'iu').test(line)) return;
          const [longest = 0, second = 0] = runsOf(line);
          expect({ source, line, least: minWordRunOfPattern(source) <= longest }).toEqual({ source, line, least: true });
          expect({ source, line, second: secondWordRunOfPattern(source) <= second }).toEqual({ source, line, second: true });
        },
      ),
      { numRuns: 1500 },
    );
  }, 60_000);

  it('read a group of word alternatives as a run of its shortest alternative', () => {
    expect(minWordRunOfPattern('\\b(401|403)\\b|unauthori[sz]ed')).toBe(3);
    expect(minWordRunOfPattern('"(tool_name|server_name|tool)"\\s*:')).toBe(4);
    expect(secondWordRunOfPattern('(GET|POST) \\/(authorize|token)[?\\s]')).toBe(3);
    expect(minWordRunOfPattern('(?:ab|abc)?d')).toBe(1);
    expect(minWordRunOfPattern('(?=abcd)x')).toBe(1);
    expect(minWordRunOfPattern('(a b|cd)')).toBe(0);
  });
});

describe('the token scan', () => {
  // The scan takes a token of at most EXACT_HASH_LENGTH characters for the word with its hash
  // without comparing them: two such tokens must never share a hash, whatever their case.
  it('gives distinct short tokens distinct hashes', () => {
    const token = fc.array(fc.constantFrom(...'abcxyzABCXYZ0189_'), { minLength: 1, maxLength: EXACT_HASH_LENGTH }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(token, token, (one, other) => {
        expect(hashWord(one) === hashWord(other)).toBe(one.toLowerCase() === other.toLowerCase());
      }),
      { numRuns: 5000 },
    );
  });

  // It walks the lines joined into one text (view-evidence.ts scanWords): each line must read as if
  // it were scanned alone, whatever joins it to the next (the paste's own line feeds, a join made
  // for colour codes removed, a config given beside the paste, a compact JSON line after them).
  it('lists exactly the lines holding İ, ſ or K, however far apart the non-ASCII characters are', () => {
    // The scan finds them while it copies the text's non-ASCII code units, which it reaches by
    // long ASCII stretches encoded at once and blocks copied one by one: both must see them all.
    const piece = fc.constantFrom('a', 'error ', '\u0130', '\u017f', '\u212a', 'é', '—', '→', 'x'.repeat(300), 'y'.repeat(5000), ' ');
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 6 }).map((parts) => parts.join('')), { minLength: 1, maxLength: 40 }), (lines) => {
        const scan = scanWords(joinLines(lines), prepared);
        const expected = lines.flatMap((line, index) => (/[\u0130\u017f\u212a]/.test(line) ? [index] : []));
        expect(scan.unfolded).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('gives each line the words, runs and unfolded flag it has alone', () => {
    const json = '{\n  "tools": [],\n  "error": "MCP request failed"\n}';
    const cases = [
      ...examples.slice(0, 40).map((paste) => ({ paste })),
      { paste: `\u001b[92m10:00:00 - LiteLLM:ERROR\u001b[0m: mcp_server_manager.py:1 - boom\n${examples[0]}` },
      { paste: `${examples[1]}\r\n\r\nİ ſtrip Kelvin_tools\r\n${json}`, config: 'mcp_servers:\n  github:\n    url: http://x/mcp\n    auth_type: oauth2' },
    ];
    for (const input of cases) {
      const view = viewEvidence(parseInput(input), prepared);
      const counts = new Int32Array(prepared.words.length);
      for (let index = 0; index < view.lines.length; index++) {
        const text = view.lines.textAt(index);
        const [longest = 0, second = 0] = runsOf(text);
        const unfolded = /[\u0130\u017f\u212a]/.test(text) ? 1 : 0;
        expect({ text, runs: [view.maxWordRunAt(index), view.secondWordRunAt(index), view.isUnfoldedLine[index]] }).toEqual({ text, runs: [longest, second, unfolded] });
        // Its tokens: maximal runs of ASCII word characters, ASCII case folded.
        const tokens = new Set((text.match(/[A-Za-z0-9_]+/g) ?? []).map((token) => token.toLowerCase()));
        prepared.words.forEach((word, id) => {
          if (tokens.has(word)) counts[id] = (counts[id] as number) + 1;
        });
      }
      expect(Array.from(view.wordLineCount)).toEqual(Array.from(counts));
    }
  }, 60_000);
});

describe('one search of the joined lines', () => {
  // A pattern tested in vain on thousands of lines searches the rest of the paste in one pass of
  // its joined text (match-fact.ts). Only a pattern without lookarounds may: these put the match
  // at a line's edges, where the joined text has a line feed and the line itself has nothing.
  const patterns = ['^needle \\d+$', '\\bneedle\\b', 'needle\\s*$', '(?:^|\\s)needle', 'a\\s*needle', '^\\W*needle\\W*$', '(?<!\\S)needle(?!\\S)', 'needle(?![\\s\\S])'];
  const filler = Array.from({ length: 3000 }, (_, at) => `line ${at} with needles and a needle-ish word`);

  it('marks a pattern line-local exactly when it has no lookaround', () => {
    const local = patterns.map((pattern) => compileRulesAtBuild([pageWith(pattern)]).pages[0]?.signatures[0]?.facts[0]);
    expect(local.map((fact) => fact?.kind === 'pattern' && (fact.prefilter as PatternAnalysis | undefined)?.lineLocal === true)).toEqual([true, true, true, true, true, true, false, false]);
  });

  it('finds the line that testing every line finds, past thousands of lines tested in vain', () => {
    const targets = ['needle 7', 'xx needle', '  needle', 'a', 'needle', 'needle  ', '— needle —', 'needle'];
    for (const pattern of patterns) {
      const built = compileRulesAtBuild([pageWith(pattern)]);
      const fact = built.pages[0]?.signatures[0]?.facts[0];
      const ready = prepareIndex(built);
      for (const target of targets) {
        const paste = [...filler, target, ...filler.slice(0, 10)].join('\n');
        const view = viewEvidence(parseInput({ paste }), ready);
        const hit = fact ? createFactMatcher(ready, view).match(fact) : null;
        const regex = new RegExp(pattern, 'iu');
        const expected = paste.split('\n').findIndex((line) => regex.test(line));
        expect({ pattern, target, line: hit?.line ?? null }).toEqual({ pattern, target, line: expected < 0 ? null : expected + 1 });
      }
    }
  }, 60_000);
});

function pageWith(pattern: string): Parameters<typeof compileRulesAtBuild>[0][number] {
  return { id: 'p', title: 'P', summary: 's', area: 'a', hop: 'h', status: 'bug', retired: false, relatedErrors: [], clues: [], fixes: [], signatures: [{ id: 's', text: 'x', where: 'any', weight: 1, facts: [{ kind: 'pattern', pattern }] }] };
}

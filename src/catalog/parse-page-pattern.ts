/**
 * The one parse of a page's regex at build: the AST of `@eslint-community/regexpp` for the source
 * as the matcher compiles it (`iu`), kept per source for the life of the process. The safety check
 * (./check-regex-safety.ts, through scslre and ./regex-syntax.ts), the status bounds, the prefilter
 * analysis (./analyse-pattern.ts) and the needles (./regex-needles.ts) all read this same parse, so
 * a build parses each pattern once.
 *
 * Build only, like everything under src/catalog/: the engine never parses a regex.
 */
import { RegExpParser, type AST } from '@eslint-community/regexpp';

/** A pattern's parse, or why regexpp rejects the source; discriminated on `kind`. */
export type PatternParse =
  | { kind: 'parsed'; pattern: AST.Pattern; flags: AST.Flags }
  | { kind: 'unparsable'; reason: string };

const parser = new RegExpParser({ ecmaVersion: 2025 });
// The flags the matcher compiles every page regex with (src/engine/value-test.ts).
const FLAGS = parser.parseFlags('iu');
const parses = new Map<string, PatternParse>();

/** The parse of `source` as the pages' regexes are compiled (`iu`); the same object for the same source. */
export function parsePatternOnce(source: string): PatternParse {
  let parse = parses.get(source);
  if (parse === undefined) {
    try {
      parse = { kind: 'parsed', pattern: parser.parsePattern(source, 0, source.length, { unicode: true }), flags: FLAGS };
    } catch (error) {
      parse = { kind: 'unparsable', reason: error instanceof Error ? error.message : String(error) };
    }
    parses.set(source, parse);
  }
  return parse;
}

/** The AST of `source` (see `parsePatternOnce`); null when it does not parse. */
export function parsePagePattern(source: string): AST.Pattern | null {
  const parse = parsePatternOnce(source);
  return parse.kind === 'parsed' ? parse.pattern : null;
}

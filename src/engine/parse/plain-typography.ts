/**
 * Text copied from a web page, a chat (Slack, Teams) or a word processor arrives with
 * non-breaking spaces where the program printed spaces, and typographic quotes (“ ” ‘ ’) where it
 * printed " and '. No program the pages quote prints them, so a literal, a log-line pattern or a
 * JSON body read through them is missed: with non-breaking spaces for spaces, 181 of the 419
 * examples answered `high` on their own page no longer were (six were answered `high` on another
 * page), and with typographic quotes 51 (seven on another page). Each is read
 * as its plain character, one UTF-16 unit for one, so every line, offset and span the checker
 * reports stays where it is in what the user pasted.
 */

// Besides U+00A0: the typographic spaces U+2000–U+200A, the narrow no-break space U+202F and the
// medium mathematical space U+205F; double quotes “ ” „ ‟ and the double prime ″; single quotes
// ‘ ’ ‚ ‛ and the prime ′, which autocorrect puts for ' after a digit.
const WIDE_CHARACTERS = /[\u2000-\u200a\u2018-\u201f\u202f\u2032\u2033\u205f]/;
const ALL_CHARACTERS = /[\u00a0\u2000-\u200a\u2018-\u201f\u202f\u2032\u2033\u205f]/g;
const QUOTES = /[\u2018-\u201f\u2032\u2033]/;
const DOUBLE_QUOTES = /[\u201c-\u201f\u2033]/;

/** The text with typographic spaces and quotes read as plain ones, and where and how many there were. */
export interface PlainText {
  text: string;
  /** Where non-breaking and other typographic spaces were read as spaces (offsets, the same in both texts). */
  spaceOffsets: number[];
  /** How many typographic quotes and primes were read as " or '. */
  quotes: number;
}

/**
 * Reads typographic spaces and quotes as their plain characters. A text without them (every
 * pure-ASCII paste) is returned as it is: `includes` of U+00A0 is one fast scan, and V8 answers the
 * search for the others at once in a one-byte string, which cannot hold them.
 */
export function plainTypography(text: string): PlainText {
  if (!text.includes('\u00a0') && !WIDE_CHARACTERS.test(text)) return { text, spaceOffsets: [], quotes: 0 };
  let quotes = 0;
  const spaceOffsets: number[] = [];
  const plain = text.replace(ALL_CHARACTERS, (character, offset: number) => {
    if (!QUOTES.test(character)) {
      spaceOffsets.push(offset);
      return ' ';
    }
    quotes++;
    return DOUBLE_QUOTES.test(character) ? '"' : "'";
  });
  return { text: plain, spaceOffsets, quotes };
}

// The 1-based lines of ascending offsets, each once.
function linesOfOffsets(text: string, offsets: readonly number[]): number[] {
  const lines: number[] = [];
  let line = 1;
  let from = 0;
  for (const offset of offsets) {
    for (let at = text.indexOf('\n', from); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) {
      line++;
      from = at + 1;
    }
    if (lines[lines.length - 1] !== line) lines.push(line);
  }
  return lines;
}

/**
 * What the user is told when some were read as plain: where a config is concerned (the config
 * given beside the paste, or YAML in it), that LiteLLM's own YAML reader does not read them so.
 * PyYAML 6 takes a line indented with U+00A0 as a top-level key of its own (`'\xa0 github'`), so
 * `mcp_servers:` is left empty, and `url:\u00a0x` as one string rather than a key and its value.
 */
export function noteOfPlainTypography(found: PlainText, what: 'paste' | 'config', hasYaml: boolean): string | null {
  const spaces = found.spaceOffsets.length;
  if (spaces === 0 && found.quotes === 0) return null;
  const parts = [
    spaces > 0 ? `${spaces} non-breaking space${spaces === 1 ? '' : 's'}` : '',
    found.quotes > 0 ? `${found.quotes} typographic quote${found.quotes === 1 ? '' : 's'}` : '',
  ].filter((part) => part !== '');
  const read = `The ${what === 'paste' ? 'paste' : 'config'} holds ${parts.join(' and ')}, read here as plain ${spaces > 0 && found.quotes > 0 ? 'spaces and quotes' : spaces > 0 ? 'spaces' : 'quotes'} (copying from a web page or a chat puts them in).`;
  if (spaces === 0 || !hasYaml) return read;
  // Only a config's lines are named: counted here, for the note alone, rather than for every paste.
  const lines = what === 'config' ? linesOfOffsets(found.text, found.spaceOffsets) : [];
  const where = what === 'config' ? ` (line${lines.length === 1 ? '' : 's'} ${lines.slice(0, 5).join(', ')}${lines.length > 5 ? ', …' : ''})` : '';
  return (
    `${read} If config.yaml itself holds them${where}, LiteLLM does not read them as spaces: its YAML reader takes a line indented with one as a key of its own, ` +
    'so `mcp_servers:` can end up empty. Retype that indentation with plain spaces.'
  );
}

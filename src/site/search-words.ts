/**
 * The distinctive words of a paste, for a site search when the checker found no confident page:
 * the words of its error lines, without numbers, ids, hosts, secrets or filler.
 */

const MAX_WORDS = 8;

// Filler that appears in any paste and narrows nothing.
const COMMON = new Set(
  'the and for with this that from was were are not but has have had you your into when then than http https www com json true false null none info debug warning error errors traceback most recent call last line file self return raise exception'.split(
    ' ',
  ),
);

// Lines that name what went wrong: their words go first.
const ERRORISH = /error|exception|fail|denied|invalid|unauthori[sz]ed|forbidden|missing|refused|timeout|timed out|not found|cannot|could not|unable/i;

/**
 * Up to eight distinctive words of a paste, in order of appearance (error lines first), joined by
 * spaces; empty when the paste has none.
 */
export function distinctiveWords(paste: string): string {
  const words: string[] = [];
  const seen = new Set<string>();
  // Error lines first, in order, then the others: the others are only read when the error lines
  // hold fewer than eight words, and each line is tested for errors once.
  const others: string[] = [];
  for (const raw of paste.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    if (!ERRORISH.test(line)) {
      others.push(line);
      continue;
    }
    if (collectWords(line, words, seen)) return words.join(' ');
  }
  for (const line of others) if (collectWords(line, words, seen)) return words.join(' ');
  return words.join(' ');
}

// Adds a line's distinctive words to `words`; true once it holds MAX_WORDS.
function collectWords(line: string, words: string[], seen: Set<string>): boolean {
  // URLs, hosts and key=value secrets say where, not what: drop them before splitting into words.
  const cleaned = line.replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, ' ').replace(/\b\S+=\S+/g, ' ');
  for (const word of cleaned.match(/[A-Za-z][A-Za-z_'-]{2,}[A-Za-z]/g) ?? []) {
    const lower = word.toLowerCase();
    if (COMMON.has(lower) || seen.has(lower) || isIdLike(word)) continue;
    seen.add(lower);
    words.push(word);
    if (words.length === MAX_WORDS) return true;
  }
  return false;
}

// Random-looking runs (token bodies, ids) have no meaning to search for.
function isIdLike(word: string): boolean {
  return word.length > 20 || (/[a-z]/.test(word) && /[A-Z]/.test(word.slice(1)) && !/^[A-Z][a-z]+(?:[A-Z][a-z]+)+$/.test(word));
}

/** The site-relative URL of a search for the paste's distinctive words (`/search/?q=…`), or `/search/` when it has none. */
export function buildPasteSearchPath(paste: string): string {
  return buildWordsSearchPath(distinctiveWords(paste));
}

/** The site-relative URL of a search for words already picked by `distinctiveWords`, or `/search/` when there are none. */
export function buildWordsSearchPath(words: string): string {
  return words === '' ? '/search/' : `/search/?${new URLSearchParams({ q: words }).toString()}`;
}

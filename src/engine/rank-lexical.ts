/**
 * Weak evidence still helps: when no signature holds, the pages that share the paste's rarest
 * words (from their signatures, titles, summaries, clues and config keys) are offered as
 * `possible`, never more than three, always 'low', each with the words that matched. A word
 * counts only when few pages use it (it tells pages apart) and it is not everyday English or
 * the vocabulary every MCP failure shares, so a paste with no distinctive word gets nothing.
 */
import type { InputName } from './evidence.ts';
import type { LineStore } from './line-store.ts';
import type { RuleIndex, RulePage } from './rule-index.ts';
import { wordsOfFact } from './fact-kinds/registry.ts';

/** A page the paste shares distinctive words with. */
export interface LexicalMatch {
  /** The page. */
  page: RulePage;
  /** The shared words, rarest first. */
  words: string[];
  /** Σ log(pages / pages using the word) over the shared words. */
  score: number;
  /** The first line holding one of the words, for the explanation. */
  at: { input: InputName; line: number };
}

/** At most this many possible pages. */
export const MAX_LEXICAL = 3;
/** A word used by more pages than this tells nothing apart (so the checker's index need not carry it). */
export const MAX_PAGES_PER_WORD = 15;
/** A plain English word counts half as much as one written as code (`os.environ/`, `spec_path`, `ClosedResourceError`). */
const PLAIN_SHARE = 0.5;
/** The score a page needs: about one word unique to a few pages, or two rarer than common. */
const MIN_SCORE = 5;

// Everyday English, the words every MCP failure report holds whatever the cause, the LLM and
// HTTP vocabulary of LiteLLM's other logs, and the words of any traceback, log line, HTTP
// exchange or process listing (measured on the negative corpus, test/fixtures/negative, where
// they alone put pages among the possible answers): none of them tells one page from another.
const STOP = new Set(
  `about above after again against also always another anything because before being below between both cannot could does doing down during each either else every from have having here however into itself just last later least like more most much must never none only other over same should since some still such than that their them then there these they this those through under until upon very what when where which while whole will with within without would your yours
error errors failed failure fails server servers request requests response responses client clients gateway proxy litellm http https status code message messages value values return returns returned true false null none config yaml using used work works working issue problem tool tools call calls called list listed
model models chat completion completions openai anthropic bedrock azure vertex gemini embedding embeddings prompt deployment deployments fallback fallbacks router rate limit limits
json application type content post accept header headers body param params please many
python python3 line file traceback raise exception exceptions info debug warn warning self default version data string length
items meta current group time internal local users available content-type content-length charset utf-8 text html plain jsonrpc
method process node container port running started state exit reason taskgroup exceptiongroup sub-exception unhandled transport
closed starlette uvicorn fastapi asyncio anyio backends`.split(/\s+/),
);

interface LexicalIndex {
  /** Per page (index order), its distinctive words. */
  wordsOfPage: Set<string>[];
  /** Per word, how many pages use it. */
  pagesOfWord: Map<string, number>;
}

const prepared = new WeakMap<RuleIndex, LexicalIndex>();

/** The words of a text as the search index splits them: lower case, identifiers kept whole. */
export function wordsOf(text: string): string[] {
  return codeWordsOf(text).map(({ word }) => word);
}

/** The words of a text, each marked when it was written as code (in a dotted, slashed, snake or camel token). */
export function codeWordsOf(text: string): { word: string; isCode: boolean }[] {
  const words: { word: string; isCode: boolean }[] = [];
  forEachCodeWord(text, (word, isCode) => words.push({ word, isCode }));
  return words;
}

// A token shorter than 4 characters holds no word of 4 (the words are pieces of the token), so the
// scan skips such tokens inside the regex instead of handing each one over: a paste of millions of
// short lines is then one regex pass. Tokens never span a line feed.
const TOKEN = /[A-Za-z][\w.\/-]{3,}/g;
const WORD = /[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*/g;

// Calls `visit` with each word of the text (in order), whether its token was written as code, and
// the offset of its token in the text.
function forEachCodeWord(text: string, visit: (word: string, isCode: boolean, at: number) => void): void {
  TOKEN.lastIndex = 0;
  for (let token = TOKEN.exec(text); token !== null; token = TOKEN.exec(text)) {
    const raw = token[0].replace(/[.\/-]+$/, '');
    if (raw.length < 4) continue;
    const isCode = /[_./]|[a-z][A-Z]|\d/.test(raw) || token[0].endsWith('/');
    const lower = raw.toLowerCase();
    WORD.lastIndex = 0;
    for (let found = WORD.exec(lower); found !== null; found = WORD.exec(lower)) {
      const word = found[0];
      if (word.length >= 4 && !STOP.has(word)) visit(word, isCode, token.index);
    }
  }
}

function lexicalIndexOf(index: RuleIndex): LexicalIndex {
  const cached = prepared.get(index);
  if (cached) return cached;
  // The checker's index carries each page's distinctive words instead of the prose they come from.
  const wordsOfPage = index.pages.map((page) => new Set(page.words ?? wordsOf(lexicalTextOfPage(page))));
  const pagesOfWord = new Map<string, number>();
  for (const words of wordsOfPage) for (const word of words) pagesOfWord.set(word, (pagesOfWord.get(word) ?? 0) + 1);
  const built = { wordsOfPage, pagesOfWord };
  prepared.set(index, built);
  return built;
}

/** The text a page's words are read from: its title, summary, signatures, clues and config keys. */
export function lexicalTextOfPage(page: RulePage): string {
  const parts = [page.title, page.summary, ...page.signatures.map((s) => s.text), ...page.clues.map((c) => c.says)];
  for (const clue of page.clues) parts.push(...wordsOfFact(clue.fact));
  for (const fix of page.fixes) if (fix.kind === 'config') for (const change of fix.changes) parts.push(change.path.replace(/<server>/g, ''));
  return parts.join('\n');
}

/** The pages (at most `limit`, best first) the paste shares distinctive words with. */
export function rankLexical(index: RuleIndex, lines: LineStore, limit = MAX_LEXICAL): LexicalMatch[] {
  const { wordsOfPage, pagesOfWord } = lexicalIndexOf(index);
  const total = Math.max(1, index.pages.length);
  const firstLine = new Map<string, number>();
  const asCode = new Set<string>();
  // One scan of the paste's lines joined by line feeds (no token spans one), each word's line
  // found by walking the lines' start offsets along with the scan.
  const { text, starts } = lines.joinedPaste();
  let line = 0;
  forEachCodeWord(
    text,
    (word, isCode, at) => {
      while (line + 1 < starts.length && (starts[line + 1] as number) <= at) line++;
      if (!firstLine.has(word)) firstLine.set(word, line);
      if (isCode) asCode.add(word);
    },
  );
  const rarity = (word: string): number => Math.log(total / (pagesOfWord.get(word) ?? total)) * (asCode.has(word) ? 1 : PLAIN_SHARE);
  const found: LexicalMatch[] = [];
  index.pages.forEach((page, at) => {
    const own = wordsOfPage[at];
    if (!own) return;
    const words = [...firstLine.keys()].filter((word) => own.has(word) && (pagesOfWord.get(word) ?? Infinity) <= MAX_PAGES_PER_WORD);
    if (words.length === 0) return;
    words.sort((a, b) => rarity(b) - rarity(a) || (a < b ? -1 : 1));
    const score = words.reduce((sum, word) => sum + rarity(word), 0);
    if (score < MIN_SCORE) return;
    const first = Math.min(...words.map((word) => firstLine.get(word) ?? 0));
    if (first >= lines.pasteCount) return;
    found.push({ page, words, score: Math.round(score * 100) / 100, at: { input: 'paste', line: lines.lineAt(first) } });
  });
  found.sort((a, b) => b.score - a.score || (a.page.id < b.page.id ? -1 : 1));
  return found.slice(0, limit);
}

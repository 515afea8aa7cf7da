/**
 * Turns ranked pages into what people read: each match with the evidence that counted (the fact
 * in words, the line, a redacted excerpt, the weight), the spans to highlight, and — when the
 * checker is not sure — what to paste next.
 */
import type { InputName } from './evidence.ts';
import type { FactHit } from './match-fact.ts';
import type { LexicalMatch } from './rank-lexical.ts';
import type { ConfigOnlyMatch } from './rank-config-only.ts';
import { pointsOfFact, type RankedPage } from './rank-matches.ts';
import { redactText } from './redact.ts';
import { describeFact } from './fact-kinds/registry.ts';
import type { RuleClue, RulePage } from './rule-index.ts';
import type { EvidenceView } from './view-evidence.ts';
import { placeWordsOf, shortTextOf, strongestOutputOf } from './page-output.ts';

/** The one entry point for a fact in words; each kind words its own facts (fact-kinds/<kind>.ts). */
export { describeFact };

/** One piece of evidence that counted for (or against) a match. */
export interface MatchedEvidence {
  /** A signature fact, a supporting clue, or a clue that contradicts the page. */
  kind: 'signature' | 'clue' | 'contradiction';
  /** A human sentence: what counted and why. */
  says: string;
  /** Which input it came from. */
  input: InputName;
  /** 1-based line in that input. */
  line: number;
  /** That line, redacted. */
  excerpt: string;
  /** The points it gave (negative for contradictions). */
  weight: number;
}

/** A page the paste matched, as shown. */
export interface Match {
  /** The page id. */
  id: string;
  /** The page title. */
  title: string;
  /** `/errors/<id>/`. */
  url: string;
  /** `#sig-<id>` of the signature that decided. */
  anchor?: string;
  /**
   * The signature that decided, as the page words it, whether all its facts held or only some, and
   * `describes` when it is a reporter's description rather than output; absent for a possible page
   * (`possible`, `fromConfig`), which no signature found.
   */
  signature?: { id: string; text: string; isFull: boolean; describes?: true };
  /** The score (see rank-matches.ts): for ordering and `--json`, never shown to people as the verdict. */
  score: number;
  /** How sure the checker is. */
  confidence: 'high' | 'medium' | 'low';
  /** Look-alike or follow-up pages, with their titles. */
  related: RelatedPage[];
  /** LiteLLM versions the failure was seen in (`>=1.77.0 <1.80.8`). */
  affects: string[];
  /** The release (and PR) that fixed it, when it was a bug that got fixed. */
  fixedIn?: { version: string; pr?: number };
  /** The evidence that counted. */
  evidence: MatchedEvidence[];
  /** Set when no signature matched and the page only shares distinctive words with the paste: those words. */
  possible?: { words: string[] };
  /** Set when no signature matched and the page was found by its config clues alone (its evidence lists them). */
  fromConfig?: true;
  /** For a page found by config alone: what would tell it apart from the others, its signature where it shows (a sentence). */
  tellApart?: string;
  /** What the user's LiteLLM version says about this page (`fixed in 1.81.3; you run 1.83.3`), when it says something. */
  versionNote?: string;
}

/** A page a match links to as related. */
export interface RelatedPage {
  /** The page id. */
  id: string;
  /** Its title (the id when the page is unknown). */
  title: string;
  /** `/errors/<id>/`. */
  url: string;
}

/** A span of the input that counted, for highlighting. */
export interface Highlight {
  /** Which input. */
  input: InputName;
  /** 1-based line. */
  line: number;
  /** Start offset in the line (UTF-16). */
  start: number;
  /** End offset, exclusive. */
  end: number;
}

const EXCERPT_CHARS = 200;

/** Explains one ranked page; `titleOf` names the related pages. */
export function explainMatch(ranked: RankedPage, view: EvidenceView, titleOf: (id: string) => string | undefined = () => undefined): Match {
  const { page } = ranked.result;
  const evidence: MatchedEvidence[] = [];
  const signature = ranked.best.signature;
  const factor = ranked.signaturePoints / Math.max(1e-9, ranked.best.held.reduce((s, h) => s + pointsOfFact(h.fact, h.hit), 0));
  for (const { fact, hit } of ranked.best.held) {
    // The signature itself is named once on the match; each piece says what its line told the checker.
    evidence.push({
      kind: 'signature',
      says: `${capitalise(describeFact(fact, hit, seenText(hit, view)))}.`,
      ...locate(hit, view),
      weight: round(pointsOfFact(fact, hit) * (ranked.isFull ? 1 : factor)),
    });
  }
  for (const { clue, hit } of ranked.support) {
    evidence.push({ kind: 'clue', says: saysOfClue(clue, hit), ...locate(hit, view), weight: round(2 * clue.weight) });
  }
  for (const { clue, hit } of ranked.contradictions) {
    evidence.push({ kind: 'contradiction', says: saysOfClue(clue, hit), ...locate(hit, view), weight: round(2 * clue.weight) });
  }
  const match: Match = {
    id: page.id,
    title: page.title,
    url: page.url,
    anchor: `#sig-${signature.id}`,
    signature: { id: signature.id, text: signature.text, isFull: ranked.isFull, ...(signature.describes === true ? { describes: true as const } : {}) },
    score: ranked.score,
    confidence: ranked.confidence,
    related: page.relatedErrors.map((id) => ({ id, title: titleOf(id) ?? id, url: `/errors/${id}/` })),
    affects: (page.affects ?? []).map((affected) => affected.versions),
    evidence,
  };
  if (page.fixedIn) match.fixedIn = page.fixedIn.pr === undefined ? { version: page.fixedIn.version } : { version: page.fixedIn.version, pr: page.fixedIn.pr };
  const note = versionNoteOf(ranked);
  if (note) match.versionNote = note;
  return match;
}

/** The spans of the input that counted for the given ranked pages, deduplicated and ordered. */
export function highlightsOf(ranked: readonly RankedPage[], view: EvidenceView): Highlight[] {
  const seen = new Map<string, Highlight>();
  const add = (hit: FactHit): void => {
    const text = view.textAt(hit.input, hit.line);
    const start = hit.span ? Math.min(hit.span.start, text.length) : 0;
    const end = hit.span ? Math.min(hit.span.end, text.length) : text.length;
    if (end <= start) return;
    // Offsets into the user's own line: the lead-in every line shared was read past (see Evidence).
    const shift = hit.input === 'paste' ? (view.evidence.pasteLeadIns?.[hit.line - 1] ?? 0) : 0;
    const key = `${hit.input}:${hit.line}:${start}:${end}`;
    if (!seen.has(key)) seen.set(key, { input: hit.input, line: hit.line, start: start + shift, end: end + shift });
  };
  for (const page of ranked) {
    page.best.held.forEach((h) => add(h.hit));
    page.support.forEach((c) => add(c.hit));
    page.contradictions.forEach((c) => add(c.hit));
  }
  return [...seen.values()].sort((a, b) => (a.input === b.input ? 0 : a.input === 'paste' ? -1 : 1) || a.line - b.line || a.start - b.start);
}

function locate(hit: FactHit, view: EvidenceView): { input: InputName; line: number; excerpt: string } {
  const text = view.textAt(hit.input, hit.line);
  return { input: hit.input, line: hit.line, excerpt: excerptOf(text, hit) };
}

// Long lines are cut around the span that counted, so the excerpt shows the reason, not the noise.
// The whole line is masked before it is cut: a cut through a secret would leave part of it unrecognised.
function excerptOf(line: string, hit: FactHit): string {
  let text: string;
  try {
    text = redactText(line);
  } catch {
    return '[excerpt hidden: it could not be redacted]';
  }
  let shown = text.trim();
  if (text.length > EXCERPT_CHARS) {
    const center = hit.span ? hit.span.start : 0;
    const from = Math.max(0, Math.min(center - 40, text.length - EXCERPT_CHARS));
    shown = `${from > 0 ? '…' : ''}${text.slice(from, from + EXCERPT_CHARS).trim()}${from + EXCERPT_CHARS < text.length ? '…' : ''}`;
  }
  return shown;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const SEEN_CHARS = 80;

// The user's own words that held a literal or pattern fact, redacted and cut to a quotable length.
function seenText(hit: FactHit, view: EvidenceView): string | undefined {
  if (!hit.span) return undefined;
  const raw = view.textAt(hit.input, hit.line).slice(hit.span.start, hit.span.end).replace(/\s+/g, ' ').trim();
  if (raw === '') return undefined;
  const cut = raw.length > SEEN_CHARS ? `${raw.slice(0, SEEN_CHARS)}…` : raw;
  try {
    return redactText(cut);
  } catch {
    return undefined;
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

// The version is evidence too: said in words so the user sees why a page moved.
function versionNoteOf(ranked: RankedPage): string | undefined {
  const fit = ranked.versionFit;
  const fixedIn = ranked.result.page.fixedIn;
  if (!fit) return undefined;
  if (fit.isFixed && fixedIn) return `Fixed in ${fixedIn.version}; you run ${fit.version}, so this is less likely (unless the upgrade did not reach the proxy that answered).`;
  if (fixedIn) return `Fixed in ${fixedIn.version}; you run ${fit.version}, which does not have the fix.`;
  if (fit.isAffected) return `Seen in LiteLLM ${fit.version}, the version you run.`;
  return undefined;
}

/** Explains a page found by words alone: always 'low', scored below any signature match, with the words. */
export function explainLexical(found: LexicalMatch, view: EvidenceView, titleOf: (id: string) => string | undefined = () => undefined): Match {
  const { page } = found;
  const words = found.words.slice(0, 6);
  return {
    id: page.id,
    title: page.title,
    url: page.url,
    score: Math.min(LEXICAL_CEILING, found.score),
    confidence: 'low',
    related: relatedOf(page, titleOf),
    affects: (page.affects ?? []).map((affected) => affected.versions),
    evidence: [
      {
        kind: 'clue',
        says: `No signature of this page matched; the paste shares these distinctive words with it: ${words.join(', ')}. A possible page only.`,
        ...locate(found.at, view),
        weight: Math.min(LEXICAL_CEILING, found.score),
      },
    ],
    possible: { words },
  };
}

// Below every partial signature match that counts (those score above 0 and up to 55): a word
// match is the weakest evidence there is.
const LEXICAL_CEILING = 10;

/** Explains a page found by its config clues alone: 'low', above word matches, below signature matches. */
export function explainConfigOnly(found: ConfigOnlyMatch, view: EvidenceView, titleOf: (id: string) => string | undefined = () => undefined): Match {
  const { page } = found;
  return {
    id: page.id,
    title: page.title,
    url: page.url,
    score: Math.min(CONFIG_ONLY_CEILING, LEXICAL_CEILING + found.rank),
    confidence: 'low',
    related: relatedOf(page, titleOf),
    affects: (page.affects ?? []).map((affected) => affected.versions),
    evidence: found.clues.map(({ clue, hit }) => ({ kind: 'clue' as const, says: saysOfClue(clue, hit), ...locate(hit, view), weight: round(2 * clue.weight) })),
    possible: { words: [] },
    fromConfig: true,
    ...tellApartOf(page),
  };
}

/**
 * What a clue that held says: its sentence, and for a group of alternatives (`any-of`) the one
 * that held, in words (“Seen: in the `mcp_servers` entry `fs`, `transport` is “stdio” and `args`
 * is not set.”), since the sentence names them all. A clue without its sentence (the checker's
 * rules leave the pages' prose out) says only that.
 */
export function saysOfClue(clue: RuleClue, hit: FactHit): string {
  if (hit.member === undefined) return clue.says;
  const seen = `Seen: ${describeFact(clue.fact, hit)}.`;
  return clue.says === '' ? seen : `${clue.says} ${seen}`;
}

/**
 * What tells a page apart from the others a config fits: a config says which shape a setup has,
 * while what went wrong shows in what the proxy or the client printed, so the page's strongest
 * signature outside the config is what to look for next: output first, a reporter's description
 * only when the page has nothing else. Empty for a page with neither.
 */
export function tellApartOf(page: RulePage): { tellApart?: string } {
  const best = strongestOutputOf(page, true);
  if (!best) return {};
  const place = placeWordsOf(best);
  return { tellApart: `It is this page if you see “${shortTextOf(best, TELL_APART_CHARS)}”${place === undefined ? '' : ` (${place})`}.` };
}

const TELL_APART_CHARS = 90;

const CONFIG_ONLY_CEILING = 20;

function relatedOf(page: RulePage, titleOf: (id: string) => string | undefined): RelatedPage[] {
  return page.relatedErrors.map((id) => ({ id, title: titleOf(id) ?? id, url: `/errors/${id}/` }));
}

/**
 * Turns ranked pages into what people read: each match with the evidence that counted (the fact
 * in words, the line, a redacted excerpt, the weight), the spans to highlight, and — when the
 * checker is not sure — what to paste next.
 */
import type { InputName } from './evidence.ts';
import type { FactHit } from './match-fact.ts';
import { pointsOfFact, type RankedPage } from './rank-matches.ts';
import { redactText } from './redact.ts';
import type { RuleFact, RuleValueTest } from './rule-index.ts';
import type { EvidenceView } from './view-evidence.ts';

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
  /** The signature that decided, as the page words it, and whether all its facts held or only some. */
  signature: { id: string; text: string; isFull: boolean };
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
  const factor = ranked.signaturePoints / Math.max(1e-9, ranked.best.held.reduce((s, h) => s + pointsOfFact(h.fact), 0));
  for (const { fact, hit } of ranked.best.held) {
    // The signature itself is named once on the match; each piece says what its line told the checker.
    evidence.push({
      kind: 'signature',
      says: `${capitalise(describeFact(fact, hit, seenText(hit, view)))}.`,
      ...locate(hit, view),
      weight: round(pointsOfFact(fact) * (ranked.isFull ? 1 : factor)),
    });
  }
  for (const { clue, hit } of ranked.support) {
    evidence.push({ kind: 'clue', says: clue.says, ...locate(hit, view), weight: round(2 * clue.weight) });
  }
  for (const { clue, hit } of ranked.contradictions) {
    evidence.push({ kind: 'contradiction', says: clue.says, ...locate(hit, view), weight: round(2 * clue.weight) });
  }
  const match: Match = {
    id: page.id,
    title: page.title,
    url: page.url,
    anchor: `#sig-${signature.id}`,
    signature: { id: signature.id, text: signature.text, isFull: ranked.isFull },
    score: ranked.score,
    confidence: ranked.confidence,
    related: page.relatedErrors.map((id) => ({ id, title: titleOf(id) ?? id, url: `/errors/${id}/` })),
    affects: (page.affects ?? []).map((affected) => affected.versions),
    evidence,
  };
  if (page.fixedIn) match.fixedIn = page.fixedIn.pr === undefined ? { version: page.fixedIn.version } : { version: page.fixedIn.version, pr: page.fixedIn.pr };
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
    const key = `${hit.input}:${hit.line}:${start}:${end}`;
    if (!seen.has(key)) seen.set(key, { input: hit.input, line: hit.line, start, end });
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
function excerptOf(text: string, hit: FactHit): string {
  let shown = text.trim();
  if (text.length > EXCERPT_CHARS) {
    const center = hit.span ? hit.span.start : 0;
    const from = Math.max(0, Math.min(center - 40, text.length - EXCERPT_CHARS));
    shown = `${from > 0 ? '…' : ''}${text.slice(from, from + EXCERPT_CHARS).trim()}${from + EXCERPT_CHARS < text.length ? '…' : ''}`;
  }
  try {
    return redactText(shown);
  } catch {
    return '[excerpt hidden: it could not be redacted]';
  }
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

/**
 * A fact in plain words, e.g. `the response status is 401 (Unauthorized)`: what the line told the
 * checker, never the rule's regular expression. `seen` is the (redacted) text of the line that held
 * it, quoted when the rule is a pattern that has no plainer wording.
 */
export function describeFact(fact: RuleFact, hit?: FactHit, seen?: string): string {
  switch (fact.kind) {
    case 'text':
      return `it says “${seen ?? fact.text}”${placesOf(fact.in)}`;
    case 'pattern': {
      const plain = literalsOfPattern(fact.pattern);
      if (plain) return `it says ${plain}${placesOf(fact.in)}`;
      return seen ? `it says “${seen}”${placesOf(fact.in)}` : `a line${placesOf(fact.in)} reads as this signature does`;
    }
    case 'status':
      return Array.isArray(fact.status)
        ? `the response status is one of ${fact.status.map(describeStatus).join(', ')}`
        : `the response status is ${describeStatus(fact.status)}`;
    case 'header':
      if (fact.absent) return `no response carries the header \`${fact.name}\``;
      if (fact.value === undefined) return `the response carries the header \`${fact.name}\``;
      return `the response's \`${fact.name}\` header ${describeMatching(fact.value, 'has the value this page describes')}`;
    case 'request-header':
      if (fact.absent) return `the request sent no \`${fact.name}\` header`;
      if (fact.value === undefined) return `the request sent the header \`${fact.name}\``;
      return `the request's \`${fact.name}\` header ${describeMatching(fact.value, 'has the value this page describes')}`;
    case 'json':
      return `${describeJsonPath(fact.path)} ${describeTest(fact.test)}`;
    case 'exception':
      return `Python raised \`${fact.type}\`${fact.message === undefined ? '' : ` ${describeMatching(fact.message, 'with the message this page quotes', 'with the message')}`}`;
    case 'server-config': {
      const fields = Object.entries(fact.fields).map(([key, test]) => `\`${key}\` ${describeTest(test)}`);
      const server = hit?.server ? ` \`${hit.server}\`` : '';
      return `in the \`mcp_servers\` entry${server}, ${joinWords(fields)}`;
    }
    case 'config':
      return `the config's \`${fact.path}\` ${describeTest(fact.test)}`;
  }
}

function joinWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

// The reason phrases of the statuses pages name, so a bare number reads as what it means.
const STATUS_WORDS: Readonly<Record<number, string>> = {
  200: 'OK',
  202: 'Accepted',
  204: 'No Content',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** A status with its reason phrase: `401 (Unauthorized)`. */
export function describeStatus(status: number): string {
  const words = STATUS_WORDS[status];
  return words === undefined ? String(status) : `${status} (${words})`;
}

// `result.tools` reads as "the JSON field `tools` under `result`"; `*` stands for every item.
function describeJsonPath(path: string): string {
  const parts = path.split('.').filter((part) => part !== '');
  const last = parts.pop();
  if (last === undefined) return 'the JSON body';
  const named = last === '*' ? `every item of \`${parts.pop() ?? 'the list'}\`` : `the JSON field \`${last}\``;
  return parts.length === 0 ? named : `${named} under \`${parts.join('.')}\``;
}

function describeTest(test: RuleValueTest): string {
  if ('equals' in test && test.equals !== undefined) return describeEquals(test.equals);
  if (test.present !== undefined) return test.present ? 'is set' : 'is not set';
  if (test.notTrue) return 'is not true';
  if (test.includes !== undefined) return `includes “${test.includes}”`;
  if (test.matches !== undefined) return describeMatching(test.matches, 'has the value this page describes');
  return 'holds';
}

function describeEquals(value: unknown): string {
  if (Array.isArray(value) && value.length === 0) return 'is an empty list';
  if (value !== null && typeof value === 'object' && Object.keys(value).length === 0) return 'is an empty object';
  if (typeof value === 'string') return `is “${value}”`;
  return `is \`${JSON.stringify(value)}\``;
}

// A regex written as plain words (`^(Unauthorized|Forbidden)$`) reads as those words; any other is
// described by what it stands for, never shown (issue 12: evidence must not read as a regex).
function describeMatching(pattern: string, otherwise: string, lead = 'is'): string {
  const plain = literalsOfPattern(pattern);
  return plain ? `${lead} ${plain}` : otherwise;
}

/**
 * The words a regular expression stands for when it is only literals and alternatives
 * (`no tools (available|found)` → “no tools available” or “no tools found”); undefined when it uses
 * any other syntax, or yields more than four phrasings.
 */
export function literalsOfPattern(pattern: string): string | undefined {
  const body = pattern.replace(/^\^|\$$/g, '').replace(/\\b/g, '');
  const literal = /^[^\\()|[\]{}.*+?^$]*$/;
  let phrasings = [''];
  let rest = body;
  // Top-level alternation of literals: `a|b|c`.
  if (!/[()]/.test(rest)) {
    const options = rest.split('|');
    if (options.length > 4 || !options.every((option) => literal.test(option) && option.trim() !== '')) return undefined;
    return options.map((option) => `“${option.trim()}”`).join(' or ');
  }
  while (rest !== '') {
    const group = /^\((?:\?:)?([^()]*)\)/.exec(rest);
    if (group) {
      const options = (group[1] ?? '').split('|');
      if (!options.every((option) => literal.test(option))) return undefined;
      phrasings = phrasings.flatMap((head) => options.map((option) => head + option));
      rest = rest.slice(group[0].length);
      continue;
    }
    const text = /^[^\\()|[\]{}.*+?^$]+/.exec(rest);
    if (!text) return undefined;
    phrasings = phrasings.map((head) => head + text[0]);
    rest = rest.slice(text[0].length);
  }
  if (phrasings.length > 4 || phrasings.some((phrase) => phrase.trim() === '')) return undefined;
  return phrasings.map((phrase) => `“${phrase.trim().replace(/\s+/g, ' ')}”`).join(' or ');
}

const PLACE_WORDS: Readonly<Record<string, string>> = {
  'status-line': 'status line',
  header: 'headers',
  body: 'response body',
  log: 'log',
  traceback: 'traceback',
  client: "client's output",
  config: 'config',
  request: 'request',
};

function placesOf(places: readonly string[] | undefined): string {
  if (!places || places.includes('any')) return '';
  return ` in the ${places.map((place) => PLACE_WORDS[place] ?? place).join(' or ')}`;
}

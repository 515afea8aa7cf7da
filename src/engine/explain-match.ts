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
  /** The score (see rank-matches.ts). */
  score: number;
  /** How sure the checker is. */
  confidence: 'high' | 'medium' | 'low';
  /** Related page ids. */
  related: string[];
  /** The evidence that counted. */
  evidence: MatchedEvidence[];
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

/** Explains one ranked page. */
export function explainMatch(ranked: RankedPage, view: EvidenceView): Match {
  const { page } = ranked.result;
  const evidence: MatchedEvidence[] = [];
  const signature = ranked.best.signature;
  const factor = ranked.signaturePoints / Math.max(1e-9, ranked.best.held.reduce((s, h) => s + pointsOfFact(h.fact), 0));
  for (const { fact, hit } of ranked.best.held) {
    const lead = ranked.isFull ? `Signature “${signature.text}”` : `Part of signature “${signature.text}”`;
    evidence.push({
      kind: 'signature',
      says: `${lead}: ${describeFact(fact, hit)}.`,
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
    score: ranked.score,
    confidence: ranked.confidence,
    related: [...page.relatedErrors],
    evidence,
  };
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

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** A fact in words, e.g. `the response status is 200`. */
export function describeFact(fact: RuleFact, hit?: FactHit): string {
  switch (fact.kind) {
    case 'text':
      return `the text “${fact.text}” appears${placesOf(fact.in)}`;
    case 'pattern':
      return `a line matches /${fact.pattern}/${placesOf(fact.in)}`;
    case 'status':
      return Array.isArray(fact.status) ? `a response status is one of ${fact.status.join(', ')}` : `the response status is ${fact.status}`;
    case 'header':
      if (fact.absent) return `no response carries a ${fact.name} header`;
      return fact.value === undefined ? `the response carries a ${fact.name} header` : `the response header ${fact.name} matches /${fact.value}/`;
    case 'request-header':
      if (fact.absent) return `the request did not send a ${fact.name} header`;
      return fact.value === undefined ? `the request sent a ${fact.name} header` : `the request header ${fact.name} matches /${fact.value}/`;
    case 'json':
      return `the JSON at ${fact.path} ${describeTest(fact.test)}`;
    case 'exception':
      return `a ${fact.type} was raised${fact.message === undefined ? '' : ` with a message matching /${fact.message}/`}`;
    case 'server-config': {
      const fields = Object.entries(fact.fields).map(([key, test]) => `${key} ${describeTest(test)}`);
      const server = hit?.server ? `“${hit.server}”` : 'of the server';
      return `the mcp_servers entry ${server} has ${fields.join(' and ')}`;
    }
    case 'config':
      return `config ${fact.path} ${describeTest(fact.test)}`;
  }
}

function describeTest(test: RuleValueTest): string {
  if ('equals' in test && test.equals !== undefined) return `is ${JSON.stringify(test.equals)}`;
  if (test.present !== undefined) return test.present ? 'set' : 'not set';
  if (test.notTrue) return 'not true';
  if (test.includes !== undefined) return `including “${test.includes}”`;
  if (test.matches !== undefined) return `matching /${test.matches}/`;
  return 'tested';
}

function placesOf(places: readonly string[] | undefined): string {
  if (!places || places.includes('any')) return '';
  return ` in the ${places.join(' or ')}`;
}

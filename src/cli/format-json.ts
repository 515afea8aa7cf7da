import { redactText, type CheckResult, type MatchedEvidence, type Suggestion } from '../engine/index.ts';
import { pageUrlOf } from './describe-result.ts';

/** One match as `--json` prints it: the page, its full URL with the signature anchor, and why. */
export interface JsonMatch {
  id: string;
  title: string;
  /** `https://mcpfix.dev/errors/<id>/#sig-<signature>`. */
  url: string;
  score: number;
  confidence: 'high' | 'medium' | 'low';
  /** Ids of look-alike pages. */
  related: string[];
  evidence: MatchedEvidence[];
}

/** The part of `--json` that `check` and `probe` share, field for field. */
export interface JsonDiagnosis {
  verdict: CheckResult['verdict'];
  matches: JsonMatch[];
  suggestions: Suggestion[];
  nextSteps: string[];
  notes: string[];
}

/** Turns the engine's answer into the `--json` shape shared by `check` and `probe`. */
export function toJsonDiagnosis(result: CheckResult): JsonDiagnosis {
  return {
    verdict: result.verdict,
    matches: result.matches.map((match) => ({
      id: match.id,
      title: match.title,
      url: pageUrlOf(match),
      score: match.score,
      confidence: match.confidence,
      related: match.related.map((page) => page.id),
      evidence: match.evidence,
    })),
    suggestions: result.suggestions,
    nextSteps: result.nextSteps,
    notes: result.notes,
  };
}

/**
 * Serialises a value as indented JSON with every string passed through `redactText` first, so
 * `--json` output is as safe to share as the text output.
 */
export function renderJson(value: unknown): string {
  return `${JSON.stringify(redactDeep(value), null, 2)}\n`;
}

function redactDeep(value: unknown): unknown {
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map(redactDeep);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, redactDeep(inner)]));
  }
  return value;
}

import { redactText, type CheckResult, type LintFinding, type LitellmVersion, type MatchedEvidence, type Suggestion } from '../engine/index.ts';
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
  /** `fixed in X; you run Y`, when the version says something about the page. */
  versionNote?: string;
}

/** The part of `--json` that `check` and `probe` share, field for field. */
export interface JsonDiagnosis {
  verdict: CheckResult['verdict'];
  matches: JsonMatch[];
  suggestions: Suggestion[];
  nextSteps: string[];
  /** What is wrong in the MCP part of the config: `{path, message, suggestion?}` each. */
  lint: LintFinding[];
  /** The LiteLLM version taken into account and the text it was read from, or null. */
  version: LitellmVersion | null;
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
      ...(match.versionNote !== undefined ? { versionNote: match.versionNote } : {}),
    })),
    suggestions: result.suggestions,
    nextSteps: result.nextSteps,
    lint: result.lint,
    version: result.version,
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

import { maskSecrets, type CheckResult, type CheckStep, type LintFinding, type LitellmVersion, type MatchedEvidence, type SharedConfigShape, type Suggestion } from '../engine/index.ts';
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
  /** For a page found by config alone: what would tell it apart (its signature, where it shows). */
  tellApart?: string;
}

/** The part of `--json` that `check` and `probe` share, field for field. */
export interface JsonDiagnosis {
  verdict: CheckResult['verdict'];
  matches: JsonMatch[];
  /** When a config alone fits several pages and none stands out: `{shape, size, pages}`, its pages all in `matches`; else null. */
  configShape: SharedConfigShape | null;
  /** The changes to make: config diffs or snippets, env lines, upgrades, client actions. */
  suggestions: Suggestion[];
  /** What to look at next (logs, a curl request): investigation steps, never changes. */
  checkNext: CheckStep[];
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
      ...(match.tellApart !== undefined ? { tellApart: match.tellApart } : {}),
    })),
    configShape: result.configShape,
    suggestions: result.suggestions,
    checkNext: result.checkNext,
    nextSteps: result.nextSteps,
    lint: result.lint,
    version: result.version,
    notes: result.notes,
  };
}

/**
 * Serialises a value as indented JSON with every string masked first (`maskSecrets`, with the
 * secrets the run knows of), so `--json` output is as safe to share as the text output. Control
 * characters are left to JSON's own escaping: the strings stay exact.
 */
export function renderJson(value: unknown, extraSecrets: readonly string[] = []): string {
  const mask = (text: string): string => maskSecrets(text, { extraSecrets });
  return `${JSON.stringify(maskDeep(value, mask), null, 2)}\n`;
}

// Walks our own result values (never server data: those arrive as strings), so the depth is ours.
function maskDeep(value: unknown, mask: (text: string) => string): unknown {
  if (typeof value === 'string') return mask(value);
  if (Array.isArray(value)) return value.map((inner) => maskDeep(inner, mask));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, maskDeep(inner, mask)]));
  }
  return value;
}

import { maskKnownSecrets, maskSecrets, type CheckResult, type CheckStep, type LintFinding, type LitellmVersion, type MatchedEvidence, type SharedConfigShape, type Suggestion } from '../engine/index.ts';
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
 * Serialises a value as indented JSON with every string masked first, so `--json` output is as
 * safe to share as the text output: the secrets the run knows of everywhere, and the pattern rules
 * of `maskSecrets` on everything that came from outside (evidence excerpts, the user's config diff,
 * lint, notes, a server's answers). The project's own text (page titles and URLs, fix titles and
 * notes, check-next steps) gets the known secrets only: the pattern rules misread our prose.
 * Control characters are left to JSON's own escaping: the strings stay exact.
 */
export function renderJson(value: unknown, extraSecrets: readonly string[] = []): string {
  const masks: Masks = {
    outside: (text) => maskSecrets(text, { extraSecrets }),
    own: (text) => maskKnownSecrets(text, extraSecrets),
  };
  return `${JSON.stringify(maskDeep(value, masks, 'outside'), null, 2)}\n`;
}

interface Masks {
  outside(text: string): string;
  own(text: string): string;
}

/** How a string is masked: as outside text, as our own, or as outside text whatever a key below says. */
type MaskMode = 'outside' | 'own' | 'always-outside';

// Keys whose values are the project's own text (`suggestions`, `checkNext` and `nextSteps` come from
// the pages; `title`, `url`, `tellApart`, `versionNote` and `related` of a match too).
const OWN_KEYS = new Set(['suggestions', 'checkNext', 'nextSteps', 'title', 'url', 'tellApart', 'versionNote', 'related']);
// Keys whose values quote the user's input or a server's answer, however deep: once under one, always outside.
const OUTSIDE_KEYS = new Set(['evidence', 'diff', 'lint', 'version', 'configShape', 'notes', 'steps', 'unreachable', 'target', 'tools']);

function modeOfKey(key: string, mode: MaskMode): MaskMode {
  if (mode === 'always-outside' || OUTSIDE_KEYS.has(key)) return 'always-outside';
  return OWN_KEYS.has(key) ? 'own' : mode;
}

// Walks our own result values (never server data: those arrive as strings), so the depth is ours.
function maskDeep(value: unknown, masks: Masks, mode: MaskMode): unknown {
  if (typeof value === 'string') return mode === 'own' ? masks.own(value) : masks.outside(value);
  if (Array.isArray(value)) return value.map((inner) => maskDeep(inner, masks, mode));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, maskDeep(inner, masks, modeOfKey(key, mode))]));
  }
  return value;
}

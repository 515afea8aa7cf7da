/**
 * How sure the checker is, in words people read instead of a score. One wording for the CLI, the
 * /check/ page and the GitHub Markdown, so the three never disagree.
 */

/** A match's confidence as the engine reports it. */
export type Confidence = 'high' | 'medium' | 'low';

const WORDS: Readonly<Record<Confidence, { label: string; reason: string }>> = {
  high: { label: 'Very likely', reason: 'a whole signature matched and no other page fits as well' },
  medium: { label: 'Possibly', reason: 'a whole signature matched, but another page fits about as well' },
  low: { label: 'Unlikely', reason: 'only part of a signature matched' },
};

/** The short label of a confidence: `Very likely`, `Possibly`, `Unlikely`. */
export function confidenceLabel(confidence: Confidence): string {
  return WORDS[confidence].label;
}

// A page found by the config alone matched no signature at all: its reason says so instead.
const FROM_CONFIG_REASON = 'no signature matched; only your config points here';

/**
 * The label with its reason: `Very likely: a whole signature matched and no other page fits as well`.
 * A page found by the config alone (`isFromConfig`) gives that as its reason.
 */
export function describeConfidence(confidence: Confidence, isFromConfig = false): string {
  const words = WORDS[confidence];
  return `${words.label}: ${isFromConfig ? FROM_CONFIG_REASON : words.reason}`;
}

/** A config shape several pages share, as the answer names it (see `CheckResult.configShape`). */
export interface ConfigShapeWords {
  /** What the pages share, in words. */
  shape: string;
  /** How many pages share it. */
  size: number;
  /** The pages listed. */
  pages: readonly string[];
}

/**
 * Why a config-only answer lists a group of pages: `8 pages share this config shape (…)`. Naming
 * one of them first would claim what the config cannot show, so the sentence says so.
 */
export function describeConfigShape(shape: ConfigShapeWords): string {
  const listed = shape.pages.length < shape.size ? ` (the ${shape.pages.length} closest are listed)` : '';
  return (
    `${shape.size} pages share this config shape (${shape.shape})${listed}: the config alone cannot tell them apart, ` +
    'so each is a possible page, with what would tell it apart.'
  );
}

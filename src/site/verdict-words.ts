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
// A page a reporter's description decided: words are no output, so that is why it is not surer.
const DESCRIPTION_REASON = 'your words match how people describe this failure, not a line anything printed';
// A whole signature matched, and a clue of the page holds against it: that, not a rival page, is why.
const CONTRADICTED_REASON = 'a whole signature matched, but the evidence also holds something against this page (marked “against”)';

/** What decided a match, when it changes the reason given for its confidence. */
export interface DecidedBy {
  /** The page was found by the config alone. */
  isFromConfig?: boolean;
  /** A whole signature that is a reporter's description matched (`describes`), not output. */
  isDescription?: boolean;
  /** Something in the paste speaks against the page (a clue of the page contradicted it). */
  isContradicted?: boolean;
}

/**
 * The label with its reason: `Very likely: a whole signature matched and no other page fits as well`.
 * A page found by the config alone, or decided by a description, gives that as its reason.
 */
export function describeConfidence(confidence: Confidence, decidedBy: DecidedBy = {}): string {
  const words = WORDS[confidence];
  return `${words.label}: ${reasonOf(confidence, decidedBy) ?? words.reason}`;
}

// The reason that replaces the confidence's own, when what decided the match explains it better.
function reasonOf(confidence: Confidence, decidedBy: DecidedBy): string | undefined {
  if (decidedBy.isFromConfig === true) return FROM_CONFIG_REASON;
  if (confidence !== 'medium') return undefined;
  if (decidedBy.isDescription === true) return DESCRIPTION_REASON;
  if (decidedBy.isContradicted === true) return CONTRADICTED_REASON;
  return undefined;
}

/** What decided a match, read from it. */
export function decidedByOf(match: { fromConfig?: true; signature?: { isFull: boolean; describes?: true }; evidence?: readonly { kind: string }[] }): DecidedBy {
  return {
    isFromConfig: match.fromConfig === true,
    isDescription: match.signature?.isFull === true && match.signature.describes === true,
    isContradicted: match.evidence?.some((item) => item.kind === 'contradiction') === true,
  };
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

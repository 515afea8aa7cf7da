/**
 * Matches one page against a paste: which of its signatures hold fully or in part, and which of
 * its clues hold. Scoring is rank-matches.ts's business; this only gathers what held and where.
 */
import type { FactHit, FactMatcher } from './match-fact.ts';
import type { RuleClue, RuleFact, RulePage, RuleSignature } from './rule-index.ts';

/** One fact of a signature that held, and where. */
export interface HeldFact {
  /** The fact. */
  fact: RuleFact;
  /** Where it held. */
  hit: FactHit;
}

/** How far one signature held. */
export interface SignatureResult {
  /** The signature. */
  signature: RuleSignature;
  /** The facts that held. */
  held: HeldFact[];
  /** The facts that did not. */
  missing: RuleFact[];
}

/** A clue that held, and where. */
export interface ClueResult {
  /** The clue. */
  clue: RuleClue;
  /** Where its fact held. */
  hit: FactHit;
}

/** Everything one page's rules found in a paste. */
export interface PageResult {
  /** The page. */
  page: RulePage;
  /** Every signature with at least one fact held. */
  signatures: SignatureResult[];
  /** Clues whose fact held (positive and negative). */
  clues: ClueResult[];
  /** Positive clues whose fact did not hold: evidence that would help decide. */
  unheldClues: RuleClue[];
}

/** Evaluates a page's signatures and clues; null when none of its signature facts holds. */
export function matchPage(page: RulePage, facts: FactMatcher): PageResult | null {
  const signatures: SignatureResult[] = [];
  for (const signature of page.signatures) {
    const held: HeldFact[] = [];
    const missing: RuleFact[] = [];
    for (const fact of signature.facts) {
      const hit = facts.match(fact);
      if (hit) held.push({ fact, hit });
      else missing.push(fact);
    }
    if (held.length > 0) signatures.push({ signature, held, missing });
  }
  if (signatures.length === 0) return null;
  const clues: ClueResult[] = [];
  const unheldClues: RuleClue[] = [];
  for (const clue of page.clues) {
    const hit = facts.match(clue.fact);
    if (hit) clues.push({ clue, hit });
    else if (clue.weight > 0) unheldClues.push(clue);
  }
  return { page, signatures, clues, unheldClues };
}

/**
 * Matches one page against a paste: which of its signatures hold fully or in part, and which of
 * its clues hold. Scoring is rank-matches.ts's business; this only gathers what held and where.
 */
import type { FactHit, FactMatcher } from './match-fact.ts';
import type { PageFactIds } from './prepare-rules.ts';
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

/**
 * Evaluates a page's signatures and clues; null when none of its signature facts holds. `ids`
 * (the page's distinct fact ids from the prepared index) lets the matcher skip its fact lookup.
 */
export function matchPage(page: RulePage, facts: FactMatcher, ids?: PageFactIds): PageResult | null {
  const hitOf = (fact: RuleFact, id: number | undefined): FactHit | null => (id === undefined ? facts.match(fact) : facts.matchId(id, fact));
  // Most pages hold nothing in a given paste: find that out before allocating anything.
  let isAnyHeld = false;
  for (let s = 0; s < page.signatures.length && !isAnyHeld; s++) {
    const signature = page.signatures[s] as RuleSignature;
    for (let f = 0; f < signature.facts.length; f++) {
      if (hitOf(signature.facts[f] as RuleFact, ids?.signatures[s]?.[f])) {
        isAnyHeld = true;
        break;
      }
    }
  }
  if (!isAnyHeld) return null;
  const signatures: SignatureResult[] = [];
  page.signatures.forEach((signature, s) => {
    const held: HeldFact[] = [];
    const missing: RuleFact[] = [];
    signature.facts.forEach((fact, f) => {
      const hit = hitOf(fact, ids?.signatures[s]?.[f]);
      if (hit) held.push({ fact, hit });
      else missing.push(fact);
    });
    if (held.length > 0) signatures.push({ signature, held, missing });
  });
  const clues: ClueResult[] = [];
  const unheldClues: RuleClue[] = [];
  page.clues.forEach((clue, c) => {
    const hit = hitOf(clue.fact, ids?.clues[c]);
    if (hit) clues.push({ clue, hit });
    else if (clue.weight > 0) unheldClues.push(clue);
  });
  return { page, signatures, clues, unheldClues };
}

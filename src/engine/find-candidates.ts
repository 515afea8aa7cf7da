/**
 * The pages worth matching in full for one paste: the facts whose trigger the evidence shows are
 * asked (through the memoising fact matcher), and a page is a candidate when one of its
 * signature facts holds. A page none of whose signature facts holds is no result (see
 * match-page.ts), so skipping the others changes nothing but the cost.
 */
import type { FactMatcher } from './match-fact.ts';
import type { PreparedIndex } from './prepare-rules.ts';
import type { RuleFact } from './rule-index.ts';
import type { EvidenceView } from './view-evidence.ts';
import { evidenceKeysOf } from './fact-kinds/evidence-keys.ts';

/** Indexes into `prepared.index.pages`, ascending, of the pages with a signature fact that holds. */
export function findCandidatePages(prepared: PreparedIndex, view: EvidenceView, facts: FactMatcher): number[] {
  const asked = new Uint8Array(prepared.factCount);
  const isCandidate = new Uint8Array(prepared.index.pages.length);
  let candidates = 0;
  const ask = (ids: readonly number[] | undefined): void => {
    if (!ids) return;
    for (const id of ids) {
      if (asked[id] === 1) continue;
      asked[id] = 1;
      const pages = prepared.pagesOfFact[id];
      // A fact only clues use is asked when its page is matched, not here.
      if (!pages || pages.length === 0) continue;
      if (!facts.matchId(id, prepared.factOfId[id] as RuleFact)) continue;
      for (const page of pages) {
        if (isCandidate[page] === 0) candidates++;
        isCandidate[page] = 1;
      }
    }
  };
  const { triggers } = prepared;
  if (view.lines.length > 0) {
    ask(triggers.literalsAlways);
    if (view.hasUnfolded) ask(triggers.literalsWithWords);
    else {
      const counts = view.wordLineCount;
      for (let word = 0; word < counts.length; word++) if ((counts[word] as number) > 0) ask(triggers.literalsByWord[word]);
    }
  }
  for (const key of evidenceKeysOf(view)) ask(triggers.byEvidenceKey.get(key));
  const pages: number[] = [];
  for (let page = 0; page < isCandidate.length && pages.length < candidates; page++) if (isCandidate[page] === 1) pages.push(page);
  return pages;
}

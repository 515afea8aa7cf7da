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
  const { evidence, indexes } = view;
  if (view.lines.length > 0) {
    ask(triggers.literalsAlways);
    if (view.hasUnfolded) ask(triggers.literalsWithWords);
    else {
      const counts = view.wordLineCount;
      for (let word = 0; word < counts.length; word++) if ((counts[word] as number) > 0) ask(triggers.literalsByWord[word]);
    }
  }
  for (const status of indexes.statuses.keys()) ask(triggers.byStatus.get(status));
  for (const name of indexes.responseHeaders.keys()) ask(triggers.byResponseHeader.get(name));
  if (indexes.firstResponseWithHeaders) ask(triggers.responseHeaderAbsent);
  for (const name of indexes.requestHeaders.keys()) ask(triggers.byRequestHeader.get(name));
  if (indexes.firstRequestWithHeaders) ask(triggers.requestHeaderAbsent);
  if (evidence.json.length > 0) {
    ask(triggers.jsonAny);
    for (const key of view.jsonByKey.keys()) ask(triggers.byJsonKey.get(key));
  }
  for (const type of indexes.exceptions.keys()) ask(triggers.byException.get(type));
  if (evidence.configs.length > 0) ask(triggers.config);
  const pages: number[] = [];
  for (let page = 0; page < isCandidate.length && pages.length < candidates; page++) if (isCandidate[page] === 1) pages.push(page);
  return pages;
}

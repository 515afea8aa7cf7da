/**
 * Writes a prepared index's tables in the form the CLI's rules file stores them
 * (src/engine/stored-preparation.ts), so that a check reads them instead of preparing the index.
 */
import type { PreparedIndex } from '../engine/prepare-rules.ts';
import type { StoredLiteral, StoredPreparation } from '../engine/stored-preparation.ts';

/** The tables of `prepared` to store, marked with the fingerprint of the prepare code that made them. */
export function storePreparation(prepared: PreparedIndex, fingerprint: string): StoredPreparation {
  const literals = prepared.literals.map(({ segments, branches, needles, runBranches, minWordRun, minSecondRun, minLength, isLineLocal }) => {
    const stored: StoredLiteral = {};
    if (segments) stored.segments = segments;
    if (branches) stored.branches = branches;
    if (needles) stored.needles = needles;
    if (runBranches) stored.runBranches = runBranches;
    if (minWordRun > 0) stored.minWordRun = minWordRun;
    if (minSecondRun > 0) stored.minSecondRun = minSecondRun;
    if (minLength > 0) stored.minLength = minLength;
    if (isLineLocal) stored.isLineLocal = 1;
    return stored;
  });
  const { literalsByWord, literalsWithWords, literalsAlways, byEvidenceKey } = prepared.triggers;
  return { fingerprint, factCount: prepared.factCount, literals, words: prepared.words, literalsByWord, literalsWithWords, literalsAlways, byEvidenceKey: Object.fromEntries(byEvidenceKey) };
}

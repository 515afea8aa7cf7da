/**
 * Writes the stored form of the rule index (see src/engine/rule-index-format.ts, which reads it
 * back): build only, so it lives apart from the engine.
 */
import type { PatternAnalysis } from '../engine/prepare-rules.ts';
import { PACKED_VERSION, type Json } from '../engine/rule-index-format.ts';
import type { RuleFact, RuleIndex, RulePage } from '../engine/rule-index.ts';

/** The stored form of a compiled index (a JSON value). */
export function packRuleIndex(index: RuleIndex): Json {
  const packed: Json = { version: PACKED_VERSION, pages: index.pages.map(packPage) };
  if (index.configModel !== undefined) packed['configModel'] = index.configModel;
  return packed;
}

function packPage(page: RulePage): Json {
  const { url: _url, retired, relatedErrors, signatures, clues, ...rest } = page;
  const packed: Json = { ...rest };
  if (retired) packed['retired'] = true;
  if (relatedErrors.length > 0) packed['relatedErrors'] = relatedErrors;
  packed['signatures'] = signatures.map((signature) => {
    const { where, facts, ...kept } = signature;
    return where === 'any' ? { ...kept, facts: facts.map(packFact) } : { ...kept, where, facts: facts.map(packFact) };
  });
  packed['clues'] = clues.map((clue) => ({ ...clue, fact: packFact(clue.fact) }));
  // Keys in the compiled order, so that unpacking gives back the same JSON text.
  return orderLike(page, packed);
}

function packFact(fact: RuleFact): RuleFact | Json {
  if (fact.kind !== 'pattern' || fact.prefilter === undefined) return fact;
  const text = packAnalysis(fact.prefilter);
  return text === undefined ? fact : { ...fact, prefilter: text };
}

const SEPARATORS = /[ |;-]/;

function packAnalysis(analysis: PatternAnalysis): string | undefined {
  const lists = (value: string[][] | null): string | undefined => {
    if (value === null) return '-';
    if (value.length === 0 || value.some((words) => words.some((word) => word === '' || SEPARATORS.test(word)))) return undefined;
    return value.map((words) => words.join(' ')).join('|');
  };
  const safe = lists(analysis.safeWords);
  const required = lists(analysis.requiredRuns);
  if (safe === undefined || required === undefined) return undefined;
  const head = `${analysis.minWordRun};${analysis.minSecondRun};${analysis.minLength};${safe};${required}`;
  const needles = analysis.needles === undefined ? '' : lists([analysis.needles]);
  if (needles === undefined || needles === '-') return undefined;
  if (analysis.lineLocal === true) return `${head};${needles};L`;
  return needles === '' ? head : `${head};${needles}`;
}

function orderLike(model: object, packed: Json): Json {
  const ordered: Json = {};
  for (const key of Object.keys(model)) if (key in packed) ordered[key] = packed[key];
  return ordered;
}


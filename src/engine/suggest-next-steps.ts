/**
 * What to paste next when the checker is not sure: derived from the facts the closest pages still
 * miss, so each step names the one thing that would decide between them.
 */
import type { Evidence } from './evidence.ts';
import type { RankedPage } from './rank-matches.ts';
import type { RuleFact } from './rule-index.ts';
import { STEP_DEBUG_HEADERS, STEP_LOGS, STEP_SERVER_CONFIG, STEP_STATUS } from './fact-kinds/next-steps.ts';
import { kindOf } from './fact-kinds/registry.ts';
import { placeWordsOf, shortTextOf, strongestOutputOf } from './page-output.ts';

/** Steps that would decide between the closest pages (or, with no match, the evidence to start from). */
export function suggestNextSteps(ranked: readonly RankedPage[], evidence: Evidence): string[] {
  const steps: string[] = [];
  const add = (step: string | null): void => {
    if (step && !steps.includes(step)) steps.push(step);
  };
  const closest = ranked.slice(0, 3);
  const top = ranked[0];
  // A description decided the top page: more words would not make it surer, the output would.
  if (top?.isFull && top.best.signature.describes === true) add(outputStep(top));
  for (const page of closest) {
    page.best.missing.forEach((fact) => add(stepFor(fact, evidence)));
  }
  // Pages that matched equally well: the clues that would separate them are what to ask for.
  for (const page of closest) {
    if (page.isFull) page.result.unheldClues.forEach((clue) => add(stepFor(clue.fact, evidence)));
  }
  if (ranked.length === 0 || steps.length === 0) {
    if (evidence.responses.length === 0) add(STEP_STATUS);
    if (!evidence.lines.hasPlace('log') && !evidence.lines.hasPlace('traceback')) add(STEP_LOGS);
    if (evidence.configs.every((c) => c.servers.length === 0)) add(STEP_SERVER_CONFIG);
    if (evidence.responses.length > 0) add(STEP_DEBUG_HEADERS);
  }
  return steps.slice(0, 4);
}

function stepFor(fact: RuleFact, evidence: Evidence): string | null {
  return kindOf(fact)?.nextStep(fact, evidence) ?? null;
}

const OUTPUT_CHARS = 90;

/**
 * The step that asks for what the top page's failure prints, when only a description of the
 * symptom matched it: the page's own literal, where it shows, and the response or log around it.
 */
function outputStep(top: RankedPage): string {
  const literal = strongestOutputOf(top.result.page);
  const around = 'the status line and body of the failing response (run it again with `curl -si`) or the proxy log lines around it';
  if (!literal) return `You described the symptom; paste what was printed when it happened, word for word: ${around}.`;
  const place = placeWordsOf(literal);
  return (
    `You described the symptom; paste what was printed instead. This failure shows as “${shortTextOf(literal, OUTPUT_CHARS)}”` +
    `${place === undefined ? '' : ` ${place}`}: paste that line as printed, with ${around}.`
  );
}

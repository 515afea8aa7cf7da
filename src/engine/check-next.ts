/**
 * A page's "Check next": what to look at when its fixes did not help (a log, a curl request, a
 * list to compare). These change nothing, so they travel apart from the suggested changes. The
 * checker shows them with a confident verdict; an unsure one gets "what to paste next" instead
 * (suggest-next-steps.ts), which asks for the evidence that would decide between pages.
 */
import type { RulePage } from './rule-index.ts';

/** One investigation step of the page the checker named. */
export interface CheckStep {
  /** The page it comes from. */
  pageId: string;
  /** What to look at, in one imperative line. */
  title: string;
  /** What to look for. */
  note?: string;
  /** The exact command to run, when the page gives one. */
  command?: string;
}

/** The page's investigation steps, in the page's order. */
export function listCheckNext(page: RulePage): CheckStep[] {
  return (page.checkNext ?? []).map((step) => {
    const out: CheckStep = { pageId: page.id, title: step.title };
    if (step.note !== undefined) out.note = step.note;
    if (step.command !== undefined) out.command = step.command;
    return out;
  });
}

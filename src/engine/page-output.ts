/**
 * What a page's failure prints: its signatures that are output (a literal of LiteLLM, a client, an
 * SDK or a tool) rather than a person's description of the symptom (`describes`), and how to
 * name one to someone reading their own output. The checker asks for these when it only has
 * words about a failure, and quotes one to tell a page apart from the others a config fits.
 */
import type { RulePage, RuleSignature } from './rule-index.ts';

/**
 * The page's heaviest signature that is output and not config (the first of equals, in page
 * order); with `orDescription`, the heaviest description when the page has no output signature.
 */
export function strongestOutputOf(page: RulePage, orDescription = false): RuleSignature | undefined {
  const shown = page.signatures.filter((signature) => signature.where !== 'config');
  const output = shown.filter((signature) => signature.describes !== true);
  return heaviest(output.length > 0 || !orDescription ? output : shown);
}

/** A signature's text on one line, cut to `maxChars` with an ellipsis. */
export function shortTextOf(signature: RuleSignature, maxChars: number): string {
  const text = signature.text.replace(/\s+/g, ' ').trim();
  return text.length > maxChars ? `${text.slice(0, maxChars).trimEnd()}…` : text;
}

/** Where a signature shows, in the words of someone reading their own output; undefined when it can show anywhere. */
export function placeWordsOf(signature: RuleSignature): string | undefined {
  if (signature.client !== undefined) return `in ${signature.client}'s output`;
  switch (signature.where) {
    case 'status-line':
      return 'as the response status';
    case 'header':
      return 'in a response header';
    case 'body':
      return 'in the response body';
    case 'log':
      return "in LiteLLM's log";
    case 'traceback':
      return 'in a traceback';
    case 'client':
      return "in the client's output";
    case 'request':
      return 'in the request';
    default:
      return undefined;
  }
}

function heaviest(signatures: readonly RuleSignature[]): RuleSignature | undefined {
  return signatures.reduce<RuleSignature | undefined>((a, b) => (a === undefined || b.weight > a.weight ? b : a), undefined);
}

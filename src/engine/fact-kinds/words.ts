/**
 * Wording shared by the kinds' `describe`: statuses, JSON paths, value tests and places in plain
 * words. A regular expression is never shown to people (issue 12): a pattern of literals and
 * alternatives reads as those literals, any other as what it stands for.
 */
import type { RuleValueTest } from '../rule-index.ts';

/** Items joined as a sentence: `a, b and c`. */
export function joinWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

// The reason phrases of the statuses pages name, so a bare number reads as what it means.
const STATUS_WORDS: Readonly<Record<number, string>> = {
  200: 'OK',
  202: 'Accepted',
  204: 'No Content',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** A status with its reason phrase: `401 (Unauthorized)`. */
export function describeStatus(status: number): string {
  const words = STATUS_WORDS[status];
  return words === undefined ? String(status) : `${status} (${words})`;
}

// `result.tools` reads as "the JSON field `tools` under `result`"; `*` stands for every item.
/** A JSON path in words. */
export function describeJsonPath(path: string): string {
  const parts = path.split('.').filter((part) => part !== '');
  const last = parts.pop();
  if (last === undefined) return 'the JSON body';
  const named = last === '*' ? `every item of \`${parts.pop() ?? 'the list'}\`` : `the JSON field \`${last}\``;
  return parts.length === 0 ? named : `${named} under \`${parts.join('.')}\``;
}

/** A value test in words, e.g. `is “oauth2”`, `is not set`, `is an empty list`. */
export function describeTest(test: RuleValueTest): string {
  if ('equals' in test && test.equals !== undefined) return describeEquals(test.equals);
  if (test.present !== undefined) return test.present ? 'is set' : 'is not set';
  if (test.notTrue) return 'is not true';
  if (test.includes !== undefined) return `includes “${test.includes}”`;
  if (test.matches !== undefined) return describeMatching(test.matches, 'has the value this page describes');
  return 'holds';
}

function describeEquals(value: unknown): string {
  if (Array.isArray(value) && value.length === 0) return 'is an empty list';
  if (value !== null && typeof value === 'object' && Object.keys(value).length === 0) return 'is an empty object';
  if (typeof value === 'string') return `is “${value}”`;
  return `is \`${JSON.stringify(value)}\``;
}

// A regex written as plain words (`^(Unauthorized|Forbidden)$`) reads as those words; any other is
// described by what it stands for, never shown (issue 12: evidence must not read as a regex).
/** A regex test in words: its literals when it has only literals, else `otherwise`. */
export function describeMatching(pattern: string, otherwise: string, lead = 'is'): string {
  const plain = literalsOfPattern(pattern);
  return plain ? `${lead} ${plain}` : otherwise;
}

/**
 * The words a regular expression stands for when it is only literals and alternatives
 * (`no tools (available|found)` → “no tools available” or “no tools found”); undefined when it uses
 * any other syntax, or yields more than four phrasings.
 */
export function literalsOfPattern(pattern: string): string | undefined {
  const body = pattern.replace(/^\^|\$$/g, '').replace(/\\b/g, '');
  const literal = /^[^\\()|[\]{}.*+?^$]*$/;
  let phrasings = [''];
  let rest = body;
  // Top-level alternation of literals: `a|b|c`.
  if (!/[()]/.test(rest)) {
    const options = rest.split('|');
    if (options.length > 4 || !options.every((option) => literal.test(option) && option.trim() !== '')) return undefined;
    return options.map((option) => `“${option.trim()}”`).join(' or ');
  }
  while (rest !== '') {
    const group = /^\((?:\?:)?([^()]*)\)/.exec(rest);
    if (group) {
      const options = (group[1] ?? '').split('|');
      if (!options.every((option) => literal.test(option))) return undefined;
      phrasings = phrasings.flatMap((head) => options.map((option) => head + option));
      rest = rest.slice(group[0].length);
      continue;
    }
    const text = /^[^\\()|[\]{}.*+?^$]+/.exec(rest);
    if (!text) return undefined;
    phrasings = phrasings.map((head) => head + text[0]);
    rest = rest.slice(text[0].length);
  }
  if (phrasings.length > 4 || phrasings.some((phrase) => phrase.trim() === '')) return undefined;
  return phrasings.map((phrase) => `“${phrase.trim().replace(/\s+/g, ' ')}”`).join(' or ');
}

const PLACE_WORDS: Readonly<Record<string, string>> = {
  'status-line': 'status line',
  header: 'headers',
  body: 'response body',
  log: 'log',
  traceback: 'traceback',
  client: "client's output",
  config: 'config',
  request: 'request',
};

/** ` in the log or client's output` for a place restriction; empty for anywhere. */
export function placesOf(places: readonly string[] | undefined): string {
  if (!places || places.includes('any')) return '';
  return ` in the ${places.map((place) => PLACE_WORDS[place] ?? place).join(' or ')}`;
}

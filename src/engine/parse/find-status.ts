import type { StatusSeen } from '../evidence.ts';
import { ALL_MARKS, hasMark, MARK } from './line-marks.ts';

/** A status code mentioned inside a line, and how it was said. */
export interface StatusMention {
  /** The status code. */
  status: number;
  /** `client` for the forms MCP clients print (`(HTTP 500)`, `Non-200 status code (401)`), `text` otherwise. */
  from: StatusSeen['from'];
}

// `needs` is a literal every match holds: a line without it skips the pattern.
// `gate` is a short pattern every match also matches (cheaper than the long alternation).
const MENTIONS: Array<{ pattern: RegExp; from: StatusSeen['from']; needs?: string; gate?: RegExp }> = [
  // Claude Code / the TypeScript SDK: `Error POSTing to endpoint (HTTP 500): …`.
  { pattern: /\(HTTP (\d{3})\)/g, from: 'client', needs: '(HTTP ' },
  // The TypeScript SDK's legacy SSE transport: `SSE error: Non-200 status code (401)`.
  { pattern: /Non-200 status code \((\d{3})\)/g, from: 'client', needs: 'Non-200 status code (' },
  { pattern: /\bHTTP(?:\/\d(?:\.\d)?)?[ :]{1,2}(\d{3})\b/g, from: 'text', needs: 'HTTP' },
  { pattern: /\bstatus(?:[ _]code)?\s{0,2}[:=]?\s{0,2}(\d{3})\b/gi, from: 'text' },
  // httpx: `Client error '401 Unauthorized' for url …`.
  { pattern: /\b(?:Client|Server) error '(\d{3}) /g, from: 'text', needs: " error '" },
  { pattern: /\b(\d{3}) (?:Unauthorized|Forbidden|Not Found|Not Acceptable|Bad Request|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout|Method Not Allowed|Too Many Requests|Unprocessable Entity|Conflict)\b/g, from: 'text', gate: /\d{3} [UFNBISGMTC]/ },
];

/**
 * What every status mention holds, one of them at least: `HTTP` (forms 1 and 3), `status` in any
 * case (2 and 4), the apostrophe of httpx's `error '401 ` (5), or a code before the capital of a
 * reason phrase (6's gate). The pre-pass (scan-line-marks.ts) marks the lines holding one.
 */
export const STATUS_CLUES: readonly (string | RegExp)[] = ['HTTP', /status/gi, "'", /(?<=\d{3} )[UFNBISGMTC]/g];

const NO_MENTIONS: readonly StatusMention[] = Object.freeze([]);

const THREE_DIGITS = /(?<!\d)\d{3}(?!\d)/;

function mentionOf<T extends StatusMention>(found: T[], status: number): T | undefined {
  for (const mention of found) if (mention.status === status) return mention;
  return undefined;
}

/**
 * Finds status codes mentioned in a line of text (a client error, a log message, prose),
 * each code once, in order of appearance. Only 100–599 count. `marks` are those of the line
 * the text is part of (line-marks.ts): without a status clue there is nothing to find.
 */
export function findStatusMentions(text: string, marks = ALL_MARKS): readonly StatusMention[] {
  // Most lines mention no status: they share one empty answer instead of allocating one each.
  // Every form captures a run of exactly three digits (none has a digit just before or after
  // it), so a line whose digit runs are all shorter or longer (dates, times, ids) has none.
  if (!hasMark(marks, MARK.statusClue) || text.length < 3 || !THREE_DIGITS.test(text)) return NO_MENTIONS;
  return findStatusMentionsInFull(text);
}

/** `findStatusMentions` without its first test: every form tried (what the tests compare it with). */
export function findStatusMentionsInFull(text: string): readonly StatusMention[] {
  // Lines with digits but no status (timestamps, ports) allocate nothing.
  let found: Array<StatusMention & { at: number }> | undefined;
  for (const { pattern, from, needs, gate } of MENTIONS) {
    if (needs !== undefined && !text.includes(needs)) continue;
    if (gate !== undefined && !gate.test(text)) continue;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      const status = Number(match[1]);
      if (status < 100 || status > 599) continue;
      const existing = found === undefined ? undefined : mentionOf(found, status);
      if (existing) {
        if (from === 'client') existing.from = 'client';
        continue;
      }
      (found ??= []).push({ status, from, at: match.index });
    }
  }
  if (found === undefined) return NO_MENTIONS;
  if (found.length > 1) found.sort((a, b) => a.at - b.at);
  return found.map(({ status, from }) => ({ status, from }));
}

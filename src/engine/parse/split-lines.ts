import { withoutColourCodes } from '../normalize.ts';
import { ALL_MARKS, hasMark, MARK } from './line-marks.ts';

/**
 * The lines of one input as the parser reads them: by index, without an object per line (a
 * paste of millions of short lines would otherwise be millions of objects).
 */
export interface LineList {
  /** How many lines. */
  readonly length: number;
  /** The text of the line at `index`, without its line break ('' past the end). */
  textAt(index: number): string;
  /** The 1-based line number in its input of the line at `index`. */
  lineAt(index: number): number;
}

/** How much of a line the classifiers look at: very long lines are judged by their start. */
export const CLASSIFY_PREFIX = 4096;

/**
 * Lines given as texts. Line numbers count from 1, or are all `fixedLine` when it is given (the
 * lines of a traceback inside one JSON log record are all that record's line).
 */
export class TextLines implements LineList {
  /** How many lines. */
  readonly length: number;
  readonly #texts: readonly string[];
  readonly #fixedLine: number;

  constructor(texts: readonly string[], fixedLine = 0) {
    this.#texts = texts;
    this.#fixedLine = fixedLine;
    this.length = texts.length;
  }

  /** The text of the line at `index` ('' past the end). */
  textAt(index: number): string {
    return this.#texts[index] ?? '';
  }

  /** Its 1-based line number. */
  lineAt(index: number): number {
    return this.#fixedLine > 0 ? this.#fixedLine : index + 1;
  }
}

/** The texts of lines `from` (inclusive) to `to` (exclusive), joined by line feeds. */
export function joinTexts(lines: LineList, from: number, to: number): string {
  const texts: string[] = [];
  for (let index = from; index < to && index < lines.length; index++) texts.push(lines.textAt(index));
  return texts.join('\n');
}

/**
 * The texts of the lines of `text` (split on LF, CRLF or a lone CR). `hasCarriageReturn` is
 * whether the text holds a CR, when the caller has looked already (a look at 10 MB: 0.35 ms).
 */
export function splitLineTexts(text: string, hasCarriageReturn = text.includes('\r')): string[] {
  // Splitting on a one-character string is several times faster than on a regex; most pastes
  // have no CR at all, and CRLF pastes have no lone CR.
  if (!hasCarriageReturn) return text.split('\n');
  if (/\r(?!\n)/.test(text)) return text.split(/\r\n|\r|\n/);
  // Every CR is followed by an LF: split on LF and drop the CR that ends a line.
  const parts = text.split('\n');
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index] as string;
    if (part.charCodeAt(part.length - 1) === 13) parts[index] = part.slice(0, -1);
  }
  return parts;
}

/**
 * The part of a line classifiers look at: a bounded prefix with terminal colour codes removed,
 * so a 10 MB line costs no more than a short one and `\x1b[92m15:29:02 - LiteLLM…` reads as a log line.
 * `marks` are the line's (line-marks.ts): a line the pre-pass found no escape in is not searched for one.
 */
export function headOf(text: string, marks = ALL_MARKS): string {
  const head = text.length > CLASSIFY_PREFIX ? text.slice(0, CLASSIFY_PREFIX) : text;
  return hasMark(marks, MARK.colourCode) ? withoutColourCodes(head) : head;
}

/**
 * Whether a UTF-16 code unit is whitespace as JavaScript's `\s` and `String.prototype.trim`
 * define it (WhiteSpace and LineTerminator of ECMA-262: tab, VT, FF, space, NBSP, BOM, the Zs
 * characters, LF, CR, LS, PS).
 */
export function isSpaceCode(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/**
 * Index of the first character of `text` (from `from` on) that is not whitespace (`\s`), or the
 * length when there is none. Detectors look at that character before running any pattern: each
 * shape starts with a known character once its indentation is skipped.
 */
export function firstNonSpace(text: string, from = 0): number {
  let index = from;
  while (index < text.length && isSpaceCode(text.charCodeAt(index))) index++;
  return index;
}

/** A set of ASCII characters a line may lead with: a table indexed by character code (see `leadsWithOneOf`). */
export type LeadSet = Uint8Array;

/** The lead set of the (ASCII) characters in `chars`. */
export function leadSet(chars: string): LeadSet {
  const set = new Uint8Array(128);
  for (let index = 0; index < chars.length; index++) {
    const code = chars.charCodeAt(index);
    if (code >= 128) throw new Error(`A lead set holds ASCII characters only, not ${chars[index]}`);
    set[code] = 1;
  }
  return set;
}

/**
 * Whether the first non-space character of `text` is in `set`: the cheap test a detector runs
 * before its pattern, when every line the pattern accepts starts (after indentation) with one
 * of a few characters. `lead` is that character's index when the caller already knows it (a
 * line goes through many detectors: its indentation is skipped once).
 */
export function leadsWithOneOf(text: string, set: LeadSet, lead = firstNonSpace(text)): boolean {
  // A blank text's lead is its length: the code is NaN, in no set, as is any non-ASCII code.
  const code = text.charCodeAt(lead);
  return code < 128 && set[code] === 1;
}

/** Whether a line holds nothing but whitespace (what `String.prototype.trim` removes). */
export function isBlank(text: string): boolean {
  // The common case decides on the first character without allocating a trimmed copy.
  const first = text.charCodeAt(0);
  if (text.length === 0) return true;
  if (first > 32 && first < 127) return false;
  return firstNonSpace(text) === text.length;
}

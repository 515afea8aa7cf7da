/**
 * The per-paste view the matcher works on: every line normalised once, the lines each literal's
 * anchor word occurs on (one pass over the tokens of the paste), and lookups for explanations.
 */
import type { Evidence, InputName, JsonSeen, Place } from './evidence.ts';
import { normalizeForMatch } from './normalize.ts';
import { isWordCode, type PreparedIndex } from './prepare-rules.ts';
import { asText } from './value-test.ts';

/** One line the literals are tested on: a pasted line, or a multi-line JSON value made compact. */
export interface ViewLine {
  /** Which input. */
  input: InputName;
  /** 1-based line in that input. */
  line: number;
  /** The place the parser gave it. */
  place: Place;
  /** The raw text (patterns test this). */
  raw: string;
  /** The normalised text (text literals test this). */
  norm: string;
}

/** What the matcher knows about one paste. */
export interface EvidenceView {
  /** The parsed evidence. */
  evidence: Evidence;
  /** The lines literals are tested on. */
  lines: ViewLine[];
  /** literal id → indexes into `lines` where its anchor occurs (ascending). */
  candidates: Map<number, number[]>;
  /** JSON values by their first key (objects) or `*` (arrays and scalars). */
  jsonByKey: Map<string, JsonSeen[]>;
  /** The raw text of a line of an input, for excerpts. */
  textAt(input: InputName, line: number): string;
}

// Patterns are tested on at most this many characters of a line: a bound on regex work for
// single-line megabyte pastes (minified JSON, binary junk) that no real signature needs.
const MAX_PATTERN_LINE = 16_384;
// The same colour-code shape normalizeForMatch removes.
const ANSI = /\u001b\[[0-9;]{0,20}[A-Za-z]/g;

/** Builds the view of a paste's evidence for one index. */
export function viewEvidence(evidence: Evidence, prepared: PreparedIndex): EvidenceView {
  const lines: ViewLine[] = [];
  const textByKey = new Map<string, string>();
  const placeByKey = new Map<string, Place>();
  for (const line of evidence.lines) {
    // Colour codes are dropped before patterns run, as normalizeForMatch drops them for literals:
    // the words a pattern sees are then exactly the words the anchor prefilter saw.
    const raw = line.text.includes('\u001b') ? line.text.replace(ANSI, '') : line.text;
    lines.push({ input: line.input, line: line.line, place: line.place, raw, norm: safeNormalize(raw) });
    textByKey.set(`${line.input}:${line.line}`, raw);
    placeByKey.set(`${line.input}:${line.line}`, line.place);
  }
  addCompactJson(evidence, lines, textByKey, placeByKey);
  for (const config of evidence.configs) {
    const sourceLines = config.source.split(/\r?\n/);
    sourceLines.forEach((text, offset) => {
      const key = `${config.input}:${config.line + offset}`;
      if (!textByKey.has(key)) textByKey.set(key, text);
    });
  }
  const jsonByKey = new Map<string, JsonSeen[]>();
  for (const seen of evidence.json) {
    const value = seen.value;
    const keys = value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : ['*'];
    for (const key of keys) {
      const list = jsonByKey.get(key);
      if (list) list.push(seen);
      else jsonByKey.set(key, [seen]);
    }
  }
  return {
    evidence,
    lines,
    candidates: findCandidates(lines, prepared),
    jsonByKey,
    textAt: (input, line) => textByKey.get(`${input}:${line}`) ?? '',
  };
}

/** The part of a raw line a pattern is tested on. */
export function patternWindow(raw: string): string {
  return raw.length > MAX_PATTERN_LINE ? raw.slice(0, MAX_PATTERN_LINE) : raw;
}

function safeNormalize(text: string): string {
  try {
    return normalizeForMatch(text);
  } catch {
    return text.toLowerCase();
  }
}

// A JSON body pretty-printed over many lines holds literals such as `{"tools":[]}` that no single
// line shows; its compact form is tested as one more body line.
function addCompactJson(evidence: Evidence, lines: ViewLine[], textByKey: Map<string, string>, placeByKey: Map<string, Place>): void {
  for (const seen of evidence.json) {
    if (seen.value === null || typeof seen.value !== 'object') continue;
    const compact = asText(seen.value);
    const key = `${seen.input}:${seen.line}`;
    const source = textByKey.get(key) ?? '';
    if (source.length >= compact.length) continue;
    const place = placeByKey.get(key) ?? 'body';
    lines.push({ input: seen.input, line: seen.line, place, raw: compact, norm: safeNormalize(compact) });
  }
}

function findCandidates(lines: readonly ViewLine[], prepared: PreparedIndex): Map<number, number[]> {
  const candidates = new Map<number, number[]>();
  const { anchorTable } = prepared;
  const { min, max } = prepared.anchorLength;
  if (anchorTable.size === 0) return candidates;
  for (let index = 0; index < lines.length; index++) {
    const norm = (lines[index] as ViewLine).norm;
    let start = -1;
    for (let i = 0; i <= norm.length; i++) {
      const isWord = i < norm.length && isWordCode(norm.charCodeAt(i));
      if (isWord) {
        if (start < 0) start = i;
        continue;
      }
      if (start < 0) continue;
      const length = i - start;
      if (length >= min && length <= max) {
        const ids = anchorTable.get(norm.slice(start, i));
        if (ids) {
          for (const id of ids) {
            const list = candidates.get(id);
            if (!list) candidates.set(id, [index]);
            else if (list[list.length - 1] !== index) list.push(index);
          }
        }
      }
      start = -1;
    }
  }
  return candidates;
}

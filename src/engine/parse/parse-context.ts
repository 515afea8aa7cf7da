import type { Evidence, InputName, Place } from '../evidence.ts';
import type { SourceLine } from './split-lines.ts';

/**
 * The mutable state of one parse: the lines of one input, the place decided for each, and the
 * evidence gathered so far. Readers take a context and an index and return the index after what
 * they consumed.
 */
export interface ParseContext {
  /** Which input these lines come from. */
  input: InputName;
  /** The lines of that input. */
  lines: SourceLine[];
  /** The place decided for each line (by index); unset means `any`. */
  places: Array<Place | undefined>;
  /** The evidence being built (shared between the paste and the config input). */
  evidence: Evidence;
  /**
   * Lines before this index already failed to close as a multi-line JSON value: no new
   * multi-line scan starts before it, which keeps junk full of `{` linear.
   */
  jsonScanFloor: number;
}

/** Creates a context for one input. */
export function createContext(input: InputName, lines: SourceLine[], evidence: Evidence): ParseContext {
  return { input, lines, places: new Array<Place | undefined>(lines.length), evidence, jsonScanFloor: 0 };
}

/** Tags lines `from` (inclusive) to `to` (exclusive) with a place. */
export function tagLines(context: ParseContext, from: number, to: number, place: Place): void {
  for (let index = from; index < to; index++) context.places[index] = place;
}

/** The 1-based line number of the line at an index. */
export function lineNumberAt(context: ParseContext, index: number): number {
  return context.lines[index]?.line ?? index + 1;
}

/** Creates an empty evidence record. */
export function createEvidence(): Evidence {
  return { lines: [], responses: [], requests: [], statuses: [], json: [], exceptions: [], configs: [], notes: [] };
}

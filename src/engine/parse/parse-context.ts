import type { Evidence, InputName, Place } from '../evidence.ts';
import { emptyLineStore, placeCode } from '../line-store.ts';
import type { SplitText } from './bare-log-lines.ts';
import type { LineMarks } from './line-marks.ts';
import type { LineList } from './split-lines.ts';

/**
 * The mutable state of one parse: the lines of one input, the place decided for each (`any`
 * until a reader tags it), and the evidence gathered so far. Readers take a context
 * and an index and return the index after what they consumed.
 */
export interface ParseContext {
  /** Which input these lines come from. */
  input: InputName;
  /** The lines of that input, every physical line (blank ones too), numbered from 1. */
  lines: LineList;
  /** The place code (line-store.ts `PLACES`) of each line, by index: readers set it through `tagLines`. */
  places: Uint8Array;
  /** The evidence being built (shared between the paste and the config input). */
  evidence: Evidence;
  /**
   * Lines before this index already failed to close as a multi-line JSON value: no new
   * multi-line scan starts before it, which keeps junk full of `{` linear.
   */
  jsonScanFloor: number;
  /**
   * Texts of lines that nothing recognised and that yielded no evidence, when that holds for the
   * text alone (parse-input.ts `isPlainCandidate`); undefined when every line is read.
   */
  plainTexts: Set<string> | undefined;
  /**
   * What the pre-pass found in each line (line-marks.ts); undefined when it did not run, and every
   * line may hold anything.
   */
  marks: LineMarks | undefined;
  /** The text the lines were split from, with where each starts; undefined for lines given otherwise. */
  split: SplitText | undefined;
  /** YAML blocks parsed so far in this input: past `MAX_YAML_BLOCKS` the rest are skipped and counted. */
  yamlBlocks: number;
  /** YAML blocks skipped for the budget. */
  yamlBlocksSkipped: number;
  /** Characters of YAML parsed so far in this input. */
  yamlChars: number;
}

/** The most YAML characters parsed in one paste, all blocks together. */
export const MAX_YAML_CHARS_PER_PASTE = 512 * 1024;

/** The most YAML blocks parsed in one paste: an issue body has one or two configs; twenty blocks cost seconds. */
export const MAX_YAML_BLOCKS = 8;

/** Counts one YAML block of `chars` characters against the budget; false when it is spent (the block is then skipped and counted). */
export function takeYamlBlock(context: ParseContext, chars: number): boolean {
  if (context.yamlBlocks >= MAX_YAML_BLOCKS || context.yamlChars + chars > MAX_YAML_CHARS_PER_PASTE) {
    context.yamlBlocksSkipped++;
    return false;
  }
  context.yamlBlocks++;
  context.yamlChars += chars;
  return true;
}

/** Creates a context for one input. */
export function createContext(input: InputName, lines: LineList, evidence: Evidence): ParseContext {
  return { input, lines, places: new Uint8Array(lines.length), evidence, plainTexts: new Set(), marks: undefined, split: undefined, jsonScanFloor: 0, yamlBlocks: 0, yamlBlocksSkipped: 0, yamlChars: 0 };
}

/** Tags lines `from` (inclusive) to `to` (exclusive) with a place. */
export function tagLines(context: ParseContext, from: number, to: number, place: Place): void {
  const { places } = context;
  // Most readers tag the one line they read: a store, not a call to fill.
  if (to === from + 1 && from < places.length) places[from] = placeCode(place);
  else if (from < to) places.fill(placeCode(place), from, Math.min(to, places.length));
}

/** The 1-based line number of the line at an index. */
export function lineNumberAt(context: ParseContext, index: number): number {
  return index < context.lines.length ? context.lines.lineAt(index) : index + 1;
}

/** Creates an empty evidence record. */
export function createEvidence(): Evidence {
  return { lines: emptyLineStore(), responses: [], requests: [], statuses: [], json: [], exceptions: [], configs: [], notes: [] };
}

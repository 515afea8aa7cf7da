import type { Evidence, InputName, Place, TaggedLine } from '../evidence.ts';

/**
 * The mutable state of one parse: the lines of one input, each carrying the place decided for
 * it (`any` until a reader tags it), and the evidence gathered so far. Readers take a context
 * and an index and return the index after what they consumed.
 */
export interface ParseContext {
  /** Which input these lines come from. */
  input: InputName;
  /**
   * The lines of that input, already shaped as the evidence's tagged lines: readers set their
   * place, and the non-blank ones become the evidence's lines as they are (one object per line).
   */
  lines: TaggedLine[];
  /** The evidence being built (shared between the paste and the config input). */
  evidence: Evidence;
  /**
   * Lines before this index already failed to close as a multi-line JSON value: no new
   * multi-line scan starts before it, which keeps junk full of `{` linear.
   */
  jsonScanFloor: number;
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
export function createContext(input: InputName, lines: TaggedLine[], evidence: Evidence): ParseContext {
  return { input, lines, evidence, jsonScanFloor: 0, yamlBlocks: 0, yamlBlocksSkipped: 0, yamlChars: 0 };
}

/** Tags lines `from` (inclusive) to `to` (exclusive) with a place. */
export function tagLines(context: ParseContext, from: number, to: number, place: Place): void {
  const { lines } = context;
  const stop = Math.min(to, lines.length);
  for (let index = from; index < stop; index++) (lines[index] as TaggedLine).place = place;
}

/** The 1-based line number of the line at an index. */
export function lineNumberAt(context: ParseContext, index: number): number {
  return context.lines[index]?.line ?? index + 1;
}

/** Creates an empty evidence record. */
export function createEvidence(): Evidence {
  return { lines: [], responses: [], requests: [], statuses: [], json: [], exceptions: [], configs: [], notes: [] };
}

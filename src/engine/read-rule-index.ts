/**
 * Reads the compiled rule index from JSON text (the CLI's rules file) or from its parsed value
 * (the /check/ page's rules module). The data crosses a trust boundary of sorts (a file on disk, a
 * module fetched by the page), so a truncated or foreign one becomes a readable reason instead of
 * a TypeError deep in the matcher.
 */
import type { RuleIndex } from './rule-index.ts';
import { CHECKER_VERSION, PACKED_VERSION, unpackRuleIndex } from './rule-index-format.ts';

/** The outcome of reading a rule index, discriminated on `kind`. */
export type RuleIndexReading =
  | { kind: 'read'; index: RuleIndex }
  | { kind: 'invalid'; reason: string };

// The arrays the matcher, ranking and suggestions walk on every page; a page lacking one would
// fail on the first paste instead of at load.
const PAGE_ARRAYS = ['signatures', 'clues', 'fixes', 'relatedErrors'] as const;
const PAGE_STRINGS = ['id', 'title', 'url'] as const;

/** Reads JSON text as a rule index (version 1, the stored version 2 or the checker's version 4) with at least one page; never throws. */
export function readRuleIndex(text: string): RuleIndexReading {
  if (text.trim() === '') return { kind: 'invalid', reason: 'the rules data is empty' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { kind: 'invalid', reason: `the rules data is not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  return readRuleIndexData(value);
}

/**
 * Reads a parsed JSON value as a rule index, as `readRuleIndex` does text: the /check/ worker
 * imports its rules as a module whose default export is the value itself. Never throws.
 */
export function readRuleIndexData(value: unknown): RuleIndexReading {
  if (!isRecord(value)) return { kind: 'invalid', reason: 'the rules data is not a JSON object' };
  let data: Record<string, unknown> = value;
  const version = data['version'];
  if (version !== 1 && version !== PACKED_VERSION && version !== CHECKER_VERSION) return { kind: 'invalid', reason: `the rules data has version ${JSON.stringify(version) ?? 'none'}; this checker reads version 1, ${PACKED_VERSION} or ${CHECKER_VERSION}` };
  // Versions 2 and 4 are the stored forms the build writes (rule-index-format.ts); version 1 the compiled index as it is.
  if (version !== 1 && Array.isArray(data['pages']) && data['pages'].length > 0) {
    try {
      data = unpackRuleIndex(data) as unknown as Record<string, unknown>;
    } catch (error) {
      return { kind: 'invalid', reason: error instanceof Error ? error.message : String(error) };
    }
  }
  const pages = data['pages'];
  if (!Array.isArray(pages)) return { kind: 'invalid', reason: 'the rules data has no list of pages' };
  if (pages.length === 0) return { kind: 'invalid', reason: 'the rules data holds no page' };
  for (const [position, page] of pages.entries()) {
    if (!isRecord(page)) return { kind: 'invalid', reason: `page ${position + 1} of the rules data is not an object` };
    const missing = [...PAGE_STRINGS.filter((key) => typeof page[key] !== 'string'), ...PAGE_ARRAYS.filter((key) => !Array.isArray(page[key]))];
    if (missing.length > 0) {
      const name = typeof page['id'] === 'string' ? `page ${page['id']}` : `page ${position + 1}`;
      return { kind: 'invalid', reason: `${name} of the rules data lacks ${missing.join(', ')}` };
    }
    if (page['checkNext'] !== undefined && !Array.isArray(page['checkNext'])) return { kind: 'invalid', reason: `page ${String(page['id'])} of the rules data has a checkNext that is not a list` };
  }
  return { kind: 'read', index: data as unknown as RuleIndex };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

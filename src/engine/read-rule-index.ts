/**
 * Reads the compiled rule index from JSON text, as the /check/ page carries it in a data block.
 * The text crosses a trust boundary of sorts (it travels inside an HTML page and a worker
 * message), so a truncated or foreign block becomes a readable reason instead of a TypeError deep
 * in the matcher.
 */
import type { RuleIndex } from './rule-index.ts';

/** The outcome of reading a rule index, discriminated on `kind`. */
export type RuleIndexReading =
  | { kind: 'read'; index: RuleIndex }
  | { kind: 'invalid'; reason: string };

// The arrays the matcher, ranking and suggestions walk on every page; a page lacking one would
// fail on the first paste instead of at load.
const PAGE_ARRAYS = ['signatures', 'clues', 'fixes', 'relatedErrors'] as const;
const PAGE_STRINGS = ['id', 'title', 'url'] as const;

/** Reads JSON text as a version 1 rule index with at least one page; never throws. */
export function readRuleIndex(text: string): RuleIndexReading {
  if (text.trim() === '') return { kind: 'invalid', reason: 'the rules data is empty' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { kind: 'invalid', reason: `the rules data is not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!isRecord(value)) return { kind: 'invalid', reason: 'the rules data is not a JSON object' };
  if (value['version'] !== 1) return { kind: 'invalid', reason: `the rules data has version ${JSON.stringify(value['version']) ?? 'none'}; this checker reads version 1` };
  const pages = value['pages'];
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
  return { kind: 'read', index: value as unknown as RuleIndex };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

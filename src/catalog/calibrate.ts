/**
 * Calibration: does "high" mean right? Each case is a paste with the page it should lead to (or
 * null for a paste that is no LiteLLM MCP failure); the table counts, per confidence level of the
 * top match, how many cases landed there and how many of those named the right page.
 */
import { checkPaste, type RuleIndex } from '../engine/index.ts';

/** One paste with the page it should lead to; null for a negative. */
export interface CalibrationCase {
  paste: string;
  config?: string | undefined;
  expected: string | null;
}

/** One row of the calibration table. */
export interface CalibrationRow {
  level: 'high' | 'medium' | 'low' | 'none';
  /** Cases whose top match had this level ('none': no match). */
  count: number;
  /** Of those, the ones whose top match is the expected page (for negatives: none, since no page is right). */
  right: number;
}

/** The calibration table of the cases, one row per level in order high, medium, low, none. */
export function calibrate(index: RuleIndex, cases: readonly CalibrationCase[]): CalibrationRow[] {
  const rows: CalibrationRow[] = (['high', 'medium', 'low', 'none'] as const).map((level) => ({ level, count: 0, right: 0 }));
  for (const item of cases) {
    const result = checkPaste(index, item.config === undefined ? { paste: item.paste } : { paste: item.paste, config: item.config });
    const top = result.matches[0];
    const row = rows.find((r) => r.level === (top ? top.confidence : 'none'));
    if (!row) continue;
    row.count += 1;
    if (top && item.expected !== null && top.id === item.expected) row.right += 1;
  }
  return rows;
}

/** How often a page appears among the first three answers to the cases, most frequent first (ties by id). */
export function countInTopThree(index: RuleIndex, cases: readonly CalibrationCase[]): { id: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const item of cases) {
    const result = checkPaste(index, item.config === undefined ? { paste: item.paste } : { paste: item.paste, config: item.config });
    for (const match of result.matches.slice(0, 3)) counts.set(match.id, (counts.get(match.id) ?? 0) + 1);
  }
  return [...counts].map(([id, count]) => ({ id, count })).sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1));
}

import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { ReportInventorySchema, type Report } from '../schemas/index.ts';
import { problemsFromZod, type ContentProblem } from './format-issue.ts';
import type { PageFile } from './read-pages.ts';

/** The reports inventory as read: the valid reports and every problem found in the file. */
export interface ReadReportsResult {
  reports: Report[];
  problems: ContentProblem[];
}

/**
 * Reads and validates the reports inventory against the pages: each entry's shape, unique numbers, a
 * triage that names a page that exists (by its id, not an alias) and a duplicate that points at another
 * report of the inventory. A missing file is no problem (fixture content folders have none).
 */
export function readReports(path: string, root: string, pages: readonly PageFile[]): ReadReportsResult {
  if (!existsSync(path)) return { reports: [], problems: [] };
  const file = relative(root, path) || path;
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` at line ${error.linePos[0].line}` : '';
    return { reports: [], problems: [{ file, field: '', reason: `the YAML does not parse${where}: ${(error as Error).message.split('\n')[0]}` }] };
  }
  const parsed = ReportInventorySchema.safeParse(raw);
  if (!parsed.success) {
    const numbers = numbersOf(raw);
    const problems = problemsFromZod(file, parsed.error).map((problem) => ({ ...problem, field: nameEntry(problem.field, numbers) }));
    return { reports: [], problems };
  }
  const { reports } = parsed.data;
  return { reports, problems: crossCheck(file, reports, pages) };
}

function crossCheck(file: string, reports: readonly Report[], pages: readonly PageFile[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const ids = new Set(pages.map((entry) => entry.id));
  const aliasOf = new Map<string, string>();
  for (const entry of pages) for (const alias of entry.page.aliases) aliasOf.set(alias, entry.id);
  const numbers = new Set<number>();
  for (const report of reports) {
    const at = `reports.#${report.number}`;
    if (numbers.has(report.number)) problems.push({ file, field: `${at}.number`, reason: `#${report.number} is listed twice; keep one entry per report` });
    numbers.add(report.number);
  }
  for (const report of reports) {
    const at = `reports.#${report.number}.triage`;
    const { triage } = report;
    if (triage.kind === 'page' && !ids.has(triage.id)) {
      const target = aliasOf.get(triage.id);
      problems.push({ file, field: at, reason: target ? `"${triage.id}" is an alias; name the page "${target}"` : `no page "${triage.id}" under content/errors` });
    }
    if (triage.kind === 'duplicate') {
      if (triage.of === report.number) problems.push({ file, field: at, reason: 'a report cannot duplicate itself' });
      else if (!numbers.has(triage.of)) problems.push({ file, field: at, reason: `#${triage.of} is not in the inventory; add it, or triage this report on its own` });
    }
  }
  return problems;
}

// zod names an entry by its index; an author looks for the report's number.
function nameEntry(field: string, numbers: ReadonlyMap<number, number>): string {
  return field.replace(/^reports\.(\d+)/, (whole, index: string) => {
    const number = numbers.get(Number(index));
    return number === undefined ? whole : `reports.#${number}`;
  });
}

function numbersOf(raw: unknown): Map<number, number> {
  const numbers = new Map<number, number>();
  if (typeof raw !== 'object' || raw === null || !Array.isArray((raw as { reports?: unknown }).reports)) return numbers;
  ((raw as { reports: unknown[] }).reports).forEach((entry, index) => {
    const number = typeof entry === 'object' && entry !== null ? (entry as { number?: unknown }).number : undefined;
    if (typeof number === 'number') numbers.set(index, number);
  });
  return numbers;
}

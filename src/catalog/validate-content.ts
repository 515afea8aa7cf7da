import { dirname, join } from 'node:path';
import type { PageFile } from './read-pages.ts';
import { readPages } from './read-pages.ts';
import { readReports } from './read-reports.ts';
import type { Report } from '../schemas/index.ts';
import { checkPages } from './check-pages.ts';
import { checkSnippets } from './check-snippets.ts';
import { checkFixesAreChanges } from './find-investigation-step.ts';
import type { ContentProblem } from './format-issue.ts';
import { checkRegexSafety, checkStatusBoundaries } from './check-regex-safety.ts';
import { checkWordBoundaries } from './check-word-boundaries.ts';
import type { RuleFact } from '../engine/rule-index.ts';
import { regexesOfFact } from '../engine/fact-kinds/registry.ts';

/** The valid pages of a content folder and every problem found: per page, across pages, in regexes. */
export interface ValidatedContent {
  pages: PageFile[];
  /** The reports inventory (`../inventory/litellm-mcp-reports.yaml` beside the pages' folder), when there is one. */
  reports: Report[];
  problems: ContentProblem[];
}

/** Where the reports inventory of a content folder lives: `content/inventory/` beside `content/errors/`. */
export function reportsFileOf(folder: string): string {
  return join(dirname(folder), 'inventory', 'litellm-mcp-reports.yaml');
}

/**
 * Runs every check the build runs on a content folder: the schema per page, the links and
 * collisions between pages, fixes that are only investigation steps, the backtracking and status-boundary checks of every regex, the
 * config model's lint of every YAML snippet of a body, and the reports inventory against the pages.
 */
export function validateContent(folder: string, root: string): ValidatedContent {
  const { pages, problems } = readPages(folder, root);
  const inventory = readReports(reportsFileOf(folder), root, pages);
  problems.push(...checkPages(pages), ...checkFixesAreChanges(pages), ...checkRegexes(pages), ...checkSnippets(pages), ...inventory.problems);
  return { pages, reports: inventory.reports, problems };
}

/** Every regex a page carries, with the field that holds it. */
function regexFields(entry: PageFile): { field: string; source: string }[] {
  const found: { field: string; source: string }[] = [];
  const ofFact = (fact: RuleFact, field: string): void => {
    for (const regex of regexesOfFact(fact)) found.push({ field: `${field}.${regex.field}`, source: regex.source });
  };
  entry.page.signatures.forEach((signature, s) => signature.facts.forEach((fact, f) => ofFact(fact, `signatures.${s}.facts.${f}`)));
  entry.page.clues.forEach((clue, c) => ofFact(clue.fact, `clues.${c}.fact`));
  return found;
}

/**
 * The regex problems of the pages: one per shape that could backtrack catastrophically, and one per
 * status-like digit run (`40[13]`) not bounded on both sides (see checkStatusBoundaries), and one per
 * word boundary that can never hold (see checkWordBoundaries).
 */
export function checkRegexes(pages: readonly PageFile[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const entry of pages) {
    for (const { field, source } of regexFields(entry)) {
      for (const problem of [...checkRegexSafety(source), ...checkStatusBoundaries(source), ...checkWordBoundaries(source)]) problems.push({ file: entry.file, field, reason: problem.reason });
    }
  }
  return problems;
}


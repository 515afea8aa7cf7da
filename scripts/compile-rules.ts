/**
 * Compiles content/errors/*.mdx into src/generated/rules.json, the rule index the checker reads.
 * Fails with one `file: field: reason` line per problem and exit code 1 when a page does not
 * validate, when pages collide, or when a regex could backtrack catastrophically.
 *
 * Usage: node scripts/compile-rules.ts [--content DIR] [--out FILE]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { readPages, type PageFile } from '../src/catalog/read-pages.ts';
import { checkPages } from '../src/catalog/check-pages.ts';
import { formatProblems, type ContentProblem } from '../src/catalog/format-issue.ts';
import { checkRegexSafety } from '../src/engine/check-regex-safety.ts';
import { compileRules } from '../src/engine/compile-rules.ts';
import type { RuleFact, RulePageSource, RuleValueTest } from '../src/engine/rule-index.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? process.argv[at + 1] : undefined;
  return value === undefined ? fallback : value;
}

/** Every regex a page carries, with the field that holds it. */
function regexFields(entry: PageFile): { field: string; source: string }[] {
  const found: { field: string; source: string }[] = [];
  const ofTest = (test: RuleValueTest, field: string): void => {
    if (test.matches !== undefined) found.push({ field: `${field}.matches`, source: test.matches });
  };
  const ofFact = (fact: RuleFact, field: string): void => {
    switch (fact.kind) {
      case 'pattern':
        found.push({ field: `${field}.pattern`, source: fact.pattern });
        return;
      case 'header':
      case 'request-header':
        if (fact.value !== undefined) found.push({ field: `${field}.value`, source: fact.value });
        return;
      case 'exception':
        if (fact.message !== undefined) found.push({ field: `${field}.message`, source: fact.message });
        return;
      case 'json':
      case 'config':
        ofTest(fact.test, `${field}.test`);
        return;
      case 'server-config':
        for (const [key, test] of Object.entries(fact.fields)) ofTest(test, `${field}.fields.${key}`);
        return;
      default:
        return;
    }
  };
  entry.page.signatures.forEach((signature, s) => signature.facts.forEach((fact, f) => ofFact(fact, `signatures.${s}.facts.${f}`)));
  entry.page.clues.forEach((clue, c) => ofFact(clue.fact, `clues.${c}.fact`));
  return found;
}

/** The regex-safety problems of the pages, one per unsafe regex shape. */
function checkRegexes(pages: readonly PageFile[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const entry of pages) {
    for (const { field, source } of regexFields(entry)) {
      for (const problem of checkRegexSafety(source)) problems.push({ file: entry.file, field, reason: problem.reason });
    }
  }
  return problems;
}

const contentDir = resolve(root, argument('--content', 'content/errors'));
const outFile = resolve(root, argument('--out', 'src/generated/rules.json'));

const { pages, problems } = readPages(contentDir, root);
problems.push(...checkPages(pages), ...checkRegexes(pages));
if (problems.length > 0) {
  console.error(formatProblems(problems));
  console.error(`compile-rules: ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing written.`);
  process.exit(1);
}

// The zod output is assigned to the engine's own type here: `tsc` proves the two shapes agree.
const sources: RulePageSource[] = pages.map((entry) => {
  const source: RulePageSource = entry.page;
  return source;
});
const index = compileRules(sources);
const json = JSON.stringify(index);
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, `${json}\n`);
const gzip = gzipSync(json).length;
const perPage = index.pages.length > 0 ? Math.round(gzip / index.pages.length) : 0;
console.log(`compile-rules: ${index.pages.length} pages → ${outFile.slice(root.length + 1)} (${json.length} bytes, ${gzip} gzip, ${perPage} gzip per page)`);

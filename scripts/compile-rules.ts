/**
 * Compiles content/errors/*.mdx into src/generated/rules.json, the rule index the CLI reads, and
 * src/generated/checker-rules.json beside it, the same index without the pages' prose, which the
 * /check/ page fetches (src/engine/rule-index-format.ts).
 * Fails with one `file: field: reason` line per problem and exit code 1 when a page does not
 * validate, when pages collide, when a regex could backtrack catastrophically, or when a regex
 * leaves a status-like digit run (`40[13]`) unbounded so it would match inside longer numbers.
 *
 * Usage: node scripts/compile-rules.ts [--content DIR] [--out FILE] (the checker's file is written
 * beside FILE, named checker-<FILE's name>)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { validateContent } from '../src/catalog/validate-content.ts';
import { formatProblems } from '../src/catalog/format-issue.ts';
import { packCheckerRuleIndex, packRuleIndex } from '../src/catalog/pack-rule-index.ts';
import type { RulePageSource } from '../src/engine/rule-index.ts';
import type { ConfigModel } from '../src/engine/lint-config.ts';
import { compileConfigModel } from '../src/schemas/litellm-config.ts';
import { compileRulesAtBuild } from '../src/catalog/analyse-pattern.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? process.argv[at + 1] : undefined;
  return value === undefined ? fallback : value;
}

const contentDir = resolve(root, argument('--content', 'content/errors'));
const outFile = resolve(root, argument('--out', 'src/generated/rules.json'));

const { pages, problems } = validateContent(contentDir, root);
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
// Each pattern's prefilter analysis and needles are read off its source here, at build (src/catalog/analyse-pattern.ts).
const index = compileRulesAtBuild(sources, compileConfigModel() as ConfigModel);
// The stored form leaves out what reading restores (rule-index-format.ts): less for /check/ to fetch and the CLI to parse.
mkdirSync(dirname(outFile), { recursive: true });
const checkerFile = join(dirname(outFile), `checker-${basename(outFile)}`);
for (const [file, json] of [
  [outFile, JSON.stringify(packRuleIndex(index))],
  [checkerFile, JSON.stringify(packCheckerRuleIndex(index))],
] as const) {
  writeFileSync(file, `${json}\n`);
  const gzip = gzipSync(json).length;
  const perPage = index.pages.length > 0 ? Math.round(gzip / index.pages.length) : 0;
  console.log(`compile-rules: ${index.pages.length} pages → ${relative(root, file)} (${json.length} bytes, ${gzip} gzip, ${perPage} gzip per page)`);
}

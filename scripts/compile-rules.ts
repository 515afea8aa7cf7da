/**
 * Compiles content/errors/*.mdx into src/generated/rules.json, the rule index the checker reads.
 * Fails with one `file: field: reason` line per problem and exit code 1 when a page does not
 * validate, when pages collide, when a regex could backtrack catastrophically, or when a regex
 * leaves a status-like digit run (`40[13]`) unbounded so it would match inside longer numbers.
 *
 * Usage: node scripts/compile-rules.ts [--content DIR] [--out FILE]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { validateContent } from '../src/catalog/validate-content.ts';
import { formatProblems } from '../src/catalog/format-issue.ts';
import { packRuleIndex } from '../src/catalog/pack-rule-index.ts';
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
const json = JSON.stringify(packRuleIndex(index));
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, `${json}\n`);
const gzip = gzipSync(json).length;
const perPage = index.pages.length > 0 ? Math.round(gzip / index.pages.length) : 0;
console.log(`compile-rules: ${index.pages.length} pages → ${outFile.slice(root.length + 1)} (${json.length} bytes, ${gzip} gzip, ${perPage} gzip per page)`);

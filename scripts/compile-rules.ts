/**
 * Compiles content/errors/*.mdx into src/generated/rules.json, the rule index the CLI reads, and
 * src/generated/checker-rules.json beside it, the same index without the pages' prose, which the
 * /check/ page fetches as the module checker-rules.js (src/engine/rule-index-format.ts).
 * Fails with one `file: field: reason` line per problem and exit code 1 when a page does not
 * validate, when pages collide, when a regex could backtrack catastrophically, or when a regex
 * leaves a status-like digit run (`40[13]`) unbounded so it would match inside longer numbers.
 *
 * Usage: node scripts/compile-rules.ts [--content DIR] [--out FILE] (the checker's file is written
 * beside FILE, named checker-<FILE's name>)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { validateContent } from '../src/catalog/validate-content.ts';
import { formatProblems } from '../src/catalog/format-issue.ts';
import { packCheckerRuleIndex, withPackedAnalyses } from '../src/catalog/pack-rule-index.ts';
import type { RulePageSource } from '../src/engine/rule-index.ts';
import type { ConfigModel } from '../src/engine/lint-config.ts';
import { compileConfigModel } from '../src/schemas/litellm-config.ts';
import { compileRulesAtBuild } from '../src/catalog/analyse-pattern.ts';
import { distinctFactIdsOf, prepareIndex } from '../src/engine/prepare-rules.ts';
import { storePreparation } from '../src/catalog/store-preparation.ts';
import { fingerprintPrepareCode } from './prepare-fingerprint.ts';

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
// The CLI's file is the compiled index as it is (version 1), each pattern's analysis in its packed
// string form (packed-analysis.ts: the nested lists cost a cold check's parse of the file 8.6
// against 5.4 ms CPU, and the engine reads the strings as they are): reading it is one JSON.parse, while
// the packed form (rule-index-format.ts) cost a cold check 12-18 ms of CPU to unpack for 12% fewer
// bytes on disk. It also says which facts are identical (distinctFactIdsOf), which preparing the
// index otherwise finds by serialising every fact, and holds the prepared index's tables
// (store-preparation.ts), which a check reads instead of preparing the index (about a fifth of a
// cold check), marked with the fingerprint of the prepare code that made them. /check/ fetches its
// own form, which leaves out what reading restores and the prose.
mkdirSync(dirname(outFile), { recursive: true });
// The CLI's file holds only ASCII, the few hundred other characters of the pages' prose (— … →)
// written as \u escapes: V8 then keeps the text read from it as one byte a character, and a cold
// check reads and parses it in about 9 ms instead of 13 (measured, 12 fresh processes each).
const escapeNonAscii = (json: string): string => json.replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
const checkerFile = join(dirname(outFile), `checker-${basename(outFile)}`);
const cliIndex = { ...index, factIds: distinctFactIdsOf(index) };
const prepared = storePreparation(prepareIndex(cliIndex), await fingerprintPrepareCode(root));
for (const [file, json] of [
  [outFile, escapeNonAscii(JSON.stringify({ ...withPackedAnalyses(cliIndex), prepared }))],
  [checkerFile, JSON.stringify(packCheckerRuleIndex(index))],
] as const) {
  writeFileSync(file, `${json}\n`);
  const gzip = gzipSync(json).length;
  const perPage = index.pages.length > 0 ? Math.round(gzip / index.pages.length) : 0;
  console.log(`compile-rules: ${index.pages.length} pages → ${relative(root, file)} (${json.length} bytes, ${gzip} gzip, ${perPage} gzip per page)`);
}
// The module /check/'s worker imports: the checker's form as a JavaScript literal, which the site's
// minifier shrinks (unquoted keys, no escaped quotes), with a declaration so TypeScript never reads it.
const checkerModule = checkerFile.replace(/\.json$/, '.js');
writeFileSync(checkerModule, `// Generated by scripts/compile-rules.ts from ${relative(root, contentDir)}; the same data as ${basename(checkerFile)}.\nexport default ${readFileSync(checkerFile, 'utf8').trim()};\n`);
writeFileSync(checkerModule.replace(/\.js$/, '.d.ts'), `/** The checker's form of the rule index (src/engine/rule-index-format.ts): read it with readRuleIndexData. */\ndeclare const rules: unknown;\nexport default rules;\n`);

/**
 * Prints one sha256 of everything the checker answers on every page example (with its config),
 * every triaged report's evidence, the negative corpus and the pastes under test/fixtures/pastes:
 * run it before and after a change that must not change any answer (a speed-up, a refactor) and
 * compare the two lines. `--list FILE` also writes one short digest per paste, to find which
 * answers moved.
 *
 *   node scripts/digest-results.ts [--list FILE]
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compileRulesAtBuild } from '../src/catalog/analyse-pattern.ts';
import { formatProblems } from '../src/catalog/format-issue.ts';
import { readNegativeCorpus } from '../src/catalog/read-negative-corpus.ts';
import { validateContent } from '../src/catalog/validate-content.ts';
import { checkPaste, type CheckInput } from '../src/engine/index.ts';

const root = resolve(import.meta.dirname, '..');
const at = process.argv.indexOf('--list');
const listFile = at > 0 ? process.argv[at + 1] : undefined;

const { pages, reports, problems } = validateContent(resolve(root, 'content/errors'), root);
if (problems.length > 0) {
  console.error(formatProblems(problems));
  process.exit(1);
}
const index = compileRulesAtBuild(pages.map((entry) => entry.page));

const cases: Array<{ name: string; input: CheckInput }> = [];
for (const { id, page } of pages) {
  page.examples.forEach((example, at) => cases.push({ name: `example ${id} #${at + 1}`, input: example.config === undefined ? { paste: example.paste } : { paste: example.paste, config: example.config } }));
}
reports.forEach((report, at) => {
  if (report.evidence !== null) cases.push({ name: `report #${at + 1}`, input: { paste: report.evidence } });
});
for (const { name, paste } of readNegativeCorpus(resolve(root, 'test/fixtures/negative'))) cases.push({ name: `negative ${name}`, input: { paste } });
const pastes = resolve(root, 'test/fixtures/pastes');
for (const name of readdirSync(pastes).sort()) cases.push({ name: `paste ${name}`, input: { paste: readFileSync(join(pastes, name), 'utf8') } });

const all = createHash('sha256');
const listed: string[] = [];
for (const { name, input } of cases) {
  const answer = JSON.stringify(checkPaste(index, input));
  all.update(`${name}\0${answer}\0`);
  listed.push(`${createHash('sha256').update(answer).digest('hex').slice(0, 16)} ${name}`);
}
console.log(`${cases.length} pastes, sha256 of all answers ${all.digest('hex')}`);
if (listFile !== undefined) writeFileSync(listFile, `${listed.join('\n')}\n`);

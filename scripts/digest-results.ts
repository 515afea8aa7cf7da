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
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileRulesAtBuild } from '../src/catalog/analyse-pattern.ts';
import { checkPaste } from '../src/engine/index.ts';
import { collectDigestCases } from './digest-cases.ts';

const root = resolve(import.meta.dirname, '..');
const at = process.argv.indexOf('--list');
const listFile = at > 0 ? process.argv[at + 1] : undefined;

function collect(): ReturnType<typeof collectDigestCases> {
  try {
    return collectDigestCases(root);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
const { pages, cases } = collect();
const index = compileRulesAtBuild(pages.map((entry) => entry.page));

const all = createHash('sha256');
const listed: string[] = [];
for (const { name, input } of cases) {
  const answer = JSON.stringify(checkPaste(index, input));
  all.update(`${name}\0${answer}\0`);
  listed.push(`${createHash('sha256').update(answer).digest('hex').slice(0, 16)} ${name}`);
}
console.log(`${cases.length} pastes, sha256 of all answers ${all.digest('hex')}`);
if (listFile !== undefined) writeFileSync(listFile, `${listed.join('\n')}\n`);

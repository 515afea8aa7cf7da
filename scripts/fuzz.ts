/**
 * Runs the property tests with new random inputs, round after round, until one fails or the
 * rounds are done: `npm run fuzz -- --runs 20`. `npm test` pins fast-check's seed
 * (test/support/fast-check-seed.ts) so CI is repeatable; this is where new counterexamples come
 * from. A failure prints fast-check's seed and counterexample; `FC_SEED=<seed> npx vitest run
 * <file>` replays it, and the case belongs in the test as a fixed example once understood.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRunsFlag } from './read-runs-flag.ts';

const rounds = readRunsFlag(process.argv.slice(2), 5);
const folders = ['test/unit', 'test/content', 'test/cli'];
const files = folders.flatMap((folder) =>
  readdirSync(folder)
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => join(folder, name))
    .filter((file) => readFileSync(file, 'utf8').includes("from 'fast-check'")),
);
process.stdout.write(`${files.length} files of property tests, ${rounds} round(s) of new inputs\n`);
for (let round = 1; round <= rounds; round++) {
  const run = spawnSync('npx', ['vitest', 'run', '--project', 'unit', ...files], { stdio: 'inherit', env: { ...process.env, FC_SEED: 'random' } });
  if (run.status !== 0) {
    process.stderr.write(`round ${round} of ${rounds} failed: the seed and counterexample are printed above\n`);
    process.exit(1);
  }
  process.stdout.write(`round ${round} of ${rounds}: passed\n`);
}

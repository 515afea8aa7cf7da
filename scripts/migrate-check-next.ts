/**
 * Moves the investigation steps of every page's `fixes` to its `checkNext` (see
 * src/catalog/move-check-next.ts), writing only the pages that change. Safe to run again: a page
 * already moved is left byte for byte. A page whose fixes are all investigation steps is left as it
 * is and named, with exit code 1: it needs a real fix written by hand first.
 *
 *   node scripts/migrate-check-next.ts [content/errors]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listPageFiles } from '../src/catalog/list-page-files.ts';
import { moveCheckNext } from '../src/catalog/move-check-next.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const folder = resolve(root, process.argv[2] ?? 'content/errors');
let changed = 0;
let steps = 0;
let stuck = 0;
for (const path of listPageFiles(folder)) {
  const source = readFileSync(path, 'utf8');
  const result = moveCheckNext(source);
  const file = relative(root, path);
  if (result.problem !== undefined) {
    stuck += 1;
    console.error(`${file}: left as it is: ${result.problem}`);
  }
  if (result.text === source) continue;
  writeFileSync(path, result.text);
  changed += 1;
  steps += result.moved.length;
  for (const title of result.moved) console.log(`${file}: moved to checkNext: ${title}`);
}
console.log(`${steps} step${steps === 1 ? '' : 's'} moved in ${changed} page${changed === 1 ? '' : 's'}${stuck > 0 ? `; ${stuck} page${stuck === 1 ? '' : 's'} left for a hand edit` : ''}.`);
if (stuck > 0) process.exitCode = 1;

import { resolve } from 'node:path';
import { readPages } from '../src/catalog/read-pages.ts';
import { checkPages } from '../src/catalog/check-pages.ts';
import { formatProblems } from '../src/catalog/format-issue.ts';

const root = process.cwd();
const { pages, problems } = readPages(resolve(root, process.argv[2] ?? 'content/errors'), root);
problems.push(...checkPages(pages));
if (problems.length > 0) {
  console.error(formatProblems(problems));
  process.exit(1);
}
console.log(`${pages.length} pages valid`);

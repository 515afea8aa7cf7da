import { resolve } from 'node:path';
import { validateContent } from '../src/catalog/validate-content.ts';
import { formatProblems } from '../src/catalog/format-issue.ts';

// Runs the build's content checks without writing anything: node scripts/validate-content.ts [DIR]
const root = process.cwd();
const { pages, problems } = validateContent(resolve(root, process.argv[2] ?? 'content/errors'), root);
if (problems.length > 0) {
  console.error(formatProblems(problems));
  process.exit(1);
}
console.log(`${pages.length} pages valid`);

// Feeds every literal of the LiteLLM inventory to the checker and reports, per area and in total,
// how many lead to a page. Usage: node scripts/coverage.ts [--markdown] [--uncovered]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { validateContent } from '../src/catalog/validate-content.ts';
import { formatProblems } from '../src/catalog/format-issue.ts';
import { compileRules, checkPaste } from '../src/engine/index.ts';
import { instantiateLiteral } from '../src/catalog/instantiate-literal.ts';

interface InventoryEntry {
  id: string;
  area: string;
  emitted: string;
  where: string;
  literals: string[];
}

const root = process.cwd();
const args = new Set(process.argv.slice(2));
const inventory = parseYaml(readFileSync(resolve(root, 'content/inventory/litellm-mcp-literals.yaml'), 'utf8')) as { entries: InventoryEntry[] };
const { pages, problems } = validateContent(resolve(root, 'content/errors'), root);
if (problems.length > 0) {
  console.error(formatProblems(problems));
  process.exit(1);
}
const index = compileRules(pages.map((p) => p.page));

interface Row { area: string; total: number; covered: number }
const byArea = new Map<string, Row>();
const uncovered: string[] = [];
for (const entry of inventory.entries) {
  for (const literal of entry.literals) {
    const row = byArea.get(entry.area) ?? { area: entry.area, total: 0, covered: 0 };
    byArea.set(entry.area, row);
    row.total += 1;
    const result = checkPaste(index, { paste: instantiateLiteral(literal) });
    // A literal leads to a page when the checker names one with at least medium confidence: a bare
    // literal often cannot reach "high" on its own, since the deciding evidence (config, status) is missing.
    const top = result.matches[0];
    if (top && top.confidence !== 'low') row.covered += 1;
    else uncovered.push(`${entry.id} (${entry.area}): ${literal}`);
  }
}

const rows = [...byArea.values()].sort((a, b) => a.area.localeCompare(b.area));
const total = rows.reduce((sum, r) => ({ total: sum.total + r.total, covered: sum.covered + r.covered }), { total: 0, covered: 0 });
const percent = (covered: number, all: number) => (all === 0 ? '—' : `${Math.round((covered / all) * 100)}%`);

if (args.has('--markdown')) {
  console.log('| area | literals | lead to a page | share |');
  console.log('|---|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.area} | ${r.total} | ${r.covered} | ${percent(r.covered, r.total)} |`);
  console.log(`| **total** | **${total.total}** | **${total.covered}** | **${percent(total.covered, total.total)}** |`);
} else {
  const width = Math.max(...rows.map((r) => r.area.length), 5);
  for (const r of rows) console.log(`${r.area.padEnd(width)}  ${String(r.covered).padStart(3)} / ${String(r.total).padStart(3)}  ${percent(r.covered, r.total).padStart(4)}`);
  console.log(`${'total'.padEnd(width)}  ${String(total.covered).padStart(3)} / ${String(total.total).padStart(3)}  ${percent(total.covered, total.total).padStart(4)}`);
  console.log(`${pages.length} pages`);
}
if (args.has('--uncovered') || !args.has('--markdown')) {
  console.log(`\nUncovered (${uncovered.length}):`);
  for (const line of uncovered) console.log(`  ${line}`);
}

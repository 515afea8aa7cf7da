// Measures the pages against both inventories and prints, per area and in total:
//   literals: every literal LiteLLM's MCP code emits (content/inventory/litellm-mcp-literals.yaml) fed to the
//             checker alone; covered when it names a page with at least medium confidence;
//   reports:  every public failure report triaged to a page that carries evidence
//             (content/inventory/litellm-mcp-reports.yaml), its evidence fed to the checker as the reporter
//             pasted it; counted when the triaged page comes first (top-1) or among the first three (top-3).
//   calibration: per confidence level of the top match, how many of the pages' examples and triaged
//             reports landed there and how many of those named the right page; and how many pastes of the
//             negative corpus (test/fixtures/negative) got a `high` answer at all, and the page most often
//             among the first three answers to those pastes.
// Usage: node scripts/coverage.ts [--markdown] [--uncovered] [--json]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { checkPaste } from '../src/engine/index.ts';
import { instantiateLiteral } from '../src/catalog/instantiate-literal.ts';
import { calibrate, countInTopThree, type CalibrationCase } from '../src/catalog/calibrate.ts';
import { readNegativeCorpus } from '../src/catalog/read-negative-corpus.ts';
import { readCheckedContent } from './read-checked-content.ts';

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
const { pages, reports, index } = readCheckedContent(root);
const areaOf = new Map(pages.map((entry) => [entry.id, entry.page.area]));

interface LiteralRow { area: string; total: number; covered: number }
const literalRows = new Map<string, LiteralRow>();
const uncoveredLiterals: string[] = [];
for (const entry of inventory.entries) {
  for (const literal of entry.literals) {
    const row = literalRows.get(entry.area) ?? { area: entry.area, total: 0, covered: 0 };
    literalRows.set(entry.area, row);
    row.total += 1;
    const result = checkPaste(index, { paste: instantiateLiteral(literal) });
    // A literal leads to a page when the checker names one with at least medium confidence: a bare
    // literal often cannot reach "high" on its own, since the deciding evidence (config, status) is missing.
    const top = result.matches[0];
    if (top && top.confidence !== 'low') row.covered += 1;
    else uncoveredLiterals.push(`${entry.id} (${entry.area}): ${literal}`);
  }
}

interface ReportRow { area: string; total: number; withEvidence: number; top1: number; top3: number }
const reportRows = new Map<string, ReportRow>();
const reportMisses: string[] = [];
let triagedToPage = 0;
for (const report of reports) {
  if (report.triage.kind !== 'page') continue;
  triagedToPage += 1;
  const page = report.triage.id;
  const area = areaOf.get(page) ?? 'unknown';
  const row = reportRows.get(area) ?? { area, total: 0, withEvidence: 0, top1: 0, top3: 0 };
  reportRows.set(area, row);
  row.total += 1;
  if (report.evidence === null) continue;
  row.withEvidence += 1;
  const ranked = checkPaste(index, { paste: report.evidence }).matches.map((match) => match.id);
  const at = ranked.indexOf(page);
  if (at === 0) row.top1 += 1;
  if (at >= 0 && at < 3) row.top3 += 1;
  if (at !== 0) {
    const got = ranked.length === 0 ? 'no page' : `got ${ranked.slice(0, 3).join(', ')}`;
    reportMisses.push(`#${report.number} (${area}) → ${page}: ${at < 0 ? 'not ranked' : `ranked ${at + 1}`}; ${got}`);
  }
}

const positives: CalibrationCase[] = [
  ...pages.flatMap(({ id, page }) => page.examples.map((example) => ({ paste: example.paste, config: example.config, expected: id }))),
  ...reports.flatMap((report) => (report.triage.kind === 'page' && report.evidence !== null ? [{ paste: report.evidence, expected: report.triage.id }] : [])),
];
const negativeFolder = resolve(root, 'test/fixtures/negative');
const negatives: CalibrationCase[] = readNegativeCorpus(negativeFolder).map(({ paste }) => ({ paste, expected: null }));
const calibration = calibrate(index, positives);
const negativeHigh = calibrate(index, negatives).find((row) => row.level === 'high')?.count ?? 0;
// The page that most often answers a paste it has nothing to do with (issue 11: at most 5%).
const negativeTop3 = countInTopThree(index, negatives)[0] ?? { id: '—', count: 0 };

const literalTotal = sum([...literalRows.values()], ['total', 'covered']);
const reportTotal = sum([...reportRows.values()], ['total', 'withEvidence', 'top1', 'top3']);
const percent = (part: number, all: number) => (all === 0 ? '—' : `${Math.round((part / all) * 100)}%`);
const sorted = <T extends { area: string }>(rows: Map<string, T>) => [...rows.values()].sort((a, b) => a.area.localeCompare(b.area));

if (args.has('--json')) {
  console.log(
    JSON.stringify({
      literals: { total: literalTotal.total, covered: literalTotal.covered },
      reports: { total: reports.length, triagedToPage, withEvidence: reportTotal.withEvidence, top1: reportTotal.top1, top3: reportTotal.top3 },
      calibration: { positives: calibration, negatives: { total: negatives.length, high: negativeHigh, mostInTop3: negativeTop3 } },
    }),
  );
} else if (args.has('--markdown')) {
  console.log('| area | literals | lead to a page | share |');
  console.log('|---|---:|---:|---:|');
  for (const r of sorted(literalRows)) console.log(`| ${r.area} | ${r.total} | ${r.covered} | ${percent(r.covered, r.total)} |`);
  console.log(`| **total** | **${literalTotal.total}** | **${literalTotal.covered}** | **${percent(literalTotal.covered, literalTotal.total)}** |`);
  console.log('');
  console.log('| area | reports | with evidence | page first | share | in top 3 |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of sorted(reportRows)) console.log(`| ${r.area} | ${r.total} | ${r.withEvidence} | ${r.top1} | ${percent(r.top1, r.withEvidence)} | ${r.top3} |`);
  console.log(`| **total** | **${reportTotal.total}** | **${reportTotal.withEvidence}** | **${reportTotal.top1}** | **${percent(reportTotal.top1, reportTotal.withEvidence)}** | **${reportTotal.top3}** |`);
  console.log('');
  console.log('| confidence | examples and reports | right page | share right |');
  console.log('|---|---:|---:|---:|');
  for (const r of calibration) console.log(`| ${r.level} | ${r.count} | ${r.right} | ${percent(r.right, r.count)} |`);
  console.log(`\nNegative corpus: ${negativeHigh} of ${negatives.length} pastes answered \`high\` (${percent(negativeHigh, negatives.length)}); the page most often among the first three is \`${negativeTop3.id}\`, for ${negativeTop3.count} (${percent(negativeTop3.count, negatives.length)}).`);
} else {
  const width = Math.max(...[...literalRows.keys(), ...reportRows.keys()].map((area) => area.length), 5);
  console.log('Literals: lead to a page / emitted');
  for (const r of sorted(literalRows)) console.log(`  ${r.area.padEnd(width)}  ${String(r.covered).padStart(3)} / ${String(r.total).padStart(3)}  ${percent(r.covered, r.total).padStart(4)}`);
  console.log(`  ${'total'.padEnd(width)}  ${String(literalTotal.covered).padStart(3)} / ${String(literalTotal.total).padStart(3)}  ${percent(literalTotal.covered, literalTotal.total).padStart(4)}`);
  console.log(`\nReports: triaged page first / with evidence (in top 3)`);
  for (const r of sorted(reportRows)) console.log(`  ${r.area.padEnd(width)}  ${String(r.top1).padStart(3)} / ${String(r.withEvidence).padStart(3)}  ${percent(r.top1, r.withEvidence).padStart(4)}  (${r.top3})`);
  console.log(`  ${'total'.padEnd(width)}  ${String(reportTotal.top1).padStart(3)} / ${String(reportTotal.withEvidence).padStart(3)}  ${percent(reportTotal.top1, reportTotal.withEvidence).padStart(4)}  (${reportTotal.top3})`);
  console.log(`\nCalibration: top-match confidence → examples and reports → share naming the right page`);
  for (const r of calibration) console.log(`  ${r.level.padEnd(width)}  ${String(r.count).padStart(3)}  ${percent(r.right, r.count).padStart(4)} right`);
  console.log(`  negative corpus: ${negativeHigh} of ${negatives.length} answered high (${percent(negativeHigh, negatives.length)}); most often in the top 3: ${negativeTop3.id}, ${negativeTop3.count} (${percent(negativeTop3.count, negatives.length)})`);
  console.log(`\n${pages.length} pages; ${reports.length} reports, ${triagedToPage} triaged to a page`);
}
if (args.has('--uncovered') || (!args.has('--markdown') && !args.has('--json'))) {
  console.log(`\nUncovered literals (${uncoveredLiterals.length}):`);
  for (const line of uncoveredLiterals) console.log(`  ${line}`);
  console.log(`\nReports whose page did not come first (${reportMisses.length}):`);
  for (const line of reportMisses) console.log(`  ${line}`);
}

function sum<T extends object, K extends keyof T>(rows: readonly T[], keys: readonly K[]): Record<K, number> {
  const total = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const row of rows) for (const key of keys) total[key] += Number(row[key]);
  return total;
}

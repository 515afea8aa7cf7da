// Feeds whole report bodies to the checker, as a user pastes an issue they found or wrote, and
// measures the answers against the inventory's triage (content/inventory/litellm-mcp-reports.yaml).
// `npm run coverage` feeds each report's shortest excerpt; a body carries the reporter's prose,
// other logs and config around it, which is where confident wrong answers come from.
//
// The bodies are the reporters' text, so they are not part of the project: fetch them yourself,
// one file per report named <number>.txt (the issue's description and any comments, as written).
//
// Usage: node scripts/measure-report-bodies.ts DIR [--title] [--list]
//   --title  put the report's title before its body, as a user who pastes the whole issue does
//   --list   print one line per report: number, outcome, triage, the page the checker put first
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { readCheckedContent } from './read-checked-content.ts';
import { checkPaste } from '../src/engine/index.ts';

const args = process.argv.slice(2);
const folder = args.find((arg) => !arg.startsWith('--'));
const unknown = args.filter((arg) => arg.startsWith('--') && arg !== '--title' && arg !== '--list');
if (folder === undefined || unknown.length > 0) {
  process.stderr.write(`usage: node scripts/measure-report-bodies.ts DIR [--title] [--list]${unknown.length > 0 ? ` (unknown flag ${unknown[0]})` : ''}\n`);
  process.exit(2);
}
if (!existsSync(folder) || !statSync(folder).isDirectory()) {
  process.stderr.write(`${folder} is not a folder of report bodies (<number>.txt)\n`);
  process.exit(2);
}

const root = process.cwd();
const { reports, index } = readCheckedContent(root);
const byNumber = new Map(reports.map((report) => [report.number, report]));

type Outcome = 'first, high' | 'first, medium' | 'first, low' | 'in the top 3' | 'another page, not high' | 'another page, HIGH' | 'no page';
const counts = { triaged: new Map<Outcome, number>(), untriaged: new Map<string, number>() };
const wrongHigh: string[] = [];
const rows: string[] = [];
let notInInventory = 0;

for (const name of readdirSync(folder).filter((file) => /^\d+\.txt$/.test(file)).sort((a, b) => parseInt(a, 10) - parseInt(b, 10))) {
  const number = parseInt(name, 10);
  const report = byNumber.get(number);
  if (report === undefined) {
    notInInventory += 1;
    continue;
  }
  const body = readFileSync(resolve(folder, name), 'utf8');
  const result = checkPaste(index, { paste: args.includes('--title') ? `${report.title}\n\n${body}` : body });
  const top = result.matches[0];
  const isHigh = result.verdict === 'confident';
  if (report.triage.kind === 'page') {
    const page = report.triage.id;
    const at = result.matches.findIndex((match) => match.id === page);
    const outcome: Outcome =
      at === 0 ? (`first, ${top?.confidence ?? 'low'}` as Outcome) : !top ? 'no page' : isHigh ? 'another page, HIGH' : at > 0 && at < 3 ? 'in the top 3' : 'another page, not high';
    counts.triaged.set(outcome, (counts.triaged.get(outcome) ?? 0) + 1);
    if (outcome === 'another page, HIGH') wrongHigh.push(`#${number} (triaged ${page}) answered high on ${top?.id}`);
    rows.push(`#${number}\t${outcome}\t${page}\t${top?.id ?? ''}`);
  } else if (report.triage.kind === 'not-a-failure' || report.triage.kind === 'cannot-tell') {
    const outcome = isHigh ? 'answered high' : top ? `possible pages (${top.confidence} first)` : 'no page';
    counts.untriaged.set(outcome, (counts.untriaged.get(outcome) ?? 0) + 1);
    if (isHigh) wrongHigh.push(`#${number} (${report.triage.kind}) answered high on ${top?.id}: check that a maintainer would say so`);
    rows.push(`#${number}\t${outcome}\t${report.triage.kind}\t${top?.id ?? ''}`);
  }
}

const total = (map: Map<string, number>): number => [...map.values()].reduce((sum, n) => sum + n, 0);
const triaged = total(counts.triaged);
const first = (['first, high', 'first, medium', 'first, low'] as const).reduce((sum, key) => sum + (counts.triaged.get(key) ?? 0), 0);
console.log(`Report bodies in ${folder}${args.includes('--title') ? ', each after its title' : ''}:`);
console.log(`  triaged to a page: ${triaged}; its page first: ${first} (${triaged === 0 ? '—' : `${Math.round((100 * first) / triaged)}%`})`);
for (const [outcome, n] of [...counts.triaged.entries()].sort((a, b) => b[1] - a[1])) console.log(`    ${outcome.padEnd(30)} ${n}`);
console.log(`  not a failure, or cannot tell: ${total(counts.untriaged)}`);
for (const [outcome, n] of [...counts.untriaged.entries()].sort((a, b) => b[1] - a[1])) console.log(`    ${outcome.padEnd(30)} ${n}`);
if (notInInventory > 0) console.log(`  (${notInInventory} file(s) name no report of the inventory, or a duplicate: skipped)`);
if (wrongHigh.length > 0) console.log(`\nAnswered high where the triage names another page or none (${wrongHigh.length}):\n${wrongHigh.map((line) => `  ${line}`).join('\n')}`);
if (args.includes('--list')) console.log(`\n${rows.join('\n')}`);

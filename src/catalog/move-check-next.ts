/**
 * Moves the investigation steps of a page's `fixes` to its `checkNext`, editing the frontmatter
 * text in place: the yaml Document API locates the items (their source ranges), and only those
 * lines are cut and re-inserted, so every other byte of the file (comments, quoting, flow maps,
 * the body) stays as the author wrote it. Running it twice changes nothing the second time.
 */
import { isMap, isScalar, isSeq, parseDocument, stringify, type Pair, type YAMLMap } from 'yaml';
import { findInvestigationStep } from './find-investigation-step.ts';
import { lineAt } from '../engine/joined-lines.ts';

/** What moving did to one page file. */
export interface MoveResult {
  /** The new file text (the same string when nothing moved). */
  text: string;
  /** The titles moved to `checkNext`, in order. */
  moved: string[];
  /** Why the page was left as it is, when moving would break it (it would have no fix left). */
  problem?: string;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?\r?\n)---(?:\r?\n|$)/;

/** Moves every fix of a page file that reads as an investigation step to `checkNext`. */
export function moveCheckNext(source: string): MoveResult {
  const frontmatter = FRONTMATTER.exec(source);
  if (!frontmatter) return { text: source, moved: [], problem: 'no --- frontmatter block ---' };
  const yamlText = frontmatter[1] ?? '';
  const offset = source.indexOf(yamlText);
  const doc = parseDocument(yamlText);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return { text: source, moved: [], problem: 'the frontmatter does not parse as a YAML mapping' };
  const root = doc.contents as YAMLMap;
  const fixesPair = pairOf(root, 'fixes');
  const fixes = fixesPair?.value;
  if (!fixesPair || !isSeq(fixes) || fixes.flow) return { text: source, moved: [] };

  const items = fixes.items.filter(isMap) as YAMLMap[];
  const steps = items.filter((item) => findInvestigationStep(item.toJSON() as Record<string, unknown>) !== undefined);
  if (steps.length === 0) return { text: source, moved: [] };
  const titles = steps.map((item) => String(item.get('title')));
  if (steps.length === items.length) {
    return { text: source, moved: [], problem: `every fix is an investigation step (${titles.join('; ')}); write a real change first` };
  }

  const lines = splitKeepingEnds(yamlText);
  const starts = lineStarts(lines);
  const lineOf = (at: number): number => lineAt(starts, at);
  const dashLine = (item: YAMLMap): number => lineOf(item.range?.[0] ?? 0);
  // An item runs from its `- ` line to the line before the next item (or the end of the list).
  const listEnd = endLineOfPair(root, fixesPair, lines, lineOf);
  const itemLines = (item: YAMLMap): [number, number] => {
    const at = fixes.items.indexOf(item);
    const next = fixes.items[at + 1];
    return [dashLine(item), next && isMap(next) ? dashLine(next) : listEnd];
  };

  const moved: string[] = [];
  for (const item of steps) {
    const [from, to] = itemLines(item);
    moved.push(asCheckStep(lines.slice(from, to), item));
  }
  const checkNextPair = pairOf(root, 'checkNext');
  const removed = new Set(steps.flatMap((item) => range(...itemLines(item))));
  const out: string[] = [];
  if (checkNextPair && isSeq(checkNextPair.value) && !checkNextPair.value.flow && checkNextPair.value.items.length > 0) {
    const insertAt = endLineOfPair(root, checkNextPair, lines, lineOf);
    lines.forEach((line, at) => {
      if (at === insertAt) out.push(...moved);
      if (!removed.has(at)) out.push(line);
    });
    if (insertAt === lines.length) out.push(...moved);
  } else if (checkNextPair) {
    return { text: source, moved: [], problem: 'checkNext is there but not a block list; make it one' };
  } else {
    lines.forEach((line, at) => {
      if (at === listEnd) out.push('checkNext:\n', ...moved);
      if (!removed.has(at)) out.push(line);
    });
    if (listEnd === lines.length) out.push('checkNext:\n', ...moved);
  }
  const text = source.slice(0, offset) + out.join('') + source.slice(offset + yamlText.length);
  return { text, moved: titles };
}

// Turns a fix item's own lines into a check step's: the `kind:` line goes and the next line takes
// its `- `; an item in another shape (a flow map, `kind` not first) is printed afresh.
function asCheckStep(itemLines: string[], item: YAMLMap): string {
  const [first, second, ...rest] = itemLines;
  const dash = /^(\s*)- kind: [\w-]+[ \t]*\r?\n$/.exec(first ?? '');
  const indent = dash?.[1] ?? '';
  if (dash && second !== undefined && second.startsWith(`${indent}  `) && /^\s*title:/.test(second) && !/^\s*kind:/m.test(rest.join(''))) {
    return [`${indent}- ${second.slice(indent.length + 2)}`, ...rest].join('');
  }
  const data = item.toJSON() as Record<string, unknown>;
  const step: Record<string, unknown> = { title: data['title'] };
  if (data['note'] !== undefined) step['note'] = data['note'];
  const printed = stringify([step], { lineWidth: 0 });
  const indentOf = /^(\s*)-/.exec(first ?? '')?.[1] ?? '  ';
  return printed
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => `${indentOf}${line}\n`)
    .join('');
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => isScalar(pair.key) && pair.key.value === key) as Pair | undefined;
}

// The line after a top-level pair's value: where the next top-level key starts, less the comment
// and blank lines at the margin just above it (they belong to that key).
function endLineOfPair(root: YAMLMap, pair: Pair, lines: string[], lineOf: (at: number) => number): number {
  const next = root.items[root.items.indexOf(pair) + 1];
  const nextKey = next && isScalar(next.key) ? next.key.range?.[0] : undefined;
  let end = nextKey === undefined ? lines.length : lineOf(nextKey);
  while (end > 0 && /^(#.*)?\r?\n?$/.test(lines[end - 1] ?? '')) end -= 1;
  return end;
}

function splitKeepingEnds(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function lineStarts(lines: string[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const line of lines) {
    starts.push(at);
    at += line.length;
  }
  return starts;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, at) => from + at);
}

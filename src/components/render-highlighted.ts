/** A span of one line to mark, 1-based line, character offsets within the line. */
export interface LineSpan {
  /** 1-based line number. */
  line: number;
  /** First character (0-based, inclusive). */
  start: number;
  /** Last character (exclusive). */
  end: number;
}

/**
 * Up to this many characters a paste is shown whole. Past it only the lines around the evidence
 * are: laying out a megabyte of text blocked the page for most of a second, and nobody reads it.
 */
export const WHOLE_VIEW_MAX_CHARS = 100_000;

/** Lines shown before and after each marked line in a partial view. */
export const CONTEXT_LINES = 3;

/** Merges overlapping spans of one line into disjoint, sorted ranges clipped to the line. */
function mergeSpans(spans: readonly LineSpan[], length: number): Array<[number, number]> {
  const ranges = spans
    .map((span): [number, number] => [Math.max(0, span.start), Math.min(length, span.end)])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/** The line ranges (0-based, end exclusive) a partial view shows: each marked line with its context, overlaps joined. */
export function shownLineRanges(lineCount: number, markedLines: Iterable<number>, context = CONTEXT_LINES): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const line of [...new Set(markedLines)].sort((a, b) => a - b)) {
    if (line < 1 || line > lineCount) continue;
    const start = Math.max(0, line - 1 - context);
    const end = Math.min(lineCount, line + context);
    const last = ranges[ranges.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else ranges.push([start, end]);
  }
  return ranges;
}

/** Appends lines [from, to) with their marks; returns how many marks it made. */
function appendLines(fragment: DocumentFragment, lines: readonly string[], from: number, to: number, byLine: ReadonlyMap<number, LineSpan[]>): number {
  let marks = 0;
  for (let index = from; index < to; index += 1) {
    const line = lines[index] ?? '';
    if (index > from) fragment.append('\n');
    let cursor = 0;
    for (const [start, end] of mergeSpans(byLine.get(index + 1) ?? [], line.length)) {
      if (start > cursor) fragment.append(line.slice(cursor, start));
      const mark = document.createElement('mark');
      mark.textContent = line.slice(start, end);
      fragment.append(mark);
      marks += 1;
      cursor = end;
    }
    if (cursor < line.length) fragment.append(line.slice(cursor));
  }
  return marks;
}

function makeGap(hidden: number): HTMLButtonElement {
  const gap = document.createElement('button');
  gap.type = 'button';
  gap.className = 'gap secondary';
  gap.textContent = `⋯ ${hidden.toLocaleString('en')} line${hidden === 1 ? '' : 's'} not shown: show them`;
  return gap;
}

/**
 * Fills an element with the text as text nodes, wrapping the given spans in `<mark>`. Built with
 * DOM APIs only, so whatever the text holds (`<script>`, `<img onerror>`) stays text. A text over
 * WHOLE_VIEW_MAX_CHARS shows only the lines around its marks; each run of hidden lines becomes a
 * button that shows it. Sets `data-whole` on the target to say which. Returns how many marks it made.
 */
export function renderHighlighted(target: HTMLElement, text: string, spans: readonly LineSpan[]): number {
  const byLine = new Map<number, LineSpan[]>();
  for (const span of spans) byLine.set(span.line, [...(byLine.get(span.line) ?? []), span]);
  const lines = text.split(/\r?\n/);
  const fragment = document.createDocumentFragment();
  if (text.length <= WHOLE_VIEW_MAX_CHARS) {
    const marks = appendLines(fragment, lines, 0, lines.length, byLine);
    target.replaceChildren(fragment);
    target.dataset['whole'] = 'true';
    return marks;
  }
  let marks = 0;
  let cursor = 0;
  const addGap = (from: number, to: number) => {
    const gap = makeGap(to - from);
    gap.addEventListener('click', () => {
      const shown = document.createDocumentFragment();
      appendLines(shown, lines, from, to, byLine);
      // The gap stands between two newlines of its own; its lines take its place.
      gap.replaceWith(shown);
    });
    fragment.append(gap);
  };
  for (const [start, end] of shownLineRanges(lines.length, byLine.keys())) {
    if (start > cursor) {
      addGap(cursor, start);
      fragment.append('\n');
    }
    marks += appendLines(fragment, lines, start, end, byLine);
    if (end < lines.length) fragment.append('\n');
    cursor = end;
  }
  if (cursor < lines.length) addGap(cursor, lines.length);
  target.replaceChildren(fragment);
  target.dataset['whole'] = 'false';
  return marks;
}

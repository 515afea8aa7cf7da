/** A span of one line to mark, 1-based line, character offsets within the line. */
export interface LineSpan {
  /** 1-based line number. */
  line: number;
  /** First character (0-based, inclusive). */
  start: number;
  /** Last character (exclusive). */
  end: number;
}

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

/**
 * Fills an element with the text as text nodes, wrapping the given spans in `<mark>`. Built with
 * DOM APIs only, so whatever the text holds (`<script>`, `<img onerror>`) stays text.
 */
export function renderHighlighted(target: HTMLElement, text: string, spans: readonly LineSpan[]): number {
  const byLine = new Map<number, LineSpan[]>();
  for (const span of spans) byLine.set(span.line, [...(byLine.get(span.line) ?? []), span]);
  const fragment = document.createDocumentFragment();
  let marks = 0;
  text.split(/\r?\n/).forEach((line, index) => {
    if (index > 0) fragment.append('\n');
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
  });
  target.replaceChildren(fragment);
  return marks;
}

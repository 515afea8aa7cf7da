import { firstNonSpace, type LineList } from './split-lines.ts';

/** A stretch of lines read on its own: the inside of a Markdown code fence, or text between fences. */
export interface Section {
  /** Index of its first line. */
  start: number;
  /** Index after its last line. */
  end: number;
  /** The fence's info string (`yaml`, `json`, `console`…), lower-cased; empty outside fences. */
  language: string;
  /** Whether the section is the inside of a code fence. */
  isFenced: boolean;
}

const FENCE_OPEN = /^\s{0,3}(`{3,}|~{3,})\s*([\w.+-]{0,40})/;

/** The result of splitting an input into sections. */
export interface Sections {
  /** The sections in order. */
  sections: Section[];
  /** Indexes of fence lines and `---` rules, which belong to no section. */
  separators: number[];
  /**
   * The index of the first blank line (the number of lines when none is), seen on the way: the
   * lines before it need no second look to be known not blank (128k lines: 0.6 ms).
   */
  firstBlank: number;
}

/**
 * Splits lines into sections at Markdown code fences (``` or ~~~, closed by a fence of the
 * same character at least as long; an unclosed fence runs to the end) and at `---` rules.
 * No block the parser reads crosses a section boundary, so a fenced config or log ends at its
 * fence. Linear in the number of lines.
 */
export function splitSections(lines: LineList): Sections {
  const sections: Section[] = [];
  const separators: number[] = [];
  let start = 0;
  let fence: { marker: string; language: string } | undefined;
  let firstBlank = lines.length;
  const close = (end: number, isFenced: boolean, language: string): void => {
    if (end > start) sections.push({ start, end, language, isFenced });
  };
  for (let index = 0; index < lines.length; index++) {
    const text = lines.textAt(index);
    const first = text.charCodeAt(0);
    // Most lines lead with a printable character that starts no fence or rule (nor closes the
    // fence open): passed without looking for indentation.
    if (first > 32 && first < 127 && first !== 96 && first !== 126 && first !== 45) continue;
    const lead = firstNonSpace(text);
    if (lead === text.length && index < firstBlank) firstBlank = index;
    const code = text.charCodeAt(lead);
    if (fence !== undefined) {
      // Only a line whose first non-space character is the fence's own can close it.
      if (code !== fence.marker.charCodeAt(0)) continue;
      const trimmed = text.trim();
      if (trimmed.length >= fence.marker.length && trimmed[0] === fence.marker[0] && /^(`{3,}|~{3,})$/.test(trimmed) && trimmed.length >= fence.marker.length) {
        close(index, true, fence.language);
        separators.push(index);
        fence = undefined;
        start = index + 1;
      }
      continue;
    }
    // A fence opens with ``` or ~~~ and a rule is ---, each after at most three spaces.
    const open = text.length < 200 && lead <= 3 && (code === 96 || code === 126) ? FENCE_OPEN.exec(text) : null;
    if (open) {
      close(index, false, '');
      separators.push(index);
      fence = { marker: open[1] ?? '```', language: (open[2] ?? '').toLowerCase() };
      start = index + 1;
      continue;
    }
    if (code === 45 && lead <= 3 && text.length < 200 && /^\s{0,3}-{3,}\s*$/.test(text)) {
      close(index, false, '');
      separators.push(index);
      start = index + 1;
    }
  }
  close(lines.length, fence !== undefined, fence?.language ?? '');
  return { sections, separators, firstBlank };
}

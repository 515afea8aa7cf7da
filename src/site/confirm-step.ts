/** One block of the confirm step: a paragraph (inline Markdown on one line) or a code block. */
export type ConfirmPart = { kind: 'code'; lang: string; text: string } | { kind: 'paragraph'; text: string };

/**
 * The first step of a page's "How to confirm the fix" section, lifted into the fix box: its first
 * paragraph and the code block next to it, in the order the section gives them.
 */
export type ConfirmStep = ConfirmPart[];

/** The heading of the body section the step comes from. */
export const CONFIRM_HEADING = 'How to confirm the fix';

/** Splits Markdown into top-level paragraphs and fenced code blocks (enough for one section). */
function splitBlocks(markdown: string): ConfirmPart[] {
  const blocks: ConfirmPart[] = [];
  const lines = markdown.split('\n');
  let paragraph: string[] = [];
  const endParagraph = (): void => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    paragraph = [];
  };
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const fence = /^(`{3,}|~{3,})\s*([\w-]*)/.exec(line);
    if (fence) {
      endParagraph();
      const close = fence[1] ?? '```';
      const body: string[] = [];
      for (index += 1; index < lines.length && !(lines[index] ?? '').startsWith(close); index += 1) body.push(lines[index] ?? '');
      blocks.push({ kind: 'code', lang: fence[2] ?? '', text: body.join('\n') });
    } else if (line.trim() === '') endParagraph();
    else paragraph.push(line.trim());
  }
  endParagraph();
  return blocks;
}

/**
 * Reads the first step of the "How to confirm the fix" section of a page body: its first block,
 * and the next one when it is of the other kind (a command and the sentence that explains it).
 * Returns no parts when the body has no such section, so the page can still link to the section.
 */
export function extractConfirmStep(body: string): ConfirmStep {
  const start = body.search(new RegExp(`^## ${CONFIRM_HEADING}\\s*$`, 'm'));
  if (start < 0) return [];
  const afterHeading = body.slice(body.indexOf('\n', start) + 1);
  const end = afterHeading.search(/^#{1,2} /m);
  const [first, second] = splitBlocks(end < 0 ? afterHeading : afterHeading.slice(0, end));
  if (first === undefined) return [];
  return second !== undefined && second.kind !== first.kind ? [first, second] : [first];
}

import { createSafeText, type SafeText } from './safe-text.ts';

/**
 * One block of terminal output. `check` and `probe` describe what they found as a list of these,
 * and one renderer turns them into text, with colour or without, so both commands read alike.
 * `isOwn` marks text the project wrote (page titles, fix notes): it is masked for the run's known
 * secrets only, where text from outside gets every masking rule (see `SafeText.ownLine`). A match
 * header is always the project's own.
 */
export type Block =
  | { kind: 'heading'; text: string; isOwn?: boolean }
  | { kind: 'verdict'; tone: Tone; text: string; isOwn?: boolean }
  | { kind: 'step'; isOk: boolean; name: string; status: string; detail?: string }
  | { kind: 'match'; rank: number; title: string; url: string; confidence: string }
  | { kind: 'evidence'; where: string; excerpt: string; says: string; weight: number }
  | { kind: 'field'; label: string; text: string; isOwn?: boolean }
  | { kind: 'bullet'; text: string; tone?: Tone; isNested?: boolean; isOwn?: boolean }
  | { kind: 'code'; text: string; isDiff: boolean; isOwn?: boolean }
  | { kind: 'blank' };

/** How a verdict or a bullet should feel: green, red, yellow or plain. */
export type Tone = 'good' | 'bad' | 'warn' | 'plain';

/** Decides colour the way most CLIs do: only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function isColorWanted(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  return stream.isTTY === true && (env.NO_COLOR ?? '') === '';
}

const ANSI = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
} as const;

type Style = keyof typeof ANSI;

/**
 * Renders blocks as terminal text. Every piece of text goes through `safeText` before it is
 * printed, whatever its source: secrets masked (the run's known secrets everywhere, the pattern
 * rules on text from outside), control characters escaped, and a one-line field kept on one line.
 * Only our own colour codes are raw.
 */
export function renderText(blocks: readonly Block[], isColor: boolean, safeText: SafeText = createSafeText()): string {
  const paint = (text: string, ...styles: Style[]): string =>
    isColor ? styles.reduce((out, style) => `\u001b[${ANSI[style][0]}m${out}\u001b[${ANSI[style][1]}m`, text) : text;
  const safe = (text: string): string => safeText.line(text);
  const safeBlock = (text: string): string => safeText.block(text);
  const own = (text: string): string => safeText.ownLine(text);
  // A block marked `isOwn` holds the project's text; any other, text from outside.
  const lineOf = (block: { isOwn?: boolean }, text: string): string => (block.isOwn ? own(text) : safe(text));
  const blockOf = (block: { isOwn?: boolean }, text: string): string => (block.isOwn ? safeText.ownBlock(text) : safeBlock(text));
  const toneStyle = (tone: Tone): Style[] => (tone === 'good' ? ['green'] : tone === 'bad' ? ['red'] : tone === 'warn' ? ['yellow'] : []);

  const lines: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
        lines.push(paint(lineOf(block, block.text), 'bold'));
        break;
      case 'verdict':
        lines.push(paint(lineOf(block, block.text), 'bold', ...toneStyle(block.tone)));
        break;
      case 'step': {
        const mark = block.isOk ? paint('✓', 'green') : paint('✗', 'red');
        const status = block.status ? `  ${paint(safe(block.status), block.isOk ? 'dim' : 'bold')}` : '';
        lines.push(`${mark} ${safe(block.name)}${status}`);
        if (block.detail) lines.push(...safeBlock(block.detail).split('\n').map((line) => `    ${paint(line, 'dim')}`));
        break;
      }
      case 'match':
        lines.push(`${paint(`${block.rank}.`, 'bold')} ${paint(own(block.title), 'bold')}`);
        lines.push(`   ${paint(own(block.url), 'cyan')}`);
        lines.push(`   ${paint(own(block.confidence), 'dim')}`);
        break;
      case 'evidence': {
        // Points stay out of the text (issue 12: no raw scores); the mark says for or against.
        const mark = block.weight < 0 ? paint('−', 'red') : paint('+', 'green');
        lines.push(`     ${paint(safe(block.where).padEnd(10), 'dim')} ${safe(block.excerpt)}`);
        lines.push(`     ${' '.repeat(10)} ${mark} ${safe(block.says)}`);
        break;
      }
      case 'field':
        lines.push(`   ${paint(`${block.label}:`, 'dim')}${block.text ? ` ${lineOf(block, block.text)}` : ''}`);
        break;
      case 'bullet':
        lines.push(`${block.isNested ? '     ' : '  '}• ${paint(lineOf(block, block.text), ...toneStyle(block.tone ?? 'plain'))}`);
        break;
      case 'code':
        for (const line of blockOf(block, block.text).replace(/\n$/, '').split('\n')) {
          const style: Style[] = !block.isDiff
            ? ['cyan']
            : line.startsWith('+') && !line.startsWith('+++')
              ? ['green']
              : line.startsWith('-') && !line.startsWith('---')
                ? ['red']
                : line.startsWith('@@')
                  ? ['cyan']
                  : [];
          lines.push(`      ${paint(line, ...style)}`);
        }
        break;
      case 'blank':
        lines.push('');
        break;
    }
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

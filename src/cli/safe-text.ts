import { maskKnownSecrets, maskSecrets } from '../engine/index.ts';

/**
 * Makes any text fit to print on a terminal: secrets masked (the engine's `maskSecrets`, with the
 * secrets this run knows of), then control characters shown escaped. Server answers and pastes
 * can carry escape sequences (OSC 52 writes the clipboard, CSI clears the screen or moves the
 * cursor to fake a "healthy" line): printed raw, the terminal would obey them.
 */
export interface SafeText {
  /** One line of output: line breaks are escaped too, so a field can never fake another line. */
  line(text: string): string;
  /** A block of output: line breaks kept, every other control character escaped. */
  block(text: string): string;
  /** Masks without escaping, for `--json` (JSON escapes controls itself and must stay exact). */
  mask(text: string): string;
  /**
   * `line` for text the project wrote (a page's title, a fix note): only the run's known secrets
   * are masked. The pattern rules are for what users paste; on our prose they misfire
   * (`Authorization: hook_extra_headers warnings` would lose its end), and our prose holds no
   * secret but the user's values it quotes, which the known secrets cover.
   */
  ownLine(text: string): string;
  /** `block` for text the project wrote (see `ownLine`). */
  ownBlock(text: string): string;
  /** `mask` for text the project wrote (see `ownLine`). */
  maskOwn(text: string): string;
}

/**
 * Builds the printer for one run from the secrets it knows (the key, header values, secrets found
 * in the inputs). What came from outside (the paste, the config, a server's answer) goes through
 * `line`/`block`/`mask`; the project's own text through `ownLine`/`ownBlock`/`maskOwn`.
 */
export function createSafeText(extraSecrets: readonly string[] = []): SafeText {
  const mask = (text: string): string => maskSecrets(text, { extraSecrets });
  const maskOwn = (text: string): string => maskKnownSecrets(text, extraSecrets);
  return {
    line: (text) => escapeControls(mask(text), false),
    block: (text) => escapeControls(mask(text), true),
    mask,
    ownLine: (text) => escapeControls(maskOwn(text), false),
    ownBlock: (text) => escapeControls(maskOwn(text), true),
    maskOwn,
  };
}

// C0 controls but tab, DEL, the C1 range (8-bit CSI and OSC) and the bidirectional overrides that
// reorder what is shown (Trojan Source, CVE-2021-42574).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_OR_NEWLINE = /[\u0000-\u0008\n\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Shows control characters as escapes (`\x1b`, `\r`, `\u202e`); `keepNewlines` leaves `\n` alone. */
export function escapeControls(text: string, keepNewlines: boolean): string {
  return text.replace(keepNewlines ? CONTROL : CONTROL_OR_NEWLINE, (char) => {
    if (char === '\n') return '\\n';
    if (char === '\r') return '\\r';
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

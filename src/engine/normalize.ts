/**
 * Normalises text for literal matching, applied alike to signature literals and paste lines:
 * terminal colour codes removed, lower-cased, runs of whitespace collapsed to one space, and
 * JSON spacing removed around `{ } [ ] , :` after a string, so `{"error": "x"}` and
 * `{"error":"x"}` compare equal. Linear in the text.
 */
export function normalizeForMatch(text: string): string {
  return withoutColourCodes(text)
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/ ?([{}[\],]) ?/g, '$1')
    .replace(/" ?: ?/g, '":')
    .trim();
}

/** The text without ANSI colour/style escape sequences (`ESC[92m`), which LiteLLM's coloured logger emits. */
export function withoutColourCodes(text: string): string {
  // Without an ESC there is no colour code to remove (most lines): skip that scan.
  return text.includes('\u001b') ? text.replace(/\u001b\[[0-9;]{0,20}[A-Za-z]/g, '') : text;
}

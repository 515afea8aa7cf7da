/**
 * JSON carried inside an HTML page as a `<script type="application/json">` data block. The HTML
 * parser ends a script element at the first `</script` and treats `<!--` specially inside it
 * (HTML spec, "script data" states), whatever the type; so every `<` — and, for good measure,
 * `>`, `&` and the two JavaScript line separators — is written as its `\uXXXX` escape. Those
 * characters can only occur inside JSON strings, where the escape means the same character, so
 * `JSON.parse` of the block's text gives back exactly the original value.
 */

const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

/** JSON text with every character that could end or confuse a script element escaped; throws when the text is not JSON. */
export function escapeJsonForScript(json: string): string {
  // Escaping is only meaning-preserving inside strings, which holds for valid JSON alone.
  JSON.parse(json);
  return json.replace(UNSAFE_IN_SCRIPT, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

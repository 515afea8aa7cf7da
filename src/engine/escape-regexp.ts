/** The text with every character a regular expression gives a meaning escaped: a pattern matching the text itself. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

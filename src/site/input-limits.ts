/**
 * How much the checker takes, on the web page as on the command line (`mcpfix check` reads at most
 * 20 MB): checked before anything is parsed, so an oversized paste is refused in a moment instead
 * of freezing the tab.
 */

/** The most a paste and its config may weigh together, in UTF-8 bytes: the CLI's paste limit. */
export const MAX_PASTE_BYTES = 20 * 1024 * 1024;

/** Why the paste and config are too large to check, or undefined when they fit. */
export function describeOversizedInput(paste: string, config: string): string | undefined {
  // A UTF-8 character takes at most 3 bytes per UTF-16 unit: below a third of the limit no count is needed.
  const roughChars = paste.length + config.length;
  if (roughChars * 3 <= MAX_PASTE_BYTES) return undefined;
  const encoder = new TextEncoder();
  const bytes = encoder.encode(paste).byteLength + encoder.encode(config).byteLength;
  if (bytes <= MAX_PASTE_BYTES) return undefined;
  const megabytes = (bytes / (1024 * 1024)).toFixed(1);
  return `This paste is ${megabytes} MB: the checker reads at most 20 MB. Paste only the part around the error (the status line, the error message, the config of the server you call).`;
}

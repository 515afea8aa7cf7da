/**
 * The checker's share format: the paste (and optional config) base64url-encoded in the URL
 * fragment, `#paste=<b64>&config=<b64>`. Fragments never reach a server.
 */

/** What a share link carries. */
export interface SharedPaste {
  /** The paste (already redacted by whoever built the link). */
  paste: string;
  /** The config given beside it, when any. */
  config?: string;
}

/** Encodes text as base64url (UTF-8, no padding). */
export function encodeBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes base64url text; returns undefined when it is not valid base64url or not UTF-8. */
export function decodeBase64Url(encoded: string): string | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded)) return undefined;
  try {
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Builds the fragment (with its `#`) that carries a paste and its config. */
export function buildShareFragment(shared: SharedPaste): string {
  const parts = [`paste=${encodeBase64Url(shared.paste)}`];
  if (shared.config !== undefined && shared.config.trim() !== '') parts.push(`config=${encodeBase64Url(shared.config)}`);
  return `#${parts.join('&')}`;
}

/** Reads a paste back from a fragment; undefined when the fragment carries none or is damaged. */
export function parseShareFragment(fragment: string): SharedPaste | undefined {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const pasteParam = params.get('paste');
  if (pasteParam === null) return undefined;
  const paste = decodeBase64Url(pasteParam);
  if (paste === undefined) return undefined;
  const configParam = params.get('config');
  const config = configParam === null ? undefined : decodeBase64Url(configParam);
  return config === undefined ? { paste } : { paste, config };
}

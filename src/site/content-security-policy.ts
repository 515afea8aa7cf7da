/**
 * The site's Content-Security-Policy, in one place: BaseLayout sets it as a meta tag, the /check/
 * page adds a stricter one (two policies both apply), and `public/_headers` carries the same for
 * hosts that read that file (Netlify, Cloudflare Pages), plus what only a header can say
 * (`frame-ancestors`). test/unit/content-security-policy.test.ts keeps the file and this module equal.
 */

/** Every page: own scripts only (Pagefind's search needs WebAssembly), the checker's worker, inline styles for code highlighting. */
export const SITE_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  // Shiki colours code blocks with style attributes.
  "style-src 'self' 'unsafe-inline'",
  // The favicon is an inline SVG data URL.
  "img-src 'self' data:",
  "font-src 'self'",
  // Pagefind fetches its index from the site itself.
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** /check/ on top of the site policy: nothing on the page may talk to the network, the paste is private. */
export const CHECKER_POLICY = ["connect-src 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'none'"].join('; ');

/** What only a response header can say: no framing (meta tags cannot set frame-ancestors). */
export const HEADER_ONLY_POLICY = "frame-ancestors 'none'";

/**
 * Where OAuth discovery documents live for an MCP endpoint, and whether the URLs they hand out use
 * the origin the user called. Pure functions over URLs, so the rules are testable without a server.
 */

/** One absolute URL in a challenge or a metadata document, checked against the origin called. */
export interface OriginCheck {
  /** Where the URL was found: `WWW-Authenticate resource_metadata`, `issuer`, `token_endpoint`… */
  field: string;
  /** The URL as given. */
  url: string;
  /** Its origin. */
  origin: string;
  /** The origin the user called. */
  expected: string;
  /** Whether the two origins are the same. */
  isSameOrigin: boolean;
}

/** The parameters of a `WWW-Authenticate` challenge, names lower-cased (RFC 9110 §11.6.1). */
export function parseChallengeParams(value: string): Record<string, string> {
  const params: Record<string, string> = {};
  const pattern = /([A-Za-z_][\w-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g;
  for (const match of value.matchAll(pattern)) {
    const name = (match[1] ?? '').toLowerCase();
    if (!(name in params)) params[name] = (match[2] ?? match[3] ?? '').replace(/\\(.)/g, '$1');
  }
  return params;
}

/** Resolves a URL found in an answer against the endpoint called; undefined when it is not a URL. */
export function resolveUrl(text: string, base: URL): URL | undefined {
  try {
    return new URL(text, base);
  } catch {
    return undefined;
  }
}

/**
 * The candidates for the protected-resource metadata of `target`, best first: the challenge's
 * `resource_metadata`, then RFC 9728 §3.1 path insertion, then the host-level document. A
 * `resource_metadata` on another origin is asked for at the called origin instead: the probe sends
 * nothing to hosts the user did not name (the mismatch is reported, not followed).
 */
export function protectedResourceCandidates(target: URL, resourceMetadata: URL | undefined): URL[] {
  const candidates: URL[] = [];
  if (resourceMetadata) candidates.push(atOrigin(resourceMetadata, target));
  const path = trimSlash(target.pathname);
  candidates.push(new URL(`/.well-known/oauth-protected-resource${path}`, target.origin));
  candidates.push(new URL('/.well-known/oauth-protected-resource', target.origin));
  return dedupe(candidates);
}

/**
 * The candidates for the authorization-server metadata, best first: an `authorization_uri` that
 * names a well-known document (LiteLLM's challenge for interactive servers does), then RFC 8414 §3.1
 * path insertion for each issuer the protected-resource metadata names, then LiteLLM's per-server
 * routes (`/mcp/<server>` and `/<server>`), then the host-level document. All at the called origin.
 */
export function authorizationServerCandidates(target: URL, authorizationUri: URL | undefined, issuers: readonly URL[]): URL[] {
  const candidates: URL[] = [];
  if (authorizationUri && authorizationUri.pathname.includes('/.well-known/')) candidates.push(atOrigin(authorizationUri, target));
  for (const issuer of issuers) candidates.push(new URL(`/.well-known/oauth-authorization-server${trimSlash(issuer.pathname)}`, target.origin));
  const server = serverNameOf(target.pathname);
  if (server) {
    candidates.push(new URL(`/.well-known/oauth-authorization-server/mcp/${server}`, target.origin));
    candidates.push(new URL(`/.well-known/oauth-authorization-server/${server}`, target.origin));
  }
  candidates.push(new URL('/.well-known/oauth-authorization-server', target.origin));
  return dedupe(candidates);
}

/** The MCP server a LiteLLM path names: `github` for `/github/mcp` and `/mcp/github`. */
export function serverNameOf(pathname: string): string | undefined {
  const parts = pathname.split('/').filter(Boolean);
  const mcp = parts.lastIndexOf('mcp');
  if (mcp > 0 && mcp === parts.length - 1) return parts[mcp - 1];
  if (mcp >= 0 && mcp === parts.length - 2) return parts[mcp + 1];
  return undefined;
}

const MAX_URLS_PER_FIELD = 20;

/** Checks the URL-valued fields of a metadata document against the origin called (the first 20 URLs of a list field). */
export function checkDocumentOrigins(document: Record<string, unknown>, fields: readonly string[], expected: URL): OriginCheck[] {
  const checks: OriginCheck[] = [];
  for (const field of fields) {
    const value = document[field];
    // A server may list thousands: the first few say whether the origin is right.
    const values = (Array.isArray(value) ? value : [value]).slice(0, MAX_URLS_PER_FIELD);
    for (const one of values) {
      if (typeof one !== 'string') continue;
      const check = checkOrigin(field, one, expected);
      if (check) checks.push(check);
    }
  }
  return checks;
}

/** Checks one URL against the origin called; undefined when it is relative or not a URL. */
export function checkOrigin(field: string, text: string, expected: URL): OriginCheck | undefined {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return undefined;
  const url = resolveUrl(text, expected);
  if (!url) return undefined;
  // `file:`, `data:` and other non-web schemes have the opaque origin "null": name the scheme instead.
  const origin = url.origin === 'null' ? `an unsupported ${url.protocol} URL` : url.origin;
  return { field, url: text, origin, expected: expected.origin, isSameOrigin: url.origin === expected.origin };
}

function atOrigin(url: URL, target: URL): URL {
  return url.origin === target.origin ? url : new URL(`${url.pathname}${url.search}`, target.origin);
}

function trimSlash(path: string): string {
  return path === '/' ? '' : path.replace(/\/+$/, '');
}

function dedupe(urls: URL[]): URL[] {
  const seen = new Set<string>();
  return urls.filter((url) => !seen.has(url.href) && Boolean(seen.add(url.href)));
}

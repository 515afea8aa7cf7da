/** What a URL or path says about the MCP endpoint it targets. */
export interface McpTarget {
  /** The URL path, without query or fragment (`/github/mcp`). */
  path?: string;
  /** The MCP server the path names (`github`), absent for the aggregate `/mcp` endpoint. */
  serverName?: string;
}

// Path segments that sit before `mcp` in LiteLLM routes without being a server name:
// `/v1/mcp/...` is the management REST API, `/toolset/{name}/mcp` names a toolset.
const NOT_SERVER_NAMES = new Set(['v1', 'v2', 'api', 'toolset', '']);

/**
 * Reads the path and server name out of a URL or bare path. LiteLLM serves one server at
 * `/{server}/mcp` (and `/{server}/mcp/`) and at `/mcp/{server}`; `/mcp` and `/mcp/` are the
 * aggregate endpoint. A comma list (`/mcp/a,b`) scopes to several servers: no single server
 * name is reported then (the path still shows them).
 */
export function describeMcpTarget(urlOrPath: string): McpTarget {
  const path = pathOf(urlOrPath);
  if (path === undefined) return {};
  const segments = path.split('/');
  const target: McpTarget = { path };
  const mcpIndex = segments.lastIndexOf('mcp');
  if (mcpIndex < 0) return target;
  const after = segments[mcpIndex + 1];
  const before = segments[mcpIndex - 1];
  if (after !== undefined && after !== '' && segments.length === mcpIndex + 2) {
    if (!after.includes(',') && !/^v\d+$/.test(after)) target.serverName = safeDecode(after);
    return target;
  }
  if (before !== undefined && !NOT_SERVER_NAMES.has(before) && mcpIndex >= 1 && segments[mcpIndex - 2] !== 'toolset') {
    if (!before.includes(',')) target.serverName = safeDecode(before);
  }
  return target;
}

/** The path part of a URL or of a path with query string; undefined when it is neither. */
export function pathOf(urlOrPath: string): string | undefined {
  const text = urlOrPath.trim();
  let rest: string;
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]{0,20}:\/\/[^/?#\s]*/.exec(text);
  if (scheme) rest = text.slice(scheme[0].length);
  else if (text.startsWith('/')) rest = text;
  else {
    // `localhost:4000/github/mcp` (curl accepts URLs without a scheme).
    const hostOnly = /^[A-Za-z0-9.-]+(?::\d+)?(?=\/)/.exec(text);
    if (!hostOnly) return undefined;
    rest = text.slice(hostOnly[0].length);
  }
  const end = rest.search(/[?#]/);
  const path = end >= 0 ? rest.slice(0, end) : rest;
  return path === '' ? '/' : path;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

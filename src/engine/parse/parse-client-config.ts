import type { HeaderLine, HttpRequest, InputName } from '../evidence.ts';
import { describeMcpTarget } from './parse-mcp-path.ts';

const MAX_WALK = 2000;

/**
 * Finds the MCP servers an MCP client's JSON config points at (`.mcp.json`, Cursor's
 * `mcp.json`, VS Code's `servers`, Claude Desktop's `mcp-remote` args) and returns the request
 * each will send: URL and headers (`"headers": {"x-litellm-api-key": "…"}`, or `--header` pairs
 * in `args`). Every header is attributed to `line`, the line where the JSON value started.
 */
export function requestsFromClientConfig(value: unknown, input: InputName, line: number): HttpRequest[] {
  const requests: HttpRequest[] = [];
  let visited = 0;
  const walk = (node: unknown, depth: number): void => {
    if (visited++ > MAX_WALK || depth > 8 || typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item, depth + 1);
      return;
    }
    const record = node as Record<string, unknown>;
    const request = requestFromServerEntry(record, input, line);
    if (request) {
      requests.push(request);
      return;
    }
    for (const child of Object.values(record)) walk(child, depth + 1);
  };
  walk(value, 0);
  return requests;
}

function requestFromServerEntry(entry: Record<string, unknown>, input: InputName, line: number): HttpRequest | undefined {
  const headers: HeaderLine[] = [];
  let url = typeof entry['url'] === 'string' ? entry['url'] : typeof entry['serverUrl'] === 'string' ? entry['serverUrl'] : undefined;
  const headerObject = entry['headers'];
  if (typeof headerObject === 'object' && headerObject !== null && !Array.isArray(headerObject)) {
    for (const [name, value] of Object.entries(headerObject as Record<string, unknown>)) {
      if (typeof value === 'string') headers.push({ input, line, name: name.toLowerCase(), value });
    }
  }
  const args = entry['args'];
  if (Array.isArray(args) && args.some((arg) => typeof arg === 'string' && arg.includes('mcp-remote'))) {
    for (let index = 0; index < args.length; index++) {
      const arg = args[index];
      if (typeof arg !== 'string') continue;
      if (url === undefined && /^https?:\/\//.test(arg)) url = arg;
      if (arg === '--header') {
        const next = args[index + 1];
        if (typeof next === 'string' && next.indexOf(':') > 0) {
          const colon = next.indexOf(':');
          headers.push({ input, line, name: next.slice(0, colon).trim().toLowerCase(), value: next.slice(colon + 1).trim() });
          index++;
        }
      }
    }
  }
  if (url === undefined) return undefined;
  const type = typeof entry['type'] === 'string' ? entry['type'].toLowerCase() : '';
  const isClientType = ['http', 'sse', 'streamable-http', 'streamablehttp', 'streamable_http'].includes(type);
  if (headers.length === 0 && !isClientType && !Array.isArray(args)) {
    // A bare `url` field alone is too common in unrelated JSON (LiteLLM server records) to be a client config.
    return undefined;
  }
  const request: HttpRequest = { input, line, url, headers, source: 'client-config' };
  const target = describeMcpTarget(url);
  if (target.path !== undefined) request.path = target.path;
  if (target.serverName !== undefined) request.serverName = target.serverName;
  return request;
}

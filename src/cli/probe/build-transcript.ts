import { maskCredential, maskSecrets } from '../../engine/index.ts';
import type { Exchange, HeaderPair, OutgoingRequest } from './send-request.ts';
import type { OriginCheck } from './well-known-urls.ts';

/**
 * Writes the probe's exchanges as the text a user would paste after running them by hand: each
 * request as its `curl -si` command line, then the answer exactly as `curl -si` prints it (status
 * line, headers, blank line, body), or curl's own error line when no answer came. The engine reads
 * this like any paste, so a probe and a pasted `curl -si` reach the same page by the same path.
 * Request secrets are masked by header name here, then the whole text goes through the engine's
 * `maskSecrets` with the secrets the user gave (`extraSecrets`: a gateway that echoes a key of any
 * shape gets it masked too): the engine reads exactly the text the user may print or share.
 */
export function buildTranscript(exchanges: readonly Exchange[], originChecks: readonly OriginCheck[], extraSecrets: readonly string[] = []): string {
  const blocks = exchanges.map(renderExchange);
  const origins = renderOriginChecks(originChecks);
  if (origins) blocks.push(origins);
  return maskSecrets(`${blocks.join('\n\n')}\n`, { extraSecrets });
}

/**
 * What the probe alone knows, as lines the pages can key on: which OAuth URLs use another origin
 * than the one the user called (one line each, naming the field and both origins), and which were
 * checked and use the called origin (one line). A page cannot tell `http://127.0.0.1:4000` in an
 * issuer from an internal address on its own; the probe can, because it knows what was called.
 */
export function renderOriginChecks(checks: readonly OriginCheck[]): string {
  const lines = checks
    .filter((check) => !check.isSameOrigin)
    .map((check) => `mcpfix probe: ${check.field} ${check.url} does not match the origin you called: expected ${check.expected}, got ${check.origin}`);
  const same = [...new Set(checks.filter((check) => check.isSameOrigin).map((check) => check.field))];
  const expected = checks[0]?.expected;
  if (same.length > 0 && expected) lines.push(`mcpfix probe: ${same.join(', ')} use the origin you called (${expected})`);
  return lines.join('\n');
}

function renderExchange(exchange: Exchange): string {
  const lines = [renderCurlCommand(exchange.request)];
  if (exchange.kind === 'unreachable') {
    lines.push(curlErrorLine(exchange));
    return lines.join('\n');
  }
  const { response } = exchange;
  lines.push(`HTTP/1.1 ${response.status} ${response.statusText}`.trimEnd());
  for (const header of response.headers) lines.push(`${header.name}: ${maskResponseHeader(header)}`);
  lines.push('');
  const body = response.body.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  if (body) lines.push(body);
  return lines.join('\n');
}

/** `$ curl -si -X POST 'http://…/github/mcp' -H 'accept: …' -d '{"jsonrpc":…}'`, secrets masked. */
export function renderCurlCommand(request: OutgoingRequest): string {
  const parts = ['$ curl -si'];
  if (request.method !== 'GET' || request.body !== undefined) parts.push(`-X ${request.method}`);
  parts.push(quote(request.url.href));
  for (const header of request.headers) parts.push(`-H ${quote(`${header.name}: ${maskRequestHeader(header)}`)}`);
  if (request.body !== undefined) parts.push(`-d ${quote(request.body)}`);
  return parts.join(' ');
}

// curl's own exit codes and messages, so a transcript with a dead step reads like a real one.
// https://curl.se/libcurl/c/libcurl-errors.html
function curlErrorLine(exchange: Exchange & { kind: 'unreachable' }): string {
  const { failure, request } = exchange;
  const host = request.url.hostname;
  const port = request.url.port || (request.url.protocol === 'https:' ? '443' : '80');
  switch (failure.kind) {
    case 'refused':
      return `curl: (7) Failed to connect to ${host} port ${port}: Connection refused`;
    case 'dns':
      return `curl: (6) Could not resolve host: ${host}`;
    case 'tls':
      return `curl: (35) TLS connect error: ${failure.reason}`;
    case 'timeout':
      return `curl: (28) Operation timed out: ${failure.reason}`;
    case 'reset':
      return `curl: (56) Recv failure: Connection reset by peer`;
    case 'other':
      return `curl: (7) ${failure.reason}`;
  }
}

// Broader than redactText's key list on purpose: a header the user adds with --header may carry a
// credential under any name that says so (x-goog-api-key, private-token, x-mcp-github-authorization).
const SECRET_HEADER = /key|token|secret|password|credential|auth|cookie/i;

/** Masks a request header's value when its name says it carries a credential. */
export function maskRequestHeader(header: HeaderPair): string {
  return SECRET_HEADER.test(header.name) ? maskSecret(header.value) : header.value;
}

function maskResponseHeader(header: HeaderPair): string {
  return header.name === 'set-cookie' ? header.value.replace(/=([^;]*)/, (_all, value: string) => `=${maskSecret(value)}`) : header.value;
}

/**
 * Masks a credential with the engine's `maskCredential`: the scheme (`Bearer `) and a known key
 * prefix (`sk-`) kept, then `****` and the last four characters when at least twelve are there, so
 * two masked values can still be compared by eye.
 */
export function maskSecret(value: string): string {
  return maskCredential(value);
}

function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

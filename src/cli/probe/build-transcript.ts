import type { Exchange, HeaderPair, OutgoingRequest } from './send-request.ts';
import type { OriginMismatch } from './well-known-urls.ts';

/**
 * Writes the probe's exchanges as the text a user would paste after running them by hand: each
 * request as its `curl -si` command line, then the answer exactly as `curl -si` prints it (status
 * line, headers, blank line, body), or curl's own error line when no answer came. The engine reads
 * this like any paste, so a probe and a pasted `curl -si` reach the same page by the same path.
 * Request secrets are masked here; everything printed is also passed through `redactText`.
 */
export function buildTranscript(exchanges: readonly Exchange[], mismatches: readonly OriginMismatch[]): string {
  const blocks = exchanges.map(renderExchange);
  if (mismatches.length > 0) blocks.push(mismatches.map(renderMismatch).join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

/**
 * One line per URL on the wrong origin. The wording carries the field name and both origins so a
 * page's text or pattern fact can key on `issuer` and on `does not match the origin`.
 */
export function renderMismatch(mismatch: OriginMismatch): string {
  return `mcpfix probe: ${mismatch.field} ${mismatch.url} does not match the origin you called: expected ${mismatch.expected}, got ${mismatch.origin}`;
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

const SECRET_HEADER = /^(authorization|proxy-authorization|cookie|x-litellm-api-key|x-api-key|api-key)$|key|token|secret|password|credential|auth/i;

/** Masks a request header's value when its name says it carries a credential. */
export function maskRequestHeader(header: HeaderPair): string {
  return SECRET_HEADER.test(header.name) && !/^x-litellm-mcp-debug$/i.test(header.name) ? maskSecret(header.value) : header.value;
}

function maskResponseHeader(header: HeaderPair): string {
  return header.name === 'set-cookie' ? header.value.replace(/=([^;]*)/, (_all, value: string) => `=${maskSecret(value)}`) : header.value;
}

/**
 * Masks a credential, keeping its scheme (`Bearer `), a known key prefix (`sk-`) and the last four
 * characters, so two masked values can still be compared by eye.
 */
export function maskSecret(value: string): string {
  const scheme = /^(bearer|basic|token)\s+/i.exec(value)?.[0] ?? '';
  const secret = value.slice(scheme.length);
  if (secret.length <= 8) return `${scheme}****`;
  const prefix = /^(sk-|gh[opsu]_)/.exec(secret)?.[0] ?? '';
  return `${scheme}${prefix}****${secret.slice(-4)}`;
}

function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

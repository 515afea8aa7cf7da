/** Why no HTTP answer came back, in the four words users search for, plus `reset` and `other`. */
export type ConnectFailure =
  | { kind: 'refused'; reason: string }
  | { kind: 'dns'; reason: string }
  | { kind: 'tls'; reason: string }
  | { kind: 'timeout'; reason: string }
  | { kind: 'reset'; reason: string }
  | { kind: 'other'; reason: string };

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);
const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
const CERT_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * Turns an error thrown by undici before any response arrived into one line a user can act on.
 * undici wraps the socket error in `cause`, so the whole chain is searched for a code.
 */
export function describeConnectError(error: unknown, url: URL, timeoutMs: number): ConnectFailure {
  const chain = causesOf(error);
  const codes = chain.map((e) => (typeof e.code === 'string' ? e.code : '')).filter(Boolean);
  const names = chain.map((e) => (typeof e.name === 'string' ? e.name : ''));
  const messages = chain.map((e) => (typeof e.message === 'string' ? e.message : '')).join(' ');
  const host = url.host;
  const has = (test: (code: string) => boolean): boolean => codes.some(test);

  if (has((c) => c === 'ECONNREFUSED')) {
    return { kind: 'refused', reason: `connection refused by ${host}: nothing listens on that port (is the proxy running, and on this port?)` };
  }
  if (has((c) => DNS_CODES.has(c))) {
    return { kind: 'dns', reason: `DNS lookup failed for ${url.hostname}: the host name does not resolve` };
  }
  if (has((c) => CERT_CODES.has(c))) {
    const code = codes.find((c) => CERT_CODES.has(c)) ?? '';
    return { kind: 'tls', reason: `TLS certificate of ${host} not accepted (${code})` };
  }
  if (has((c) => c.startsWith('ERR_SSL_') || c.startsWith('ERR_TLS_') || c === 'EPROTO') || /\bSSL\b|\bTLS\b|wrong version number/i.test(messages)) {
    const hint = /wrong version number|packet length too long|http request/i.test(messages)
      ? `: ${host} answers in plain HTTP — try http:// instead of https://`
      : '';
    return { kind: 'tls', reason: `TLS handshake with ${host} failed${hint}` };
  }
  if (has((c) => TIMEOUT_CODES.has(c)) || names.includes('TimeoutError') || names.includes('AbortError')) {
    const phase = has((c) => c === 'UND_ERR_CONNECT_TIMEOUT') ? 'connecting to' : 'waiting for an answer from';
    return { kind: 'timeout', reason: `timed out after ${formatMs(timeoutMs)} ${phase} ${host}` };
  }
  if (has((c) => RESET_CODES.has(c))) {
    return { kind: 'reset', reason: `${host} closed the connection without an HTTP answer` };
  }
  if (has((c) => c === 'EHOSTUNREACH' || c === 'ENETUNREACH')) {
    return { kind: 'other', reason: `no route to ${host} (${codes[0]})` };
  }
  const first = chain[0];
  return { kind: 'other', reason: `could not reach ${host}: ${typeof first?.message === 'string' ? first.message : String(error)}` };
}

/** `1s`, `1.5s`, `250ms`. */
export function formatMs(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(1))}s` : `${ms}ms`;
}

interface ErrorLike {
  code?: unknown;
  name?: unknown;
  message?: unknown;
  cause?: unknown;
}

function causesOf(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  let current: unknown = error;
  while (current && typeof current === 'object' && chain.length < 8) {
    chain.push(current as ErrorLike);
    const inner = current as ErrorLike & { errors?: unknown };
    // Happy-eyeballs connect failures arrive as an AggregateError of per-address errors.
    if (Array.isArray(inner.errors) && inner.errors.length > 0) chain.push(...(inner.errors as ErrorLike[]));
    current = inner.cause;
  }
  return chain;
}

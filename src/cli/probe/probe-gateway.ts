import { openHttpClient, type Exchange, type HeaderPair, type HttpClient, type OutgoingRequest } from './send-request.ts';
import { readJsonRpc, isObject, type JsonRpcAnswer } from './read-json-rpc.ts';
import { followOAuth, pointsToOAuth } from './follow-oauth.ts';
import type { ConnectFailure } from './describe-connect-error.ts';
import type { OriginCheck } from './well-known-urls.ts';

/** What to probe and how. */
export interface ProbeSettings {
  /** The MCP endpoint to call. */
  target: URL;
  /** The LiteLLM key, sent as `x-litellm-api-key`. */
  key?: string;
  /** Extra headers, sent on every MCP request (after the defaults, replacing same-named ones). */
  headers: HeaderPair[];
  /** Per-request timeout. */
  timeoutMs: number;
  /** The most the whole probe may take (default: no overall limit). */
  deadlineMs?: number;
}

/** One step of the probe, as printed and as `--json` gives it. */
export interface ProbeStep {
  /** `initialize`, `notifications/initialized`, `tools/list`, `oauth-protected-resource`, `oauth-authorization-server`. */
  name: string;
  /** `POST /github/mcp`. */
  request: string;
  /** The HTTP status, or null when no answer came. */
  status: number | null;
  /** The status line's reason phrase, for display. */
  statusText: string;
  isOk: boolean;
  /** What the answer said, in a line or a few. */
  detail: string;
}

/** Everything one probe saw. */
export interface ProbeRun {
  target: URL;
  steps: ProbeStep[];
  /** Every HTTP exchange, in order: the transcript is built from these. */
  exchanges: Exchange[];
  /** The absolute URLs in OAuth answers, each checked against the origin called. */
  originChecks: OriginCheck[];
  /** The tool names, when tools/list answered with a list. */
  tools?: string[];
  /** Set when the very first request got no HTTP answer at all. */
  unreachable?: ConnectFailure;
  /** Set when the overall deadline ended the probe before every step ran. */
  deadlineReached?: { deadlineMs: number; skipped: string[] };
}

/** The most body bytes read from any one answer: enough for a large tool list, small enough to never stall. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The MCP protocol revision the probe asks for; servers answer with the one they speak. */
export const PROTOCOL_VERSION = '2025-06-18';

/**
 * Runs the checks a maintainer would run against a gateway MCP endpoint: initialize,
 * notifications/initialized and tools/list over streamable HTTP with LiteLLM's debug headers on,
 * then OAuth discovery when the answers point to it. Never throws on network trouble: every
 * failure becomes a step.
 * https://modelcontextprotocol.io/specification/2025-06-18/basic/lifecycle#initialization
 */
export async function probeGateway(settings: ProbeSettings): Promise<ProbeRun> {
  const client = openHttpClient({
    timeoutMs: settings.timeoutMs,
    maxBodyBytes: MAX_BODY_BYTES,
    ...(settings.deadlineMs !== undefined ? { deadlineMs: settings.deadlineMs } : {}),
  });
  const run: ProbeRun = { target: settings.target, steps: [], exchanges: [], originChecks: [] };
  try {
    await runMcpSteps(client, settings, run);
    if (!run.unreachable && pointsToOAuth(run.exchanges) && !isPastDeadline(client, settings, run, ['oauth discovery'])) {
      const oauth = await followOAuth(client, settings.target, run.exchanges);
      if (oauth.skipped.length > 0) markDeadline(settings, run, oauth.skipped);
      run.steps.push(...oauth.steps);
      run.exchanges.push(...oauth.exchanges);
      run.originChecks.push(...oauth.originChecks);
    }
  } finally {
    await client.close();
  }
  return run;
}

async function runMcpSteps(client: HttpClient, settings: ProbeSettings, run: ProbeRun): Promise<void> {
  const headers = baseHeaders(settings);
  const initialize = await send(client, run, {
    method: 'POST',
    url: settings.target,
    headers,
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: 'mcpfix-probe', version: '0.1.0' } },
    }),
    awaitId: 1,
  });
  if (initialize.kind === 'unreachable') {
    run.unreachable = initialize.failure;
    run.steps.push(unreachableStep('initialize', initialize));
    return;
  }
  const initAnswer = readJsonRpc(initialize.response, 1);
  const isInitOk = isSuccess(initialize) && initAnswer.kind === 'result';
  run.steps.push({
    ...stepBase('initialize', initialize),
    isOk: isInitOk,
    detail: joinDetail(describeInitialize(initialize, initAnswer), describeDebugHeaders(initialize, run)),
  });
  if (!isInitOk) return;

  // Streamable HTTP: the session id and the negotiated version ride on every later request.
  // https://modelcontextprotocol.io/specification/2025-06-18/basic/transports#session-management
  const session = headerOf(initialize, 'mcp-session-id');
  const negotiated = initAnswer.kind === 'result' && typeof initAnswer.result.protocolVersion === 'string' ? initAnswer.result.protocolVersion : PROTOCOL_VERSION;
  const sessionHeaders: HeaderPair[] = [
    ...(session ? [{ name: 'mcp-session-id', value: session }] : []),
    { name: 'mcp-protocol-version', value: negotiated },
  ];
  const later = mergeHeaders(headers, sessionHeaders);

  if (isPastDeadline(client, settings, run, ['notifications/initialized', 'tools/list'])) return;
  const initialized = await send(client, run, {
    method: 'POST',
    url: settings.target,
    headers: later,
    body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
  });
  if (initialized.kind === 'unreachable') {
    run.steps.push(unreachableStep('notifications/initialized', initialized));
    return;
  }
  run.steps.push({
    ...stepBase('notifications/initialized', initialized),
    isOk: isSuccess(initialized),
    detail: joinDetail(isSuccess(initialized) ? '' : describeFailure(initialized, readJsonRpc(initialized.response, -1)), describeDebugHeaders(initialized, run)),
  });

  if (isPastDeadline(client, settings, run, ['tools/list'])) return;
  const list = await send(client, run, {
    method: 'POST',
    url: settings.target,
    headers: later,
    body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} }),
    awaitId: 2,
  });
  if (list.kind === 'unreachable') {
    run.steps.push(unreachableStep('tools/list', list));
    return;
  }
  const listAnswer = readJsonRpc(list.response, 2);
  const tools = listAnswer.kind === 'result' && Array.isArray(listAnswer.result.tools) ? listAnswer.result.tools : undefined;
  if (tools) run.tools = tools.map((tool) => (isObject(tool) && typeof tool.name === 'string' ? tool.name : '?'));
  const isListOk = isSuccess(list) && tools !== undefined && tools.length > 0;
  run.steps.push({
    ...stepBase('tools/list', list),
    isOk: isListOk,
    detail: joinDetail(describeToolList(list, listAnswer, run.tools), describeDebugHeaders(list, run)),
  });
}

/** Whether the deadline has passed; if so, records the steps it skips. */
function isPastDeadline(client: HttpClient, settings: ProbeSettings, run: ProbeRun, skipped: string[]): boolean {
  if (client.remainingMs() > 0) return false;
  markDeadline(settings, run, skipped);
  return true;
}

function markDeadline(settings: ProbeSettings, run: ProbeRun, skipped: string[]): void {
  const deadlineMs = settings.deadlineMs ?? 0;
  run.deadlineReached = { deadlineMs, skipped: [...(run.deadlineReached?.skipped ?? []), ...skipped] };
}

async function send(client: HttpClient, run: ProbeRun, outgoing: OutgoingRequest): Promise<Exchange> {
  const exchange = await client.send(outgoing);
  run.exchanges.push(exchange);
  return exchange;
}

function baseHeaders(settings: ProbeSettings): HeaderPair[] {
  const defaults: HeaderPair[] = [
    // Both types, or a streamable-HTTP server answers 406.
    // https://modelcontextprotocol.io/specification/2025-06-18/basic/transports#sending-messages-to-the-server
    { name: 'accept', value: 'application/json, text/event-stream' },
    { name: 'content-type', value: 'application/json' },
  ];
  if (settings.key !== undefined) {
    // LiteLLM reads the key from x-litellm-api-key first, which leaves Authorization to the upstream.
    const value = /^bearer\s/i.test(settings.key) ? settings.key : `Bearer ${settings.key}`;
    defaults.push({ name: 'x-litellm-api-key', value });
  }
  // Turns on LiteLLM's x-mcp-debug-* response headers (inbound auth, resolution, outbound URL).
  defaults.push({ name: 'x-litellm-mcp-debug', value: 'true' });
  return mergeHeaders(defaults, settings.headers);
}

/** Appends headers, a later one replacing an earlier one of the same name (case-insensitive). */
export function mergeHeaders(base: readonly HeaderPair[], extra: readonly HeaderPair[]): HeaderPair[] {
  const names = new Set(extra.map((h) => h.name.toLowerCase()));
  return [...base.filter((h) => !names.has(h.name.toLowerCase())), ...extra];
}

function stepBase(name: string, exchange: Exchange & { kind: 'answered' }): Omit<ProbeStep, 'isOk' | 'detail'> {
  return {
    name,
    request: describeRequest(exchange.request),
    status: exchange.response.status,
    statusText: exchange.response.statusText,
  };
}

function unreachableStep(name: string, exchange: Exchange & { kind: 'unreachable' }): ProbeStep {
  return { name, request: describeRequest(exchange.request), status: null, statusText: '', isOk: false, detail: exchange.failure.reason };
}

/** `POST /github/mcp`. */
export function describeRequest(request: OutgoingRequest): string {
  return `${request.method} ${request.url.pathname}${request.url.search}`;
}

function isSuccess(exchange: Exchange & { kind: 'answered' }): boolean {
  return exchange.response.status >= 200 && exchange.response.status < 300;
}

function headerOf(exchange: Exchange & { kind: 'answered' }, name: string): string | undefined {
  return exchange.response.headers.find((h) => h.name === name)?.value;
}

function describeInitialize(exchange: Exchange & { kind: 'answered' }, answer: JsonRpcAnswer): string {
  if (!isSuccess(exchange) || answer.kind !== 'result') return describeFailure(exchange, answer);
  const info = isObject(answer.result.serverInfo) ? answer.result.serverInfo : {};
  // Server-chosen text: clipped here, escaped when printed.
  const name = typeof info.name === 'string' ? `server "${clip(info.name, 80)}"` : 'server';
  const version = typeof info.version === 'string' ? ` ${clip(info.version, 40)}` : '';
  const protocol = typeof answer.result.protocolVersion === 'string' ? `, protocol ${clip(answer.result.protocolVersion, 40)}` : '';
  const session = headerOf(exchange, 'mcp-session-id') ? ', session opened' : '';
  return `${name}${version}${protocol}${session}`;
}

function describeToolList(exchange: Exchange & { kind: 'answered' }, answer: JsonRpcAnswer, tools: string[] | undefined): string {
  if (!isSuccess(exchange) || !tools) return describeFailure(exchange, answer);
  if (tools.length === 0) return '0 tools: an empty list is a finding, not health (see the diagnosis below)';
  const shown = tools.slice(0, 8).map((name) => clip(name, 60)).join(', ');
  return `${tools.length} tool${tools.length === 1 ? '' : 's'}: ${shown}${tools.length > 8 ? ', …' : ''}`;
}

/**
 * Says in a line or two why an answer is not what an MCP endpoint gives. Never walks server data
 * recursively: a body is shown as its own text, clipped, however deep its JSON nests.
 */
function describeFailure(exchange: Exchange & { kind: 'answered' }, answer: JsonRpcAnswer): string {
  const { response } = exchange;
  const parts: string[] = [];
  const challenge = headerOf(exchange, 'www-authenticate');
  if (challenge) parts.push(`WWW-Authenticate: ${clip(challenge, 300)}`);
  else if (response.status === 401) parts.push('401 without a WWW-Authenticate challenge');
  const contentType = headerOf(exchange, 'content-type') ?? '';
  const isRedirect = response.status >= 300 && response.status < 400;
  if (isRedirect) {
    // undici does not follow redirects, and the probe must not: a redirect is a finding.
    const location = headerOf(exchange, 'location');
    parts.push(`redirect not followed: ${response.status} to ${location ? clip(location, 200) : '(no Location header)'}`);
  }
  switch (answer.kind) {
    case 'error':
      parts.push(`JSON-RPC error${answer.code !== undefined ? ` ${answer.code}` : ''}: ${clip(answer.message, 300)}`);
      break;
    case 'other-json':
      parts.push(`body: ${clip(response.body.replace(/\s+/g, ' ').trim(), 160)}`);
      break;
    case 'none':
      if (/text\/html/i.test(contentType) && response.stop.kind === 'end') {
        parts.push(`answered an HTML page, not JSON-RPC: is this the gateway's MCP endpoint (…/<server>/mcp)?`);
      } else if (!(isRedirect && response.body.trim() === '')) {
        parts.push(answer.reason);
      }
      break;
    case 'result':
      break;
  }
  if (response.stop.kind === 'time-cap' && answer.kind !== 'none') parts.push('the body did not finish before the timeout');
  return parts.join('\n');
}

function debugHeadersOf(exchange: Exchange & { kind: 'answered' }): string {
  return exchange.response.headers
    .filter((h) => h.name.startsWith('x-mcp-debug-'))
    .map((h) => `${h.name}: ${h.value}`)
    .join('\n');
}

/** The x-mcp-debug-* headers of an answer, shown once: a later step repeats them only when they changed. */
function describeDebugHeaders(exchange: Exchange & { kind: 'answered' }, run: ProbeRun): string {
  const current = debugHeadersOf(exchange);
  const earlier = run.exchanges.slice(0, run.exchanges.indexOf(exchange)).filter((e) => e.kind === 'answered');
  const previous = earlier.length > 0 ? debugHeadersOf(earlier[earlier.length - 1] as Exchange & { kind: 'answered' }) : '';
  return current === previous ? '' : current;
}

function joinDetail(...parts: string[]): string {
  return parts.filter((part) => part !== '').join('\n');
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * Whose failure it is: every page here is about LiteLLM's gateway, so a paste that shows another
 * MCP server or gateway answering (FastMCP's banner, a Go service's logfmt lines, another
 * gateway's name) and nothing of LiteLLM must not be answered with a confident LiteLLM page; and
 * a paste that shows only what a client printed ("SSE error: Non-200 status code (401)") may come
 * from any server, so it is never enough for a confident LiteLLM page either.
 */
import type { Evidence } from './evidence.ts';
import { lineAt, type JoinedLines } from './joined-lines.ts';
import type { RuleSignature } from './rule-index.ts';
import { isSdkServerMessage } from './sdk-server-messages.ts';

/** Which product the evidence shows answering. */
export interface ProductSeen {
  /** `litellm`, `other` (named in `name`) or `unknown` (nothing tells). */
  product: 'litellm' | 'other' | 'unknown';
  /** The other product's name. */
  name?: string;
  /** The text that told (redaction is the caller's: these are short markers, never secrets). */
  from?: string;
}

// What only LiteLLM prints or serves: its name, its headers (`x-litellm-*`, the `llm_provider-*`
// copies of a provider's headers), its own MCP routes, its default port.
const LITELLM_MARKERS: readonly RegExp[] = [/\blitellm\b/i, /\bx-litellm-/i, /\bllm_provider-/i, /\/mcp-rest\//i, /\/v1\/mcp\//i, /:4000\b/];

// Another product answering: its own banner or name, or a log format LiteLLM never writes.
const OTHER_MARKERS: readonly { name: string; pattern: RegExp }[] = [
  { name: 'a FastMCP server', pattern: /\bFastMCP\b|Starting MCP server '[^']+' with transport/ },
  { name: 'the Docker MCP Gateway', pattern: /\bdocker mcp gateway\b|\bdocker-mcp\b|\bmcp\/docker-mcp|\bdocker\/mcp-gateway\b/i },
  { name: 'ToolHive', pattern: /\btoolhive\b|\bthv proxy\b/i },
  { name: 'agentgateway', pattern: /\bagentgateway\b/i },
  { name: 'MetaMCP', pattern: /\bmetamcp\b/i },
  { name: 'MCPHub', pattern: /\bmcphub\b/i },
  { name: 'IBM ContextForge MCP Gateway', pattern: /\bcontextforge\b|\bmcpgateway\.\w+|\bMCPGATEWAY_\w+|\bMCP_CLIENT_AUTH_ENABLED\b/i },
  // Express's default 404 page; LiteLLM (FastAPI) answers an unknown route with {"detail":"Not Found"}.
  { name: 'an Express (Node.js) server', pattern: /<pre>Cannot (?:GET|POST|PUT|DELETE) \/[^<]*<\/pre>/ },
  { name: 'mcp-proxy', pattern: /\bmcp-proxy\b/i },
  { name: 'mcpo', pattern: /\bmcpo\b|Starting MCP OpenAPI Proxy/i },
  { name: 'Envoy', pattern: /\bserver: envoy\b|upstream connect error or disconnect\/reset before headers/i },
  { name: 'Kong', pattern: /\bserver: kong\/|\bx-kong-|\bkong\.(?:log|service)\b/i },
  { name: 'another (Go) service', pattern: /\blevel=(?:debug|info|warn|warning|error)\b.*\bmsg=/i },
];

const OTHER_PATTERNS: readonly RegExp[] = OTHER_MARKERS.map((marker) => marker.pattern);

/** Which product the paste shows answering. */
export function detectProduct(evidence: Evidence): ProductSeen {
  const paste = evidence.lines.joinedPaste();
  const lines = evidence.lines.pasteTexts();
  const litellm = firstLineOfAny(paste, LITELLM_MARKERS);
  if (litellm >= 0) {
    for (let at = litellm; at < lines.length; at++) {
      const text = lines[at] as string;
      for (const marker of LITELLM_MARKERS) if (marker.test(text)) return { product: 'litellm', from: marker.exec(text)?.[0] ?? '' };
    }
  }
  const other = firstLineOfAny(paste, OTHER_PATTERNS);
  if (other < 0) return { product: 'unknown' };
  for (let at = other; at < lines.length; at++) {
    const text = lines[at] as string;
    for (const { name, pattern } of OTHER_MARKERS) {
      const found = pattern.exec(text);
      if (found) return { product: 'other', name, from: found[0].length > 60 ? `${found[0].slice(0, 60)}…` : found[0] };
    }
  }
  return { product: 'unknown' };
}

// The first line (-1: none) from which a line-by-line search for any of the markers must start.
// A marker matching inside a line also matches at the same offset of the joined text (none is
// anchored, and a line feed is a word boundary like the end of a line), so one search of the whole
// paste per marker bounds where the first line holding one can be; the caller confirms line by
// line from there. A paste of millions of short lines then costs a handful of regex scans instead
// of a dozen regex calls per line. Once one marker is found, the rest are searched only up to the
// end of its line: a match on an earlier line, or earlier on that line, lies wholly before that
// end (the cut reads as the line's edge, as its line feed did), so the first line is the same; a
// LiteLLM log then costs one short search per marker instead of a scan of the whole paste each.
function firstLineOfAny({ text, starts }: JoinedLines, markers: readonly RegExp[]): number {
  let first = -1;
  let searched = text;
  for (const marker of markers) {
    const found = marker.exec(searched);
    if (found && (first < 0 || found.index < first)) {
      first = found.index;
      const lineEnd = text.indexOf('\n', first);
      if (lineEnd >= 0) searched = text.slice(0, lineEnd);
    }
  }
  return first < 0 ? -1 : lineAt(starts, first);
}

// Top-level keys of LiteLLM's proxy config: a config carrying one is the user's LiteLLM config.
const LITELLM_CONFIG_KEYS: readonly string[] = ['mcp_servers', 'model_list', 'litellm_settings', 'general_settings', 'router_settings', 'mcp_aliases'];

/**
 * Whether the evidence points at LiteLLM, and what told: its markers in the paste, its config
 * (pasted or given), its error JSON (`{"error":{…,"code":"401"}}`, the status as a string), or the
 * deciding signature being one of LiteLLM's own messages rather than something a client printed.
 * Null when nothing does: then only a client's words say what failed, which any server can cause.
 */
export function findLitellmEvidence(evidence: Evidence, seen: ProductSeen, signature: RuleSignature): string | null {
  if (seen.product === 'litellm') return `“${seen.from ?? 'LiteLLM'}” in the paste`;
  if (!isClientMessage(signature)) return `LiteLLM's own message “${signature.text.length > 60 ? `${signature.text.slice(0, 60)}…` : signature.text}”`;
  for (const config of evidence.configs) {
    const value = config.value;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const key = LITELLM_CONFIG_KEYS.find((name) => name in value);
      if (key !== undefined) return `a LiteLLM config (\`${key}\`)`;
    }
  }
  for (const seenJson of evidence.json) if (isLitellmErrorShape(seenJson.value)) return "LiteLLM's error JSON";
  return null;
}

/**
 * Whether a signature is something a client or an SDK prints, which any server's failure can
 * cause: a client's own words, or one of the answers the MCP SDK's server transport gives for any
 * server built on it ("Not Acceptable: Client must accept …", "Invalid Origin header").
 */
export function isClientMessage(signature: RuleSignature): boolean {
  if (signature.client !== undefined || signature.where === 'client') return true;
  // A signature that names LiteLLM around the SDK's words is LiteLLM's own.
  return isSdkServerMessage(signature.text) && !LITELLM_MARKERS.some((marker) => marker.test(signature.text));
}

/** Whether a signature is one of the MCP SDK's own transport answers (not a client's words). */
export function isSdkServerSignature(signature: RuleSignature): boolean {
  return signature.client === undefined && signature.where !== 'client' && isClientMessage(signature);
}

// LiteLLM's ProxyException body: {"error":{"message","type","param","code"}} with the HTTP status
// as a string code ("401"); OpenAI's own errors carry a word code ("rate_limit_exceeded") or null.
function isLitellmErrorShape(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const error = (value as Record<string, unknown>)['error'];
  if (error === null || typeof error !== 'object' || Array.isArray(error)) return false;
  const fields = error as Record<string, unknown>;
  const code = fields['code'];
  return typeof fields['message'] === 'string' && 'type' in fields && 'param' in fields && typeof code === 'string' && /^[1-5]\d\d$/.test(code);
}

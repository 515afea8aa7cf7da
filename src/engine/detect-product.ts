/**
 * Whose failure it is: every page here is about LiteLLM's gateway, so a paste that shows another
 * MCP server or gateway answering (FastMCP's banner, a Go service's logfmt lines, another
 * gateway's name) and nothing of LiteLLM must not be answered with a confident LiteLLM page.
 */
import type { Evidence } from './evidence.ts';

/** Which product the evidence shows answering. */
export interface ProductSeen {
  /** `litellm`, `other` (named in `name`) or `unknown` (nothing tells). */
  product: 'litellm' | 'other' | 'unknown';
  /** The other product's name. */
  name?: string;
  /** The text that told (redaction is the caller's: these are short markers, never secrets). */
  from?: string;
}

// What only LiteLLM prints or serves: its name, its headers, its log prefix, its own MCP routes.
const LITELLM_MARKERS: readonly RegExp[] = [/\blitellm\b/i, /\bx-litellm-/i, /\/mcp-rest\//i, /\/v1\/mcp\//i, /:4000\b/];

// Another product answering: its own banner or name, or a log format LiteLLM never writes.
const OTHER_MARKERS: readonly { name: string; pattern: RegExp }[] = [
  { name: 'a FastMCP server', pattern: /\bFastMCP\b|Starting MCP server '[^']+' with transport/ },
  { name: 'the Docker MCP Gateway', pattern: /\bdocker mcp gateway\b/i },
  { name: 'ToolHive', pattern: /\btoolhive\b|\bthv proxy\b/i },
  { name: 'agentgateway', pattern: /\bagentgateway\b/i },
  { name: 'MetaMCP', pattern: /\bmetamcp\b/i },
  { name: 'IBM ContextForge MCP Gateway', pattern: /\bcontextforge\b|\bmcpgateway\.main\b/i },
  { name: 'mcp-proxy', pattern: /\bmcp-proxy\b/i },
  { name: 'another (Go) service', pattern: /\blevel=(?:debug|info|warn|warning|error)\b.*\bmsg=/i },
];

/** Which product the paste shows answering. */
export function detectProduct(evidence: Evidence): ProductSeen {
  const lines = evidence.lines.filter((line) => line.input === 'paste').map((line) => line.text);
  for (const text of lines) for (const marker of LITELLM_MARKERS) if (marker.test(text)) return { product: 'litellm', from: marker.exec(text)?.[0] ?? '' };
  for (const text of lines) {
    for (const { name, pattern } of OTHER_MARKERS) {
      const found = pattern.exec(text);
      if (found) return { product: 'other', name, from: found[0].length > 60 ? `${found[0].slice(0, 60)}…` : found[0] };
    }
  }
  return { product: 'unknown' };
}

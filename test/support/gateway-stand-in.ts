import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readJson, type RunningServer } from './mcp-server.ts';

/**
 * The faulty answers of a LiteLLM gateway that the error pages document, one per scenario. Each
 * reproduces the status, headers and body the page describes, at `/<server>/mcp` and the
 * `.well-known` routes LiteLLM serves, so the probe meets them over real HTTP.
 */
export type GatewayScenario =
  /** upstream-401-returned-as-empty-tools: the upstream said 401, the gateway answers tools/list with 200 and no tools. */
  | 'upstream-401-as-empty-tools'
  /** oauth2-interactive-500-instead-of-401: 500 `MCP request failed` with empty details and no WWW-Authenticate. */
  | 'oauth2-500-without-challenge'
  /** well-known-issuer-shows-internal-origin: the challenge and the discovery documents name the gateway's internal origin. */
  | 'internal-issuer-origin'
  /** litellm-key-forwarded-as-upstream-token: the LiteLLM key sent in Authorization is taken as the upstream token. */
  | 'litellm-key-as-upstream-token';

// Where the gateway believes it lives when PROXY_BASE_URL is unset behind an ingress.
const INTERNAL_ORIGIN = 'http://litellm:4000';

/** Starts the stand-in for one scenario on 127.0.0.1. */
export async function startGatewayStandIn(scenario: GatewayScenario): Promise<RunningServer> {
  let origin = '';
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', origin).pathname;
    if (path.startsWith('/.well-known/')) return serveWellKnown(path, res);
    const server = /^\/([^/]+)\/mcp$/.exec(path)?.[1];
    if (!server || req.method !== 'POST') {
      json(res, 404, { detail: 'Not Found' });
      return;
    }
    const message = (await readJson(req)) as { id?: number; method?: string } | undefined;
    const method = message?.method ?? '';
    const id = message?.id;
    const debug = req.headers['x-litellm-mcp-debug'] === 'true' ? debugHeaders(req, server) : {};

    switch (scenario) {
      case 'oauth2-500-without-challenge':
        // LiteLLM 1.85.0: a ProxyException from key validation fell into the catch-all (issue #29261).
        res.writeHead(500, { 'content-type': 'application/json' }).end('{"error": "MCP request failed", "details": ""}');
        return;
      case 'internal-issuer-origin':
        res
          .writeHead(401, {
            'content-type': 'application/json',
            'www-authenticate': `Bearer authorization_uri="${INTERNAL_ORIGIN}/.well-known/oauth-authorization-server/${server}"`,
            ...debug,
          })
          .end('{"detail":"Unauthorized"}');
        return;
      case 'upstream-401-as-empty-tools':
      case 'litellm-key-as-upstream-token':
        break;
    }

    if (method === 'initialize') {
      res.writeHead(200, { 'content-type': 'application/json', 'mcp-session-id': randomUUID(), ...debug });
      res.end(JSON.stringify({ jsonrpc: '2.0', id, result: { protocolVersion: '2025-06-18', capabilities: { tools: {} }, serverInfo: { name: 'litellm-mcp-server', version: '1.80.0' } } }));
      return;
    }
    if (method.startsWith('notifications/')) {
      res.writeHead(202, debug).end();
      return;
    }
    if (method === 'tools/list') {
      // Both scenarios end the same way: the upstream rejected the token, the list comes back empty.
      const body = JSON.stringify({ jsonrpc: '2.0', id, result: { tools: [] } });
      if (scenario === 'litellm-key-as-upstream-token') {
        res.writeHead(200, { 'content-type': 'text/event-stream', ...debug }).end(`event: message\ndata: ${body}\n\n`);
      } else {
        res.writeHead(200, { 'content-type': 'application/json', ...debug }).end(body);
      }
      return;
    }
    json(res, 200, { jsonrpc: '2.0', id, error: { code: -32601, message: 'Method not found' } });
  }

  // LiteLLM's debug headers (x-litellm-mcp-debug: true), values masked as LiteLLM masks them.
  function debugHeaders(req: IncomingMessage, server: string): Record<string, string> {
    const key = header(req, 'x-litellm-api-key');
    const authorization = header(req, 'authorization');
    const inbound = [key ? `x-litellm-api-key=${maskLikeLiteLLM(key)}` : '', authorization ? `authorization=${maskLikeLiteLLM(authorization)}` : '']
      .filter(Boolean)
      .join('; ');
    const headers: Record<string, string> = {
      'x-mcp-debug-inbound-auth': inbound || '(none)',
      'x-mcp-debug-outbound-url': `https://upstream.example/${server}/mcp`,
    };
    if (scenario === 'litellm-key-as-upstream-token' && authorization && !key && /^Bearer sk-/.test(authorization)) {
      // With no x-litellm-api-key, the Authorization bearer was both the LiteLLM key and the token sent upstream.
      headers['x-mcp-debug-oauth2-token'] = `${maskLikeLiteLLM(authorization)} (SAME_AS_LITELLM_KEY - likely misconfigured)`;
      headers['x-mcp-debug-auth-resolution'] = 'oauth2-passthrough';
      headers['x-mcp-debug-server-auth-type'] = 'oauth2';
    } else if (scenario === 'upstream-401-as-empty-tools') {
      headers['x-mcp-debug-auth-resolution'] = 'extra-headers';
      headers['x-mcp-debug-server-auth-type'] = '(none)';
    }
    return headers;
  }

  function serveWellKnown(path: string, res: ServerResponse): void {
    if (scenario !== 'internal-issuer-origin') {
      json(res, 404, { detail: 'Not Found' });
      return;
    }
    const server = /\/([^/]+)(?:\/mcp)?$/.exec(path)?.[1] ?? '';
    if (path.startsWith('/.well-known/oauth-authorization-server/')) {
      json(res, 200, {
        issuer: INTERNAL_ORIGIN,
        authorization_endpoint: `${INTERNAL_ORIGIN}/${server}/authorize`,
        token_endpoint: `${INTERNAL_ORIGIN}/${server}/token`,
        registration_endpoint: `${INTERNAL_ORIGIN}/${server}/register`,
        response_types_supported: ['code'],
        code_challenge_methods_supported: ['S256'],
      });
      return;
    }
    if (path.startsWith('/.well-known/oauth-protected-resource/')) {
      json(res, 200, { resource: `${INTERNAL_ORIGIN}/${server}/mcp`, authorization_servers: [`${INTERNAL_ORIGIN}/${server}`] });
      return;
    }
    json(res, 404, { detail: 'Not Found' });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** LiteLLM's debug mask: the scheme kept, then `****` and the last four characters. */
function maskLikeLiteLLM(value: string): string {
  const scheme = /^Bearer /.exec(value)?.[0] ?? '';
  return `${scheme.trim()}****${value.slice(-4)}`;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

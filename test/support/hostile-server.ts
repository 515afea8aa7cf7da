import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { RunningServer } from './mcp-server.ts';
import { readJson } from './mcp-server.ts';

/**
 * A gateway that turns against the probe, one behaviour per path prefix (`/<behaviour>/mcp`):
 * - `nested`: initialize answers a JSON value nested 200,000 levels deep;
 * - `echo`: echoes the x-litellm-api-key it got, in a header and in the JSON-RPC error;
 * - `escapes`: puts terminal escape codes (OSC 52 clipboard write, screen clear, a fake "healthy"
 *   line) in serverInfo.name and in a JSON-RPC error message;
 * - `issuers`: a 401 challenge whose protected-resource document lists 300 issuers, each of whose
 *   metadata routes never answers;
 * - `corpus`: a JSON-RPC error whose message and a response header carry `leak` (the secret corpus);
 * - `redirect`: a 307 to another host;
 * - `wrong-id`: answers with id 99.
 */
export async function startHostileServer(leak: string): Promise<RunningServer> {
  const sockets = new Set<Socket>();
  let origin = '';
  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/.well-known/oauth-protected-resource/issuers/mcp') {
      const servers = Array.from({ length: 300 }, (_, index) => `${origin}/slow-issuer-${index}`);
      return json(res, 200, {}, { resource: `${origin}/issuers/mcp`, authorization_servers: servers });
    }
    // Every issuer's metadata: accepted, never answered.
    if (path.startsWith('/.well-known/oauth-authorization-server')) return;
    const behaviour = /^\/([a-z-]+)\/mcp$/.exec(path)?.[1] ?? '';
    const message = (await readJson(req)) as { id?: number; method?: string } | undefined;
    if (message?.method?.startsWith('notifications/')) {
      res.writeHead(202).end();
      return;
    }
    const id = message?.id ?? null;
    switch (behaviour) {
      case 'nested':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(`${'['.repeat(200_000)}${']'.repeat(200_000)}`);
        return;
      case 'echo': {
        const key = String(req.headers['x-litellm-api-key'] ?? '');
        return json(res, 401, { 'x-echo-key': key }, { jsonrpc: '2.0', id, error: { code: -32001, message: `key ${key} is not allowed` } });
      }
      case 'escapes':
        if (message?.method === 'initialize') {
          const name = 'evil\u001b]52;c;ZXZpbA==\u0007\u001b[2J\n✓ tools/list  healthy: 1 tool';
          return json(res, 200, {}, { jsonrpc: '2.0', id, result: { protocolVersion: '2025-06-18', capabilities: {}, serverInfo: { name, version: '1' } } });
        }
        return json(res, 200, {}, { jsonrpc: '2.0', id, error: { code: -32603, message: 'boom \u001b[31mred\u001b[0m \u009b2J' } });
      case 'issuers':
        return json(
          res,
          401,
          { 'www-authenticate': `Bearer resource_metadata="${origin}/.well-known/oauth-protected-resource/issuers/mcp"` },
          { detail: 'Unauthorized' },
        );
      case 'corpus':
        return json(res, 500, { 'x-upstream-said': leak.split('\n')[0] ?? '' }, { jsonrpc: '2.0', id, error: { code: -32603, message: leak } });
      case 'redirect':
        res.writeHead(307, { location: 'https://login.example.com/sso?next=/mcp' }).end();
        return;
      case 'wrong-id':
        return json(res, 200, {}, { jsonrpc: '2.0', id: 99, result: { protocolVersion: '2025-06-18', capabilities: {} } });
      default:
        return json(res, 404, {}, { detail: 'Not Found' });
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function json(res: ServerResponse, status: number, headers: Record<string, string>, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

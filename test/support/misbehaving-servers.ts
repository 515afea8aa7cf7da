import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { readJson, type RunningServer } from './mcp-server.ts';

/** How an event-stream server behaves. */
export type StreamMode =
  /** Sends the JSON-RPC response as a frame, then keeps the stream open with pings forever. */
  | 'answer-then-linger'
  /** Sends pings forever and never the response. */
  | 'ping-forever'
  /** Sends large frames that are not the response, as fast as the socket takes them. */
  | 'flood';

/** A server that accepts connections and requests and never answers them. */
export async function startSilentServer(): Promise<RunningServer> {
  const sockets = new Set<Socket>();
  const server = createServer(() => {
    // Never answer: the probe's timeout must end the wait.
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return listen(server, () => {
    for (const socket of sockets) socket.destroy();
  });
}

/** A server that answers every request with 404 and an HTML page, as a web server that is not an MCP endpoint does. */
export async function startHtmlServer(): Promise<RunningServer> {
  const server = createServer((_req, res) => {
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>\n');
  });
  return listen(server);
}

/** An MCP-shaped server that refuses initialize with a JSON-RPC error, as a server on an incompatible protocol revision does. */
export async function startJsonRpcErrorServer(): Promise<RunningServer> {
  const server = createServer((req, res) => {
    void (async () => {
      const message = (await readJson(req)) as { id?: number } | undefined;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ jsonrpc: '2.0', id: message?.id ?? null, error: { code: -32602, message: 'Unsupported protocol version' } }));
    })();
  });
  return listen(server);
}

/** A server whose event streams never end, in one of three ways. */
export async function startStreamingServer(mode: StreamMode): Promise<RunningServer> {
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    void (async () => {
      const message = (await readJson(req)) as { id?: number; method?: string } | undefined;
      if (message?.method?.startsWith('notifications/')) {
        res.writeHead(202).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'mcp-session-id': 'stream-session' });
      if (mode === 'answer-then-linger' && message?.id !== undefined) {
        res.write(`event: message\ndata: ${JSON.stringify({ jsonrpc: '2.0', id: message.id, result: resultFor(message.method) })}\n\n`);
      }
      if (mode === 'flood') return flood(res);
      const timer = setInterval(() => res.write(': ping\n\n'), 50);
      timers.add(timer);
      res.on('close', () => {
        clearInterval(timer);
        timers.delete(timer);
      });
    })();
  });
  return listen(server, () => {
    for (const timer of timers) clearInterval(timer);
  });
}

function flood(res: ServerResponse): void {
  const frame = `event: message\ndata: ${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/message', params: { data: 'x'.repeat(16 * 1024) } })}\n\n`;
  const write = (): void => {
    while (!res.destroyed && res.write(frame)) {
      // Keep writing until the socket pushes back.
    }
    if (!res.destroyed) res.once('drain', write);
  };
  write();
}

function resultFor(method: string | undefined): unknown {
  if (method === 'initialize') return { protocolVersion: '2025-06-18', capabilities: { tools: {} }, serverInfo: { name: 'lingering-stream', version: '0.0.1' } };
  if (method === 'tools/list') return { tools: [{ name: 'ping', inputSchema: { type: 'object' } }] };
  return {};
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
export async function findClosedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function listen(server: ReturnType<typeof createServer>, beforeClose: () => void = () => {}): Promise<RunningServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    async close() {
      beforeClose();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

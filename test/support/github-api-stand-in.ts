import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the stand-in received. */
export interface ApiRequest {
  method: string;
  /** Path and query. */
  url: string;
  authorization: string | undefined;
  body: string;
}

/** A loopback stand-in for the part of GitHub's REST API the Action uses: list and create issue comments. */
export interface GitHubApiStandIn {
  /** `http://127.0.0.1:<port>`, given to the Action as GITHUB_API_URL. */
  url: string;
  /** Comments by issue number (what was there, plus what the Action posted). */
  comments: Map<number, string[]>;
  /** Every request, in order. */
  requests: ApiRequest[];
  /** When set, every request is answered with this status. */
  failWith: number | undefined;
  close(): Promise<void>;
}

const PAGE_SIZE = 100;

/**
 * Starts the stand-in on 127.0.0.1 (port 0) for `repository`. It pages comment lists the way
 * GitHub does (`per_page`, `page`, a `Link: <…>; rel="next"` header) so the Action's pagination is
 * exercised, and answers 404 for any other route.
 */
export async function startGitHubApiStandIn(repository: string): Promise<GitHubApiStandIn> {
  const route = new RegExp(`^/repos/${repository.replace(/[.]/g, '\\.')}/issues/(\\d+)/comments$`);
  const stand: GitHubApiStandIn = { url: '', comments: new Map(), requests: [], failWith: undefined, close: async () => {} };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      stand.requests.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, body });
      const url = new URL(req.url ?? '/', stand.url);
      const match = route.exec(url.pathname);
      const send = (status: number, value: unknown, headers: Record<string, string> = {}): void => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(value));
      };
      if (stand.failWith !== undefined) return send(stand.failWith, { message: 'Server Error' });
      if (!match) return send(404, { message: 'Not Found' });
      const issue = Number(match[1]);
      const list = stand.comments.get(issue) ?? [];
      if (req.method === 'GET') {
        const perPage = Math.min(PAGE_SIZE, Number(url.searchParams.get('per_page') ?? 30));
        const page = Number(url.searchParams.get('page') ?? 1);
        const slice = list.slice((page - 1) * perPage, page * perPage);
        const hasNext = page * perPage < list.length;
        const next = `${stand.url}${url.pathname}?per_page=${perPage}&page=${page + 1}`;
        return send(200, slice.map((text, at) => ({ id: at + 1, body: text })), hasNext ? { link: `<${next}>; rel="next"` } : {});
      }
      if (req.method === 'POST') {
        const text = (JSON.parse(body) as { body?: unknown }).body;
        if (typeof text !== 'string') return send(422, { message: 'body is required' });
        stand.comments.set(issue, [...list, text]);
        return send(201, { id: list.length + 1, body: text, html_url: `https://github.com/${repository}/issues/${issue}#issuecomment-${list.length + 1}` });
      }
      return send(405, { message: 'Method Not Allowed' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stand.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stand.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return stand;
}

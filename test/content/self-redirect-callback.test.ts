import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPages } from '../../src/catalog/read-pages.ts';
import { compileRulesAtBuild } from '../../src/catalog/analyse-pattern.ts';
import { checkPaste } from '../../src/engine/index.ts';

const root = resolve(import.meta.dirname, '../..');
const { pages } = readPages(resolve(root, 'content/errors'), root);
const index = compileRulesAtBuild(pages.map((entry) => entry.page));
const page = 'oauth-dcr-relay-callback-self-redirect-loop';

// The DCR relay loop is the gateway handing out its own /callback. A client's loopback callback
// (Claude Code, MCP Inspector listen on 127.0.0.1) in the same request is the normal flow: the
// pattern once read `\b127` right after `%2F`, where no word boundary can be, so it took them too.
describe('the self-redirect loop page and loopback callbacks', () => {
  const authorize = (host: string): string => `INFO:     10.42.0.17:51344 - "GET /github/authorize?redirect_uri=http%3A%2F%2F${host}%2Fcallback&state=a81f HTTP/1.1" 302 Found`;

  it('holds no signature of it for a client callback on 127.0.0.1 or localhost (shared words at most)', () => {
    for (const host of ['127.0.0.1%3A33418', 'localhost%3A6274']) {
      const bySignature = checkPaste(index, { paste: authorize(host) }).matches.filter((match) => match.id === page && match.possible === undefined);
      expect(bySignature, host).toEqual([]);
    }
  });

  it("is matched by the gateway's own callback", () => {
    expect(checkPaste(index, { paste: authorize('litellm.example.com') }).matches[0]?.id).toBe(page);
  });
});

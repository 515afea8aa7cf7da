import { describe, expect, it } from 'vitest';
import { renderPreviewImage } from '../../src/site/preview-image.ts';
import { buildDocumentTitle } from '../../src/site/page-meta.ts';

/** The PNG signature and the IHDR size of an image. */
function readPng(bytes: Uint8Array): { isPng: boolean; width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { isPng: Buffer.from(bytes.subarray(0, 8)).toString('hex') === '89504e470d0a1a0a', width: view.getUint32(16), height: view.getUint32(20) };
}

describe('link preview images', () => {
  it('a page title renders as a 1200×630 PNG, and another title gives another image', async () => {
    const first = await renderPreviewImage({ title: 'Upstream MCP certificate not trusted (CERTIFICATE_VERIFY_FAILED)', kicker: 'LiteLLM · Upstream connectivity' });
    const second = await renderPreviewImage({ title: '406 Not Acceptable: Accept lacks json and text/event-stream', kicker: 'LiteLLM · Transport and sessions' });
    expect(readPng(first)).toEqual({ isPng: true, width: 1200, height: 630 });
    expect(readPng(second)).toEqual({ isPng: true, width: 1200, height: 630 });
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(false);
  });
});

describe('document titles', () => {
  it('the site name is appended only while the whole title stays under 70 characters', () => {
    expect(buildDocumentTitle('Search errors')).toBe('Search errors · mcpfix');
    const long = 'OAuth loop: per-user token not stored, every reconnect gets 401';
    expect(buildDocumentTitle(long)).toBe(long);
    expect(buildDocumentTitle('x'.repeat(60))).toBe(`${'x'.repeat(60)} · mcpfix`);
    expect(buildDocumentTitle('x'.repeat(61))).toBe('x'.repeat(61));
  });
});

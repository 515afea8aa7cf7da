import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderPreviewImage, type PreviewText } from './preview-image.ts';

/** Where rendered preview images are kept between builds (the usual home of build caches). */
const CACHE_DIR = join(process.cwd(), 'node_modules', '.cache', 'mcpfix-preview-images');

/**
 * Renders a page's preview image, or reads it from the build cache when the same text was
 * rendered by the same drawing code before: rasterising takes tens of milliseconds per image, and
 * `npm test` rebuilds the site every run while the pages rarely change. The key covers the text
 * and the drawing function's source, so editing the layout renders every image afresh.
 */
export async function renderPreviewImageCached(text: PreviewText): Promise<Uint8Array<ArrayBuffer>> {
  const key = createHash('sha256').update(renderPreviewImage.toString()).update(JSON.stringify([text.title, text.kicker])).digest('hex');
  const file = join(CACHE_DIR, `${key}.png`);
  try {
    return new Uint8Array(await readFile(file));
  } catch {
    // Not cached yet (or the cache is unreadable): render, then store it for the next build.
  }
  const png = await renderPreviewImage(text);
  try {
    await mkdir(CACHE_DIR, { recursive: true });
    // Write then rename, so a build running alongside never reads half an image.
    const partial = `${file}.${process.pid}.tmp`;
    await writeFile(partial, png);
    await rename(partial, file);
  } catch {
    // A read-only or missing node_modules only costs the next build the same render again.
  }
  return png;
}

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Its own module, free of YAML and zod, so the CLI can test an index for staleness without loading them.
/** Lists the `.mdx` files under a folder, recursively, in a stable order. */
export function listPageFiles(folder: string): string[] {
  const entries = readdirSync(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.mdx'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Whether a page under `folder` (an `.mdx` file, at any depth, as `listPageFiles` finds them) was
 * modified after `time` (ms since the epoch). The CLI asks it at every start, so it stats each
 * entry once and builds no list: a quarter of the cost of `listPageFiles` and a stat per page.
 */
export function hasPageNewerThan(folder: string, time: number): boolean {
  for (const name of readdirSync(folder)) {
    // Plain concatenation: path.join's normalisation of every name is most of the cost here.
    const path = `${folder}/${name}`;
    const stats = statSync(path);
    if (stats.isDirectory() ? hasPageNewerThan(path, time) : stats.isFile() && name.endsWith('.mdx') && stats.mtimeMs > time) return true;
  }
  return false;
}

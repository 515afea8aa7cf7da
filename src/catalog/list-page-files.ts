import { readdirSync } from 'node:fs';
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

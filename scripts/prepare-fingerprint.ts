/**
 * The fingerprint of the code that prepares a rule index (src/engine/prepare-rules.ts and what it
 * imports, the stored tables' reader included): the sha256 of its esbuild bundle. The build stores
 * it with the prepared tables in the CLI's rules file (scripts/compile-rules.ts) and builds it into
 * the CLI (scripts/build-cli.ts); the CLI reads the tables only when the two agree, so a rules file
 * written by other prepare code (an edit since, another checkout) is prepared anew, never misread.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

/** The entry whose bundle is fingerprinted, relative to the repository root. */
export const PREPARE_ENTRY = 'src/engine/prepare-rules.ts';

/** The fingerprint of the prepare code under `root` (64 hex digits). */
export async function fingerprintPrepareCode(root: string): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: resolve(root),
    entryPoints: [PREPARE_ENTRY],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  const hash = createHash('sha256');
  for (const file of result.outputFiles) hash.update(file.contents);
  return hash.digest('hex');
}

/**
 * Bundles the CLI (src/cli/main.ts and everything it imports, node_modules included) into
 * build/cli/mcpfix.mjs, which bin/mcpfix.js runs: one file for Node to read instead of ~350 modules
 * and ~60 TypeScript files to strip at every start. `check` and `probe` become chunks of their own
 * (the dynamic imports in main.ts), so `check` never loads the probe's HTTP client and neither
 * loads the catalog's zod unless the rule index has to be compiled from the pages.
 *
 * Also writes build/cli/inputs.json, the source files the bundle was made from: the launcher runs
 * the TypeScript source instead when one of them is newer than the bundle.
 *
 * Usage: node scripts/build-cli.ts [--outdir DIR] [--if-available]
 *   --outdir DIR      two folders below the root, as build/cli is
 *   --if-available    without esbuild (an install that left out devDependencies), say so and exit 0:
 *                     the launcher then runs the TypeScript source. `npm install` runs it so (prepare).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
// Two folders below the root, like src/cli/: src/cli/project-paths.ts finds the root at ../../ from both.
const at = process.argv.indexOf('--outdir');
const outdir = resolve(root, (at >= 0 ? process.argv[at + 1] : undefined) ?? 'build/cli');
if (relative(root, outdir).split(/[\\/]/).length !== 2) {
  console.error(`build-cli: --outdir must be two folders below the repository root (like build/cli), not ${outdir}`);
  process.exit(2);
}

let build: typeof import('esbuild').build;
try {
  ({ build } = await import('esbuild'));
} catch (error) {
  const reason = `esbuild is not installed (${(error as Error).message.split('\n')[0]}); bin/mcpfix.js will run the TypeScript source, which starts slower`;
  if (!process.argv.includes('--if-available')) {
    console.error(`build-cli: ${reason}. Run npm install (with devDependencies).`);
    process.exit(1);
  }
  console.log(`build-cli: skipped: ${reason}.`);
  process.exit(0);
}

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
const started = performance.now();
const result = await build({
  absWorkingDir: root,
  entryPoints: { mcpfix: 'src/cli/main.ts' },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22.18',
  minify: true,
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
  // Some bundled CommonJS packages call require() for Node's built-ins; ESM output has no require of its own.
  banner: { js: "import { createRequire as mcpfixCreateRequire } from 'node:module'; const require = mcpfixCreateRequire(import.meta.url);" },
});
const inputs = Object.keys(result.metafile.inputs)
  .filter((file) => !file.includes('node_modules/'))
  .sort();
writeFileSync(resolve(outdir, 'inputs.json'), `${JSON.stringify({ inputs }, null, 1)}\n`);
writeFileSync(resolve(outdir, 'meta.json'), JSON.stringify(result.metafile));
const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.mjs'));
const bytes = outputs.reduce((sum, [, output]) => sum + output.bytes, 0);
console.log(`build-cli: ${inputs.length} source files → ${relative(root, outdir)}/ (${outputs.length} files, ${bytes} bytes) in ${Math.round(performance.now() - started)} ms`);

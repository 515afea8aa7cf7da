/**
 * Bundles the CLI into CommonJS files under build/cli/, which bin/mcpfix.js runs: a few files for
 * Node to read instead of ~350 modules and ~60 TypeScript files to strip at every start.
 *
 * - `mcpfix.cjs` is src/cli/main.ts and what it imports statically (flag parsing, help).
 * - Each module the CLI imports dynamically (a command: `run-check.ts`, `run-probe.ts`,
 *   `report-usage.ts`; the page compiler a stale index needs, `compile-index-from-pages.ts`) is a
 *   bundle of its own, `<name>.cjs`, with everything it needs, node_modules included; the dynamic
 *   import becomes a require of that file. `check` so never reads the probe's HTTP client (undici),
 *   nor anything the catalog's zod unless the rule index has to be compiled from the pages.
 *
 * CommonJS rather than ES modules so that the launcher can compile each file as a `vm.Script`
 * and keep V8's code cache of it as it stands after a run (every function the command called,
 * not only the top level Node's own compile cache holds): see bin/mcpfix.js.
 *
 * Also writes build/cli/inputs.json: the source files the bundles were made from (the launcher
 * runs the TypeScript source instead when one of them is newer than the bundles) and each
 * bundle's sha256, which names its code cache.
 *
 * Usage: node scripts/build-cli.ts [--outdir DIR] [--if-available]
 *   --outdir DIR      two folders below the root, as build/cli is
 *   --if-available    without esbuild (an install that left out devDependencies), say so and exit 0:
 *                     the launcher then runs the TypeScript source. `npm install` runs it so (prepare).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fingerprintPrepareCode } from './prepare-fingerprint.ts';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
// Two folders below the root, like src/cli/: src/cli/project-paths.ts finds the root at ../../ from both.
const at = process.argv.indexOf('--outdir');
const outdir = resolve(root, (at >= 0 ? process.argv[at + 1] : undefined) ?? 'build/cli');
if (relative(root, outdir).split(/[\\/]/).length !== 2) {
  console.error(`build-cli: --outdir must be two folders below the repository root (like build/cli), not ${outdir}`);
  process.exit(2);
}

let build: typeof import('esbuild').build;
type Plugin = import('esbuild').Plugin;
type Metafile = import('esbuild').Metafile;
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
/** The modules the CLI imports dynamically, each a bundle of its own; the entry point, main.ts, first. */
const BUNDLED = ['src/cli/main.ts', 'src/cli/run-check.ts', 'src/cli/run-probe.ts', 'src/cli/report-usage.ts', 'src/cli/compile-index-from-pages.ts'];

/** A bundle's file name: main.ts is mcpfix.cjs, another module keeps its own name. */
function bundleName(source: string): string {
  return source === BUNDLED[0] ? 'mcpfix.cjs' : basename(source).replace(/\.ts$/, '.cjs');
}

// A dynamic import of one of BUNDLED from the project's own code becomes a require of its bundle
// (`supported` below has esbuild write each `import()` as a require); one of anything else is an
// error here rather than a module silently inlined into a command's bundle.
const separateBundles: Plugin = {
  name: 'mcpfix-separate-bundles',
  setup(plugins) {
    plugins.onResolve({ filter: /^\./ }, (args) => {
      if (args.kind !== 'dynamic-import' || args.importer.includes('node_modules')) return undefined;
      const target = relative(root, resolve(args.resolveDir, args.path)).split('\\').join('/');
      if (!BUNDLED.includes(target)) return { errors: [{ text: `${target} is imported dynamically: add it to BUNDLED in scripts/build-cli.ts, so it gets a bundle of its own` }] };
      return { path: `./${bundleName(target)}`, external: true };
    });
  },
};

// The CLI reads the prepared tables of the rules file only when they were written by the prepare code it bundles (src/cli/prepare-fingerprint.ts).
const prepareFingerprint = await fingerprintPrepareCode(root);
// The yaml library is a third of a check's bundle, and a paste without a config never calls it:
// the engine's imports of it get a stand-in that requires build/cli/yaml.cjs, the library as a
// bundle of its own, when first called. Its top level and its code cache then cost only the
// checks that read YAML. A name the stand-in lacks is a build error ("No matching export").
const LAZY_YAML = 'yaml.cjs';
const YAML_STAND_IN = `// The yaml library, required when the engine first calls it (scripts/build-cli.ts).
var loaded;
function yaml() { return loaded || (loaded = require('./${LAZY_YAML}')); }
export function parseDocument(...args) { return yaml().parseDocument(...args); }
export function stringify(...args) { return yaml().stringify(...args); }
export function isMap(...args) { return yaml().isMap(...args); }
export function isScalar(...args) { return yaml().isScalar(...args); }
export function isSeq(...args) { return yaml().isSeq(...args); }
// Called with new: returning an object makes it the result, an instance of the library's own class.
export function LineCounter() { return new (yaml().LineCounter)(); }
`;
const lazyYaml: Plugin = {
  name: 'mcpfix-lazy-yaml',
  setup(plugins) {
    plugins.onResolve({ filter: /^yaml$/ }, (args) => (args.importer.includes('/src/engine/') ? { path: 'yaml', namespace: 'mcpfix-lazy-yaml' } : undefined));
    plugins.onLoad({ filter: /.*/, namespace: 'mcpfix-lazy-yaml' }, () => ({ contents: YAML_STAND_IN, loader: 'js' }));
    plugins.onResolve({ filter: new RegExp(`^\\./${LAZY_YAML.replace('.', '\\.')}$`) }, (args) => ({ path: args.path, external: true }));
  },
};

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node22.18',
  minify: true,
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
  // A require, not a real import(): the launcher's require loads the sibling bundle with its code cache.
  supported: { 'dynamic-import': false },
} as const;
const yamlBuild = build({ ...common, entryPoints: ['yaml'], outfile: resolve(outdir, LAZY_YAML) });
const results = await Promise.all(
  BUNDLED.map((source) =>
    build({
      ...common,
      entryPoints: [source],
      outfile: resolve(outdir, bundleName(source)),
      plugins: [separateBundles, lazyYaml],
      // src/cli/project-paths.ts finds the root from import.meta.url, which CommonJS lacks: the file's own URL stands in.
      define: { 'import.meta.url': 'mcpfixBundleUrl', MCPFIX_PREPARE_FINGERPRINT: JSON.stringify(prepareFingerprint) },
      banner: { js: "var mcpfixBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    }),
  ),
);
const metafile: Metafile = { inputs: {}, outputs: {} };
for (const result of [...results, await yamlBuild]) {
  Object.assign(metafile.inputs, result.metafile.inputs);
  Object.assign(metafile.outputs, result.metafile.outputs);
}
const inputs = Object.keys(metafile.inputs)
  // The launcher stats each input at every start: the packages' files and the yaml stand-in (no file) are not listed.
  .filter((file) => !file.includes('node_modules/') && !file.startsWith('mcpfix-lazy-yaml:'))
  .sort();
const bundles: Record<string, string> = {};
let bytes = 0;
for (const name of [...BUNDLED.map(bundleName), LAZY_YAML]) {
  const content = readFileSync(resolve(outdir, name));
  bundles[name] = createHash('sha256').update(content).digest('hex');
  bytes += content.length;
}
writeFileSync(resolve(outdir, 'inputs.json'), `${JSON.stringify({ bundles, inputs }, null, 1)}\n`);
writeFileSync(resolve(outdir, 'meta.json'), JSON.stringify(metafile));
console.log(`build-cli: ${inputs.length} source files → ${BUNDLED.length + 1} bundles in ${relative(root, outdir)}/ (${bytes} bytes) in ${Math.round(performance.now() - started)} ms`);

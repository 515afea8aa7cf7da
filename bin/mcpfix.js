#!/usr/bin/env node
// The launcher stays in plain, old-syntax JavaScript so that any Node can print the version message.
// It runs the bundled CLI (build/cli/mcpfix.cjs, written by `npm install` and `npm run build` through
// scripts/build-cli.ts) when that is at least as new as every source file it was made from, and the
// TypeScript source (type stripping, unflagged from Node 22.18) otherwise: slower to start, same answers.
// https://nodejs.org/api/typescript.html#type-stripping
import { describeNodeProblem } from '../scripts/require-node.js';

var nodeProblem = describeNodeProblem(process.versions.node, process.execPath);
if (nodeProblem !== null) {
  process.stderr.write(nodeProblem + '\n');
  process.exit(2);
}

// From here on Node is 22.18 or newer. Built-ins come through process.getBuiltinModule (22.3+)
// rather than `import`: an ES module import of node:fs builds its ESM facade, which loads Node's
// stream modules, a few ms of every start that the CLI never uses.
var fs = process.getBuiltinModule('node:fs');
var module = process.getBuiltinModule('node:module');
var path = process.getBuiltinModule('node:path');

// V8 doubles its young generation at each scavenge from a small start; reading the rules (a 1 MB
// JSON) and the bundles' code fills it several times, and nearly all of it survives, so each
// scavenge copies it again. Growing it sixteenfold instead takes a cold `check` from four or five
// scavenges to two (--trace-gc), about 5 ms of CPU; the largest size, and so memory, is unchanged.
// A flag set here rather than on the command line, which a `#!/usr/bin/env node` bin cannot pass.
process.getBuiltinModule('node:v8').setFlagsFromString('--semi-space-growth-factor=16');

// Node keeps the compiled code of the modules it loads on disk and reuses it on the next start
// (the TypeScript source, when that runs); its folder also holds the bundles' own code caches below.
// Off with NODE_DISABLE_COMPILE_CACHE=1; elsewhere with NODE_COMPILE_CACHE=DIR.
// https://nodejs.org/api/module.html#module-compile-cache
module.enableCompileCache();

var root = new URL('../', import.meta.url);
var bundle = new URL('build/cli/mcpfix.cjs', root);

function describe(error) {
  return error && error.message ? error.message : String(error);
}

// What build/cli/inputs.json says: each bundle's sha256 and the sources they were built from; null when unreadable.
function readBuildRecord() {
  try {
    var record = JSON.parse(fs.readFileSync(new URL('build/cli/inputs.json', root), 'utf8'));
    return record && Array.isArray(record.inputs) ? record : null;
  } catch (error) {
    return null;
  }
}

// Why the bundle cannot be used, or null when it can: absent, or older than a source it was built from.
function bundleProblem(record) {
  if (process.env.MCPFIX_FROM_SOURCE === '1') return 'MCPFIX_FROM_SOURCE=1';
  var builtAt;
  try {
    builtAt = fs.statSync(bundle).mtimeMs;
  } catch (error) {
    return 'build/cli/mcpfix.cjs is missing';
  }
  if (record === null) return 'build/cli/inputs.json is missing';
  // Paths as strings (the inputs are relative to the root, with forward slashes): a URL per file
  // costs a parse and a conversion back for each of the ~110 stats of every start.
  var rootPath = process.getBuiltinModule('node:url').fileURLToPath(root);
  for (var i = 0; i < record.inputs.length; i++) {
    var stats;
    try {
      stats = fs.statSync(rootPath + record.inputs[i]);
    } catch (error) {
      stats = undefined;
    }
    if (stats === undefined) return record.inputs[i] + ' is gone since build/cli/mcpfix.cjs was built';
    if (stats.mtimeMs > builtAt) return record.inputs[i] + ' is newer than build/cli/mcpfix.cjs';
  }
  return null;
}

// Runs the bundles (build/cli/*.cjs) as Node runs CommonJS files, except that each is compiled as a
// vm.Script that reads and writes its own V8 code cache. Node's compile cache stores the code V8
// compiled before a module ran (its top level); a cache taken after the run also holds every
// function the command called, which V8 would otherwise compile again at each start (5-10 ms of
// a cold `check` of about 115 ms, measured beside Node's own cache). The caches live in Node's compile
// cache folder, whose name already holds Node's version, architecture and V8 flags, each named by
// its bundle's sha256, so a rebuilt bundle never meets an old cache. A missing, foreign or damaged
// cache is rejected by V8 and replaced after the run; one that cannot be written is skipped.
function createBundleLoader(record) {
  var vm = process.getBuiltinModule('node:vm');
  var cacheFolder = module.getCompileCacheDir();
  var folder = path.dirname(fs.realpathSync(bundle));
  var loaded = {};
  var staleCaches = [];

  function cachePathOf(name) {
    var sha256 = record.bundles && record.bundles[name];
    return cacheFolder && /^[0-9a-f]{64}$/.test(String(sha256)) ? path.join(cacheFolder, 'mcpfix-' + name + '-' + sha256.slice(0, 16) + '.cache') : null;
  }

  function load(name) {
    if (loaded[name]) return loaded[name].exports;
    var file = path.join(folder, name);
    var cachePath = cachePathOf(name);
    var cachedData;
    try {
      cachedData = cachePath === null ? undefined : fs.readFileSync(cachePath);
    } catch (error) {
      cachedData = undefined;
    }
    var script = new vm.Script(module.wrap(fs.readFileSync(file, 'utf8')), {
      filename: file,
      cachedData: cachedData,
      importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    });
    if (cachePath !== null && (cachedData === undefined || script.cachedDataRejected === true)) staleCaches.push({ script: script, path: cachePath });
    var nodeRequire = null;
    // The bundles require each other by name (scripts/build-cli.ts); everything else is Node's.
    // Built-in modules come straight from process.getBuiltinModule: the same objects, without the
    // CommonJS loader, whose first require sets up its tracing channels (about 5 ms of a cold check).
    function bundleRequire(id) {
      var sibling = /^\.\/([\w-]+\.cjs)$/.exec(id);
      if (sibling !== null && record.bundles && record.bundles[sibling[1]]) return load(sibling[1]);
      if (module.isBuiltin(id)) return process.getBuiltinModule(id);
      if (nodeRequire === null) nodeRequire = module.createRequire(file);
      return nodeRequire(id);
    }
    var loadedModule = { exports: {}, filename: file, id: file };
    loaded[name] = loadedModule;
    script.runInThisContext()(loadedModule.exports, bundleRequire, loadedModule, file, folder);
    return loadedModule.exports;
  }

  function keepCodeCaches() {
    for (var i = 0; i < staleCaches.length; i++) {
      var temporary = staleCaches[i].path + '.' + process.pid;
      try {
        fs.writeFileSync(temporary, staleCaches[i].script.createCachedData());
        // Renamed into place, so a run starting meanwhile reads the old cache or the new one, never half of one.
        fs.renameSync(temporary, staleCaches[i].path);
      } catch (error) {
        try {
          fs.rmSync(temporary, { force: true });
        } catch (ignored) {}
      }
    }
  }

  return { cli: load('mcpfix.cjs'), keepCodeCache: keepCodeCaches };
}

var record = readBuildRecord();
var problem = bundleProblem(record);
// Only a person at a terminal hears about the slower path; scripts and tests get the same output either way.
if (problem !== null && problem !== 'MCPFIX_FROM_SOURCE=1' && process.stderr.isTTY) {
  process.stderr.write('mcpfix: running from the TypeScript source (' + problem + '); `npm run build:cli` makes it start faster.\n');
}

var started;
try {
  started =
    problem === null
      ? Promise.resolve(createBundleLoader(record))
      : import(new URL('src/cli/main.ts', root).href).then(function (cli) {
          return { cli: cli, keepCodeCache: function () {} };
        });
} catch (error) {
  started = Promise.reject(error);
}

started.then(
  function (loaded) {
    return loaded.cli.main(process.argv.slice(2)).then(
      function (code) {
        process.exitCode = code;
        // A bundle's cache is written once (again only when V8 rejects it) and holds what the run
        // that wrote it compiled: one from a run that stopped early (a usage error, a misspelt
        // file, an unreachable gateway) left every later check compiling the rest again, 1 KB
        // check 56.9 against 62.7 ms CPU min. Only a run that did its command's work keeps one.
        if (code === 0 || code === 1) loaded.keepCodeCache();
      },
      function (error) {
        // main() answers every user error itself; reaching here is a bug in mcpfix, not in the input.
        process.stderr.write('mcpfix: internal error: ' + (error && error.stack ? error.stack : describe(error)) + '\n');
        process.exitCode = 70;
      },
    );
  },
  function (error) {
    process.stderr.write('mcpfix: could not start: ' + describe(error) + '\n');
    process.exitCode = 70;
  },
);

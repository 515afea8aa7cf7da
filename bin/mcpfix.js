#!/usr/bin/env node
// The launcher stays in plain, old-syntax JavaScript so that any Node can print the version message.
// It runs the bundled CLI (build/cli/mcpfix.mjs, written by `npm install` and `npm run build` through
// scripts/build-cli.ts) when that is at least as new as every source file it was made from, and the
// TypeScript source (type stripping, unflagged from Node 22.18) otherwise: slower to start, same answers.
// https://nodejs.org/api/typescript.html#type-stripping
import { readFileSync, statSync } from 'node:fs';
import module from 'node:module';
import { describeNodeProblem } from '../scripts/require-node.js';

var nodeProblem = describeNodeProblem(process.versions.node, process.execPath);
if (nodeProblem !== null) {
  process.stderr.write(nodeProblem + '\n');
  process.exit(2);
}

// Node keeps the compiled code of the modules on disk and reuses it on the next start (Node 22.1+).
// https://nodejs.org/api/module.html#module-compile-cache
if (typeof module.enableCompileCache === 'function') module.enableCompileCache();

var root = new URL('../', import.meta.url);
var bundle = new URL('build/cli/mcpfix.mjs', root);

function describe(error) {
  return error && error.message ? error.message : String(error);
}

// Why the bundle cannot be used, or null when it can: absent, or older than a source it was built from.
function bundleProblem() {
  if (process.env.MCPFIX_FROM_SOURCE === '1') return 'MCPFIX_FROM_SOURCE=1';
  var builtAt;
  var inputs;
  try {
    builtAt = statSync(bundle).mtimeMs;
    inputs = JSON.parse(readFileSync(new URL('build/cli/inputs.json', root), 'utf8')).inputs;
  } catch (error) {
    return 'build/cli/mcpfix.mjs is missing';
  }
  for (var i = 0; i < inputs.length; i++) {
    try {
      if (statSync(new URL(inputs[i], root)).mtimeMs > builtAt) return inputs[i] + ' is newer than build/cli/mcpfix.mjs';
    } catch (error) {
      return inputs[i] + ' is gone since build/cli/mcpfix.mjs was built';
    }
  }
  return null;
}

var problem = bundleProblem();
// Only a person at a terminal hears about the slower path; scripts and tests get the same output either way.
if (problem !== null && problem !== 'MCPFIX_FROM_SOURCE=1' && process.stderr.isTTY) {
  process.stderr.write('mcpfix: running from the TypeScript source (' + problem + '); `npm run build:cli` makes it start faster.\n');
}

import(problem === null ? bundle.href : new URL('src/cli/main.ts', root).href).then(
  function (cli) {
    return cli.main(process.argv.slice(2)).then(
      function (code) {
        process.exitCode = code;
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

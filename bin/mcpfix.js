#!/usr/bin/env node
// The launcher stays in plain, old-syntax JavaScript so that any Node can print the version message:
// the CLI itself is TypeScript run by Node's type stripping, unflagged from Node 22.18.
// https://nodejs.org/api/typescript.html#type-stripping
import { describeNodeProblem } from '../scripts/require-node.js';

var nodeProblem = describeNodeProblem(process.versions.node, process.execPath);
if (nodeProblem !== null) {
  process.stderr.write(nodeProblem + '\n');
  process.exit(2);
}

function describe(error) {
  return error && error.message ? error.message : String(error);
}

import('../src/cli/main.ts').then(
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

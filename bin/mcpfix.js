#!/usr/bin/env node
// The launcher stays in plain, old-syntax JavaScript so that any Node can print the version message:
// the CLI itself is TypeScript run by Node's type stripping, unflagged from Node 22.18.
// https://nodejs.org/api/typescript.html#type-stripping
var required = [22, 18];
var current = process.versions.node.split('.').map(Number);
var isTooOld = current[0] < required[0] || (current[0] === required[0] && current[1] < required[1]);
if (isTooOld) {
  process.stderr.write('mcpfix: needs Node ' + required.join('.') + ' or newer (this is Node ' + process.versions.node + ')\n');
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

// Which Node mcpfix needs, said in one line before anything else runs. Kept in plain, old-syntax
// JavaScript (no type annotations, no optional chaining) so that an old Node can read this file and
// print the message instead of failing deep inside with ERR_UNKNOWN_FILE_EXTENSION ".ts".
// Every npm script runs `node scripts/require-node.js` first; bin/mcpfix.js imports the check.

/**
 * The oldest Node mcpfix runs on: 22.18 runs TypeScript by type stripping without a flag
 * (https://nodejs.org/api/typescript.html#type-stripping); Astro 7 wants 22.12.
 */
export var REQUIRED_NODE = [22, 18];

/** Where to get a newer Node, named in the message. */
export var GET_NODE = 'https://nodejs.org/en/download (or `nvm install 22`)';

/**
 * The one-line complaint for a Node older than REQUIRED_NODE, or null when `version` (such as
 * process.versions.node, "20.20.2") is new enough. `where` names the running binary.
 */
export function describeNodeProblem(version, where) {
  var parts = String(version).replace(/^v/, '').split('.');
  var major = Number(parts[0]);
  var minor = Number(parts[1]);
  var isKnown = !isNaN(major) && !isNaN(minor);
  var isTooOld = isKnown && (major < REQUIRED_NODE[0] || (major === REQUIRED_NODE[0] && minor < REQUIRED_NODE[1]));
  if (isKnown && !isTooOld) return null;
  return (
    'mcpfix needs Node ' + REQUIRED_NODE.join('.') + ' or newer; this is Node ' + version +
    (where ? ' (' + where + ')' : '') + '. Get a newer one from ' + GET_NODE + '.'
  );
}

// Run as `node scripts/require-node.js` (every npm script), not imported (bin/mcpfix.js). Told by the
// script's name rather than by comparing real paths, so that importing this file costs no node:fs:
// its ESM facade alone loads Node's stream modules, a few ms of every CLI start.
function isRunDirectly() {
  return /(^|[\\/])require-node\.js$/.test(String(process.argv[1]));
}

if (isRunDirectly()) {
  var problem = describeNodeProblem(process.versions.node, process.execPath);
  if (problem !== null) {
    process.stderr.write(problem + '\n');
    process.exit(1);
  }
}

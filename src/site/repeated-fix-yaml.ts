import { parse } from 'yaml';

/** A config change as the page's frontmatter writes it (only the path matters here). */
export interface ChangeLike {
  /** Dotted YAML path, e.g. `mcp_servers.<server>.auth_type`. */
  path: string;
}

/** A fix as the page's frontmatter writes it; only config fixes carry changes. */
export interface FixLike {
  /** The fix kind (`config`, `env`, …). */
  kind: string;
  /** What to do, in one line. */
  title: string;
  /** The edits of a config fix. */
  changes?: readonly ChangeLike[];
}

// Keys that only say which server a YAML example is about: an example may carry them around the
// change without adding a fact the structured fix lacks.
const IDENTIFYING_SERVER_KEYS = new Set(['url', 'transport', 'command', 'args', 'auth_type']);
const ANY_SERVER = /^mcp_servers\.[^.]+/;

/** The dotted paths of a parsed YAML value's leaves (a list counts as one leaf). */
function leafPaths(value: unknown, path: readonly string[], out: string[]): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) leafPaths(child, [...path, key], out);
    return;
  }
  if (path.length > 0) out.push(path.join('.'));
}

/**
 * Finds the structured config fix that a YAML excerpt from a page's prose repeats: the excerpt
 * repeats the fixes when every key it sets is one a fix changes (any `mcp_servers` entry name
 * standing for `<server>`), apart from keys that only identify the server. Returns the index of
 * the first fix that changes one of its keys, or `undefined` when the excerpt says something the
 * fixes do not (then it is no copy and stays). YAML that does not parse, or that is not a
 * mapping, is never treated as a copy.
 */
export function findRepeatedFix(yamlText: string, fixes: readonly FixLike[]): number | undefined {
  const changedBy = new Map<string, number>();
  fixes.forEach((fix, index) => {
    for (const change of fix.kind === 'config' ? (fix.changes ?? []) : []) {
      const path = change.path.replace(ANY_SERVER, 'mcp_servers.*');
      if (!changedBy.has(path)) changedBy.set(path, index);
    }
  });
  if (changedBy.size === 0) return undefined;
  let value: unknown;
  try {
    value = parse(yamlText);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const leaves: string[] = [];
  leafPaths(value, [], leaves);
  let repeated: number | undefined;
  for (const leaf of leaves.map((path) => path.replace(ANY_SERVER, 'mcp_servers.*'))) {
    const index = changedBy.get(leaf);
    if (index !== undefined) repeated = Math.min(repeated ?? index, index);
    else if (!(leaf.startsWith('mcp_servers.*.') && IDENTIFYING_SERVER_KEYS.has(leaf.split('.')[2] ?? ''))) return undefined;
  }
  return repeated;
}

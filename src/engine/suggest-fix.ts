/**
 * Turns the top page's fixes into suggestions: config fixes applied to the user's own YAML (with
 * the `yaml` Document API, so comments, order and quoting stay) and shown as a unified diff; env
 * fixes as the exact line; upgrades as the version and PR; the rest as steps.
 */
// jsdiff's documented subpaths (`diff/lib/*.js`), not its root: the root imports every diff kind, and
// the bundler keeps their module-level `new WordDiff()`-style instances, 1.5 KB gzip of the browser worker.
import { isAtLeast } from './read-version.ts';
import { applyPatch } from 'diff/lib/patch/apply.js';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff/lib/patch/create.js';
import { isMap, isScalar, isSeq, parseDocument, stringify, type Document, type ToStringOptions } from 'yaml';
import type { ConfigDocument, Evidence } from './evidence.ts';
import type { RuleConfigChange, RuleFix, RulePage } from './rule-index.ts';
import { isDeepEqual } from './value-test.ts';

/** One suggestion, discriminated on `kind`. */
export type Suggestion =
  | { kind: 'config-diff'; pageId: string; title: string; diff: string; server?: string }
  | { kind: 'config-snippet'; pageId: string; title: string; yaml: string }
  | { kind: 'env'; pageId: string; title: string; line: string }
  | { kind: 'upgrade'; pageId: string; title: string; version: string; pr?: number }
  | { kind: 'step'; pageId: string; title: string; note?: string };

/** What the suggestions are built from. */
export interface FixContext {
  /** The parsed evidence. */
  evidence: Evidence;
  /** The config text given beside the paste, if any. */
  config?: string | undefined;
  /** The server a server-config fact of the match held on. */
  matchedServer?: string | undefined;
  /** The LiteLLM version the user runs, when known. */
  version?: string | undefined;
}

/** The placeholder in a change path that stands for the server the evidence points at. */
export const SERVER_PLACEHOLDER = '<server>';

/** Suggestions for one page's fixes, in the page's order. */
export function suggestFixes(page: RulePage, context: FixContext): Suggestion[] {
  const suggestions: Suggestion[] = [];
  for (const fix of page.fixes) {
    try {
      suggestions.push(suggestFix(page.id, fix, context));
    } catch {
      suggestions.push(withNote({ kind: 'step', pageId: page.id, title: fix.title }, fix.note));
    }
  }
  return withVersion(page, suggestions, context.version);
}

// A known version decides the upgrade: drop it when the user already runs the fix, and offer it
// first when the page names a fixing release the user does not run yet.
function withVersion(page: RulePage, suggestions: Suggestion[], version: string | undefined): Suggestion[] {
  const fixedIn = page.fixedIn;
  if (version === undefined || !fixedIn) return suggestions;
  if (isAtLeast(version, fixedIn.version)) return suggestions.filter((suggestion) => suggestion.kind !== 'upgrade');
  if (suggestions.some((suggestion) => suggestion.kind === 'upgrade')) return suggestions;
  const title = `Upgrade LiteLLM to ${fixedIn.version} or later: you run ${version}, which does not have the fix`;
  const upgrade: Suggestion =
    fixedIn.pr === undefined ? { kind: 'upgrade', pageId: page.id, title, version: fixedIn.version } : { kind: 'upgrade', pageId: page.id, title, version: fixedIn.version, pr: fixedIn.pr };
  return [upgrade, ...suggestions];
}

function suggestFix(pageId: string, fix: RuleFix, context: FixContext): Suggestion {
  switch (fix.kind) {
    case 'config':
      return suggestConfig(pageId, fix, context);
    case 'env':
      return { kind: 'env', pageId, title: fix.title, line: `${fix.name}=${fix.value}` };
    case 'upgrade':
      return fix.pr === undefined
        ? { kind: 'upgrade', pageId, title: fix.title, version: fix.version }
        : { kind: 'upgrade', pageId, title: fix.title, version: fix.version, pr: fix.pr };
    case 'workaround':
    case 'client':
      return withNote({ kind: 'step', pageId, title: fix.title }, fix.note);
  }
}

function withNote(step: Extract<Suggestion, { kind: 'step' }>, note: string | undefined): Suggestion {
  return note === undefined ? step : { ...step, note };
}

/**
 * The server `<server>` stands for: the one a server-config fact held on, else the server the
 * request path names, else the only configured server.
 */
export function resolveServer(context: FixContext): string | undefined {
  if (context.matchedServer) return context.matchedServer;
  const fromRequest = context.evidence.requests.find((r) => r.serverName)?.serverName;
  if (fromRequest) return fromRequest;
  const names = new Set(context.evidence.configs.flatMap((c) => c.servers.map((s) => s.name)));
  return names.size === 1 ? [...names][0] : undefined;
}

function suggestConfig(pageId: string, fix: Extract<RuleFix, { kind: 'config' }>, context: FixContext): Suggestion {
  const server = resolveServer(context);
  const source = configSourceOf(context);
  if (source !== undefined && (server !== undefined || !fix.changes.some((c) => c.path.includes(SERVER_PLACEHOLDER)))) {
    const patched = patchConfig(source, fix.changes, server);
    if (patched !== null) {
      if (patched === source) {
        return { kind: 'step', pageId, title: fix.title, note: 'Your config already has this change, so the cause is likely elsewhere: see the other fixes.' };
      }
      const diff = createTwoFilesPatch('config.yaml', 'config.yaml', source, patched, undefined, undefined, {
        context: 3,
        // A clean unified diff (`---`/`+++` then hunks): jsdiff's `Index:` and `=====` lines are noise to a reader and to `patch`.
        headerOptions: FILE_HEADERS_ONLY,
      });
      return server === undefined ? { kind: 'config-diff', pageId, title: fix.title, diff } : { kind: 'config-diff', pageId, title: fix.title, diff, server };
    }
  }
  return { kind: 'config-snippet', pageId, title: fix.title, yaml: snippetOf(fix.changes, server) };
}

function configSourceOf(context: FixContext): string | undefined {
  if (context.config !== undefined && context.config.trim() !== '') {
    // The config as it was read (typographic spaces and quotes taken as plain ones, see
    // parse/plain-typography.ts), so a diff finds the keys under non-breaking indentation.
    return context.evidence.configs.find((document) => document.input === 'config')?.source ?? context.config;
  }
  const docs: ConfigDocument[] = context.evidence.configs;
  const fromPaste = docs.find((d) => d.servers.length > 0) ?? docs[0];
  return fromPaste?.source;
}

/**
 * Applies config changes to YAML text, keeping comments, order and style; null when the text
 * does not parse as a YAML mapping or a change cannot be applied.
 */
export function patchConfig(source: string, changes: readonly RuleConfigChange[], server: string | undefined): string | null {
  const doc = parseDocument(source, { keepSourceTokens: false });
  if (doc.errors.length > 0 || (doc.contents !== null && !isMap(doc.contents))) return null;
  const options = sniffStyle(source);
  const before = doc.toString(options);
  for (const change of changes) {
    const path = change.path.split('.').map((segment) => (segment === SERVER_PLACEHOLDER ? server : segment));
    if (path.some((segment) => segment === undefined)) return null;
    if (!applyChange(doc, path as string[], change)) return null;
  }
  const after = doc.toString(options);
  if (after === before) return source;
  if (before === source) return after;
  // The YAML printer restyles some untouched lines; replay only the real change onto the source.
  const patch = createTwoFilesPatch('a', 'b', before, after, undefined, undefined, { context: 1 });
  const replayed = applyPatch(source, patch, { fuzzFactor: 1 });
  return replayed === false ? after : replayed;
}

function applyChange(doc: Document, path: string[], change: RuleConfigChange): boolean {
  const current: unknown = doc.getIn(path, true);
  switch (change.op) {
    case 'set': {
      const existing = isScalar(current) ? current.value : current;
      if (isScalar(current) && isDeepEqual(existing, change.value)) return true;
      if (!isParentMapOrMissing(doc, path)) return false;
      doc.setIn(path, doc.createNode(change.value));
      return true;
    }
    case 'add': {
      if (isSeq(current)) {
        const isPresent = current.items.some((item) => isSameItem(isScalar(item) ? item.value : item, change.value));
        if (!isPresent) current.add(doc.createNode(change.value));
        return true;
      }
      if (current === undefined || current === null || (isScalar(current) && (current.value === null || current.value === undefined))) {
        if (!isParentMapOrMissing(doc, path)) return false;
        doc.setIn(path, doc.createNode([change.value]));
        return true;
      }
      if (isScalar(current)) {
        if (isSameItem(current.value, change.value)) return true;
        doc.setIn(path, doc.createNode([current.value, change.value]));
        return true;
      }
      return false;
    }
    case 'remove': {
      if (current === undefined) return true;
      if (change.value === undefined) {
        doc.deleteIn(path);
        return true;
      }
      if (isSeq(current)) {
        const index = current.items.findIndex((item) => isSameItem(isScalar(item) ? item.value : item, change.value));
        if (index >= 0) current.delete(index);
        return true;
      }
      if (isScalar(current) && isSameItem(current.value, change.value)) doc.deleteIn(path);
      return true;
    }
  }
}

function isParentMapOrMissing(doc: Document, path: string[]): boolean {
  for (let length = path.length - 1; length > 0; length--) {
    const node: unknown = doc.getIn(path.slice(0, length), true);
    if (node === undefined) continue;
    return isMap(node) || (isScalar(node) && node.value === null);
  }
  return true;
}

function isSameItem(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return isDeepEqual(a, b);
}

// Print with the user's own indentation and flow-collection spacing, so the diff shows only the change.
function sniffStyle(source: string): ToStringOptions {
  const lines = source.split(/\r?\n/);
  let indent = 2;
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i] ?? '';
    if (/^\s*[^#\s-][^:]*:\s*$/.test(line)) {
      const base = line.length - line.trimStart().length;
      const next = lines.slice(i + 1).find((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
      if (next !== undefined && !next.trimStart().startsWith('- ')) {
        const width = next.length - next.trimStart().length - base;
        if (width >= 1 && width <= 8) {
          indent = width;
          break;
        }
      }
    }
  }
  const isSeqIndented = !/^(\s*)[^#\s-][^:]*:\s*\r?\n\1- /m.test(source);
  const hasPadding = /\[ \S|\{ \S/.test(source);
  return { indent, indentSeq: isSeqIndented, flowCollectionPadding: hasPadding, lineWidth: 0 };
}

// Snippets by the changes (an index's own arrays) and server: the YAML printer is costly per
// call, and the same top page comes back for every paste of its failure.
const snippets = new WeakMap<readonly RuleConfigChange[], Map<string | undefined, string>>();

/** A YAML snippet of the changes, for when no config was given. */
export function snippetOf(changes: readonly RuleConfigChange[], server: string | undefined): string {
  let byServer = snippets.get(changes);
  if (!byServer) {
    byServer = new Map();
    snippets.set(changes, byServer);
  }
  let snippet = byServer.get(server);
  if (snippet === undefined) {
    snippet = printSnippet(changes, server);
    // A pathological server name must not grow the cache without bound.
    if (byServer.size < 64) byServer.set(server, snippet);
  }
  return snippet;
}

function printSnippet(changes: readonly RuleConfigChange[], server: string | undefined): string {
  const removals = changes
    .filter((change) => change.op === 'remove')
    .map((change) => `# remove ${pathOf(change, server).join('.')}${change.value === undefined ? '' : ` item ${JSON.stringify(change.value)}`}`);
  const root = configOfChanges(changes, server);
  const body = Object.keys(root).length > 0 ? stringify(root, { lineWidth: 0 }) : '';
  return [body.trimEnd(), ...removals].filter((part) => part !== '').join('\n') + '\n';
}

/**
 * A config holding what the changes set and add (removals leave no trace), with `<server>` read as
 * `server` when given. Values are copied into new lists, never pushed into the rule's own.
 */
export function configOfChanges(changes: readonly RuleConfigChange[], server?: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const change of changes) {
    if (change.op === 'remove') continue;
    const path = pathOf(change, server);
    let node = root;
    for (const segment of path.slice(0, -1)) {
      const next = node[segment];
      if (next !== null && typeof next === 'object' && !Array.isArray(next)) node = next as Record<string, unknown>;
      else {
        const created: Record<string, unknown> = {};
        node[segment] = created;
        node = created;
      }
    }
    const last = path[path.length - 1] ?? '';
    if (change.op === 'set') node[last] = change.value;
    else node[last] = [...(Array.isArray(node[last]) ? (node[last] as unknown[]) : []), change.value];
  }
  return root;
}

function pathOf(change: RuleConfigChange, server: string | undefined): string[] {
  return change.path.split('.').map((segment) => (segment === SERVER_PLACEHOLDER ? server ?? SERVER_PLACEHOLDER : segment));
}

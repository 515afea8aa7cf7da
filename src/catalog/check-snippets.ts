/**
 * Every YAML a page shows is advice a reader will copy or a config a reader will recognise, so the
 * build holds each one to the model of LiteLLM's MCP config (src/schemas/litellm-config.ts) with the
 * checker's own linter, for the LiteLLM versions the page targets, and fails naming the page, the
 * snippet and the key:
 * - body ```yaml blocks: unknown or misspelt keys, wrong types, keys needed together, and keys or
 *   values newer than the page's versions. A block that shows a broken config on purpose says so in
 *   its fence (```yaml invalid) and is skipped; one written for a later release says which
 *   (```yaml litellm>=1.93.0).
 * - config fixes (the change as YAML): the same, except keys needed together (the user's own config
 *   holds the rest), but a rule another page documents still holds: a fix that sets `auth_type:
 *   oauth2` must set `oauth2_flow`. A fix for a later release says "1.93.0 or later" in its title or
 *   note.
 * - example configs (the user's config as pasted, broken on purpose): only what versions decide and
 *   the rules other pages document.
 *
 * A page targets the versions before its `fixedIn` when it has one, else current releases (its
 * `affects` say where the failure was seen, not where it stopped). A rule a page documents (`page`
 * in CONFIG_RULES) is a cross-page contract: any other page showing the trigger without the
 * required keys, for versions the rule covers, contradicts that page.
 */
import { parse } from 'yaml';
import { lintConfig, lintRequiredKeys, type ConfigModel, type ConfigModelRule, type VersionScope } from '../engine/lint-config.ts';
import { LITELLM_YAML_VERSION } from '../engine/parse/find-config.ts';
import { isAtLeast } from '../engine/read-version.ts';
import { configOfChanges } from '../engine/suggest-fix.ts';
import { compileConfigModel } from '../schemas/litellm-config.ts';
import type { ErrorPageEntry } from '../schemas/index.ts';
import type { ContentProblem } from './format-issue.ts';
import type { PageFile } from './read-pages.ts';

/** A fenced YAML block of a body: its info string, its text and the body line it starts on. */
interface Snippet {
  info: string;
  text: string;
  line: number;
}

const FENCE = /^([ \t]*)```ya?ml\b([^\n]*)\n([\s\S]*?)^\1```/gm;

/** The YAML fences of an MDX body, in order. */
export function yamlSnippetsOf(body: string): Snippet[] {
  return [...body.matchAll(FENCE)].map((match) => ({
    info: (match[2] ?? '').trim(),
    // A fence inside a list item is indented with it; the YAML is not.
    text: dedent(match[3] ?? '', (match[1] ?? '').length),
    line: body.slice(0, match.index).split('\n').length,
  }));
}

/** The versions a page targets: those before its fix, or (undefined) current releases. */
export function scopeOfPage(page: Pick<ErrorPageEntry, 'fixedIn'>): VersionScope | undefined {
  const fixed = page.fixedIn?.version;
  if (fixed === undefined) return undefined;
  // Every targeted version is before the fix, so all of them predate anything that arrived with it or later.
  // They reach back to the first releases, so no change is in all of them.
  return { describe: `this page targets LiteLLM before ${fixed}, where it is fixed`, predates: (since) => isAtLeast(since, fixed), reaches: () => false };
}

// "1.93.0 or later", "on 1.89.0+", "litellm>=1.93.0": a snippet or fix written for a later release.
const LATER_RELEASE = /\b(?:litellm\s*>=\s*v?\d+\.\d+\.\d+|v?\d+\.\d+\.\d+(?:\s+or\s+later|\+))/i;

/** The problems of every page's YAML: body snippets, config fixes and example configs (none when all hold). */
export function checkSnippets(pages: readonly PageFile[], model: ConfigModel = compileConfigModel() as ConfigModel): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const documented = model.rules.filter((rule) => rule.page !== undefined);
  for (const entry of pages) {
    const pageScope = scopeOfPage(entry.page);
    const others = documented.filter((rule) => rule.page !== entry.id);
    const report = (field: string, found: { path: string; message: string }[]): void => {
      for (const finding of found) problems.push({ file: entry.file, field, reason: `${finding.path}: ${finding.message}` });
    };

    yamlSnippetsOf(entry.body).forEach((snippet, at) => {
      if (/\binvalid\b/.test(snippet.info)) return;
      const field = `body (yaml snippet ${at + 1}, body line ${snippet.line})`;
      const value = parseSnippet(snippet.text);
      if (value.kind === 'invalid') {
        problems.push({ file: entry.file, field, reason: `the snippet is not valid YAML (${value.reason}); mark a deliberately broken one \`\`\`yaml invalid` });
        return;
      }
      const scope = LATER_RELEASE.test(snippet.info) ? undefined : pageScope;
      report(field, lintConfig(value.value, withRules(model, model.rules.filter((rule) => rule.page === undefined), entry.id), { scope }));
      report(field, contradictions(value.value, others, scope));
    });

    entry.page.fixes.forEach((fix, at) => {
      if (fix.kind !== 'config') return;
      const scope = LATER_RELEASE.test(`${fix.title} ${fix.note ?? ''}`) ? undefined : pageScope;
      const value = configOfChanges(fix.changes);
      report(`fixes.${at}.changes`, lintConfig(value, withRules(model, [], entry.id), { scope }));
      report(`fixes.${at}.changes`, contradictions(value, others, scope));
    });

    entry.page.examples.forEach((example, at) => {
      if (example.config === undefined) return;
      const value = parseSnippet(example.config);
      if (value.kind === 'invalid') return;
      const field = `examples.${at}.config`;
      report(field, lintConfig(value.value, withRules(model, [], entry.id), { scope: pageScope, checksKeys: false }));
      report(field, contradictions(value.value, others, pageScope));
    });
  }
  return problems;
}

// Findings of the rules other pages document, each naming the page it contradicts.
function contradictions(value: unknown, rules: readonly ConfigModelRule[], scope: VersionScope | undefined): { path: string; message: string }[] {
  return rules.flatMap((rule) =>
    lintRequiredKeys(value, [rule], scope).map((finding) => ({ path: finding.path, message: `${finding.message} This contradicts /errors/${rule.page ?? ''}/, which documents that failure.` })),
  );
}

function withRules(model: ConfigModel, rules: ConfigModelRule[], page?: string): ConfigModel {
  // The page that documents a refused server name shows one on purpose.
  return { ...model, rules, serverName: model.serverName?.page === page ? undefined : model.serverName };
}

function parseSnippet(text: string): { kind: 'parsed'; value: unknown } | { kind: 'invalid'; reason: string } {
  try {
    return { kind: 'parsed', value: parse(text, { version: LITELLM_YAML_VERSION }) };
  } catch (error) {
    return { kind: 'invalid', reason: error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error) };
  }
}

function dedent(text: string, width: number): string {
  if (width === 0) return text;
  return text
    .split('\n')
    .map((line) => (line.slice(0, width).trim() === '' ? line.slice(width) : line))
    .join('\n');
}

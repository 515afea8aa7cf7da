/**
 * Lints the MCP part of a LiteLLM config against the config model compiled into the rules
 * (src/schemas/litellm-config.ts → `RuleIndex.configModel`, plain JSON Schema): unknown keys of a
 * server entry with a did-you-mean, misspelt MCP keys of the settings sections, wrong types and
 * values, and keys LiteLLM needs together. Pure data in, findings out; never throws on user input.
 */
import type { ConfigDocument } from './evidence.ts';
import { isAtLeast } from './read-version.ts';
import { redactText } from './redact.ts';

/** The subset of JSON Schema the model compiles to. */
export interface ModelSchema {
  type?: string | string[];
  enum?: unknown[];
  anyOf?: ModelSchema[];
  items?: ModelSchema;
  properties?: Record<string, ModelSchema>;
  additionalProperties?: boolean | ModelSchema;
  pattern?: string;
  description?: string;
  /** The first LiteLLM version that reads the key (only where verified). */
  since?: string;
  /** A version known to read the key when its first one is not known (a bound; never linted against). */
  presentBy?: { version: string; source: string };
  /** The first LiteLLM version that accepts each of these allowed values (only where verified). */
  valuesSince?: Record<string, string>;
  /** Releases that changed what the key does; `when` is a regex the value (as text) must match. */
  changed?: { version: string; meaning: string; when?: string; source: string }[];
  /** The release from which LiteLLM's docs say to stop using the key, and what to use instead. */
  deprecation?: { since: string; instead: string; source: string };
  /** The first LiteLLM version that no longer reads the key. */
  removed?: { version: string; source: string };
  /** Where `since` was read (release note, PR). */
  source?: string;
  /** Where each of `valuesSince` was read. */
  valuesSource?: Record<string, string>;
}

/** What is known of one environment variable across releases. */
export interface EnvVarHistory {
  /** The first LiteLLM version that reads it (only where verified). */
  since?: string;
  /** A version known to read it when its first one is not known (a bound; never linted against). */
  presentBy?: { version: string; source: string };
  /** The first LiteLLM version that no longer reads it. */
  removed?: { version: string; source: string };
  /** LiteLLM reads it from the proxy's process environment only, not from config.yaml. */
  processEnvOnly?: boolean;
  /** Where `since` was read (release note, PR). */
  source?: string;
}

/** A key the config needs when another key has a value. */
export interface ConfigModelRule {
  scope: 'server' | 'general_settings' | 'litellm_settings';
  when: string;
  is: (string | boolean)[];
  requires: string[];
  because: string;
  /** The first LiteLLM version that requires it; absent: every version. */
  since?: string | undefined;
  /** The page that documents the failure when the keys are missing. */
  page?: string | undefined;
  /** Where `since` was read. */
  source?: string | undefined;
}

/** The config model as the rules artifact carries it. */
export interface ConfigModel {
  /** One `mcp_servers.<name>` entry (strict: every key is known). */
  server: ModelSchema;
  /** The MCP keys of `general_settings` (the section has other keys too). */
  generalSettings: ModelSchema;
  /** The MCP keys of `litellm_settings`. */
  litellmSettings: ModelSchema;
  /** The MCP environment variables. */
  envVars: string[];
  /** What is known of some of them across releases (older rule artifacts lack it). */
  envVarHistory?: Record<string, EnvVarHistory>;
  /** Keys needed together. */
  rules: ConfigModelRule[];
  /** What a server name and alias may not contain, from which release (older rule artifacts lack it). */
  serverName?: ServerNameRule | undefined;
}

/**
 * What LiteLLM requires of the name of an `mcp_servers` entry (its key) and of its `alias`; the
 * build fills it from src/schemas/litellm-config.ts (`SERVER_NAME_RULE`).
 */
export interface ServerNameRule {
  /** The env var that sets the tool-prefix separator, which a name may not contain. */
  separatorEnv: string;
  /** The separator when the env var is not set. */
  defaultSeparator: string;
  /** The first release that refuses a name containing it or a space. */
  since: string;
  /** Where `since` was read: the release note and PR. */
  source: string;
  /** The page that documents the refusal (its own example shows a refused name on purpose). */
  page: string;
}

/** One finding: where, what is wrong, and what to write instead when there is one answer. */
export interface LintFinding {
  /** Dotted path of the key, e.g. `mcp_servers.github.extra_header`. */
  path: string;
  /** What is wrong, in a sentence. */
  message: string;
  /** The likely intended key or value, when there is one. */
  suggestion?: string;
}

/**
 * The LiteLLM versions a config is meant for: the version a user runs, or the range a page targets.
 * Without one, the config is read as for current releases (every key known, every rule in force).
 */
export interface VersionScope {
  /** Who runs what, for messages: "you run 1.85.0", "this page targets LiteLLM before 1.91.0". */
  describe: string;
  /** Whether every version in scope predates `since` (so none of them has what arrived then). */
  predates(since: string): boolean;
  /** Whether every version in scope is `version` or later (so all of them have what happened then). */
  reaches(version: string): boolean;
  /** The one version the user runs, when that is what the scope is (not a page's range). */
  runs?: string;
}

/** How to lint one config. */
export interface LintOptions {
  /** The versions the config is meant for; absent: current releases. */
  scope?: VersionScope | undefined;
  /**
   * Report unknown keys and wrong types (the default). Off, only what versions decide is reported
   * (keys and values newer than the scope, keys a rule in force requires): for a config that is
   * broken on purpose, as a page's example of the failure it describes.
   */
  checksKeys?: boolean;
  /**
   * Also say what a release changed about a key the config uses and which keys are deprecated
   * (the checker, for the user's version or current releases). Off for the build: a page may show
   * a legacy key on purpose, and the notices are advice, not errors.
   */
  tellsChanges?: boolean;
}

/** The scope of one known LiteLLM version. */
export function versionScopeOf(version: string): VersionScope {
  // Undecidable (1.93 against 1.93.2) counts as not predating: no finding on a guess.
  return {
    describe: `you run ${version}`,
    predates: (since) => !isAtLeast(version, since) && isAtLeast(since, version),
    reaches: (release) => isAtLeast(version, release),
    runs: version,
  };
}

// Without a version, a config is read as for current releases: they have every change.
const CURRENT_RELEASES: VersionScope = { describe: 'no LiteLLM version is known, so current releases are assumed', predates: () => false, reaches: () => true };

const SECTIONS = ['mcp_servers', 'general_settings', 'litellm_settings', 'environment_variables'] as const;

/** Lints every config of the evidence; findings in document order, duplicates dropped. */
export function lintConfigs(configs: readonly ConfigDocument[], model: ConfigModel | undefined, scope?: VersionScope): LintFinding[] {
  if (!model) return [];
  const findings: LintFinding[] = [];
  const seen = new Set<string>();
  for (const config of configs) {
    for (const found of lintConfig(config.value, model, { scope, tellsChanges: true })) {
      // Messages quote the user's values: mask secrets as everywhere else the checker prints.
      const finding = { ...found, message: redactText(found.message) };
      const key = `${finding.path}\n${finding.message}`;
      if (!seen.has(key)) {
        seen.add(key);
        findings.push(finding);
      }
    }
  }
  return findings;
}

/** Lints one parsed config document, for the versions in scope when given. */
export function lintConfig(root: unknown, model: ConfigModel, options: LintOptions = {}): LintFinding[] {
  const { scope, checksKeys = true, tellsChanges = false } = options;
  const findings: LintFinding[] = [];
  if (!isRecord(root)) return findings;
  const keyFindings: LintFinding[] = checksKeys ? findings : [];
  for (const key of Object.keys(root)) {
    if ((SECTIONS as readonly string[]).includes(key)) continue;
    const near = closest(key, SECTIONS, 3);
    if (near) keyFindings.push({ path: key, message: `\`${key}\` is not a section LiteLLM reads; did you mean \`${near}\`?`, suggestion: near });
  }
  const servers = root['mcp_servers'];
  if (servers !== undefined && servers !== null) {
    if (!isRecord(servers)) keyFindings.push({ path: 'mcp_servers', message: '`mcp_servers` should map server names to their settings, not be a list or a value.' });
    else {
      for (const [name, entry] of Object.entries(servers)) {
        const at = `mcp_servers.${name}`;
        if (!isRecord(entry)) {
          keyFindings.push({ path: at, message: `the server \`${name}\` should be a map of settings (url, transport, auth_type, …).` });
          continue;
        }
        lintSection(entry, model.server, at, true, findings, keyFindings, scope, tellsChanges);
        lintRules(entry, model.rules, 'server', at, findings, scope);
        if (model.serverName) findings.push(...lintServerName(name, entry, model.serverName, separatorOf(root, model.serverName), scope));
      }
    }
  }
  for (const [section, schema] of [
    ['general_settings', model.generalSettings],
    ['litellm_settings', model.litellmSettings],
  ] as const) {
    const value = root[section];
    if (!isRecord(value)) continue;
    lintSection(value, schema, section, false, findings, keyFindings, scope, tellsChanges);
    lintRules(value, model.rules, section, section, findings, scope);
  }
  const env = root['environment_variables'];
  if (isRecord(env)) {
    for (const name of Object.keys(env)) {
      if (model.envVars.includes(name)) {
        const late = lateEnvVar(name, model.envVarHistory?.[name], scope);
        if (late) findings.push({ path: `environment_variables.${name}`, message: late });
        continue;
      }
      const near = closest(name, model.envVars, 2);
      if (near) keyFindings.push({ path: `environment_variables.${name}`, message: `LiteLLM reads no \`${name}\`; did you mean \`${near}\`?`, suggestion: near });
    }
  }
  return findings;
}

// The tool-prefix separator the config sets in environment_variables, else LiteLLM's default.
function separatorOf(root: Record<string, unknown>, rule: ServerNameRule): string {
  const env = root['environment_variables'];
  const set = isRecord(env) ? env[rule.separatorEnv] : undefined;
  return typeof set === 'string' && set !== '' ? set : rule.defaultSeparator;
}

// A server name or alias holding the separator or a space, for the releases that refuse it.
function lintServerName(name: string, entry: Record<string, unknown>, rule: ServerNameRule, separator: string, scope: VersionScope | undefined): LintFinding[] {
  if (scope?.predates(rule.since)) return [];
  const found: LintFinding[] = [];
  const alias = entry['alias'];
  for (const [path, value, what] of [
    [`mcp_servers.${name}`, name, 'server name'],
    [`mcp_servers.${name}.alias`, typeof alias === 'string' ? alias : '', 'alias'],
  ] as const) {
    if (!value.includes(separator) && !/\s/.test(value)) continue;
    const renamed = value.replace(/\s+/g, '_').split(separator).join('_');
    found.push({
      path,
      message:
        `the ${what} \`${value}\` contains ${/\s/.test(value) ? 'a space' : `\`${separator}\`, the tool-prefix separator (${rule.separatorEnv})`}: ` +
        `from LiteLLM ${rule.since} on, the proxy refuses to load such a server (“Server name cannot contain …”); ` +
        `rename it \`${renamed}\` and update the URLs and key grants that name it.${cited(rule.source)}`,
      suggestion: renamed,
    });
  }
  return found;
}

/**
 * Only the findings of `rules`: keys a rule in force for the scope requires and the config lacks.
 * The build uses it to hold every page's YAML to the rules other pages document.
 */
export function lintRequiredKeys(root: unknown, rules: readonly ConfigModelRule[], scope?: VersionScope): LintFinding[] {
  const findings: LintFinding[] = [];
  if (!isRecord(root)) return findings;
  const servers = root['mcp_servers'];
  if (isRecord(servers)) {
    for (const [name, entry] of Object.entries(servers)) if (isRecord(entry)) lintRules(entry, rules, 'server', `mcp_servers.${name}`, findings, scope);
  }
  for (const section of ['general_settings', 'litellm_settings'] as const) {
    const value = root[section];
    if (isRecord(value)) lintRules(value, rules, section, section, findings, scope);
  }
  return findings;
}

// A strict section flags every unknown key; an open one (general_settings holds much more than
// MCP) only the keys that look like a misspelt MCP key.
// Unknown keys and wrong types go to `keyFindings` (the same list, or a discarded one when keys are not checked).
function lintSection(
  value: Record<string, unknown>,
  schema: ModelSchema,
  at: string,
  isStrict: boolean,
  findings: LintFinding[],
  keyFindings: LintFinding[],
  scope: VersionScope | undefined,
  tellsChanges: boolean,
): void {
  const known = schema.properties ?? {};
  const names = Object.keys(known);
  for (const [key, item] of Object.entries(value)) {
    const property = known[key];
    if (property === undefined) {
      const near = closest(key, names, Math.max(2, Math.floor(key.length / 4)));
      if (near) keyFindings.push({ path: `${at}.${key}`, message: `LiteLLM does not read \`${key}\` here; did you mean \`${near}\`?`, suggestion: near });
      else if (isStrict) keyFindings.push({ path: `${at}.${key}`, message: `LiteLLM does not read \`${key}\` in an mcp_servers entry; it is ignored.` });
      continue;
    }
    if (item === null || item === undefined) continue;
    const problem = typeProblem(item, property);
    if (problem) keyFindings.push({ path: `${at}.${key}`, ...problem });
    else {
      const late = scope ? lateProblem(key, item, property, scope) : undefined;
      const gone = removedProblem(key, property, scope ?? CURRENT_RELEASES);
      if (late) findings.push({ path: `${at}.${key}`, message: late });
      else if (gone) findings.push({ path: `${at}.${key}`, message: gone });
      else if (tellsChanges) findings.push(...changeNotices(key, item, property, scope ?? CURRENT_RELEASES).map((found) => ({ path: `${at}.${key}`, ...found })));
    }
  }
}

// " Source: v1.85.0 release notes (…, PR #27834).": where a version was read, for the user to check.
function cited(source: string | undefined): string {
  return source === undefined ? '' : ` Source: ${source}.`;
}

// A key every version in scope no longer reads (current releases, when no version is known).
function removedProblem(key: string, schema: ModelSchema, scope: VersionScope): string | undefined {
  const removed = schema.removed;
  if (removed === undefined || !scope.reaches(removed.version)) return undefined;
  return `\`${key}\` was removed in LiteLLM ${removed.version}, and ${scope.describe}: the key is ignored.${cited(removed.source)}`;
}

// What a release changed about a key the config sets, for a user who runs that release or later,
// and the deprecation the docs announce: advice, so only the checker gives it.
function changeNotices(key: string, value: unknown, schema: ModelSchema, scope: VersionScope): { message: string; suggestion?: string }[] {
  const notices: { message: string; suggestion?: string }[] = [];
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  // A change is news to someone who runs a version after it; for current releases it is simply how the key works.
  if (scope.runs !== undefined) {
    for (const change of schema.changed ?? []) {
      if (!scope.reaches(change.version) || (change.when !== undefined && !safeTest(change.when, text))) continue;
      notices.push({ message: `Since LiteLLM ${change.version}, \`${key}\`: ${change.meaning}; ${scope.describe}.${cited(change.source)}` });
    }
  }
  const deprecated = schema.deprecation;
  if (deprecated !== undefined && scope.reaches(deprecated.since)) {
    notices.push({
      message: `\`${key}\` is deprecated since LiteLLM ${deprecated.since}: use ${deprecated.instead} instead.${cited(deprecated.source)}`,
      suggestion: deprecated.instead.replaceAll('`', ''),
    });
  }
  return notices;
}

// An MCP environment variable newer than every version in scope, or one LiteLLM reads only from
// its process environment, set in config.yaml's environment_variables where it does nothing.
function lateEnvVar(name: string, known: EnvVarHistory | undefined, scope: VersionScope | undefined): string | undefined {
  if (known === undefined) return undefined;
  if (known.since !== undefined && scope?.predates(known.since)) {
    return `\`${name}\` arrived in LiteLLM ${known.since}, and ${scope.describe}: no version before it reads the variable.${cited(known.source)}`;
  }
  if (known.removed !== undefined && (scope ?? CURRENT_RELEASES).reaches(known.removed.version)) {
    return `\`${name}\` was removed in LiteLLM ${known.removed.version}: the variable is ignored.${cited(known.removed.source)}`;
  }
  if (known.processEnvOnly === true) {
    return (
      `LiteLLM reads \`${name}\` only from the proxy's own process environment, not from config.yaml's environment_variables: ` +
      `set it where the proxy starts (docker run -e ${name}=…, the Helm chart's env, the systemd unit) and restart.${cited(known.source)}`
    );
  }
  return undefined;
}

// A key or value that arrived after every version in scope: those versions do not read it.
function lateProblem(key: string, value: unknown, schema: ModelSchema, scope: VersionScope): string | undefined {
  const since = schema.since ?? schema.anyOf?.find((option) => option.since !== undefined)?.since;
  const source = schema.source ?? schema.anyOf?.find((option) => option.source !== undefined)?.source;
  if (since !== undefined && scope.predates(since)) return `\`${key}\` arrived in LiteLLM ${since}, and ${scope.describe}: no version before it reads the key.${cited(source)}`;
  const valueSince = typeof value === 'string' ? schema.valuesSince?.[value] : undefined;
  if (typeof value === 'string' && valueSince !== undefined && scope.predates(valueSince)) {
    return `\`${key}: ${value}\` arrived in LiteLLM ${valueSince}, and ${scope.describe}: no version before it accepts the value.${cited(schema.valuesSource?.[value])}`;
  }
  return undefined;
}

function lintRules(value: Record<string, unknown>, rules: readonly ConfigModelRule[], section: ConfigModelRule['scope'], at: string, findings: LintFinding[], scope: VersionScope | undefined): void {
  for (const rule of rules) {
    if (rule.scope !== section) continue;
    // A requirement that came with a release does not hold for the versions before it.
    if (rule.since !== undefined && scope?.predates(rule.since)) continue;
    const trigger = value[rule.when];
    if (!rule.is.some((wanted) => wanted === trigger)) continue;
    const missing = rule.requires.filter((key) => value[key] === undefined || value[key] === null || value[key] === '');
    if (missing.length === 0) continue;
    const list = missing.map((key) => `\`${key}\``).join(', ');
    findings.push({
      path: `${at}.${missing[0] as string}`,
      message: `\`${rule.when}: ${String(trigger)}\` needs ${list} as well: ${rule.because}${rule.since === undefined ? '' : ` (since LiteLLM ${rule.since})`}.${cited(rule.source)}`,
      suggestion: missing.join(', '),
    });
  }
}

function typeProblem(value: unknown, schema: ModelSchema): { message: string; suggestion?: string } | null {
  if (matchesSchema(value, schema)) return null;
  const allowed = enumOf(schema);
  if (allowed.length > 0 && typeof value === 'string') {
    const near = closest(value, allowed.map(String), Math.max(2, Math.floor(value.length / 3)));
    const list = allowed.map((v) => `\`${String(v)}\``).join(', ');
    return near ? { message: `\`${value}\` is not one of ${list}; did you mean \`${near}\`?`, suggestion: near } : { message: `\`${value}\` is not one of ${list}.` };
  }
  const what = schema.description ? `: ${schema.description}` : '';
  return { message: `should be ${describeType(schema)}, not ${describeValue(value)}${what}.` };
}

/** Whether a value fits the schema subset the model uses. */
export function matchesSchema(value: unknown, schema: ModelSchema): boolean {
  if (schema.anyOf) return schema.anyOf.some((option) => matchesSchema(value, option));
  if (schema.enum && !schema.enum.some((allowed) => allowed === value)) return false;
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((type) => hasType(value, type))) return false;
  }
  if (schema.pattern !== undefined && typeof value === 'string' && !safeTest(schema.pattern, value)) return false;
  if (Array.isArray(value) && schema.items) return value.every((item) => matchesSchema(item, schema.items as ModelSchema));
  if (isRecord(value) && (schema.properties || schema.additionalProperties !== undefined)) {
    const properties = schema.properties ?? {};
    for (const [key, item] of Object.entries(value)) {
      const property = properties[key];
      if (property) {
        if (!matchesSchema(item, property)) return false;
      } else if (schema.additionalProperties === false) return false;
      else if (typeof schema.additionalProperties === 'object' && !matchesSchema(item, schema.additionalProperties)) return false;
    }
  }
  return true;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isRecord(value);
    case 'null':
      return value === null;
    default:
      return true;
  }
}

function enumOf(schema: ModelSchema): unknown[] {
  if (schema.enum) return schema.enum;
  return (schema.anyOf ?? []).flatMap((option) => option.enum ?? []);
}

function describeType(schema: ModelSchema): string {
  if (schema.anyOf) return [...new Set(schema.anyOf.map(describeType))].join(' or ');
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const words: Record<string, string> = { string: 'a string', number: 'a number', integer: 'a whole number', boolean: 'true or false', array: 'a list', object: 'a map of keys to values' };
  return types.map((type) => words[type] ?? type).join(' or ') || 'a different value';
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (isRecord(value)) return 'a map';
  if (typeof value === 'string') return `the string “${value.length > 40 ? `${value.slice(0, 40)}…` : value}”`;
  return `\`${String(value)}\``;
}

function safeTest(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return true;
  }
}

/** The candidate nearest to `word` (case-insensitive edit distance) within `limit` edits, else one that starts with it, or undefined. */
export function closest(word: string, candidates: readonly string[], limit: number): string | undefined {
  let best: string | undefined;
  let bestDistance = limit + 1;
  const lower = word.toLowerCase();
  for (const candidate of candidates) {
    const lowerCandidate = candidate.toLowerCase();
    if (lowerCandidate === lower) return candidate === word ? undefined : candidate;
    if (Math.abs(candidate.length - word.length) > limit) continue;
    const distance = editDistance(lower, lowerCandidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // A shortened key or value (`bearer` for `bearer_token`) is far in edits but plain to a reader.
  if (best === undefined && lower.length >= 4) best = candidates.find((candidate) => candidate.toLowerCase().startsWith(lower));
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
    }
    previous = current;
  }
  return previous[b.length] as number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

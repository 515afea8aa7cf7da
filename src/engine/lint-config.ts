/**
 * Lints the MCP part of a LiteLLM config against the config model compiled into the rules
 * (src/schemas/litellm-config.ts → `RuleIndex.configModel`, plain JSON Schema): unknown keys of a
 * server entry with a did-you-mean, misspelt MCP keys of the settings sections, wrong types and
 * values, and keys LiteLLM needs together. Pure data in, findings out; never throws on user input.
 */
import type { ConfigDocument } from './evidence.ts';
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
}

/** A key the config needs when another key has a value. */
export interface ConfigModelRule {
  scope: 'server' | 'general_settings' | 'litellm_settings';
  when: string;
  is: (string | boolean)[];
  requires: string[];
  because: string;
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
  /** Keys needed together. */
  rules: ConfigModelRule[];
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

const SECTIONS = ['mcp_servers', 'general_settings', 'litellm_settings', 'environment_variables'] as const;

/** Lints every config of the evidence; findings in document order, duplicates dropped. */
export function lintConfigs(configs: readonly ConfigDocument[], model: ConfigModel | undefined): LintFinding[] {
  if (!model) return [];
  const findings: LintFinding[] = [];
  const seen = new Set<string>();
  for (const config of configs) {
    for (const found of lintConfig(config.value, model)) {
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

/** Lints one parsed config document. */
export function lintConfig(root: unknown, model: ConfigModel): LintFinding[] {
  const findings: LintFinding[] = [];
  if (!isRecord(root)) return findings;
  for (const key of Object.keys(root)) {
    if ((SECTIONS as readonly string[]).includes(key)) continue;
    const near = closest(key, SECTIONS, 3);
    if (near) findings.push({ path: key, message: `\`${key}\` is not a section LiteLLM reads; did you mean \`${near}\`?`, suggestion: near });
  }
  const servers = root['mcp_servers'];
  if (servers !== undefined && servers !== null) {
    if (!isRecord(servers)) findings.push({ path: 'mcp_servers', message: '`mcp_servers` should map server names to their settings, not be a list or a value.' });
    else {
      for (const [name, entry] of Object.entries(servers)) {
        const at = `mcp_servers.${name}`;
        if (!isRecord(entry)) {
          findings.push({ path: at, message: `the server \`${name}\` should be a map of settings (url, transport, auth_type, …).` });
          continue;
        }
        lintSection(entry, model.server, at, true, findings);
        lintRules(entry, model.rules, 'server', at, findings);
      }
    }
  }
  for (const [section, schema] of [
    ['general_settings', model.generalSettings],
    ['litellm_settings', model.litellmSettings],
  ] as const) {
    const value = root[section];
    if (!isRecord(value)) continue;
    lintSection(value, schema, section, false, findings);
    lintRules(value, model.rules, section, section, findings);
  }
  const env = root['environment_variables'];
  if (isRecord(env)) {
    for (const name of Object.keys(env)) {
      if (model.envVars.includes(name)) continue;
      const near = closest(name, model.envVars, 2);
      if (near) findings.push({ path: `environment_variables.${name}`, message: `LiteLLM reads no \`${name}\`; did you mean \`${near}\`?`, suggestion: near });
    }
  }
  return findings;
}

// A strict section flags every unknown key; an open one (general_settings holds much more than
// MCP) only the keys that look like a misspelt MCP key.
function lintSection(value: Record<string, unknown>, schema: ModelSchema, at: string, isStrict: boolean, findings: LintFinding[]): void {
  const known = schema.properties ?? {};
  const names = Object.keys(known);
  for (const [key, item] of Object.entries(value)) {
    const property = known[key];
    if (property === undefined) {
      const near = closest(key, names, Math.max(2, Math.floor(key.length / 4)));
      if (near) findings.push({ path: `${at}.${key}`, message: `LiteLLM does not read \`${key}\` here; did you mean \`${near}\`?`, suggestion: near });
      else if (isStrict) findings.push({ path: `${at}.${key}`, message: `LiteLLM does not read \`${key}\` in an mcp_servers entry; it is ignored.` });
      continue;
    }
    if (item === null || item === undefined) continue;
    const problem = typeProblem(item, property);
    if (problem) findings.push({ path: `${at}.${key}`, ...problem });
  }
}

function lintRules(value: Record<string, unknown>, rules: readonly ConfigModelRule[], scope: ConfigModelRule['scope'], at: string, findings: LintFinding[]): void {
  for (const rule of rules) {
    if (rule.scope !== scope) continue;
    const trigger = value[rule.when];
    if (!rule.is.some((wanted) => wanted === trigger)) continue;
    const missing = rule.requires.filter((key) => value[key] === undefined || value[key] === null || value[key] === '');
    if (missing.length === 0) continue;
    const list = missing.map((key) => `\`${key}\``).join(', ');
    findings.push({
      path: `${at}.${missing[0] as string}`,
      message: `\`${rule.when}: ${String(trigger)}\` needs ${list} as well: ${rule.because}.`,
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

import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { ConfigDocument, InputName, ServerConfig } from '../evidence.ts';
import { ALL_MARKS, hasMark, MARK } from './line-marks.ts';
import { firstNonSpace, headOf, isBlank, isSpaceCode, leadSet, leadsWithOneOf, type LineList } from './split-lines.ts';

// Top-level keys of LiteLLM's proxy config.yaml (docs: proxy/configs, mcp_config_reference).
const TOP_LEVEL_KEYS =
  'mcp_servers|litellm_settings|general_settings|model_list|router_settings|environment_variables|mcp_aliases|guardrails|credential_list|callback_settings|mcp_tool_permissions|mcp_info|search_tools|vector_store_registry|prompts|include';
const CONFIG_START = new RegExp(`^(\\s{0,12})(?:${TOP_LEVEL_KEYS})\\s{0,4}:\\s*(?:#.*|\\{\\s*\\}|\\[\\s*\\])?$`);
const KEY_LINE = /^\s{0,200}(?:[A-Za-z_$][\w.$-]{0,200}|"[^"]{1,200}"|'[^']{1,200}')\s{0,4}:(?:\s|$)/;
const BARE_KEY = /^(\s{0,40})([A-Za-z0-9_][\w.-]{0,100}|"[^"]{1,100}"):\s*(?:#.*)?$/;

// Keys an `mcp_servers` entry carries (LiteLLM's MCPServer / mcp_config_reference); two of them
// under an unknown key make that key read as a server block pasted on its own.
const SERVER_KEYS = new Set([
  'url', 'transport', 'auth_type', 'command', 'args', 'env', 'spec_path', 'extra_headers', 'static_headers',
  'authentication_token', 'server_name', 'alias', 'description', 'client_id', 'client_secret', 'authorization_url',
  'token_url', 'registration_url', 'scopes', 'delegate_auth_to_upstream', 'allowed_tools', 'disallowed_tools',
  'access_groups', 'available_on_public_internet', 'mcp_info', 'allowed_params', 'timeout', 'instructions',
  'allow_all_keys', 'aws_region_name', 'aws_role_name', 'issuer', 'oauth2_flow', 'token_storage_ttl_seconds',
]);

// Every top-level key is lower case and opens the line once its indentation is skipped.
const CONFIG_LEADS = leadSet('abcdefghijklmnopqrstuvwxyz');

/**
 * Whether a line opens a config.yaml excerpt (`mcp_servers:`, `general_settings:`,
 * `litellm_settings:`…); `lead` is the index of its first non-space character.
 */
export function isConfigStart(head: string, lead = firstNonSpace(head)): boolean {
  return head.length < 300 && leadsWithOneOf(head, CONFIG_LEADS, lead) && head.includes(':') && CONFIG_START.test(head);
}

/**
 * Whether the line at `start` opens an `mcp_servers` entry pasted without its parent key: a
 * bare `name:` followed by more-indented keys, at least one of them a server key
 * (`url`, `transport`, `auth_type`…). `marks` are the marks of the line at `start` (line-marks.ts).
 */
export function isServerBlockStart(lines: LineList, start: number, end: number, marks = ALL_MARKS): boolean {
  const text = lines.textAt(start);
  // The key ends the line, or a `#` comment follows it.
  if (text.length > 200 || (lastNonSpaceCode(text) !== 58 && !(hasMark(marks, MARK.hash) && text.includes('#')))) return false;
  const match = BARE_KEY.exec(text);
  if (!match) return false;
  const indent = (match[1] ?? '').length;
  for (let index = start + 1; index < end && index <= start + 12; index++) {
    const text = lines.textAt(index);
    if (isBlank(text) || text.trimStart().startsWith('#')) continue;
    const childIndent = text.length - text.trimStart().length;
    if (childIndent <= indent) return false;
    const key = /^\s*([\w.-]{1,100})\s*:/.exec(text);
    if (key && SERVER_KEYS.has(key[1] ?? '')) return true;
  }
  return false;
}

// The code of the last character that is not whitespace (NaN for a blank text), without a trimmed copy.
function lastNonSpaceCode(text: string): number {
  let index = text.length - 1;
  while (index >= 0 && isSpaceCode(text.charCodeAt(index))) index--;
  return text.charCodeAt(index);
}

/**
 * Finds where a YAML block that starts at `start` ends: it takes more-indented lines, keys
 * and list items at its own indent, comments and blank lines between them, and stops at the
 * first line at or left of its indent that is not a key (or that `isOtherStart` recognises,
 * such as `INFO:` log lines that look like keys). Returns the index after its last content line.
 */
export function findConfigBlockEnd(lines: LineList, start: number, end: number, isOtherStart: (head: string) => boolean): number {
  const firstText = lines.textAt(start);
  const indent = firstText.length - firstText.trimStart().length;
  let lastContent = start + 1;
  for (let index = start + 1; index < end; index++) {
    const text = lines.textAt(index);
    if (isBlank(text)) continue;
    const head = headOf(text);
    const lineIndent = text.length - text.trimStart().length;
    if (head.trimStart().startsWith('#')) {
      if (lineIndent > indent) lastContent = index + 1;
      continue;
    }
    if (lineIndent > indent) {
      lastContent = index + 1;
      continue;
    }
    if (lineIndent === indent && (KEY_LINE.test(head) || /^\s*- /.test(head)) && (isConfigStart(head) || !isOtherStart(head))) {
      lastContent = index + 1;
      continue;
    }
    break;
  }
  return lastContent;
}

/** What parsing one YAML text gave: the config, or a note saying why not. */
export type ConfigParse =
  | {
      /** It parsed. */
      kind: 'parsed';
      /** The config. */
      config: ConfigDocument;
    }
  | {
      /** It did not parse. */
      kind: 'failed';
      /** A note naming the line and the reason. */
      note: string;
    };

/**
 * The YAML version LiteLLM reads its config in: PyYAML speaks YAML 1.1, where `yes`, `no`, `on` and
 * `off` are booleans; read as 1.2 a value LiteLLM takes for True would be linted as a string.
 */
export const LITELLM_YAML_VERSION = '1.1';

/**
 * Parses a config.yaml (or an excerpt of one) with the `yaml` library: `firstLine` is the input
 * line the text starts on. Lists the `mcp_servers` entries with the line of each name; a text
 * that is only server entries (`github: {url: …}`) has those entries as its servers. A YAML
 * error becomes a note naming the input line; never throws.
 */
export function parseConfigText(source: string, input: InputName, firstLine: number): ConfigParse {
  const lineCounter = new LineCounter();
  const where = input === 'config' ? 'the config' : 'the paste';
  const overBudget = checkYamlBudget(source);
  if (overBudget !== undefined) return { kind: 'failed', note: `The YAML at line ${firstLine} of ${where} was not read: ${overBudget}` };
  try {
    const document = parseDocument(source, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: false, version: LITELLM_YAML_VERSION });
    const error = document.errors[0];
    if (error !== undefined) {
      const position = lineCounter.linePos(error.pos[0]);
      const line = firstLine + position.line - 1;
      const reason = error.message.split('\n')[0] ?? 'invalid YAML';
      return { kind: 'failed', note: `The YAML at line ${line} of ${where} does not parse: ${reason}` };
    }
    const value = document.toJS({ maxAliasCount: 100 }) as unknown;
    const servers: ServerConfig[] = [];
    const root = document.contents;
    if (isMap(root)) {
      const mcpServers = root.items.find((pair) => isScalar(pair.key) && pair.key.value === 'mcp_servers');
      const serverMap = mcpServers !== undefined && isMap(mcpServers.value) ? mcpServers.value : looksLikeServerMap(value) ? root : undefined;
      if (serverMap !== undefined) {
        const container = (serverMap === root ? value : (value as Record<string, unknown>)['mcp_servers']) as Record<string, unknown>;
        const jsServers = typeof container === 'object' && container !== null ? container : {};
        for (const pair of serverMap.items) {
          const key = isScalar(pair.key) ? pair.key : undefined;
          if (key === undefined) continue;
          const name = String(key.value);
          const fieldsValue = jsServers[name];
          const fields = typeof fieldsValue === 'object' && fieldsValue !== null && !Array.isArray(fieldsValue) ? (fieldsValue as Record<string, unknown>) : {};
          const offset = key.range?.[0] ?? 0;
          servers.push({ input, line: firstLine + lineCounter.linePos(offset).line - 1, name, fields });
        }
      }
    }
    return { kind: 'parsed', config: { input, line: firstLine, source, value, servers } };
  } catch (error) {
    return { kind: 'failed', note: `The YAML at line ${firstLine} of ${where} could not be read: ${error instanceof Error ? error.message.split('\n')[0] : 'unknown error'}` };
  }
}

/** The most YAML text parsed at once: a config.yaml is tens of KB, and the parser's cost per byte is high. */
export const MAX_YAML_CHARS = 512 * 1024;

/** The most anchors and aliases a YAML text may use: real configs use a handful; thousands make the parser quadratic. */
export const MAX_YAML_ALIASES = 100;

const ANCHOR_OR_ALIAS = /(?:^|[\s[{,:-])[&*][A-Za-z0-9_.-]/g;

/** Why a YAML text is over the parse budget (checked before parsing, in one linear scan), or undefined. */
export function checkYamlBudget(source: string): string | undefined {
  if (source.length > MAX_YAML_CHARS) {
    return `it is ${Math.round(source.length / 1024)} KB, more than the ${MAX_YAML_CHARS / 1024} KB the checker parses (paste only the mcp_servers part)`;
  }
  let count = 0;
  ANCHOR_OR_ALIAS.lastIndex = 0;
  while (ANCHOR_OR_ALIAS.exec(source) !== null) {
    if (++count > MAX_YAML_ALIASES) return `it uses more than ${MAX_YAML_ALIASES} anchors and aliases (& and *), more than the checker expands`;
  }
  return undefined;
}

/** Whether a parsed value is a map of server entries with no `mcp_servers` parent. */
function looksLikeServerMap(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return false;
  if (entries.some(([key]) => new RegExp(`^(?:${TOP_LEVEL_KEYS})$`).test(key))) return false;
  return entries.every(([, entry]) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return false;
    return Object.keys(entry).some((key) => SERVER_KEYS.has(key));
  });
}

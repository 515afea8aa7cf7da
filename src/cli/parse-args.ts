/**
 * The command line of `mcpfix`, parsed into one discriminated value per command. Pure: no
 * filesystem, no environment, no TTY checks (the runners do those), so every usage error can be
 * tested from a list of strings.
 */

/** A header given with `--header 'Name: value'`. */
export interface HeaderArg {
  /** The name as given. */
  name: string;
  /** The value, trimmed. */
  value: string;
}

/** What the user asked for, or why the command line cannot be used. */
export type CommandLine =
  | { kind: 'help'; topic: 'main' | 'check' | 'probe' }
  | { kind: 'version' }
  | {
      kind: 'check';
      /** A path, `-` for stdin, or undefined (stdin when it is not a TTY). */
      file?: string;
      /** `--config FILE`. */
      config?: string;
      /** `--litellm-version X`: the LiteLLM version the user runs. */
      litellmVersion?: string;
      /** `--json`. */
      isJson: boolean;
      /** `--markdown`: print the GitHub-issue Markdown instead of the text report. */
      isMarkdown: boolean;
    }
  | {
      kind: 'probe';
      /** The gateway URL as given. */
      url: string;
      /** `--key`; the runner falls back to LITELLM_API_KEY. */
      key?: string;
      /** `--header`, in order. */
      headers: HeaderArg[];
      /** `--timeout`, in milliseconds (default 10 s): the most one request may take. */
      timeoutMs: number;
      /** `--deadline`, in milliseconds (default 30 s): the most the whole probe may take. */
      deadlineMs: number;
      /** `--config FILE`. */
      config?: string;
      /** `--server NAME`. */
      server?: string;
      /** `--json`. */
      isJson: boolean;
    }
  | { kind: 'usage-error'; command: 'mcpfix' | 'mcpfix check' | 'mcpfix probe'; reason: string };

/** The default per-request timeout of `probe`. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** The default overall deadline of `probe`: every request and discovery document together. */
export const DEFAULT_DEADLINE_MS = 30_000;

const MAX_TIMEOUT_MS = 10 * 60_000;

interface FlagSpec {
  /** `string` takes a value, `list` takes a value and may repeat, `boolean` takes none. */
  type: 'string' | 'list' | 'boolean';
}

type Flags = Record<string, FlagSpec>;

interface RawArgs {
  positionals: string[];
  values: Map<string, string[]>;
}

const CHECK_FLAGS: Flags = {
  config: { type: 'string' },
  'litellm-version': { type: 'string' },
  json: { type: 'boolean' },
  markdown: { type: 'boolean' },
  help: { type: 'boolean' },
};

const PROBE_FLAGS: Flags = {
  key: { type: 'string' },
  header: { type: 'list' },
  timeout: { type: 'string' },
  deadline: { type: 'string' },
  config: { type: 'string' },
  server: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean' },
};

/** Parses `process.argv.slice(2)`. */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  const [command, ...rest] = argv;
  if (command === undefined) return usage('mcpfix', 'missing command: use "mcpfix check" or "mcpfix probe" (see mcpfix --help)');
  if (command === '--help' || command === '-h' || command === 'help') return { kind: 'help', topic: 'main' };
  if (command === '--version' || command === '-v') return { kind: 'version' };
  if (command === 'check') return parseCheck(rest);
  if (command === 'probe') return parseProbe(rest);
  if (command.startsWith('-')) return usage('mcpfix', `unknown flag ${command}: the command comes first ("mcpfix check" or "mcpfix probe")`);
  return usage('mcpfix', `unknown command "${command}": use "mcpfix check" or "mcpfix probe"`);
}

function parseCheck(argv: readonly string[]): CommandLine {
  const raw = splitArgs(argv, CHECK_FLAGS);
  if (typeof raw === 'string') return usage('mcpfix check', raw);
  if (raw.values.has('help')) return { kind: 'help', topic: 'check' };
  if (raw.positionals.length > 1) {
    return usage('mcpfix check', `one paste at a time: got ${raw.positionals.length} files (${raw.positionals.join(', ')})`);
  }
  const file = raw.positionals[0];
  const config = last(raw.values.get('config'));
  const litellmVersion = last(raw.values.get('litellm-version'));
  if (litellmVersion !== undefined && !/^\s*v?1\.\d{1,3}(?:\.\d{1,3})?(?:[-.\w]*)\s*$/i.test(litellmVersion)) {
    return usage('mcpfix check', `--litellm-version wants a LiteLLM version such as 1.83.3, not "${litellmVersion}"`);
  }
  if (raw.values.has('json') && raw.values.has('markdown')) return usage('mcpfix check', '--json and --markdown are two output formats: give one');
  return {
    kind: 'check',
    ...(file !== undefined ? { file } : {}),
    ...(config !== undefined ? { config } : {}),
    ...(litellmVersion !== undefined ? { litellmVersion } : {}),
    isJson: raw.values.has('json'),
    isMarkdown: raw.values.has('markdown'),
  };
}

function parseProbe(argv: readonly string[]): CommandLine {
  const raw = splitArgs(argv, PROBE_FLAGS);
  if (typeof raw === 'string') return usage('mcpfix probe', raw);
  if (raw.values.has('help')) return { kind: 'help', topic: 'probe' };
  const [url, ...extra] = raw.positionals;
  if (url === undefined) return usage('mcpfix probe', 'missing URL: give the gateway MCP endpoint, e.g. http://localhost:4000/github/mcp');
  // The extra argument is not quoted: it is often a key given without --key.
  if (extra.length > 0) return usage('mcpfix probe', `one URL at a time: ${extra.length} more argument${extra.length === 1 ? '' : 's'} after the URL (a key goes after --key)`);
  const urlProblem = checkUrl(url);
  if (urlProblem) return usage('mcpfix probe', urlProblem);

  const headers: HeaderArg[] = [];
  for (const given of raw.values.get('header') ?? []) {
    const header = parseHeaderArg(given);
    if (typeof header === 'string') return usage('mcpfix probe', header);
    headers.push(header);
  }

  let timeoutMs = DEFAULT_TIMEOUT_MS;
  const timeout = last(raw.values.get('timeout'));
  if (timeout !== undefined) {
    const parsed = parseDuration(timeout, '--timeout');
    if (typeof parsed === 'string') return usage('mcpfix probe', parsed);
    timeoutMs = parsed;
  }
  let deadlineMs = DEFAULT_DEADLINE_MS;
  const deadline = last(raw.values.get('deadline'));
  if (deadline !== undefined) {
    const parsed = parseDuration(deadline, '--deadline');
    if (typeof parsed === 'string') return usage('mcpfix probe', parsed);
    deadlineMs = parsed;
  }

  const key = last(raw.values.get('key'));
  if (key !== undefined) {
    const problem = checkKey(key);
    if (problem) return usage('mcpfix probe', problem);
  }
  const server = last(raw.values.get('server'));
  if (server !== undefined && !/^[A-Za-z0-9_.-]+$/.test(server)) {
    return usage('mcpfix probe', `--server: "${server}" is not a server name (letters, digits, _ . - only)`);
  }
  const config = last(raw.values.get('config'));
  return {
    kind: 'probe',
    url,
    ...(key !== undefined ? { key } : {}),
    headers,
    timeoutMs,
    deadlineMs,
    ...(config !== undefined ? { config } : {}),
    ...(server !== undefined ? { server } : {}),
    isJson: raw.values.has('json'),
  };
}

/**
 * Parses a duration such as `10s`, `500ms`, `1m` or a bare number of seconds, into milliseconds;
 * returns the reason when it is not one.
 */
export function parseDuration(text: string, flag = '--timeout'): number | string {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text.trim());
  if (!match) return `${flag}: expected a duration such as 10s, 500ms or 1m, got "${clipArg(text)}"`;
  const amount = Number(match[1]);
  const unit = match[2] ?? 's';
  const ms = Math.round(unit === 'ms' ? amount : unit === 's' ? amount * 1000 : amount * 60_000);
  if (ms <= 0) return `${flag}: must be more than zero, got "${text}"`;
  if (ms > MAX_TIMEOUT_MS) return `${flag}: at most 10m, got "${text}"`;
  return ms;
}

// What an HTTP field value may hold (RFC 9110 §5.5): visible ASCII, spaces, tabs and obs-text;
// undici throws on anything else, which would surface as a connection failure instead of a usage error.
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** Why a `--key` cannot be sent, or undefined when it can. The key itself is never quoted. */
export function checkKey(key: string): string | undefined {
  // Worded so no word follows the flag name: the masker reads `--key word` as a key and hides the word.
  if (key.trim() === '') return 'the key (--key) is empty';
  if (/[\r\n]/.test(key)) return 'a line break in the key (--key): copy the key alone (a trailing newline from a file or clipboard counts)';
  if (!FIELD_VALUE.test(key)) return 'a character a header cannot carry in the key (--key): a control character or non-Latin-1 text';
  return undefined;
}

/**
 * The values on a command line that may be secrets (`--key`, `--header` values), so a usage error
 * that quotes the command line masks them.
 */
export function secretArguments(argv: readonly string[]): string[] {
  const secrets: string[] = [];
  argv.forEach((arg, index) => {
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, argv[index + 1]];
    if (inline === undefined) return;
    if (flag === '--key') secrets.push(inline);
    if (flag === '--header') secrets.push(inline, inline.slice(inline.indexOf(':') + 1).trim());
  });
  return secrets;
}

function clipArg(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Parses `Name: value`; returns the reason when it is not a header. */
export function parseHeaderArg(text: string): HeaderArg | string {
  const colon = text.indexOf(':');
  const name = colon > 0 ? text.slice(0, colon).trim() : '';
  // RFC 9110 §5.6.2: a field name is a token.
  // The text is not quoted back: a header given without its name is often a bare token.
  if (colon < 0) return `--header: expected 'Name: value', got a value with no colon`;
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
    return `--header: expected 'Name: value', got a name that is not a header name ("${clipArg(text.slice(0, colon))}")`;
  }
  const value = text.slice(colon + 1).trim();
  if (/[\r\n]/.test(value)) return `--header ${name}: the value cannot contain a line break`;
  if (!FIELD_VALUE.test(value)) return `--header ${name}: the value contains a character a header cannot carry (a control character or non-Latin-1 text)`;
  return { name, value };
}

function checkUrl(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `"${text}" is not a URL: give the gateway MCP endpoint, e.g. http://localhost:4000/github/mcp`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `unsupported scheme ${url.protocol}//: only http:// and https:// URLs can be probed`;
  if (url.username || url.password) return 'put credentials in --key or --header, not in the URL';
  return undefined;
}

// A small parser rather than node:util parseArgs: its messages run to several lines and name
// internals, and every usage error here must be one line the user can act on.
function splitArgs(argv: readonly string[], flags: Flags): RawArgs | string {
  const positionals: string[] = [];
  const values = new Map<string, string[]>();
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    if (arg === '--') {
      positionals.push(...argv.slice(index + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    const isLong = arg.startsWith('--');
    const equals = arg.indexOf('=');
    const name = isLong ? arg.slice(2, equals > 0 ? equals : undefined) : arg === '-h' ? 'help' : '';
    const spec = flags[name];
    if (!spec) return `unknown flag ${equals > 0 ? arg.slice(0, equals) : arg}`;
    let value: string | undefined;
    if (spec.type === 'boolean') {
      if (equals > 0) return `--${name} takes no value`;
      value = '';
    } else if (equals > 0) {
      value = arg.slice(equals + 1);
    } else {
      value = argv[index + 1];
      if (value === undefined || (value.startsWith('--') && value.length > 2)) return `--${name} needs a value`;
      index += 1;
    }
    if (spec.type !== 'list' && spec.type !== 'boolean' && values.has(name)) return `--${name} given twice`;
    values.set(name, [...(values.get(name) ?? []), value]);
  }
  return { positionals, values };
}

function last(list: readonly string[] | undefined): string | undefined {
  return list?.[list.length - 1];
}

function usage(command: 'mcpfix' | 'mcpfix check' | 'mcpfix probe', reason: string): CommandLine {
  return { kind: 'usage-error', command, reason };
}

/** The `--help` texts. */
export const HELP: Record<'main' | 'check' | 'probe', string> = {
  main: `mcpfix — diagnose MCP gateway errors (LiteLLM proxy first)

Usage:
  mcpfix check [FILE|-] [--config FILE] [--litellm-version X] [--json | --markdown]
  mcpfix probe <url> [--key KEY] [--header 'Name: value']… [--timeout 10s]
               [--deadline 30s] [--server NAME] [--config FILE] [--json]

Commands:
  check   match a pasted error, curl -si output, log or GitHub issue body against the error pages
  probe   ask a running gateway the questions a maintainer would, and diagnose its answers

Exit codes: 0 confident / healthy, 1 not confident / problem found, 2 usage error,
            3 could not connect (probe)
Run "mcpfix check --help" or "mcpfix probe --help" for details.
`,
  check: `Usage: mcpfix check [FILE|-] [--config FILE] [--litellm-version X] [--json | --markdown]

Reads a paste (an error message, curl -si output, LiteLLM log lines, a Python traceback,
a config.yaml excerpt, or a whole GitHub issue body; at most 20 MB) from FILE, or from stdin
when FILE is "-" or absent, and prints the error pages it matches, the evidence that counted and the fix.

Options:
  --config FILE   add your config.yaml (at most 512 KB): the fix is then shown as a diff of it; it is linted too
  --litellm-version X
                  the LiteLLM version you run (else read from the paste: litellm==1.83.3,
                  an image tag such as main-v1.81.3-stable, "upgraded to 1.80"); pages whose
                  bug is fixed in it rank lower, and the upgrade is suggested when it is not
  --json          print {"verdict","matches":[…],"suggestions":[…],"checkNext":[…],"nextSteps":[…],
                  "lint":[…],"version":…}; suggestions are changes, checkNext what to look at
  --markdown      print Markdown for a GitHub issue or comment: the page link, the matched
                  signature, the fix, what to check next, the affected and fixed versions,
                  and the masked paste
  -h, --help      show this help

Exit codes: 0 the top match is confident, 1 it is not, 2 usage error.
Secrets (sk-… keys, bearer tokens, JWTs, client secrets, cookies) are masked in everything printed.
`,
  probe: `Usage: mcpfix probe <url> [--key KEY] [--header 'Name: value']… [--timeout 10s]
                    [--deadline 30s] [--server NAME] [--config FILE] [--json]

Runs initialize, notifications/initialized and tools/list against a gateway MCP endpoint
(e.g. http://localhost:4000/github/mcp, or the proxy root with --server github) over streamable
HTTP with x-litellm-mcp-debug: true, follows OAuth discovery when the answer points to it, and
diagnoses the answers with the same engine as "mcpfix check".

Options:
  --key KEY              LiteLLM key sent as x-litellm-api-key (default: $LITELLM_API_KEY)
  --header 'Name: value' an extra request header; repeat for more
  --timeout DURATION     per-request timeout: 10s (default), 500ms, 1m
  --deadline DURATION    the most the whole probe may take: 30s (default)
  --server NAME          the MCP server name when <url> is the proxy root (or /mcp)
  --config FILE          your config.yaml: the fix is then shown as a diff of it
  --json                 print {"steps":[…],"matches":[…],"suggestions":[…]}
  -h, --help             show this help

Exit codes: 0 healthy, 1 a problem found, 2 usage error, 3 could not connect
(refused, DNS, TLS, timeout). Secrets are masked in everything printed.
`,
};

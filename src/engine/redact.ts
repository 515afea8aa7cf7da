import { escapeRegExp } from './escape-regexp.ts';
import { SECRET_RULES } from './secret-rules.ts';

/**
 * The one masking module: every output of mcpfix (CLI text, `--json`, Markdown, stderr, the probe
 * transcript, the /check/ share link) goes through `maskSecrets` before it is shown or shared.
 *
 * It masks, keeping the last 4 characters of a secret of 12 or more so users can compare
 * (`sk-****abcd`, `Bearer ****wxyz`), and masking shorter ones whole:
 * - secrets given from outside (`extraSecrets`: the `--key`, `--header` values, secrets found in
 *   the paste when an excerpt of it is printed), wherever they appear;
 * - multi-line secrets: PEM private-key bodies, YAML block scalars (`client_secret: |`) and values
 *   on the line after a secret-named key;
 * - the token formats of `secret-rules.ts` (gitleaks' rule ids as the reference list);
 * - URL userinfo passwords, parsed so a password holding `/` or `@` is masked whole;
 * - credentials in commands (`curl -u user:pass`, `--password x`, `--token x`) and after an auth
 *   scheme (`Bearer x`, any case);
 * - values under secret-named keys in YAML, JSON, headers, env assignments (`PGPASSWORD=`,
 *   `MYSQL_PWD=`), query strings (`?key=`) and form bodies, and high-entropy values under keys that
 *   only sound like secrets (`x-goog-auth`, `session`).
 * It leaves LiteLLM's own masked debug values (`Bearer****1234`, `SAME_AS_LITELLM_KEY`),
 * placeholders (`$KEY`, `os.environ/KEY`, `<your-key>`) and all structure alone: the number of
 * lines never changes. Idempotent; linear in the text.
 */
export function maskSecrets(text: string, options: MaskOptions = {}): string {
  return runMask(text, options.extraSecrets ?? [], undefined);
}

/** What `maskSecrets` needs beyond the text. */
export interface MaskOptions {
  /** Secrets known from elsewhere, masked wherever they appear (values shorter than 6 characters are ignored: too likely to be words). */
  extraSecrets?: readonly string[];
}

/**
 * The secrets `maskSecrets` would hide in a text, as they appear there (one entry per line of a
 * multi-line secret). Passing them as `extraSecrets` when printing pieces of that text (an excerpt
 * cut from a long line, one line of a PEM block) masks them even out of their context.
 */
export function findSecrets(text: string): string[] {
  const found: string[] = [];
  runMask(text, [], found);
  return [...new Set(found.map((secret) => secret.trim()).filter((secret) => secret.length >= MIN_LITERAL_LENGTH))];
}

/**
 * Masks only the secrets given, wherever they appear (as `maskSecrets` does with `extraSecrets`),
 * and nothing else: for text the project wrote itself (a page's title, a fix note), which the
 * pattern rules would misread (`byok_token: failed to store…` is a log prefix, not a token) but
 * which may quote a value taken from the user's input.
 */
export function maskKnownSecrets(text: string, secrets: readonly string[]): string {
  if (typeof text !== 'string' || text === '') return '';
  return maskLiterals(text, secrets);
}

/** `maskSecrets` with no extra secrets: the name the engine and the site have always used. */
export function redactText(text: string): string {
  return maskSecrets(text);
}

/**
 * Masks one credential value on its own (a header value, a key): an auth scheme (`Bearer `) and a
 * known token prefix (`sk-`, `ghp_`) are kept, the rest masked.
 */
export function maskCredential(value: string): string {
  const scheme = /^(?:bearer|basic|token|apikey|digest)\s+/i.exec(value)?.[0] ?? '';
  const rest = value.slice(scheme.length);
  const masked = maskLine(rest, undefined);
  return `${scheme}${masked === rest && !isPlaceholder(rest) ? mask(rest) : masked}`;
}

const MASK = '****';
const MIN_LITERAL_LENGTH = 6;

/** Where the original values go when the caller wants them (findSecrets); undefined to just mask. */
type Recorder = string[] | undefined;

function runMask(text: string, extraSecrets: readonly string[], found: Recorder, depth = 0): string {
  if (typeof text !== 'string' || text === '') return '';
  const known = maskLiterals(text, extraSecrets);
  const lines = known.split('\n');
  maskMultiLine(lines, found);
  return lines.map((line) => maskLine(maskEscapedTexts(line, extraSecrets, found, depth), found)).join('\n');
}

/**
 * A JSON string that holds a multi-line text (a server's error message, a transcript quoted by
 * `--json`) hides its line breaks as `\n`, and with them the context of a YAML block or a PEM body:
 * such a string is decoded, masked as a text of its own, and encoded again. One level deep, in one
 * linear scan of the line.
 */
function maskEscapedTexts(line: string, extraSecrets: readonly string[], found: Recorder, depth: number): string {
  if (depth > 0 || !line.includes('\\n')) return line;
  let output = '';
  let copied = 0;
  for (let open = line.indexOf('"'); open >= 0 && open < line.length; open = line.indexOf('"', open + 1)) {
    let close = open + 1;
    let hasBreak = false;
    while (close < line.length && line[close] !== '"') {
      if (line[close] === '\\') {
        if (line[close + 1] === 'n') hasBreak = true;
        close++;
      }
      close++;
    }
    if (close >= line.length) break;
    if (hasBreak) {
      const literal = line.slice(open, close + 1);
      let decoded: unknown;
      try {
        decoded = JSON.parse(literal);
      } catch {
        decoded = undefined;
      }
      if (typeof decoded === 'string') {
        const again = runMask(decoded, extraSecrets, found, depth + 1);
        if (again !== decoded) {
          output += line.slice(copied, open) + JSON.stringify(again);
          copied = close + 1;
        }
      }
    }
    open = close;
  }
  return copied === 0 ? line : output + line.slice(copied);
}

/** The masked form of a secret: the last 4 characters survive only when at least 12 are there. */
function mask(secret: string): string {
  return secret.length >= 12 ? `${MASK}${secret.slice(-4)}` : MASK;
}

function masked(secret: string, found: Recorder): string {
  found?.push(secret);
  return mask(secret);
}

function isMasked(value: string): boolean {
  return value.includes('***');
}

// --- secrets known from outside -------------------------------------------------------------

function maskLiterals(text: string, secrets: readonly string[]): string {
  const forms = new Set<string>();
  for (const given of secrets) {
    if (typeof given !== 'string') continue;
    const trimmed = given.trim();
    const bare = trimmed.replace(/^(?:bearer|basic|token)\s+/i, '');
    for (const form of [trimmed, bare]) {
      if (form.length < MIN_LITERAL_LENGTH || isPlaceholder(form)) continue;
      forms.add(form);
      // The same secret as a JSON string or inside a URL.
      forms.add(JSON.stringify(form).slice(1, -1));
      forms.add(encodeURIComponent(form));
    }
  }
  let result = text;
  // Longest first, so a key and the same key after `Bearer ` are masked as one.
  const sorted = [...forms].sort((a, b) => b.length - a.length);
  for (const form of sorted) {
    if (result.includes(form)) result = result.split(form).join(mask(form));
  }
  for (const form of sorted) if (form.length >= FRAGMENT_ANCHOR * 2) result = maskFragments(result, form);
  return result;
}

const FRAGMENT_ANCHOR = 8;
const MIN_FRAGMENT = 10;

/**
 * Masks what is left of a long secret in a text cut through it (an excerpt of a long line starts
 * or ends inside the value): a run of at least 10 characters that starts like the secret or ends
 * like it. Anchored on its first and last 8 characters, so the scan stays linear.
 */
function maskFragments(text: string, secret: string): string {
  const spans: Array<[number, number]> = [];
  const head = secret.slice(0, FRAGMENT_ANCHOR);
  for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + 1)) {
    let length = FRAGMENT_ANCHOR;
    while (length < secret.length && text[at + length] === secret[length]) length++;
    if (length >= MIN_FRAGMENT) spans.push([at, at + length]);
  }
  const tail = secret.slice(-FRAGMENT_ANCHOR);
  for (let at = text.indexOf(tail); at >= 0; at = text.indexOf(tail, at + 1)) {
    const end = at + FRAGMENT_ANCHOR;
    let length = FRAGMENT_ANCHOR;
    while (length < secret.length && end - length - 1 >= 0 && text[end - length - 1] === secret[secret.length - length - 1]) length++;
    if (length >= MIN_FRAGMENT) spans.push([end - length, end]);
  }
  if (spans.length === 0) return text;
  spans.sort((a, b) => a[0] - b[0]);
  let output = '';
  let copied = 0;
  for (const [start, end] of spans) {
    if (start < copied) continue;
    output += text.slice(copied, start) + MASK;
    copied = end;
  }
  return output + text.slice(copied);
}

// --- multi-line secrets ----------------------------------------------------------------------

const PEM_BEGIN = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/;
const PEM_END = /-----END [A-Z0-9 ]{0,40}-----/;
const MAX_MULTI_LINE = 400;
// `client_secret: |`, `- password: >-`, `"token":` with nothing after it on the line.
const YAML_KEY_ALONE = /^([ \t]*(?:-[ \t]+)?)(["']?)([A-Za-z_][\w.-]{0,100})\2[ \t]*:[ \t]*([|>][-+0-9]{0,3})?[ \t]*(?:#.*)?$/;

/** Masks, in place, the lines that carry one part of a secret spread over several lines. */
function maskMultiLine(lines: string[], found: Recorder): void {
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    if (line.includes('-----BEGIN') && PEM_BEGIN.test(line)) {
      index = maskPemBody(lines, index, found);
      continue;
    }
    if (!line.includes(':')) continue;
    const key = YAML_KEY_ALONE.exec(line);
    if (key && isSensitiveKey(key[3] ?? '')) index = maskYamlValueLines(lines, index, (key[1] ?? '').length, key[4] !== undefined, found);
  }
}

function maskPemBody(lines: string[], begin: number, found: Recorder): number {
  const first = lines[begin] as string;
  const header = PEM_BEGIN.exec(first);
  const after = header ? first.indexOf(header[0]) + header[0].length : first.length;
  const sameLineEnd = first.slice(after).search(PEM_END);
  // A key on one line (`"-----BEGIN …-----\nMIIE…\n-----END …-----"` in JSON): mask between the markers.
  const tail = sameLineEnd >= 0 ? first.slice(after, after + sameLineEnd) : first.slice(after);
  if (/[A-Za-z0-9+/]{8,}/.test(tail)) {
    lines[begin] = `${first.slice(0, after)}${masked(tail, found)}${sameLineEnd >= 0 ? first.slice(after + sameLineEnd) : ''}`;
    if (sameLineEnd >= 0) return begin;
  }
  if (sameLineEnd >= 0) return begin;
  let index = begin + 1;
  for (; index < lines.length && index <= begin + MAX_MULTI_LINE; index++) {
    const line = lines[index] as string;
    if (PEM_END.test(line)) return index;
    const body = line.trim();
    if (body !== '' && !isMasked(body) && !/^[A-Za-z-]+: /.test(body)) lines[index] = line.replace(body, masked(body, found));
  }
  return index - 1;
}

function maskYamlValueLines(lines: string[], keyLine: number, keyIndent: number, isBlockScalar: boolean, found: Recorder): number {
  let index = keyLine + 1;
  // The value on the next line(s): more indented than the key, and not a nested mapping or list.
  while (index < lines.length && (lines[index] as string).trim() === '') index++;
  const first = lines[index];
  if (first === undefined || indentOf(first) <= keyIndent) return keyLine;
  if (!isBlockScalar && /^[ \t]*(?:-[ \t]|[\w"'.-]+[ \t]*:(?:[ \t]|$)|[{[#])/.test(first)) return keyLine;
  let last = keyLine;
  for (let line = keyLine + 1; line < lines.length && line <= keyLine + MAX_MULTI_LINE; line++) {
    const text = lines[line] as string;
    if (text.trim() === '') continue;
    if (indentOf(text) <= keyIndent) break;
    const body = text.trim();
    if (!isPlaceholder(body) && !isMasked(body)) lines[line] = text.replace(body, masked(body, found));
    last = line;
  }
  return last;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

// --- one line --------------------------------------------------------------------------------

// Every rule's hints in one pattern: most lines hold none, and one scan beats 31 `includes`.
const ANY_HINT = new RegExp(SECRET_RULES.flatMap((rule) => rule.hints).map(escapeRegExp).join('|'));

function maskLine(line: string, found: Recorder): string {
  let result = line;
  if (ANY_HINT.test(result)) for (const rule of SECRET_RULES) {
    if (!rule.hints.some((hint) => result.includes(hint))) continue;
    rule.pattern.lastIndex = 0;
    result = result.replace(rule.pattern, (match: string, prefix: string, body: string) =>
      isMasked(body) || (rule.isSecret !== undefined && !rule.isSecret(body)) ? match : `${prefix}${masked(body, found)}`,
    );
  }
  if (result.includes('://')) result = maskUrlUserinfo(result, found);
  if (/(?:^|[\s'"])-/.test(result)) result = maskCommandCredentials(result, found);
  result = maskAfterScheme(result, found);
  return maskKeyValues(result, found);
}

/**
 * URL userinfo (`postgres://user:pass@host`). The password runs to the last `@` of the URL, so a
 * password holding `/` or `@` (both common in generated passwords, often left unencoded) is
 * masked whole; `host:8080/path@x` is a port, not a password.
 */
function maskUrlUserinfo(line: string, found: Recorder): string {
  let output = '';
  let copied = 0;
  const scheme = /(?<![\w+.-])[A-Za-z][A-Za-z0-9+.-]{1,20}:\/\//g;
  for (let match = scheme.exec(line); match !== null; match = scheme.exec(line)) {
    const start = match.index + match[0].length;
    let end = start;
    while (end < line.length && !/[\s'"<>`]/.test(line[end] as string)) end++;
    const url = line.slice(start, end);
    const at = url.lastIndexOf('@');
    const colon = url.indexOf(':');
    scheme.lastIndex = end;
    if (at < 0 || colon < 0 || colon > at) continue;
    const user = url.slice(0, colon);
    const password = url.slice(colon + 1, at);
    if (user.includes('/') || password === '' || /^\d{1,5}(?:\/|$)/.test(password) || isMasked(password) || isPlaceholder(password)) continue;
    output += line.slice(copied, start + colon + 1) + masked(password, found);
    copied = start + at;
  }
  return copied === 0 ? line : output + line.slice(copied);
}

// `curl -u user:pass`, `--user=user:pass`; `--password x`, `--api-key=x`, `--client-secret "x"`.
const USER_FLAG = /(?<![\w-])(-u|--user|--proxy-user)([ =]+)(['"]?)([^\s:'"]{1,200}):([^\s'"]{1,500})/g;
const SECRET_FLAG = /(?<![\w-])(--?(?:[a-z0-9]{1,30}[-_]){0,6}(?:password|passwd|pass|pwd|secret|token|api-?key|apikey|key|access-key|credentials?))([ =]+)(['"]?)([^\s'"\])>]{1,500})/gi;

function maskCommandCredentials(line: string, found: Recorder): string {
  return line
    .replace(USER_FLAG, (all, flag: string, space: string, quote: string, user: string, password: string) =>
      isMasked(password) || isPlaceholder(password) ? all : `${flag}${space}${quote}${user}:${masked(password, found)}`,
    )
    .replace(SECRET_FLAG, (all, flag: string, space: string, quote: string, value: string) =>
      value.startsWith('-') || isMasked(value) || isPlaceholder(value) || isFlagPlaceholder(value) ? all : `${flag}${space}${quote}${masked(value, found)}`,
    );
}

// A metavariable in help text (`--key KEY`, `--token <token>`) or prose (`give --key or set …`) is no secret.
function isFlagPlaceholder(value: string): boolean {
  return /^[A-Z][A-Z_]*$/.test(value) || PROSE_AFTER_FLAG.has(value.toLowerCase());
}

const PROSE_AFTER_FLAG = new Set(['or', 'and', 'to', 'is', 'the', 'a', 'an', 'with', 'for', 'of', 'in', 'on', 'as', 'if', 'then', 'from', 'instead', 'flag', 'option', 'value', 'given', 'duration', 'file', 'name', 'url']);

// Credentials after an auth scheme, wherever they appear (`-H "x-foo: bearer abc…"`, prose).
const SCHEME_CREDENTIAL = /\b(Bearer|Token|Basic|ApiKey)( {1,4})([A-Za-z0-9._~+/=-]{8,})/gi;

function maskAfterScheme(line: string, found: Recorder): string {
  if (!/bearer|token|basic|apikey/i.test(line)) return line;
  return line.replace(SCHEME_CREDENTIAL, (all, scheme: string, space: string, credential: string) =>
    !isMasked(credential) && !isPlaceholder(credential) && (/\d/.test(credential) || credential.length >= 20)
      ? `${scheme}${space}${masked(credential, found)}`
      : all,
  );
}

// A key followed by `:` or `=` (optionally quoted), in YAML, JSON, headers, env lines, query strings.
// A JSON text quoted inside another JSON string escapes its quotes (`\"client_secret\": \"…\"`): the
// backslash before a quote belongs to the quoting.
const KEY = /(?<![\w.-])([A-Za-z_][\w.-]{0,100})(\\?["']?)[ \t]{0,3}([:=])/g;

const SENSITIVE_EXACT = new Set([
  'authorization', 'proxy_authorization', 'cookie', 'set_cookie', 'x_mcp_auth', 'password', 'passwd', 'pwd', 'passphrase',
  'secret', 'token', 'code_verifier', 'client_secret', 'credential', 'private_key', 'pass',
]);
const SENSITIVE_SUFFIX =
  /(?:(?:^|_)(?:secret|token|api_?key|apikey|access_?key|secret_?key|private_?key|master_?key|salt_?key|signing_?key|account_?key|authorization|cookie|session_?id|credentials?|pass|pwd)|password|passwd|passphrase|secret|apikey)$/;
// Names that are secrets only in a query string or form body (`?key=…`, `&sig=…`).
const QUERY_SECRET_NAMES = new Set(['key', 'sig', 'signature', 'auth', 'apikey']);
// Names that sound like secrets without saying so: their value is masked when it looks random.
const SECRETISH = /key|token|secret|auth|pass|cred|sig|session|cookie|private/i;
// `oauth2_flow: authorization_code` names an OAuth grant, and LiteLLM requires it of every oauth2 server.
const NOT_A_SECRET_NAME = /(?:^|[_-])(?:url|uri|endpoint|type|path|file|name|header|headers|id|count|expires?_?(?:in|at)?|length|method|scheme|mode|enabled|flow)$/i;

/** Whether a key names a secret (`client_secret`, `x-litellm-api-key`, `GITHUB_TOKEN`, `PGPASSWORD`…). */
export function isSensitiveKey(key: string): boolean {
  const name = key.toLowerCase().replace(/-/g, '_');
  // LiteLLM's `x-mcp-debug-*` headers carry values LiteLLM already masked: they must stay readable.
  if (name.startsWith('x_mcp_debug')) return false;
  return SENSITIVE_EXACT.has(name) || SENSITIVE_SUFFIX.test(name);
}

const SCHEME_VALUE = /^(?:Bearer|Basic|Token|ApiKey|Digest)[ \t]{1,4}/i;

const COOKIE_ATTRIBUTES = new Set(['path', 'domain', 'expires', 'max-age', 'samesite', 'secure', 'httponly', 'partitioned', 'priority']);

// Whole values that are never a secret: the values of unset fields (`none`, `null`, `redacted`…), and
// words that say what state a credential is in (`credential: invalid or expired`, a page title).
const NOT_A_SECRET_WORDS =
  /^(?:none|null|true|false|unresolved|required|optional|redacted|invalid|expired|missing|absent|unset|empty|blank|wrong|bad|malformed|rejected|revoked|denied|forbidden|unknown|unauthori[sz]ed|not|no|is|was|must|should|from|for|the|a|an|with|without|in|of)$/i;

function isPlaceholder(value: string): boolean {
  const trimmed = value.trim().replace(/^["']|["']$/g, '');
  if (trimmed === '') return true;
  if (/^(?:\$|%|<|\{\{|os\.environ\/|env:|\(none\)|\[redacted\]|\.\.\.|…)/i.test(trimmed)) return true;
  if (NOT_A_SECRET_WORDS.test(trimmed)) return true;
  if (trimmed.includes('SAME_AS_LITELLM_KEY')) return true;
  // LiteLLM's masked debug values, and our own.
  if (isMasked(trimmed)) return true;
  // Placeholders people write in docs: `your-key`, `YOUR_API_KEY`, `xxx`, `changeme`.
  if (/^(?:sk-)?(?:your[-_ ]|my[-_ ]|x{3,}$|changeme$|example|placeholder|sk-\.\.\.)/i.test(trimmed)) return true;
  // `sk-…`, `gho_...`: a short prefix followed by an ellipsis is elided text in docs, never a secret.
  if (/^[A-Za-z]{0,12}[-_]?(?:…|\.\.\.)/.test(trimmed)) return true;
  return false;
}

/** Whether a value looks machine-made: long, no spaces, several character classes, high Shannon entropy. */
export function looksRandom(value: string): boolean {
  if (value.length < 16 || value.length > 4096 || /\s|:\/\//.test(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(value)).length;
  if (classes < 2) return false;
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy >= 3.5;
}

function maskKeyValues(line: string, found: Recorder): string {
  let output = '';
  let copied = 0;
  KEY.lastIndex = 0;
  for (let match = KEY.exec(line); match !== null; match = KEY.exec(line)) {
    const key = match[1] ?? '';
    const separator = match[3] ?? ':';
    const isSensitive = isSensitiveKey(key) || (separator === '=' && QUERY_SECRET_NAMES.has(key.toLowerCase()));
    const isSecretish = !isSensitive && SECRETISH.test(key) && !NOT_A_SECRET_NAME.test(key);
    if (!isSensitive && !isSecretish) continue;
    const closingQuote = (match[2] ?? '').replace('\\', '');
    const before = match.index > 0 ? line[match.index - 1] : undefined;
    // `-H "Authorization: Bearer x"`: the quote before an unquoted key also ends its value.
    const opener = closingQuote === '' && (before === '"' || before === "'") ? before : undefined;
    let start = match.index + match[0].length;
    // `key: "value"` or `key = value`: spaces after the separator.
    while (line[start] === ' ' || line[start] === '\t') start++;
    // A JSON / YAML key that opens a nested object or list holds no secret itself.
    const first = line[start];
    if (first === undefined || first === '{' || first === '[' || (separator === ':' && line[start] === '/' && line[start + 1] === '/')) continue;
    let valueStart = start;
    let valueEnd: number;
    const escapedQuote = first === '\\' && (line[start + 1] === '"' || line[start + 1] === "'") ? line[start + 1] : undefined;
    if (escapedQuote !== undefined) {
      valueStart = start + 2;
      const close = line.indexOf(`\\${escapedQuote}`, valueStart);
      valueEnd = close < 0 ? line.length : close;
    } else if (first === '"' || first === "'") {
      valueStart = start + 1;
      valueEnd = valueStart;
      while (valueEnd < line.length && line[valueEnd] !== first) {
        if (line[valueEnd] === '\\') valueEnd++;
        valueEnd++;
      }
      valueEnd = Math.min(valueEnd, line.length);
      // `x-litellm-api-key: "tools": []` (a signature quoting a JSON body after the header name):
      // a quoted word followed by a colon is the next key, not this key's value.
      if (line[valueEnd + 1] === ':') continue;
    } else {
      const isFlow = line.lastIndexOf('{', match.index) >= 0 || line.lastIndexOf('[', match.index) >= 0;
      // `key: Bearer abc`: the scheme and its credential are one value.
      const scheme = SCHEME_VALUE.exec(line.slice(start, start + 40));
      valueEnd = start + (scheme ? scheme[0].length : 0);
      const isHeaderLike = separator === ':' && /^(?:authorization|proxy-authorization|cookie|set-cookie)$/i.test(key);
      while (valueEnd < line.length) {
        const char = line[valueEnd] as string;
        if (opener !== undefined && char === opener) break;
        if (separator === '=' && /[\s&;,'"<>)]/.test(char)) break;
        if (separator === ':' && !isHeaderLike && isFlow && (char === ',' || char === '}' || char === ']')) break;
        if (separator === ':' && !isHeaderLike && /\s/.test(char)) break;
        if (!isHeaderLike && separator === ':' && (char === '"' || char === "'") && opener === undefined && valueEnd > start) break;
        valueEnd++;
      }
      while (valueEnd > start && /\s/.test(line[valueEnd - 1] as string)) valueEnd--;
    }
    const value = line.slice(valueStart, valueEnd);
    const replaced = isSensitive ? maskValue(key, value, found) : looksRandom(value) && !isPlaceholder(value) ? masked(value, found) : value;
    if (replaced !== value) {
      output += line.slice(copied, valueStart) + replaced;
      copied = valueEnd;
    }
    KEY.lastIndex = Math.max(KEY.lastIndex, valueEnd);
  }
  return copied === 0 ? line : output + line.slice(copied);
}

function maskValue(key: string, value: string, found: Recorder): string {
  if (isPlaceholder(value)) return value;
  const name = key.toLowerCase();
  if (name === 'cookie' || name === 'set-cookie' || name === 'set_cookie') {
    return value
      .split(/;\s?/)
      .map((part, index) => {
        const equals = part.indexOf('=');
        if (equals < 0) return part;
        const cookieName = part.slice(0, equals).trim();
        if (index > 0 && COOKIE_ATTRIBUTES.has(cookieName.toLowerCase())) return part;
        const cookieValue = part.slice(equals + 1);
        return isPlaceholder(cookieValue) ? part : `${part.slice(0, equals + 1)}${masked(cookieValue, found)}`;
      })
      .join('; ');
  }
  const scheme = /^(Bearer|Basic|Token|ApiKey|Digest)(\s{1,4})(.+)$/i.exec(value);
  if (scheme) {
    const credential = scheme[3] ?? '';
    return isPlaceholder(credential) ? value : `${scheme[1]}${scheme[2]}${masked(credential, found)}`;
  }
  // `credential: 401/403 relayed` in prose: a value with no letter and no run of six digits holds
  // no secret worth masking, while numeric passwords and PINs of six digits or more still do.
  if (!/[A-Za-z]/.test(value) && !/\d{6}/.test(value)) return value;
  return masked(value, found);
}

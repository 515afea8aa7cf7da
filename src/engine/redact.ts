/**
 * Masks secrets in text that is shown, shared or printed, keeping the last 4 characters of a
 * long secret so users can compare (`sk-****abcd`, `Bearer ****wxyz`); short secrets are
 * masked whole. Covers LiteLLM keys, bearer tokens, JWTs, GitHub / Slack / AWS tokens, URL
 * passwords, secret-bearing headers (`Authorization`, `Cookie`, `x-litellm-api-key`…) and
 * secret-named keys in YAML, JSON, query strings, form bodies and env lines. Leaves LiteLLM's
 * own masked debug values (`Bearer****1234`, `SAME_AS_LITELLM_KEY`), placeholders
 * (`$KEY`, `os.environ/KEY`, `<your-key>`) and all structure alone. Idempotent; linear.
 */
export function redactText(text: string): string {
  if (typeof text !== 'string' || text === '') return '';
  return text.split('\n').map(redactLine).join('\n');
}

const MASK = '****';

/** The masked form of a secret: the last 4 characters survive only when at least 12 are there. */
function mask(secret: string): string {
  return secret.length >= 12 ? `${MASK}${secret.slice(-4)}` : MASK;
}

function isMasked(value: string): boolean {
  return value.includes('***');
}

// Token shapes recognised anywhere. Each starts with a lookbehind so a match can only begin at a
// word start, which keeps a scan over a long run of word characters linear.
// `hints`: substrings one of which every match contains; a line holding none skips the rule
// (most lines hold no token at all, and seven regex scans per excerpt add up).
const TOKEN_RULES: Array<{ pattern: RegExp; hints: readonly string[]; replace: (match: string, ...groups: string[]) => string }> = [
  {
    // JSON Web Tokens: three base64url parts, the first always starting `eyJ` (`{"`).
    pattern: /(?<![\w-])eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g,
    hints: ['eyJ'],
    replace: (token) => `eyJ${mask(token)}`,
  },
  {
    // LiteLLM virtual / master keys (and OpenAI-style keys): `sk-` then the key body.
    pattern: /(?<![A-Za-z0-9_-])sk-([A-Za-z0-9_-]{4,})/g,
    hints: ['sk-'],
    replace: (token, body = '') => (/\d/.test(body) || body.length >= 20 ? `sk-${mask(body)}` : token),
  },
  {
    // GitHub tokens: gho_ (OAuth), ghp_ (classic PAT), ghu_/ghs_/ghr_, and fine-grained github_pat_.
    pattern: /(?<![A-Za-z0-9_])(gh[opusr]_|github_pat_)([A-Za-z0-9_]{16,})/g,
    hints: ['gh', 'github_pat_'],
    replace: (_token, prefix = '', body = '') => `${prefix}${mask(body)}`,
  },
  {
    // Slack tokens (xoxb-, xoxp-, xoxa-, xoxr-, xoxs-, xoxe-).
    pattern: /(?<![A-Za-z0-9-])(xox[abposre]-)([A-Za-z0-9-]{8,})/g,
    hints: ['xox'],
    replace: (_token, prefix = '', body = '') => `${prefix}${mask(body)}`,
  },
  {
    // AWS access key ids.
    pattern: /(?<![A-Z0-9])((?:AKIA|ASIA)[A-Z0-9]{16})(?![A-Z0-9])/g,
    hints: ['AKIA', 'ASIA'],
    replace: (token) => `${token.slice(0, 4)}${mask(token)}`,
  },
  {
    // URL userinfo passwords (`postgres://user:pass@host`).
    pattern: /(?<![\w+.-])([A-Za-z][A-Za-z0-9+.-]{1,20}:\/\/[^\s:/@'"]{0,200}:)([^\s@/'"]{1,500})@/g,
    hints: ['://'],
    replace: (token, prefix = '', password = '') =>
      isMasked(password) || isPlaceholder(password) ? token : `${prefix}${mask(password)}@`,
  },
  {
    // Credentials after an auth scheme, wherever they appear (`-H "x-foo: Bearer abc…"`, prose).
    pattern: /\b(Bearer|Token|Basic|ApiKey)( {1,4})([A-Za-z0-9._~+/=-]{8,})/g,
    hints: ['Bearer', 'Token', 'Basic', 'ApiKey'],
    replace: (token, scheme = '', space = '', credential = '') =>
      /\d/.test(credential) || credential.length >= 20 ? `${scheme}${space}${mask(credential)}` : token,
  },
];

// A key followed by `:` or `=` (optionally quoted), in YAML, JSON, headers, env lines, query strings.
const KEY = /(?<![\w.-])([A-Za-z_][\w.-]{0,100})(["']?)[ \t]{0,3}([:=])/g;

const SENSITIVE_EXACT = new Set([
  'authorization', 'proxy_authorization', 'cookie', 'set_cookie', 'x_mcp_auth', 'password', 'passwd', 'pwd', 'passphrase',
  'secret', 'token', 'code_verifier', 'client_secret', 'credential', 'private_key',
]);
const SENSITIVE_SUFFIX = /(?:^|_)(?:secret|password|passwd|token|api_?key|apikey|access_?key|secret_?key|private_?key|master_?key|salt_?key|signing_?key|authorization|cookie|session_?id|credentials?)$/;

/** Whether a key names a secret (`client_secret`, `x-litellm-api-key`, `GITHUB_TOKEN`…). */
export function isSensitiveKey(key: string): boolean {
  const name = key.toLowerCase().replace(/-/g, '_');
  // LiteLLM's `x-mcp-debug-*` headers carry values LiteLLM already masked: they must stay readable.
  if (name.startsWith('x_mcp_debug')) return false;
  return SENSITIVE_EXACT.has(name) || SENSITIVE_SUFFIX.test(name);
}

const SCHEME_VALUE = /^(?:Bearer|Basic|Token|ApiKey|Digest)[ \t]{1,4}/i;

const COOKIE_ATTRIBUTES = new Set(['path', 'domain', 'expires', 'max-age', 'samesite', 'secure', 'httponly', 'partitioned', 'priority']);

function isPlaceholder(value: string): boolean {
  const trimmed = value.trim().replace(/^["']|["']$/g, '');
  if (trimmed === '') return true;
  if (/^(?:\$|%|<|\{\{|os\.environ\/|env:|\(none\)|none$|null$|true$|false$|unresolved$|required$|optional$|redacted$|\[redacted\]|\.\.\.|…)/i.test(trimmed)) return true;
  if (trimmed.includes('SAME_AS_LITELLM_KEY')) return true;
  // LiteLLM's masked debug values, and our own.
  if (isMasked(trimmed)) return true;
  // Placeholders people write in docs: `your-key`, `YOUR_API_KEY`, `xxx`, `changeme`.
  if (/^(?:sk-)?(?:your[-_ ]|my[-_ ]|x{3,}$|changeme$|example|placeholder|sk-\.\.\.)/i.test(trimmed)) return true;
  // `sk-…`, `gho_...`: a short prefix followed by an ellipsis is elided text in docs, never a secret.
  if (/^[A-Za-z]{0,12}[-_]?(?:…|\.\.\.)/.test(trimmed)) return true;
  return false;
}

function redactLine(line: string): string {
  let result = line;
  for (const rule of TOKEN_RULES) {
    if (!rule.hints.some((hint) => result.includes(hint))) continue;
    rule.pattern.lastIndex = 0;
    result = result.replace(rule.pattern, (match: string, ...rest: unknown[]) => {
      const groups = rest.slice(0, -2).map((group) => (typeof group === 'string' ? group : ''));
      return rule.replace(match, ...groups);
    });
  }
  return redactKeyValues(result);
}

function redactKeyValues(line: string): string {
  let output = '';
  let copied = 0;
  KEY.lastIndex = 0;
  for (let match = KEY.exec(line); match !== null; match = KEY.exec(line)) {
    const key = match[1] ?? '';
    if (!isSensitiveKey(key)) continue;
    const separator = match[3] ?? ':';
    const closingQuote = match[2] ?? '';
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
    if (first === '"' || first === "'") {
      valueStart = start + 1;
      valueEnd = valueStart;
      while (valueEnd < line.length && line[valueEnd] !== first) {
        if (line[valueEnd] === '\\') valueEnd++;
        valueEnd++;
      }
      valueEnd = Math.min(valueEnd, line.length);
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
    const masked = maskValue(key, value);
    if (masked !== value) {
      output += line.slice(copied, valueStart) + masked;
      copied = valueEnd;
    }
    KEY.lastIndex = Math.max(KEY.lastIndex, valueEnd);
  }
  return copied === 0 ? line : output + line.slice(copied);
}

function maskValue(key: string, value: string): string {
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
        return isPlaceholder(cookieValue) ? part : `${part.slice(0, equals + 1)}${mask(cookieValue)}`;
      })
      .join('; ');
  }
  const scheme = /^(Bearer|Basic|Token|ApiKey|Digest)(\s{1,4})(.+)$/i.exec(value);
  if (scheme) {
    const credential = scheme[3] ?? '';
    return isPlaceholder(credential) ? value : `${scheme[1]}${scheme[2]}${mask(credential)}`;
  }
  // `credential: 401/403 relayed` in prose: a value with no letter and no run of six digits holds
  // no secret worth masking, while numeric passwords and PINs of six digits or more still do.
  if (!/[A-Za-z]/.test(value) && !/\d{6}/.test(value)) return value;
  // `authorization=Bearer****1234` style debug values and bare masked strings stay.
  return mask(value);
}

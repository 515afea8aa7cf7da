import type { HeaderLine, HttpRequest, InputName } from '../evidence.ts';
import { tryParseJson } from './find-json.ts';
import { describeMcpTarget } from './parse-mcp-path.ts';
import type { PastedCommand } from './read-command.ts';
import { firstNonSpace, leadSet, leadsWithOneOf } from './split-lines.ts';
import { tokenizeShell } from './tokenize-shell.ts';

const CURL_START = /^\s*(?:PS [^>]{0,200}>|[$%#>])?\s*curl(?:\.exe)?\s/;

// A prompt (`$ % # >`, `PS …>`) or `curl` itself opens the line once its indentation is skipped.
const CURL_LEADS = leadSet('$%#>Pc');

/** Whether a line starts a curl command (optionally after a shell prompt); `lead` is the index of its first non-space character. */
export function isCurlCommandStart(head: string, lead = firstNonSpace(head)): boolean {
  return leadsWithOneOf(head, CURL_LEADS, lead) && head.includes('curl') && CURL_START.test(head);
}

// curl options that take an argument but say nothing the checker uses; their argument is skipped.
const LONG_WITH_ARGUMENT = new Set([
  'output', 'write-out', 'max-time', 'connect-timeout', 'referer', 'cacert', 'capath', 'cert', 'key', 'proxy',
  'retry', 'retry-delay', 'retry-max-time', 'upload-file', 'resolve', 'limit-rate', 'range', 'config', 'cookie-jar',
  'dump-header', 'unix-socket', 'max-redirs', 'speed-limit', 'speed-time', 'continue-at', 'trace', 'trace-ascii',
  'stderr', 'cert-type', 'key-type', 'variable', 'connect-to', 'interface', 'dns-servers', 'proxy-user', 'oauth2-bearer',
  'form', 'form-string', 'aws-sigv4', 'expect100-timeout', 'keepalive-time', 'local-port', 'pass', 'tls-max', 'ciphers',
  'request-target', 'preproxy', 'socks5', 'socks5-hostname', 'netrc-file', 'happy-eyeballs-timeout-ms',
]);
// Short options that take an argument (curl's manual); the ones the checker reads are handled first.
const SHORT_WITH_ARGUMENT = new Set(['o', 'w', 'm', 'e', 'x', 'T', 'F', 'r', 'K', 'c', 'D', 'E', 'U', 'Y', 'y', 'z', 'C', 'Q', 't', 'P']);

/**
 * Turns a curl command into the request it sends: method (`-X`, or POST when there is a body),
 * URL (anywhere on the line, or `--url`), headers (`-H`/`--header`, plus what `--json`, `-u`,
 * `-b` and `-A` add), and the body (`-d`/`--data*`/`--json`), parsed as JSON when it is JSON.
 * The path names the MCP server when it is `/{server}/mcp` or `/mcp/{server}`.
 */
export function parseCurlCommand(command: PastedCommand, input: InputName): HttpRequest {
  const tokens = tokenizeShell(command.text);
  const first = command.lineAt(0);
  const request: HttpRequest = { input, line: first, headers: [], source: 'curl-command' };
  const headers: HeaderLine[] = [];
  const bodies: string[] = [];
  let method: string | undefined;
  let url: string | undefined;
  let isJson = false;
  let index = tokens.findIndex((token) => /^curl(?:\.exe)?$/.test(token.value));
  if (index < 0) index = 0;
  const addHeader = (raw: string, offset: number): void => {
    const colon = raw.indexOf(':');
    if (colon <= 0) return;
    const name = raw.slice(0, colon).trim().toLowerCase();
    // `-H 'X-Foo;'` sends an empty header, `-H 'X-Foo:'` removes one: neither is a sent value worth keeping apart.
    headers.push({ input, line: command.lineAt(offset), name, value: raw.slice(colon + 1).trim() });
  };
  for (index = index + 1; index < tokens.length; index++) {
    const token = tokens[index] as (typeof tokens)[number];
    if (token.isOperator) break;
    const word = token.value;
    const next = tokens[index + 1];
    const argument = next !== undefined && !next.isOperator ? next : undefined;
    if (word.startsWith('--') && word.length > 2) {
      const equals = word.indexOf('=');
      const name = equals > 0 ? word.slice(2, equals) : word.slice(2);
      const inline = equals > 0 ? word.slice(equals + 1) : undefined;
      const take = (): string | undefined => {
        if (inline !== undefined) return inline;
        if (argument === undefined) return undefined;
        index++;
        return argument.value;
      };
      const offset = argument?.start ?? token.start;
      if (name === 'header') {
        const value = take();
        if (value !== undefined) addHeader(value, offset);
      } else if (name === 'request') method = take();
      else if (name === 'url') url = take();
      else if (name === 'json') {
        isJson = true;
        const value = take();
        if (value !== undefined) bodies.push(value);
      } else if (name.startsWith('data')) {
        const value = take();
        if (value !== undefined) bodies.push(value);
      } else if (name === 'user') {
        const value = take();
        if (value !== undefined) headers.push({ input, line: command.lineAt(offset), name: 'authorization', value: 'Basic (curl -u)' });
      } else if (name === 'cookie') {
        const value = take();
        if (value !== undefined) headers.push({ input, line: command.lineAt(offset), name: 'cookie', value });
      } else if (name === 'user-agent') {
        const value = take();
        if (value !== undefined) headers.push({ input, line: command.lineAt(offset), name: 'user-agent', value });
      } else if (name === 'get') method = method ?? 'GET';
      else if (name === 'head') method = method ?? 'HEAD';
      else if (LONG_WITH_ARGUMENT.has(name)) take();
      continue;
    }
    if (word.startsWith('-') && word.length > 1 && !word.startsWith('--')) {
      // A cluster of short options (`-sSi`, `-sXPOST`, `-HX-Foo: 1`).
      for (let position = 1; position < word.length; position++) {
        const option = word[position] as string;
        const takesArgument = 'XHdbuA'.includes(option) || SHORT_WITH_ARGUMENT.has(option);
        if (!takesArgument) {
          if (option === 'G') method = method ?? 'GET';
          if (option === 'I') method = method ?? 'HEAD';
          continue;
        }
        let value: string | undefined = word.slice(position + 1);
        let offset = token.start;
        if (value === '') {
          value = argument?.value;
          offset = argument?.start ?? token.start;
          if (argument !== undefined) index++;
        }
        if (value !== undefined) {
          if (option === 'X') method = value;
          else if (option === 'H') addHeader(value, offset);
          else if (option === 'd') bodies.push(value);
          else if (option === 'b') headers.push({ input, line: command.lineAt(offset), name: 'cookie', value });
          else if (option === 'u') headers.push({ input, line: command.lineAt(offset), name: 'authorization', value: 'Basic (curl -u)' });
          else if (option === 'A') headers.push({ input, line: command.lineAt(offset), name: 'user-agent', value });
        }
        break;
      }
      continue;
    }
    if (url === undefined && looksLikeUrl(word)) url = word;
  }
  if (isJson) {
    // curl --json sends these two headers unless the command sets its own.
    if (!headers.some((header) => header.name === 'content-type')) headers.push({ input, line: first, name: 'content-type', value: 'application/json' });
    if (!headers.some((header) => header.name === 'accept')) headers.push({ input, line: first, name: 'accept', value: 'application/json' });
  }
  request.headers = headers;
  const resolvedMethod = method ?? (bodies.length > 0 ? 'POST' : 'GET');
  request.method = resolvedMethod.toUpperCase();
  if (url !== undefined) {
    request.url = url;
    const target = describeMcpTarget(url);
    if (target.path !== undefined) request.path = target.path;
    if (target.serverName !== undefined) request.serverName = target.serverName;
  }
  if (bodies.length > 0) {
    const body = bodies.join('&');
    const parsed = body.trim().startsWith('@') ? undefined : tryParseJson(body);
    request.body = parsed ? parsed.value : body;
  }
  return request;
}

/** Whether a command word is the URL: has a scheme, or is host[:port]/path. */
export function looksLikeUrl(word: string): boolean {
  if (/^[A-Za-z][A-Za-z0-9+.-]{0,20}:\/\//.test(word)) return true;
  return /^(?:localhost|\d{1,3}(?:\.\d{1,3}){3}|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|\[[0-9a-fA-F:]+\]|\$\{?\w+\}?)(?::\d+|:\$\{?\w+\}?)?(?:\/|$)/.test(word);
}

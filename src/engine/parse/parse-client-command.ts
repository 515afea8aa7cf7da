import type { HeaderLine, HttpRequest, InputName } from '../evidence.ts';
import { tryParseJson } from './find-json.ts';
import { requestsFromClientConfig } from './parse-client-config.ts';
import { looksLikeUrl } from './parse-curl-command.ts';
import { describeMcpTarget } from './parse-mcp-path.ts';
import type { PastedCommand } from './read-command.ts';
import { firstNonSpace, leadSet, leadsWithOneOf } from './split-lines.ts';
import { tokenizeShell } from './tokenize-shell.ts';

const CLIENT_COMMAND_START = /^\s*(?:PS [^>]{0,200}>|[$%#>])?\s*(?:claude\s+mcp\s+add(?:-json)?\s|(?:npx\s+(?:-y\s+)?)?mcp-remote(?:@[\w.-]+)?\s)/;

// A prompt (`$ % # >`, `PS …>`), `claude`, `npx` or `mcp-remote` opens the line once its indentation is skipped.
const CLIENT_COMMAND_LEADS = leadSet('$%#>Pcnm');

/**
 * Whether a line starts a command that registers or bridges an MCP server (`claude mcp add`,
 * `npx mcp-remote`); `lead` is the index of its first non-space character.
 */
export function isClientCommandStart(head: string, lead = firstNonSpace(head)): boolean {
  return leadsWithOneOf(head, CLIENT_COMMAND_LEADS, lead) && head.includes('mcp') && CLIENT_COMMAND_START.test(head);
}

/**
 * Reads the request an MCP client will send from the command that configured it:
 * `claude mcp add [--transport http] NAME URL --header "k: v"`, `claude mcp add-json NAME '{…}'`
 * and `npx mcp-remote URL --header "k: v"`. Returns no request when no URL is found.
 */
export function parseClientCommand(command: PastedCommand, input: InputName): HttpRequest[] {
  const tokens = tokenizeShell(command.text);
  const words = tokens.filter((token) => !token.isOperator);
  const first = command.lineAt(0);
  const headers: HeaderLine[] = [];
  let url: string | undefined;
  const addJsonIndex = words.findIndex((token) => token.value === 'add-json');
  if (addJsonIndex >= 0) {
    const json = words.slice(addJsonIndex + 1).find((token) => token.value.trim().startsWith('{'));
    const parsed = json ? tryParseJson(json.value) : undefined;
    if (!parsed || typeof parsed.value !== 'object' || parsed.value === null) return [];
    const requests = requestsFromClientConfig({ server: parsed.value }, input, command.lineAt(json?.start ?? 0));
    return requests.map((request) => ({ ...request, source: 'client-command' as const }));
  }
  for (let index = 0; index < words.length; index++) {
    const word = (words[index] as (typeof words)[number]).value;
    const next = words[index + 1];
    if (word === '--header' || word === '-H') {
      if (next !== undefined) {
        const colon = next.value.indexOf(':');
        if (colon > 0) {
          headers.push({ input, line: command.lineAt(next.start), name: next.value.slice(0, colon).trim().toLowerCase(), value: next.value.slice(colon + 1).trim() });
        }
        index++;
      }
      continue;
    }
    if (word.startsWith('--header=')) {
      const value = word.slice('--header='.length);
      const colon = value.indexOf(':');
      if (colon > 0) headers.push({ input, line: first, name: value.slice(0, colon).trim().toLowerCase(), value: value.slice(colon + 1).trim() });
      continue;
    }
    if (['--transport', '-t', '--scope', '-s', '--env', '-e', '--client-id', '--client-secret', '--callback-port'].includes(word)) {
      index++;
      continue;
    }
    if (url === undefined && /^[A-Za-z][A-Za-z0-9+.-]{0,20}:\/\//.test(word) && looksLikeUrl(word)) url = word;
  }
  if (url === undefined) return [];
  const request: HttpRequest = { input, line: first, url, headers, source: 'client-command' };
  const target = describeMcpTarget(url);
  if (target.path !== undefined) request.path = target.path;
  if (target.serverName !== undefined) request.serverName = target.serverName;
  return [request];
}

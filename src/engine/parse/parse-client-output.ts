import { ALL_MARKS, hasMark, MARK } from './line-marks.ts';

/** Which MCP client printed a line, as far as its wording tells. */
export type ClientName = 'claude-code' | 'mcp-remote' | 'mcp-inspector' | 'mcp-sdk' | 'cursor' | 'curl' | 'unknown-client';

// Each pattern is anchored or starts with a distinctive literal, so testing a line is linear.
// `needs` lists literals one of which every match holds: a line with none of them skips the pattern.
// `gate` is a short pattern every match of a case-insensitive pattern also matches (cheaper to run on a long line).
const CLIENT_PATTERNS: Array<{ client: ClientName; pattern: RegExp; needs?: string[]; gate?: RegExp }> = [
  // Claude Code and the TypeScript SDK's streamable HTTP transport.
  { client: 'mcp-sdk', pattern: /Error POSTing to endpoint/, needs: ['Error POSTing to endpoint'] },
  { client: 'mcp-sdk', pattern: /Streamable HTTP error:/, needs: ['Streamable HTTP error:'] },
  { client: 'mcp-sdk', pattern: /SSE error:/, needs: ['SSE error:'] },
  { client: 'mcp-sdk', pattern: /\bMcpError\b|MCP error -?\d{1,6}/, needs: ['McpError', 'MCP error '] },
  { client: 'mcp-sdk', pattern: /Error: (?:Connection closed|Request timed out|Not connected)/, needs: ['Error: '] },
  { client: 'mcp-sdk', pattern: /Failed to open SSE stream|Unexpected content type|Error in (?:POST|GET) SSE|Failed to reconnect SSE stream/, needs: ['SSE', 'Unexpected content type'] },
  // mcp-remote prefixes every line with the process id in brackets.
  { client: 'mcp-remote', pattern: /^\[\d{1,9}\] / },
  { client: 'mcp-remote', pattern: /Recursively reconnecting for reason|falling-back-to-alternate-transport|Error from remote server|Connecting to remote server/, needs: ['Recursively', 'falling-back', 'remote server'] },
  { client: 'mcp-inspector', pattern: /Connection Error - Check if your MCP server is running|proxy token is correct|MCP Inspector|Error from MCP server/, needs: ['Connection Error', 'proxy token', 'MCP Inspector', 'MCP server'] },
  // Claude Code: `/mcp` panel, `claude mcp list`, `--debug` output.
  { client: 'claude-code', pattern: /^\s*(?:[⎿└│⎯●◯✗✘✔✓×·-]\s{0,4}){0,3}(?:MCP server ["'][^"']{1,200}["']|MCP servers? (?:failed|error))/, needs: ['MCP server'] },
  { client: 'claude-code', pattern: /\(HTTP\) - [✗✘×✓✔] |\bFailed to connect\b(?! to \S+ port)|Needs authentication|needs authentication|Authentication (?:required|failed)|Invalid OAuth|OAuth (?:flow|error|authorization) /i, gate: /auth|connect|\) - /i },
  { client: 'claude-code', pattern: /^\s*\[(?:DEBUG|ERROR|WARN)\] MCP server/, needs: ['] MCP server'] },
  { client: 'cursor', pattern: /^\s*(?:\d{4}-\d\d-\d\d[ T][\d:.]+ )?\[(?:error|info|warning)\] (?:Client error|Error connecting|Failed to)/, needs: ['] '] },
  { client: 'mcp-sdk', pattern: /^\s*(?:Uncaught )?(?:Error|TypeError|McpError|StreamableHTTPError|SseError|UnauthorizedError): / },
  { client: 'mcp-sdk', pattern: /No tools (?:available|found)|\b0 tools\b|Tools: none/i, gate: /tools/i },
];

/**
 * Words one of which every client pattern holds, unless the line starts with `[` (mcp-remote's
 * `[pid]`, a bracketed level): the cheap first test, and what the pre-pass marks as `clientWord`.
 */
export const CLIENT_WORDS: readonly string[] = ['rror', 'ail', 'MCP', 'Mcp', 'SSE', 'HTTP', 'uth', 'ools', 'onnect', 'ontent type', 'Recursively'];

const MIGHT_BE_CLIENT = new RegExp(`${CLIENT_WORDS.join('|')}|^\\s*\\[\\d`);

/**
 * Tells whether a line is something an MCP client printed (Claude Code, mcp-remote, the MCP
 * Inspector, the TypeScript / Python SDKs, Cursor) and which client, by its wording. Returns
 * undefined when the line does not read like client output. `marks` are the line's (line-marks.ts).
 */
export function recognizeClientLine(head: string, marks = ALL_MARKS): ClientName | undefined {
  if (!hasMark(marks, MARK.clientWord | MARK.openBracket) || !MIGHT_BE_CLIENT.test(head)) return undefined;
  for (const { client, pattern, needs, gate } of CLIENT_PATTERNS) {
    if (needs !== undefined && !includesAny(head, needs)) continue;
    if (gate !== undefined && !gate.test(head)) continue;
    if (pattern.test(head)) return client;
  }
  return undefined;
}

// Whether the text holds one of the literals (a loop: a callback per pattern per line costs more).
function includesAny(text: string, literals: string[]): boolean {
  for (let index = 0; index < literals.length; index++) if (text.includes(literals[index] as string)) return true;
  return false;
}

/** Whether a line is one of curl's own messages (`* Trying…`, `curl: (7) Failed to connect…`). */
export function isCurlMessage(head: string): boolean {
  return head.startsWith('curl: (') && /^curl: \(\d{1,3}\) /.test(head);
}

/** What to paste next, in words: the steps the kinds' `nextStep` and the no-match fallback name. */

// The debug header turns on LiteLLM's `x-mcp-debug-*` response headers
// (litellm/proxy/_experimental/mcp_server/mcp_debug.py; values are masked by the proxy itself).
/** Repeat the request with the debug header and paste the headers. */
export const STEP_DEBUG_HEADERS =
  "Send the same request again with `curl -si … -H 'x-litellm-mcp-debug: true'` and paste the status line and all response headers (the x-mcp-debug-* headers show how the gateway resolved the server and its auth).";
/** Paste the server's config entry. */
export const STEP_SERVER_CONFIG =
  'Paste the mcp_servers entry of the server you call from config.yaml (or pass the file with --config); secrets are masked before anything is shown.';
/** Paste the whole response. */
export const STEP_STATUS = 'Paste the whole response of the failing request, status line included: run it again with `curl -si`.';
/** Paste the body. */
export const STEP_BODY = 'Paste the full response body the gateway returned (the JSON or the `data:` frames), not a summary of it.';
/** Paste the request. */
export const STEP_REQUEST =
  'Paste the curl command or the MCP client config you call the gateway with, with its headers (API keys and tokens are masked).';
/** Paste the traceback. */
export const STEP_TRACEBACK =
  'Paste the proxy log lines around the failure with the whole Python traceback (start the proxy with `--detailed_debug` to get them).';
/** Paste the proxy logs. */
export const STEP_LOGS = 'Paste the proxy log lines around the failure (start the proxy with `--detailed_debug`), not only what the client printed.';
/** Paste the client's output. */
export const STEP_CLIENT = 'Paste what your MCP client printed, word for word, including the lines before the error.';
/** Paste the exact text. */
export const STEP_TEXT = 'Paste the exact error text as printed, not a paraphrase of it.';

/** The step for a missing literal (text or pattern fact), by the places it is kept to. */
export function literalStep(places: readonly string[] | undefined): string {
  const at = places ?? [];
  if (at.includes('log') || at.includes('traceback')) return STEP_LOGS;
  if (at.includes('client')) return STEP_CLIENT;
  if (at.includes('header') || at.includes('status-line')) return STEP_DEBUG_HEADERS;
  if (at.includes('body')) return STEP_BODY;
  if (at.includes('config')) return STEP_SERVER_CONFIG;
  if (at.includes('request')) return STEP_REQUEST;
  return STEP_TEXT;
}

/**
 * Messages the MCP SDKs' server transports answer on their own, before any application code
 * runs. LiteLLM mounts the Python SDK's transport, so LiteLLM sends them, but so does every MCP
 * server built on an SDK (FastMCP included): such a message says a request was refused, not that
 * LiteLLM refused it, and is no evidence that LiteLLM answered (detect-product.ts).
 *
 * Read from modelcontextprotocol/python-sdk (2026-08): `src/mcp/server/streamable_http.py` (the
 * 406, 415, 404 and 400 answers of the streamable HTTP transport), `streamable_http_manager.py`
 * ("Session not found"; before PR #1808 of 2025-12-31, "Bad Request: No valid session ID
 * provided"), `transport_security.py` (the Origin, Host and Content-Type checks of DNS-rebinding
 * protection) and `sse.py` (the legacy SSE transport). The TypeScript SDK's
 * `packages/server/src/server/streamableHttp.ts` (2026-08) answers the same 406, 409 and Origin
 * and Host texts, plus two 400s of its own (listed last).
 */

/** The literal texts, as the SDK writes them (a message may be wrapped in JSON or a client's words). */
export const SDK_SERVER_MESSAGES: readonly string[] = [
  'Not Acceptable: Client must accept',
  'Unsupported Media Type: Content-Type must be application/json',
  'Not Found: Session has been terminated',
  'Not Found: Invalid or expired session ID',
  'Bad Request: Missing session ID',
  'Bad Request: No valid session ID provided',
  'Conflict: Only one SSE stream is allowed per session',
  'Method Not Allowed: Session termination not supported',
  '"message":"Session not found"',
  'Invalid Origin header',
  'Invalid Host header',
  'Invalid Content-Type header',
  'Could not find session',
  'Bad Request: Server not initialized',
  'Bad Request: Mcp-Session-Id header is required',
];

/** Whether a text is one of the SDK's own transport answers (so any SDK-based server could have sent it). */
export function isSdkServerMessage(text: string): boolean {
  return SDK_SERVER_MESSAGES.some((message) => text.includes(message));
}

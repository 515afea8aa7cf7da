/**
 * What to paste next when the checker is not sure: derived from the facts the closest pages still
 * miss, so each step names the one thing that would decide between them.
 */
import type { Evidence } from './evidence.ts';
import type { RankedPage } from './rank-matches.ts';
import type { RuleFact } from './rule-index.ts';

// The debug header turns on LiteLLM's `x-mcp-debug-*` response headers
// (litellm/proxy/_experimental/mcp_server/mcp_debug.py; values are masked by the proxy itself).
const STEP_DEBUG_HEADERS =
  "Send the same request again with `curl -si … -H 'x-litellm-mcp-debug: true'` and paste the status line and all response headers (the x-mcp-debug-* headers show how the gateway resolved the server and its auth).";
const STEP_SERVER_CONFIG =
  'Paste the mcp_servers entry of the server you call from config.yaml (or pass the file with --config); secrets are masked before anything is shown.';
const STEP_STATUS = 'Paste the whole response of the failing request, status line included: run it again with `curl -si`.';
const STEP_BODY = 'Paste the full response body the gateway returned (the JSON or the `data:` frames), not a summary of it.';
const STEP_REQUEST =
  'Paste the curl command or the MCP client config you call the gateway with, with its headers (API keys and tokens are masked).';
const STEP_TRACEBACK =
  'Paste the proxy log lines around the failure with the whole Python traceback (start the proxy with `--detailed_debug` to get them).';
const STEP_LOGS = 'Paste the proxy log lines around the failure (start the proxy with `--detailed_debug`), not only what the client printed.';
const STEP_CLIENT = 'Paste what your MCP client printed, word for word, including the lines before the error.';
const STEP_TEXT = 'Paste the exact error text as printed, not a paraphrase of it.';

/** Steps that would decide between the closest pages (or, with no match, the evidence to start from). */
export function suggestNextSteps(ranked: readonly RankedPage[], evidence: Evidence): string[] {
  const steps: string[] = [];
  const add = (step: string | null): void => {
    if (step && !steps.includes(step)) steps.push(step);
  };
  const closest = ranked.slice(0, 3);
  for (const page of closest) {
    page.best.missing.forEach((fact) => add(stepFor(fact, evidence)));
  }
  // Pages that matched equally well: the clues that would separate them are what to ask for.
  for (const page of closest) {
    if (page.isFull) page.result.unheldClues.forEach((clue) => add(stepFor(clue.fact, evidence)));
  }
  if (ranked.length === 0 || steps.length === 0) {
    if (evidence.responses.length === 0) add(STEP_STATUS);
    if (!evidence.lines.some((l) => l.place === 'log' || l.place === 'traceback')) add(STEP_LOGS);
    if (evidence.configs.every((c) => c.servers.length === 0)) add(STEP_SERVER_CONFIG);
    if (evidence.responses.length > 0) add(STEP_DEBUG_HEADERS);
  }
  return steps.slice(0, 4);
}

function stepFor(fact: RuleFact, evidence: Evidence): string | null {
  switch (fact.kind) {
    case 'server-config':
      return STEP_SERVER_CONFIG;
    case 'config':
      return `Paste the part of config.yaml that sets \`${fact.path}\` (or say that it is not set), or pass the file with --config.`;
    case 'header':
      return STEP_DEBUG_HEADERS;
    case 'status':
      return evidence.responses.length === 0 ? STEP_STATUS : STEP_DEBUG_HEADERS;
    case 'json':
      return STEP_BODY;
    case 'request-header':
      return STEP_REQUEST;
    case 'exception':
      return STEP_TRACEBACK;
    case 'text':
    case 'pattern': {
      const places = fact.in ?? [];
      if (places.includes('log') || places.includes('traceback')) return STEP_LOGS;
      if (places.includes('client')) return STEP_CLIENT;
      if (places.includes('header') || places.includes('status-line')) return STEP_DEBUG_HEADERS;
      if (places.includes('body')) return STEP_BODY;
      if (places.includes('config')) return STEP_SERVER_CONFIG;
      if (places.includes('request')) return STEP_REQUEST;
      return STEP_TEXT;
    }
  }
}

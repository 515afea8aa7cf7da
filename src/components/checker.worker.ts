/// <reference lib="webworker" />
import { checkPaste, prepareIndex, readRuleIndexData, redactText, type RuleIndex } from '../engine/index.ts';
import type { CheckerReply, CheckerRequest, ResultExtras } from './checker-protocol.ts';
import type { CheckResult } from '../engine/index.ts';
import { formatCheckMarkdown } from '../site/format-issue-markdown.ts';
import { buildMissingPageReportUrl } from '../site/report-missing-page.ts';
import { buildWordsSearchPath, distinctiveWords } from '../site/search-words.ts';

// The checker's work happens here, off the main thread, so a multi-megabyte paste never freezes typing.
const scope = self as unknown as DedicatedWorkerGlobalScope;
type Rules = { kind: 'loaded'; index: RuleIndex } | { kind: 'unavailable'; message: string };

const BROKEN = 'Reload the page; if this persists, the site build is broken.';

function extrasOf(result: CheckResult, paste: string): ResultExtras {
  // Everything here may leave the page (a copied Markdown, a search URL, a GitHub issue link): it is
  // built from the masked paste only.
  const masked = redactText(paste);
  const searchWords = distinctiveWords(masked);
  const extras: ResultExtras = { markdown: formatCheckMarkdown(result, masked), searchWords, searchPath: buildWordsSearchPath(searchWords) };
  if (result.verdict !== 'confident') extras.reportUrl = buildMissingPageReportUrl(masked, result.verdict);
  return extras;
}

function reply(message: CheckerReply): void {
  scope.postMessage(message);
}

// The rules are data in a module of their own that the build names by a hash of its content
// (/_astro/checker-rules-<hash>.js): cacheable for good, fetched as the worker starts (with the
// page, never after it), and kept out of both the HTML, which is served uncached, and the worker's
// code. It is the checker's form of the index (rule-index-format.ts): what matching, ranking and
// the verdict need, without the prose the error pages show, which the verdict links to.
// The module's default export is the rules' JSON value as a JavaScript literal, not a string of
// JSON: the minifier can then unquote its keys, and no quote needs escaping (5 KB less gzip).
async function loadRules(): Promise<Rules> {
  let data: unknown;
  try {
    data = (await import('../generated/checker-rules.js')).default;
  } catch (error) {
    return { kind: 'unavailable', message: `The checker cannot run: its rules could not be loaded (${error instanceof Error ? error.message : String(error)}). ${BROKEN}` };
  }
  const reading = readRuleIndexData(data);
  if (reading.kind === 'invalid') return { kind: 'unavailable', message: `The checker cannot run: ${reading.reason}. ${BROKEN}` };
  // The matcher's index is built once per rule set; building it now, while the page loads, keeps
  // it out of the wait between the first paste and its answer.
  prepareIndex(reading.index);
  warmUp(reading.index);
  return { kind: 'loaded', index: reading.index };
}

// A small paste of each common shape (status line, headers, JSON body, log lines, a traceback)
// with a config: checking it once at load compiles the engine's code paths (functions compile on
// first call) and builds the lexical index, which the first real paste would otherwise pay for.
const WARM_UP = {
  paste: [
    'HTTP/1.1 401 Unauthorized',
    'content-type: application/json',
    '',
    '{"error":"warm up","detail":{"status":401}}',
    '10:00:00 - LiteLLM Proxy:ERROR: proxy_server.py:1 - warm up 500',
    'INFO:     127.0.0.1:1 - "POST /mcp HTTP/1.1" 500 Internal Server Error',
    'Traceback (most recent call last):',
    '  File "warm.py", line 1, in <module>',
    'ValueError: warm up',
  ].join('\n'),
  config: 'mcp_servers:\n  warm:\n    url: http://127.0.0.1/mcp\n    transport: http\n',
};

function warmUp(index: RuleIndex): void {
  // Only ever a head start: a failure here is the real check's to report.
  try {
    const result = checkPaste(index, WARM_UP);
    extrasOf(result, WARM_UP.paste);
  } catch {
    // nothing to do
  }
}

const rules = loadRules().then((loaded) => {
  reply(loaded.kind === 'loaded' ? { kind: 'ready', pages: loaded.index.pages.length } : { kind: 'unavailable', message: loaded.message });
  return loaded;
});

function answer(request: CheckerRequest, loaded: Rules): void {
  try {
    if (request.kind === 'check') {
      // Never an empty answer for want of rules: a check without them is refused by name.
      if (loaded.kind !== 'loaded') {
        reply({ kind: 'failed', seq: request.seq, message: loaded.message });
        return;
      }
      const config = request.config.trim() === '' ? {} : { config: request.config };
      const result = checkPaste(loaded.index, { paste: request.paste, ...config });
      reply({ kind: 'result', seq: request.seq, result, extras: extrasOf(result, request.paste) });
    } else {
      reply({ kind: 'redacted', seq: request.seq, paste: redactText(request.paste), config: redactText(request.config) });
    }
  } catch (error) {
    reply({ kind: 'failed', seq: request.seq, message: error instanceof Error ? error.message : String(error) });
  }
}

// A request that arrives while the rules load waits for them; requests keep their order.
scope.addEventListener('message', (event: MessageEvent<CheckerRequest>) => {
  const request = event.data;
  void rules.then((loaded) => answer(request, loaded));
});

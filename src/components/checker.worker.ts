/// <reference lib="webworker" />
import { checkPaste, readRuleIndex, redactText, type RuleIndex } from '../engine/index.ts';
import type { CheckerReply, CheckerRequest, ResultExtras } from './checker-protocol.ts';
import type { CheckResult } from '../engine/index.ts';
import { formatCheckMarkdown } from '../site/format-issue-markdown.ts';
import { buildMissingPageReportUrl } from '../site/report-missing-page.ts';
import { buildPasteSearchPath, distinctiveWords } from '../site/search-words.ts';

// The checker's work happens here, off the main thread, so a multi-megabyte paste never freezes typing.
// The rules arrive in the first message (the text of the page's data block), not bundled: they are
// data, and keeping them out of the script keeps the JavaScript the page parses small.
const scope = self as unknown as DedicatedWorkerGlobalScope;
let rules: { kind: 'waiting' } | { kind: 'loaded'; index: RuleIndex } | { kind: 'unavailable'; message: string } = { kind: 'waiting' };

function extrasOf(result: CheckResult, paste: string): ResultExtras {
  const extras: ResultExtras = { markdown: formatCheckMarkdown(result, paste), searchWords: distinctiveWords(paste), searchPath: buildPasteSearchPath(paste) };
  if (result.verdict !== 'confident') extras.reportUrl = buildMissingPageReportUrl(paste, result.verdict);
  return extras;
}

function reply(message: CheckerReply): void {
  scope.postMessage(message);
}

function loadRules(text: string | null): void {
  if (text === null) {
    rules = { kind: 'unavailable', message: 'The checker cannot run: this page carries no rules data. Reload the page; if this persists, the site build is broken.' };
  } else {
    const reading = readRuleIndex(text);
    rules =
      reading.kind === 'read'
        ? { kind: 'loaded', index: reading.index }
        : { kind: 'unavailable', message: `The checker cannot run: ${reading.reason}. Reload the page; if this persists, the site build is broken.` };
  }
  reply(rules.kind === 'loaded' ? { kind: 'ready', pages: rules.index.pages.length } : { kind: 'unavailable', message: rules.message });
}

scope.addEventListener('message', (event: MessageEvent<CheckerRequest>) => {
  const request = event.data;
  if (request.kind === 'load-rules') {
    loadRules(request.rules);
    return;
  }
  try {
    if (request.kind === 'check') {
      // Never an empty answer for want of rules: a check before (or without) them is refused by name.
      if (rules.kind !== 'loaded') {
        reply({ kind: 'failed', seq: request.seq, message: rules.kind === 'unavailable' ? rules.message : 'The checker has not received its rules yet.' });
        return;
      }
      const config = request.config.trim() === '' ? {} : { config: request.config };
      const result = checkPaste(rules.index, { paste: request.paste, ...config });
      reply({ kind: 'result', seq: request.seq, result, extras: extrasOf(result, request.paste) });
    } else {
      reply({ kind: 'redacted', seq: request.seq, paste: redactText(request.paste), config: redactText(request.config) });
    }
  } catch (error) {
    reply({ kind: 'failed', seq: request.seq, message: error instanceof Error ? error.message : String(error) });
  }
});

/// <reference lib="webworker" />
import { checkPaste, redactText, type RuleIndex } from '../engine/index.ts';
import rules from '../generated/rules.json';
import type { CheckerReply, CheckerRequest } from './checker-protocol.ts';

// The checker's work happens here, off the main thread, so a multi-megabyte paste never freezes typing.
const index = rules as RuleIndex;
const scope = self as unknown as DedicatedWorkerGlobalScope;

function reply(message: CheckerReply): void {
  scope.postMessage(message);
}

scope.addEventListener('message', (event: MessageEvent<CheckerRequest>) => {
  const request = event.data;
  try {
    if (request.kind === 'check') {
      const config = request.config.trim() === '' ? {} : { config: request.config };
      reply({ kind: 'result', seq: request.seq, result: checkPaste(index, { paste: request.paste, ...config }) });
    } else {
      reply({ kind: 'redacted', seq: request.seq, paste: redactText(request.paste), config: redactText(request.config) });
    }
  } catch (error) {
    reply({ kind: 'failed', seq: request.seq, message: error instanceof Error ? error.message : String(error) });
  }
});

reply({ kind: 'ready' });

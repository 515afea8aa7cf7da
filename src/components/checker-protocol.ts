import type { CheckResult } from '../engine/index.ts';

/**
 * A message from the checker page to its worker, discriminated on `kind`. The worker loads its
 * rules itself as it starts, so the main thread never holds them; requests sent before they are
 * loaded wait for them.
 */
export type CheckerRequest =
  | { kind: 'check'; seq: number; paste: string; config: string }
  | { kind: 'redact'; seq: number; paste: string; config: string };

/**
 * A message from the checker worker to the page, discriminated on `kind`. `ready` says the rules
 * loaded; `unavailable` says they did not, and the worker then refuses
 * every check with `failed` carrying the same reason.
 */
export type CheckerReply =
  | { kind: 'ready'; pages: number }
  | { kind: 'unavailable'; message: string }
  | { kind: 'result'; seq: number; result: CheckResult }
  | { kind: 'redacted'; seq: number; paste: string; config: string }
  | { kind: 'failed'; seq: number; message: string };

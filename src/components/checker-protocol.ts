import type { CheckResult } from '../engine/index.ts';

/** A message from the checker page to its worker, discriminated on `kind`. */
export type CheckerRequest =
  | { kind: 'check'; seq: number; paste: string; config: string }
  | { kind: 'redact'; seq: number; paste: string; config: string };

/** A message from the checker worker to the page, discriminated on `kind`. */
export type CheckerReply =
  | { kind: 'ready' }
  | { kind: 'result'; seq: number; result: CheckResult }
  | { kind: 'redacted'; seq: number; paste: string; config: string }
  | { kind: 'failed'; seq: number; message: string };

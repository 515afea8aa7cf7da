/**
 * The evidence keys that wake non-literal facts: a fact kind names the keys it needs
 * (`FactKind.trigger`), and `evidenceKeysOf` lists the keys a paste shows, so a check asks only
 * the facts some key of the paste wakes. The keys are the evidence model's, not the kinds': a new
 * kind that reads existing evidence reuses them.
 */
import type { EvidenceView } from '../view-evidence.ts';

/** A response (or access line) with this status. */
export const statusKey = (status: number): string => `status:${status}`;
/** A response header with this lower-cased name. */
export const responseHeaderKey = (name: string): string => `response-header:${name}`;
/** Some response that shows its headers. */
export const ANY_RESPONSE_HEADERS = 'response-headers';
/** A sent header with this lower-cased name. */
export const requestHeaderKey = (name: string): string => `request-header:${name}`;
/** Some request that lists its headers. */
export const ANY_REQUEST_HEADERS = 'request-headers';
/** A JSON value with this top-level key. */
export const jsonKey = (key: string): string => `json-key:${key}`;
/** Some JSON value. */
export const ANY_JSON = 'json';
/** An exception whose type's last dotted part is this (lower case). */
export const exceptionKey = (lastPart: string): string => `exception:${lastPart}`;
/** The lower-cased last dotted part of a Python type (`httpx.ConnectError` → `connecterror`). */
export function lastTypePart(type: string): string {
  const lower = type.toLowerCase();
  const dot = lower.lastIndexOf('.');
  return dot < 0 ? lower : lower.slice(dot + 1);
}

/** A config, pasted or passed with --config. */
export const ANY_CONFIG = 'config';

/** Every evidence key the paste shows. */
export function evidenceKeysOf(view: EvidenceView): string[] {
  const { evidence, indexes } = view;
  const keys: string[] = [];
  for (const status of indexes.statuses.keys()) keys.push(statusKey(status));
  for (const name of indexes.responseHeaders.keys()) keys.push(responseHeaderKey(name));
  if (indexes.firstResponseWithHeaders) keys.push(ANY_RESPONSE_HEADERS);
  for (const name of indexes.requestHeaders.keys()) keys.push(requestHeaderKey(name));
  if (indexes.firstRequestWithHeaders) keys.push(ANY_REQUEST_HEADERS);
  if (evidence.json.length > 0) {
    keys.push(ANY_JSON);
    for (const key of view.jsonByKey.keys()) keys.push(jsonKey(key));
  }
  for (const type of indexes.exceptions.keys()) keys.push(exceptionKey(type));
  if (evidence.configs.length > 0) keys.push(ANY_CONFIG);
  return keys;
}

/**
 * Value tests shared by json, config and server-config facts: walking a dotted path (with `*`
 * wildcards) and testing what is found there.
 */
import type { RuleValueTest } from './rule-index.ts';

/** Compiles a `matches` source once; returns null for a source that does not compile (never throws). */
export type RegexCache = (source: string) => RegExp | null;

/** Builds a cache of case-insensitive regexes keyed by source. */
export function createRegexCache(): RegexCache {
  const cache = new Map<string, RegExp | null>();
  return (source) => {
    let regex = cache.get(source);
    if (regex === undefined) {
      regex = compileRegex(source);
      cache.set(source, regex);
    }
    return regex;
  };
}

/** Compiles a page regex the way the schema documents it: unicode, case-insensitive; null if invalid. */
export function compileRegex(source: string): RegExp | null {
  try {
    return new RegExp(source, 'iu');
  } catch {
    return null;
  }
}

/**
 * Every value found at a dotted path, `*` standing for any key or index. Missing steps yield a
 * single `undefined` so that absence can be tested; the list is never empty.
 */
export function valuesAtPath(root: unknown, path: string): unknown[] {
  let current: unknown[] = [root];
  for (const segment of path.split('.')) {
    const next: unknown[] = [];
    for (const value of current) {
      if (value === null || typeof value !== 'object') continue;
      if (segment === '*') {
        next.push(...(Array.isArray(value) ? value : Object.values(value)));
      } else if (Array.isArray(value)) {
        if (/^\d+$/.test(segment)) next.push(value[Number(segment)]);
      } else if (Object.hasOwn(value, segment)) {
        next.push((value as Record<string, unknown>)[segment]);
      }
    }
    current = next;
    if (current.length === 0) return [undefined];
  }
  return current;
}

/** Whether a test is negative: it holds on absence (`present: false`, `notTrue`). */
export function isNegativeTest(test: RuleValueTest): boolean {
  return test.present === false || test.notTrue === true;
}

/**
 * Tests the values found at a path. Positive tests hold when some value passes; negative tests
 * (`present: false`, `notTrue`) hold only when every value passes.
 */
export function testValues(values: readonly unknown[], test: RuleValueTest, regexOf: RegexCache): boolean {
  if (isNegativeTest(test)) return values.every((value) => testValue(value, test, regexOf));
  return values.some((value) => testValue(value, test, regexOf));
}

/** Tests one value. */
export function testValue(value: unknown, test: RuleValueTest, regexOf: RegexCache): boolean {
  if ('equals' in test && test.equals !== undefined) return isDeepEqual(value, test.equals);
  if (test.present !== undefined) return test.present === (value !== undefined && value !== null);
  if (test.notTrue) return !isTrue(value);
  if (test.includes !== undefined) {
    const needle = test.includes.toLowerCase();
    if (Array.isArray(value)) return value.some((item) => isScalar(item) && String(item).toLowerCase() === needle);
    if (typeof value === 'string') return value.toLowerCase().includes(needle);
    if (value && typeof value === 'object') return Object.keys(value).some((key) => key.toLowerCase() === needle);
    return false;
  }
  if (test.matches !== undefined) {
    if (value === undefined || value === null) return false;
    const regex = regexOf(test.matches);
    return regex !== null && regex.test(asText(value));
  }
  return false;
}

/** The text a `matches` test sees: strings as they are, anything else as compact JSON. */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function isTrue(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

function isScalar(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** Deep equality of JSON-like values; a YAML `Date` never equals anything but itself. */
export function isDeepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => isDeepEqual(item, b[index]));
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => Object.hasOwn(b, key) && isDeepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

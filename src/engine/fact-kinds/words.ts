/** Wording shared by the kinds' `describe`: value tests and places in plain words. */
import type { RuleValueTest } from '../rule-index.ts';

/** A value test in words, e.g. `is "oauth2"`, `not set`. */
export function describeTest(test: RuleValueTest): string {
  if ('equals' in test && test.equals !== undefined) return `is ${JSON.stringify(test.equals)}`;
  if (test.present !== undefined) return test.present ? 'set' : 'not set';
  if (test.notTrue) return 'not true';
  if (test.includes !== undefined) return `including “${test.includes}”`;
  if (test.matches !== undefined) return `matching /${test.matches}/`;
  return 'tested';
}

/** ` in the log or client` for a place restriction; empty for anywhere. */
export function placesOf(places: readonly string[] | undefined): string {
  if (!places || places.includes('any')) return '';
  return ` in the ${places.join(' or ')}`;
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECKER_POLICY, HEADER_ONLY_POLICY, SITE_POLICY } from '../../src/site/content-security-policy.ts';

const headers = readFileSync(new URL('../../public/_headers', import.meta.url), 'utf8');

/** The Content-Security-Policy value under a path block of a `_headers` file. */
function policyFor(path: string): string | undefined {
  const block = headers.split(/\n(?=\S)/).find((part) => part.split('\n')[0]?.trim() === path);
  return block?.split('\n').find((line) => line.trim().startsWith('Content-Security-Policy:'))?.split(':').slice(1).join(':').trim();
}

describe('the Content-Security-Policy', () => {
  it('public/_headers carries the same policies as the meta tags, plus frame-ancestors', () => {
    expect(policyFor('/*')).toBe(`${SITE_POLICY}; ${HEADER_ONLY_POLICY}`);
    expect(policyFor('/check/*')).toBe(CHECKER_POLICY);
  });

  it('is a full policy: a default, scripts, workers and images named, no inline or eval script, no network on /check/', () => {
    for (const directive of ["default-src 'self'", 'script-src ', 'worker-src ', 'img-src ', "object-src 'none'", "base-uri 'none'"]) {
      expect(SITE_POLICY).toContain(directive);
    }
    expect(SITE_POLICY).not.toMatch(/script-src[^;]*'unsafe-(?:inline|eval)'/);
    expect(CHECKER_POLICY).toContain("connect-src 'none'");
  });
});

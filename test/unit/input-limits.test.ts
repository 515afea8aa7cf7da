import { describe, expect, it } from 'vitest';
import { describeOversizedInput, MAX_PASTE_BYTES } from '../../src/site/input-limits.ts';

describe('the web checker input limit', () => {
  it('takes a paste up to 20 MB and refuses one byte more, naming the limit', () => {
    expect(describeOversizedInput('a'.repeat(MAX_PASTE_BYTES), '')).toBeUndefined();
    expect(describeOversizedInput('a'.repeat(MAX_PASTE_BYTES - 10), 'b'.repeat(11))).toMatch(/at most 20 MB/);
  });

  it('counts UTF-8 bytes, not characters', () => {
    expect(describeOversizedInput('é'.repeat(MAX_PASTE_BYTES / 2 + 1), '')).toMatch(/^This paste is 20\.0 MB/);
  });
});

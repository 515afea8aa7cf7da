import { describe, expect, it } from 'vitest';
import { parseWwwAuthenticate } from '../../src/engine/parse/parse-www-authenticate.ts';

describe('parseWwwAuthenticate', () => {
  it('reads the gateway challenge: scheme, error and resource_metadata', () => {
    expect(parseWwwAuthenticate('Bearer error="invalid_token", resource_metadata="https://llm.example.com/.well-known/oauth-protected-resource/github/mcp"')).toEqual({
      scheme: 'Bearer',
      params: { error: 'invalid_token', resource_metadata: 'https://llm.example.com/.well-known/oauth-protected-resource/github/mcp' },
    });
  });

  it('reads unquoted values and lower-cases parameter names', () => {
    expect(parseWwwAuthenticate('Bearer Authorization_URI=https://proxy/.well-known/oauth-authorization-server/Gmail')).toEqual({
      scheme: 'Bearer',
      params: { authorization_uri: 'https://proxy/.well-known/oauth-authorization-server/Gmail' },
    });
  });

  it('reads escaped quotes and commas inside quoted values, and keeps the first of repeated names', () => {
    expect(parseWwwAuthenticate('Bearer realm="a \\"b\\", c", scope="x y", realm="second"')).toEqual({ scheme: 'Bearer', params: { realm: 'a "b", c', scope: 'x y' } });
  });

  it('reads a challenge with no parameters, an empty value and junk without throwing', () => {
    expect(parseWwwAuthenticate('Basic')).toEqual({ scheme: 'Basic', params: {} });
    expect(parseWwwAuthenticate('')).toEqual({ scheme: '', params: {} });
    expect(parseWwwAuthenticate('error="x"')).toEqual({ scheme: '', params: { error: 'x' } });
    expect(parseWwwAuthenticate('Bearer ,,, =oops "unterminated')).toMatchObject({ scheme: 'Bearer' });
  });
});

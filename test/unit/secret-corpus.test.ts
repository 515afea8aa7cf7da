import { describe, expect, it } from 'vitest';
import { findSecrets, maskSecrets } from '../../src/engine/index.ts';
import { SECRET_RULES } from '../../src/engine/secret-rules.ts';
import { readSecretCorpus } from '../support/secret-corpus.ts';

const corpus = readSecretCorpus();

describe('the secret corpus', () => {
  it('holds at least 50 shapes, each secret long enough that finding it in output means a leak', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(50);
    for (const entry of corpus) expect(entry.secret.length, entry.shape).toBeGreaterThanOrEqual(8);
  });

  it('names only gitleaks rule ids the rule list covers, or mcpfix-only shapes', () => {
    const covered = new Set(SECRET_RULES.flatMap((rule) => rule.ids));
    const outsideRules = new Set(['generic-api-key', 'private-key']);
    for (const entry of corpus) {
      if (entry.ids.startsWith('mcpfix:') || outsideRules.has(entry.ids)) continue;
      expect(covered.has(entry.ids), `${entry.shape}: ${entry.ids}`).toBe(true);
    }
  });
});

describe('maskSecrets hides every shape of the corpus', () => {
  for (const entry of corpus) {
    it(`hides ${entry.shape}`, () => {
      const masked = maskSecrets(entry.text);
      expect(masked).not.toContain(entry.secret);
      expect(masked.split('\n')).toHaveLength(entry.text.split('\n').length);
      expect(maskSecrets(masked)).toBe(masked);
    });
  }

  it('hides them all in one paste, in any order, as the share link and the CLI get them', () => {
    const paste = [...corpus].reverse().map((entry) => entry.text).join('\n\n');
    const masked = maskSecrets(paste);
    for (const entry of corpus) expect(masked, entry.shape).not.toContain(entry.secret);
  });
});

describe('findSecrets lets a piece of the text be masked out of its context', () => {
  for (const entry of corpus) {
    it(`masks the line of ${entry.shape} cut just before the secret`, () => {
      const secrets = findSecrets(entry.text);
      const line = entry.text.split('\n').find((one) => one.includes(entry.secret)) ?? '';
      // An excerpt cut from a long line may start inside the value, without the key or prefix that marked it.
      const cut = `…${line.slice(line.indexOf(entry.secret))}`;
      expect(maskSecrets(cut, { extraSecrets: secrets })).not.toContain(entry.secret);
    });
  }

  it('masks a key of any shape given from outside, also JSON-escaped or URL-encoded', () => {
    const key = 'plain-looking-key"with/odd&chars';
    const text = `echo ${key}\n{"k":${JSON.stringify(key)}}\n?x=${encodeURIComponent(key)}`;
    const masked = maskSecrets(text, { extraSecrets: [key] });
    expect(masked).not.toContain(key);
    expect(masked).not.toContain(JSON.stringify(key).slice(1, -1));
    expect(masked).not.toContain(encodeURIComponent(key));
  });

  it('ignores outside values too short to mask safely, so words stay whole', () => {
    expect(maskSecrets('the password is in the vault', { extraSecrets: ['pass', 'the'] })).toBe('the password is in the vault');
  });
});

describe('maskSecrets leaves look-alikes of secrets alone', () => {
  const kept = [
    'https://llm.example.com:8443/path@v2/mcp',
    'token_url: https://github.com/login/oauth/access_token',
    'give --key or set LITELLM_API_KEY',
    'Usage: mcpfix probe <url> [--key KEY] [--header NAME]',
    'authorization_url: https://accounts.google.com/o/oauth2/v2/auth',
    'client_id: 1234567890-abc.apps.googleusercontent.com',
  ];
  for (const text of kept) {
    it(`keeps "${text}"`, () => {
      expect(maskSecrets(text)).toBe(text);
    });
  }
});

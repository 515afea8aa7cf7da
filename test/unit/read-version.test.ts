import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPages } from '../../src/catalog/read-pages.ts';
import { checkPaste } from '../../src/engine/index.ts';
import { isAtLeast, isInRange, parseGivenVersion, readLitellmVersion } from '../../src/engine/read-version.ts';
import { runCli } from '../support/run-cli.ts';
import { compileRulesAtBuild } from '../../src/catalog/analyse-pattern.ts';

describe('reading the LiteLLM version from a paste', () => {
  it.each([
    ['pip pin', 'pip install "litellm[proxy]==1.83.3"', '1.83.3'],
    ['requirements line', 'litellm==1.81.14\nfastapi==0.115.0', '1.81.14'],
    ['docker image tag', 'image: ghcr.io/berriai/litellm:main-v1.81.3-stable', '1.81.3'],
    ['database image', 'docker run ghcr.io/berriai/litellm-database:main-v1.80.0 --port 4000', '1.80.0'],
    ['pip show', 'Name: litellm\nVersion: 1.82.1\nSummary: Library to easily interface with LLM API providers', '1.82.1'],
    ['version line', 'LiteLLM: Current Version = 1.79.2', '1.79.2'],
    ['prose with the name', 'We run LiteLLM v1.80.5 behind nginx and Claude Code says 401', '1.80.5'],
    ['prose upgrade', 'After upgrading to 1.80 every tools/list is empty.', '1.80'],
  ])('reads a %s', (_shape, paste, version) => {
    expect(readLitellmVersion(paste)?.litellm).toBe(version);
  });

  it('keeps the words it read the version from', () => {
    expect(readLitellmVersion('image: ghcr.io/berriai/litellm:main-v1.81.3-stable')?.from).toBe('litellm:main-v1.81.3-stable');
  });

  it('does not take other software versions for LiteLLM', () => {
    for (const paste of ['Python 3.11.4', 'mcp==1.9.2', 'Claude Code v1.0.98', 'uvicorn 0.30.1 running on http://0.0.0.0:4000', 'HTTP/1.1 401 Unauthorized', 'node v22.18.0', 'litellm:main-latest']) {
      expect(readLitellmVersion(paste), paste).toBeNull();
    }
  });

  it('checks a version given on the command line', () => {
    expect(parseGivenVersion('v1.83.3')).toEqual({ litellm: '1.83.3', from: '--litellm-version' });
    expect(parseGivenVersion('main-latest')).toBeNull();
  });
});

describe('version arithmetic', () => {
  it('knows when a version has the fix, and says no when a missing patch makes it unsure', () => {
    expect(isAtLeast('1.83.3', '1.81.3')).toBe(true);
    expect(isAtLeast('1.81.3', '1.81.3')).toBe(true);
    expect(isAtLeast('1.81.2', '1.81.3')).toBe(false);
    expect(isAtLeast('1.82', '1.81.3')).toBe(true);
    expect(isAtLeast('1.81', '1.81.3')).toBe(false);
    expect(isAtLeast('1.100.0', '1.99.9')).toBe(true);
  });

  it('reads the affects ranges pages write', () => {
    expect(isInRange('1.83.3', '1.83.3')).toBe(true);
    expect(isInRange('1.83.4', '1.83.3')).toBe(false);
    expect(isInRange('1.84.7', '1.84.x')).toBe(true);
    expect(isInRange('1.93.9', '<1.94.0')).toBe(true);
    expect(isInRange('1.94.0', '<1.94.0')).toBe(false);
    expect(isInRange('1.78.0', '>=1.77.0 <1.80.8')).toBe(true);
    expect(isInRange('1.80.8', '>=1.77.0 <1.80.8')).toBe(false);
  });
});

describe('the checker weighs pages by the version', () => {
  const root = resolve(import.meta.dirname, '../..');
  const { pages } = readPages(resolve(root, 'content/errors'), root);
  const index = compileRulesAtBuild(pages.map((entry) => entry.page));
  // Every page with a fixing release whose first example ranks it first and high on its own.
  const fixedPages = pages.filter(({ id, page }) => {
    const example = page.examples[0];
    if (!page.fixedIn || !example) return false;
    const result = checkPaste(index, example.config === undefined ? { paste: example.paste } : { paste: example.paste, config: example.config });
    return result.matches[0]?.id === id && result.verdict === 'confident';
  });

  it('has fixed pages to try', () => {
    expect(fixedPages.length).toBeGreaterThan(3);
  });

  it('says "fixed in X; you run Y", is never high and drops the upgrade when the user runs the fix', () => {
    for (const { id, page } of fixedPages) {
      const example = page.examples[0];
      if (!example || !page.fixedIn) continue;
      const input = { paste: example.paste, litellmVersion: '1.200.0', ...(example.config === undefined ? {} : { config: example.config }) };
      const result = checkPaste(index, input);
      const match = result.matches.find((m) => m.id === id);
      expect(result.version).toEqual({ litellm: '1.200.0', from: '--litellm-version' });
      if (match) {
        expect(match.confidence, id).not.toBe('high');
        expect(match.versionNote, id).toBe(`Fixed in ${page.fixedIn.version}; you run 1.200.0, so this is less likely (unless the upgrade did not reach the proxy that answered).`);
      }
      expect(result.suggestions.filter((s) => s.kind === 'upgrade' && s.pageId === id), id).toEqual([]);
    }
  });

  it('suggests the upgrade first when the version read from the paste lacks the fix', () => {
    for (const { id, page } of fixedPages) {
      const example = page.examples[0];
      if (!example || !page.fixedIn) continue;
      const paste = `litellm==1.0.0\n${example.paste}`;
      const result = checkPaste(index, example.config === undefined ? { paste } : { paste, config: example.config });
      expect(result.version, id).toEqual({ litellm: '1.0.0', from: 'litellm==1.0.0' });
      expect(result.matches[0]?.id, id).toBe(id);
      expect(result.matches[0]?.versionNote, id).toContain(`Fixed in ${page.fixedIn.version}; you run 1.0.0`);
      expect(result.suggestions[0], id).toMatchObject({ kind: 'upgrade', pageId: id, version: page.fixedIn.version });
    }
  });

  it('gives version null when the paste names none', () => {
    expect(checkPaste(index, { paste: 'HTTP/1.1 401 Unauthorized' }).version).toBeNull();
  });

  it('prints "version" in --json and refuses a --litellm-version that is not one', async () => {
    const json = await runCli(['check', '-', '--json'], { stdin: 'litellm==1.83.3\nHTTP/1.1 401 Unauthorized\n' });
    expect((JSON.parse(json.stdout) as { version: unknown }).version).toEqual({ litellm: '1.83.3', from: 'litellm==1.83.3' });
    const bad = await runCli(['check', '-', '--litellm-version', 'latest'], { stdin: 'HTTP/1.1 401 Unauthorized\n' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--litellm-version');
  }, 60_000);
});

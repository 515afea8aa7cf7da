import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { findInvestigationStep } from '../../src/catalog/find-investigation-step.ts';
import { moveCheckNext } from '../../src/catalog/move-check-next.ts';
import { listPageFiles } from '../../src/catalog/list-page-files.ts';
import { compileRules } from '../../src/engine/compile-rules.ts';
import { listCheckNext } from '../../src/engine/check-next.ts';
import type { RulePageSource } from '../../src/engine/rule-index.ts';

const root = process.cwd();

describe('telling an investigation step from a change', () => {
  it.each([
    ['workaround', 'Read the gateway log for the minute of the attempt'],
    ['workaround', 'Repeat the request with curl -si and read the body'],
    ['workaround', 'Check which server names the key can see'],
    ['workaround', 'Fetch the discovery documents the client asked for'],
    ['workaround', 'Send initialize to the gateway with curl -si'],
    ['workaround', 'If the database is configured, look for the outage'],
    ['workaround', 'Or, on 1.80.x, test the URL from inside the container'],
    ['workaround', 'Call the upstream directly with the same token to see its real answer'],
    ['client', 'Check that the alias in the header matches the server name exactly'],
  ])('a %s fix titled “%s” is an investigation step', (kind, title) => {
    expect(findInvestigationStep({ kind, title })).toMatch(/an investigation step: move it to checkNext$/);
  });

  it.each([
    ['client', 'Send the LiteLLM key as x-litellm-api-key: Bearer sk-…'],
    ['client', 'Send each pass-through server its own x-mcp-<alias>-authorization header'],
    ['workaround', 'Query only teams the user belongs to, or use an admin key'],
    ['workaround', 'Call the tool by its prefixed name from tools/list'],
    ['workaround', 'Open the setup_url from the response and store your values'],
    ['workaround', 'Wait five minutes, or restart the affected worker'],
    ['workaround', 'Upgrade to a release with PR #32579 to see the error when streaming'],
    ['workaround', 'If the value comes from os.environ/, make sure the variable is set in the proxy environment'],
    ['config', 'Check nothing: a config change is a change whatever its title says'],
    ['env', 'Read the bundle from SSL_CERT_FILE'],
    ['upgrade', 'Test a newer release'],
  ])('a %s fix titled “%s” is a change', (kind, title) => {
    expect(findInvestigationStep({ kind, title })).toBeUndefined();
  });

  it('finds no investigation step left among the real pages’ fixes, and every page keeps a fix', () => {
    const offending: string[] = [];
    for (const path of listPageFiles(join(root, 'content/errors'))) {
      const frontmatter = parse(readFileSync(path, 'utf8').split(/^---$/m)[1] ?? '') as { fixes: { kind: string; title: string }[] };
      expect(frontmatter.fixes.length).toBeGreaterThan(0);
      for (const fix of frontmatter.fixes) if (findInvestigationStep(fix) !== undefined) offending.push(`${path}: ${fix.title}`);
    }
    expect(offending).toEqual([]);
  });
});

const page = (fixes: string, rest = ''): string =>
  `---\ntitle: A page\n# a comment the move must keep\nfixes:\n${fixes}${rest}related: []\nexamples: [ { a: 1 } ]\n---\n\n## Body\n\nkept: as is\n`;

describe('moving investigation steps to checkNext', () => {
  const fixes = [
    '  - kind: workaround',
    '    title: Read the gateway log at the same moment',
    "    note: 'Start the proxy with `--detailed_debug`.'",
    '  - kind: config',
    '    title: Set the header',
    '    changes:',
    '      - { op: set, path: a.b, value: 1 }   # flow map, kept',
    '  - kind: workaround',
    '    title: Repeat the request with curl -si',
    '',
  ].join('\n');

  it('cuts the steps out of fixes and lists them under checkNext, leaving every other byte', () => {
    const result = moveCheckNext(page(fixes));
    expect(result.moved).toEqual(['Read the gateway log at the same moment', 'Repeat the request with curl -si']);
    expect(result.text).toBe(
      page(
        ['  - kind: config', '    title: Set the header', '    changes:', '      - { op: set, path: a.b, value: 1 }   # flow map, kept', ''].join('\n'),
        ['checkNext:', '  - title: Read the gateway log at the same moment', "    note: 'Start the proxy with `--detailed_debug`.'", '  - title: Repeat the request with curl -si', ''].join('\n'),
      ),
    );
    const data = parse(result.text.split(/^---$/m)[1] ?? '') as Record<string, unknown>;
    expect(data['checkNext']).toEqual([{ title: 'Read the gateway log at the same moment', note: 'Start the proxy with `--detailed_debug`.' }, { title: 'Repeat the request with curl -si' }]);
  });

  it('changes nothing the second time', () => {
    const once = moveCheckNext(page(fixes)).text;
    const twice = moveCheckNext(once);
    expect(twice.text).toBe(once);
    expect(twice.moved).toEqual([]);
  });

  it('appends to an existing checkNext after a later page added a new step to fixes', () => {
    const once = moveCheckNext(page(fixes)).text;
    const withNew = once.replace('checkNext:\n', '  - kind: workaround\n    title: Look at the upstream log\ncheckNext:\n');
    const again = moveCheckNext(withNew);
    expect(again.moved).toEqual(['Look at the upstream log']);
    const data = parse(again.text.split(/^---$/m)[1] ?? '') as { fixes: unknown[]; checkNext: { title: string }[] };
    expect(data.fixes).toHaveLength(1);
    expect(data.checkNext.map((step) => step.title)).toEqual(['Read the gateway log at the same moment', 'Repeat the request with curl -si', 'Look at the upstream log']);
  });

  it('leaves a page whose every fix is an investigation step, and says why', () => {
    const only = page('  - kind: workaround\n    title: Read the gateway log\n');
    const result = moveCheckNext(only);
    expect(result.text).toBe(only);
    expect(result.problem).toMatch(/every fix is an investigation step \(Read the gateway log\); write a real change first/);
  });

  it('leaves a page without investigation steps byte for byte', () => {
    const clean = page('  - kind: client\n    title: Send the key\n');
    expect(moveCheckNext(clean)).toEqual({ text: clean, moved: [] });
  });
});

describe('the rules artifact and the result carry the steps apart from the fixes', () => {
  it('compiles checkNext beside fixes and lists it with the page id', () => {
    const source = {
      id: 'p',
      title: 'A page',
      summary: 'A summary long enough.',
      area: 'inbound-auth',
      hop: 'client-gateway',
      status: 'by-design',
      retired: false,
      relatedErrors: [],
      signatures: [],
      clues: [],
      fixes: [{ kind: 'client', title: 'Send the key' }],
      checkNext: [{ title: 'Repeat with curl', command: 'curl -si https://<proxy>/mcp', note: undefined }],
    } satisfies RulePageSource;
    const [compiled] = compileRules([source]).pages;
    expect(compiled?.fixes).toEqual([{ kind: 'client', title: 'Send the key' }]);
    expect(compiled?.checkNext).toEqual([{ title: 'Repeat with curl', command: 'curl -si https://<proxy>/mcp' }]);
    expect(compiled && listCheckNext(compiled)).toEqual([{ pageId: 'p', title: 'Repeat with curl', command: 'curl -si https://<proxy>/mcp' }]);
  });
});

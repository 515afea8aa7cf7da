import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { dropRepeatedFixYaml } from '../../src/integrations/drop-repeated-fix-yaml.ts';
import { findRepeatedFix, type FixLike } from '../../src/site/repeated-fix-yaml.ts';
import { extractConfirmStep } from '../../src/site/confirm-step.ts';

const fixes: FixLike[] = [
  { kind: 'workaround', title: 'Restart the proxy' },
  { kind: 'config', title: 'Send the token upstream', changes: [{ path: 'mcp_servers.<server>.auth_type' }, { path: 'mcp_servers.<server>.extra_headers' }] },
  { kind: 'config', title: 'Allow requests while the database is down', changes: [{ path: 'general_settings.allow_requests_on_db_unavailable' }] },
];

describe('prose YAML that repeats a structured fix', () => {
  it('a block setting only keys a fix changes, under a real server name, repeats that fix', () => {
    expect(findRepeatedFix('general_settings:\n  allow_requests_on_db_unavailable: true\n', fixes)).toBe(2);
    expect(findRepeatedFix('mcp_servers:\n  github:\n    url: https://example.com/mcp\n    extra_headers: [Authorization]\n', fixes)).toBe(1);
  });

  it('a block carrying a key no fix changes is kept, so its fact is not lost', () => {
    expect(findRepeatedFix('mcp_servers:\n  github:\n    extra_headers: [Authorization]\n    timeout: 30\n', fixes)).toBeUndefined();
  });

  it('a block of identifying keys only, YAML that does not parse, a list, or a page without config fixes repeats nothing', () => {
    expect(findRepeatedFix('mcp_servers:\n  github:\n    url: https://example.com/mcp\n', fixes)).toBeUndefined();
    expect(findRepeatedFix('general_settings: [unclosed\n', fixes)).toBeUndefined();
    expect(findRepeatedFix('- allow_requests_on_db_unavailable\n', fixes)).toBeUndefined();
    expect(findRepeatedFix('general_settings:\n  allow_requests_on_db_unavailable: true\n', [{ kind: 'workaround', title: 'Wait' }])).toBeUndefined();
  });
});

describe('the confirm step lifted from the body', () => {
  it('takes the first command and the paragraph after it, joined onto one line', () => {
    const body = '## How to fix it\n\nDo it.\n\n## How to confirm the fix\n\n```bash\ncurl -si http://localhost:4000/mcp\n```\n\nA 200 with a `tools`\narray shows it works.\n\nMore detail.\n\n## Not this page?\n\n- other\n';
    expect(extractConfirmStep(body)).toEqual([
      { kind: 'code', lang: 'bash', text: 'curl -si http://localhost:4000/mcp' },
      { kind: 'paragraph', text: 'A 200 with a `tools` array shows it works.' },
    ]);
  });

  it('keeps a leading paragraph before the code right after it, and stops at the next section', () => {
    const body = '## How to confirm the fix\n\nRun:\n\n```\nlitellm --version\n```\n## Next\n\ntext';
    expect(extractConfirmStep(body)).toEqual([
      { kind: 'paragraph', text: 'Run:' },
      { kind: 'code', lang: '', text: 'litellm --version' },
    ]);
  });

  it('two paragraphs in a row give only the first', () => {
    expect(extractConfirmStep('## How to confirm the fix\n\nOne.\n\nTwo.\n')).toEqual([{ kind: 'paragraph', text: 'One.' }]);
  });

  it('a body without the section gives an empty step', () => {
    expect(extractConfirmStep('## What you see\n\nSomething.\n')).toEqual([]);
  });
});

describe('the Markdown plugin that keeps each fix rendered once', () => {
  const page = (body: string): string => `---
title: Fixture page for the plugin test
fixes:
  - kind: workaround
    title: Restart the proxy
  - kind: config
    title: Allow requests while the database is down
    changes:
      - { op: set, path: general_settings.allow_requests_on_db_unavailable, value: true }
---

${body}`;

  function render(source: string): string {
    const folder = mkdtempSync(join(tmpdir(), 'mcpfix-plugin-'));
    const file = join(folder, 'page.mdx');
    writeFileSync(file, source);
    try {
      const result = markdownToHtml(source.replace(/^---[\s\S]*?---\n/, ''), { mdastPlugins: [dropRepeatedFixYaml], fileURL: pathToFileURL(file) });
      return result.html;
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }

  it('a YAML block under "How to fix it" that repeats a config fix becomes a link to that fix', () => {
    const html = render(page('## How to fix it\n\n1. Let requests through:\n\n   ```yaml\n   general_settings:\n     allow_requests_on_db_unavailable: true\n   ```\n\n## How to confirm the fix\n\nRetry.\n'));
    expect(html).not.toContain('allow_requests_on_db_unavailable: true');
    expect(html).toContain('<a href="#fix-2">“Allow requests while the database is down”</a>');
  });

  it('YAML with another key, or outside "How to fix it", stays as written', () => {
    const extra = '```yaml\ngeneral_settings:\n  allow_requests_on_db_unavailable: true\n  database_url: os.environ/DATABASE_URL\n```';
    const elsewhere = '```yaml\ngeneral_settings:\n  allow_requests_on_db_unavailable: true\n```';
    const html = render(page(`## How to fix it\n\n${extra}\n\n## Why it happens\n\n${elsewhere}\n`));
    expect(html).toContain('database_url');
    expect(html.match(/allow_requests_on_db_unavailable/g)).toHaveLength(2);
    expect(html).not.toContain('#fix-2');
  });
});

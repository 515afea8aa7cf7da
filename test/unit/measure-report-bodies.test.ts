import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/measure-report-bodies.ts', ...args], { cwd: root, encoding: 'utf8' });

describe('scripts/measure-report-bodies.ts', () => {
  it('measures bodies against the triage, and names a high answer on another page', () => {
    const folder = mkdtempSync(join(tmpdir(), 'mcpfix-bodies-'));
    // Written for this test in the shape of the reports (not their text): #26212 is triaged to the
    // non-MCP semantic-filter page, #31179 to the prompts/resources page.
    writeFileSync(
      join(folder, '26212.txt'),
      'With litellm_settings.mcp_semantic_tool_filter enabled, the proxy removes every non-MCP tool from our requests.\n' +
        "vLLM then answers: Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.\n",
    );
    writeFileSync(
      join(folder, '31179.txt'),
      'LiteLLM: Proxy initialized with Config, Set models:\n' +
        'INFO:     127.0.0.1:57294 - "POST /mcp HTTP/1.1" 307 Temporary Redirect\n' +
        'INFO:     127.0.0.1:57310 - "POST /mcp HTTP/1.1" 307 Temporary Redirect\n',
    );
    writeFileSync(join(folder, '1.txt'), 'not a report of the inventory\n');
    const result = run(folder, '--list');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('triaged to a page: 2; its page first: 1 (50%)');
    expect(result.stdout).toContain('another page, HIGH');
    expect(result.stdout).toMatch(/#31179 \(triaged upstream-without-prompts-or-resources-method-not-found\) answered high on mcp-path-without-trailing-slash-redirected/);
    expect(result.stdout).toContain('(1 file(s) name no report of the inventory, or a duplicate: skipped)');
  });

  it('exits 2 with a one-line reason on a missing folder or an unknown flag', () => {
    for (const args of [[], ['/nonexistent-mcpfix-folder'], [root, '--bogus']]) {
      const result = run(...args);
      expect(result.status).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validateContent } from '../../src/catalog/validate-content.ts';
import { formatProblems } from '../../src/catalog/format-issue.ts';

const root = process.cwd();
const broken = join(root, 'test/fixtures/broken-pages');

function problemsIn(folder: string): string {
  return formatProblems(validateContent(folder, root).problems);
}

describe('the page schema', () => {
  it('accepts every real page in content/errors', () => {
    const { pages, problems } = validateContent(join(root, 'content/errors'), root);
    expect(formatProblems(problems)).toBe('');
    expect(pages.length).toBeGreaterThan(0);
  }, 60_000); // every page with its regex analysis: seconds, not milliseconds, as content grows

  it('accepts the valid fixture page', () => {
    expect(problemsIn(join(broken, 'valid'))).toBe('');
  });

  // Each broken fixture breaks one thing; the message must name the file, the field and why.
  const cases: Array<[folder: string, expected: string]> = [
    ['missing-field', 'test/fixtures/broken-pages/missing-field/missing-summary.mdx: summary: required field is missing'],
    ['malformed-area', 'malformed-area.mdx: area: expected one of "inbound-auth"'],
    ['unknown-fact-kind', 'unknown-fact-kind.mdx: signatures.0.facts.0.kind:'],
    ['bad-regex', 'bad-regex.mdx: signatures.0.facts.0.pattern: regex does not compile'],
    ['related-nowhere', 'related-nowhere.mdx: relatedErrors.0: no page has the id "no-such-page"'],
    ['alias-collides', 'aliased-page.mdx: aliases.0: alias "other-page" is the id of a page'],
    ['alias-twice', 'second-owner.mdx: aliases.0: alias "old-name" is already an alias of first-owner'],
    ['same-signatures', 'twin-two.mdx: signatures: same signatures and clues as test/fixtures/broken-pages/same-signatures/twin-one.mdx'],
    ['bad-file-name', 'Bad_Name.mdx: (file name): the file name is the page id and must be kebab-case'],
    ['bad-yaml', 'bad-yaml.mdx: (frontmatter): YAML does not parse at line 3'],
    ['no-frontmatter', 'no-frontmatter.mdx: (frontmatter): the file must start with a --- YAML frontmatter block'],
    ['comment-truncates-value', 'comment-truncates-value.mdx: summary: an unquoted value followed by " #" loses the rest of the line to a YAML comment'],
    ['retired-without-fix', 'retired-without-fix.mdx: fixedIn: a retired page names the version that fixed it'],
    ['fix-is-investigation', 'fix-is-investigation.mdx: fixes.1: “If it still fails, read the gateway log for the same minute” is not a change: it starts with “read”, an investigation step: move it to checkNext'],
    ['snippet-newer-than-page', 'snippet-newer-than-page.mdx: body (yaml snippet 1, body line 4): mcp_servers.github.dcr_bridge: `dcr_bridge` arrived in LiteLLM 1.93.0, and this page targets LiteLLM before 1.91.0'],
    ['snippet-newer-than-page', 'snippet-newer-than-page.mdx: fixes.0.changes: mcp_servers.<server>.auth_type: `auth_type: oauth_delegate` arrived in LiteLLM 1.93.0'],
    ['snippet-newer-than-page', 'snippet-newer-than-page.mdx: examples.0.config: mcp_servers.github.auth_type: `auth_type: true_passthrough` arrived in LiteLLM 1.93.0'],
    ['snippet-contradicts-page', 'snippet-contradicts-page.mdx: fixes.0.changes: mcp_servers.<server>.oauth2_flow: `auth_type: oauth2` needs `oauth2_flow` as well'],
    ['snippet-contradicts-page', 'snippet-contradicts-page.mdx: examples.0.config: mcp_servers.github.oauth2_flow: `auth_type: oauth2` needs `oauth2_flow` as well: the config loader rejects an oauth2 server from config.yaml that does not say which OAuth flow it uses (since LiteLLM 1.93.0). Source: v1.93.0 release notes (oauth2_flow required in config, PR #32292). This contradicts /errors/config-oauth2-flow-required/'],
    ['any-of-malformed', 'any-of-one-fact.mdx: clues.0.fact.facts: an any-of lists two or more facts; with one, write that fact without the group'],
    ['any-of-malformed', 'any-of-text-member.mdx: clues.0.fact.facts.0.kind: a text fact cannot be an any-of member: write the alternatives as one pattern with `|`'],
    ['any-of-malformed', 'any-of-nested.mdx: clues.0.fact.facts.1.kind: an any-of cannot be a member of an any-of: list its facts in the outer group'],
    ['any-of-malformed', 'any-of-mixed-sides.mdx: clues.0.fact.facts: mixes config facts (server-config) with facts of the paste (status)'],
    ['long-title-without-short-title', 'long-title-without-short-title.mdx: shortTitle: the title has 88 characters; add a shortTitle of at most 69'],
  ];

  it('has a test case for every broken fixture folder', () => {
    const folders = readdirSync(broken, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'valid')
      .map((entry) => entry.name);
    const covered = new Set(cases.map(([folder]) => folder));
    // Other suites keep their own broken fixtures here too (e.g. the regex-safety check); list only the uncovered schema ones.
    expect(folders.filter((folder) => !covered.has(folder) && !folder.startsWith('catastrophic'))).toEqual([]);
  });

  for (const [folder, expected] of cases) {
    const field = expected.split(': ')[1] ?? '';
    it(`rejects the ${folder} fixture naming the file, the field (${field}) and the reason`, () => {
      expect(problemsIn(join(broken, folder))).toContain(expected);
    });
  }
});

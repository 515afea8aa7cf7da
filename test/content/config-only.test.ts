import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPages } from '../../src/catalog/read-pages.ts';
import { checkPaste, type CheckResult } from '../../src/engine/index.ts';
import { compileRulesAtBuild } from '../../src/catalog/analyse-pattern.ts';
import { configEvidenceOf, isConfigFact, isPositive, MAX_SHAPE_PAGES, MIN_WEIGHT } from '../../src/engine/rank-config-only.ts';

// Issue 11 item 2: a config pasted alone reaches every page whose config facts it shows. Each page
// with a config fact (a config clue, or a config fact in a signature) is checked with each of its
// example configs as the whole paste, and its best outcome is exactly one of:
// - first: the config leads to it, no other page's config facts fit as well;
// - among the first three (AMONG_TOP3, with the page it shares the config with);
// - in the shared shape: the config fits several pages and none stands out, so the answer lists
//   them all as possible, names the shape (IN_SHAPE gives a key the name must hold) and says what
//   tells each apart;
// - not reached (CANNOT_LEAD): only a page whose config facts no config can show (they say what is
//   absent, or every config has them), that the page gives as hints too weak to point at it (a
//   hint page is listed within a shape made of its keys, but its examples' configs fit none).
// A page whose config facts are alternatives (one setup or another) writes them as one `any-of`
// group, which a config shows whole when it shows one member: no page is unreachable for that.
// The lists are exact: a page that moves must move in them.
const root = resolve(import.meta.dirname, '../..');
const { pages } = readPages(resolve(root, 'content/errors'), root);
const index = compileRulesAtBuild(pages.map((entry) => entry.page));

/** Pages a config alone puts second or third, not first, with the page whose config shape they share. */
const AMONG_TOP3: Record<string, string> = {
  'bedrock-agentcore-mcp-406-without-accept-header': '`auth_type: aws_sigv4` with the signer page',
  'config-oauth2-flow-required': 'an oauth2 server without `oauth2_flow`, which the interactive-500 page shows too',
  'key-has-no-mcp-servers-granted': '`available_on_public_internet: false` with the internal-network pages',
  'oauth-authorize-client-id-missing': 'an authorization_code server without `client_id`, which the interactive-500 page shows too',
  'oauth-upstream-token-response-without-access-token': 'an oauth2 server with the GitHub `token_url`, which the interactive-500 page shows too',
  'oauth2-server-advertises-aggregate-mcp-authorization-server': 'an oauth2 authorization_code server with `authorization_url`, with the interactive-500 page',
  'server-restricted-to-internal-networks': '`available_on_public_internet: false` behind `use_x_forwarded_for`, with the X-Forwarded-For page',
};

/** Pages a config alone lists in a shape several pages share, with a key the shape's name must hold. */
const IN_SHAPE: Record<string, string> = {
  'allowed-tools-ignored-in-tool-listing': '`allowed_tools`',
  'authorization-withheld-on-fan-out': '`auth_type: true_passthrough`',
  'byok-credential-check-needs-database': '`is_byok: true`',
  'byok-credential-required': '`is_byok: true`',
  'byok-oauth-authorize-request-rejected': '`is_byok: true`',
  'byok-oauth-token-exchange-failed': '`is_byok: true`',
  'byok-tools-list-missing-user-key': '`is_byok: true`',
  'client-credentials-grant-rejected': '`auth_type: oauth2`',
  'client-credentials-server-challenged-with-401': '`auth_type: oauth2`',
  'client-credentials-token-endpoint-unreachable': '`auth_type: oauth2`',
  'config-dcr-bridge-invalid': '`auth_type: oauth2`',
  'db-mcp-servers-missing-after-restart': '`general_settings.store_model_in_db: false`',
  'dcr-bridge-atlassian-client-not-recognized': '`dcr_bridge: true`',
  'dcr-bridge-first-request-401-without-challenge': '`dcr_bridge: true`',
  'dcr-bridge-litellm-key-empties-tool-list': '`dcr_bridge: true`',
  'dcr-bridge-refresh-rejected': '`dcr_bridge: true`',
  'dcr-bridge-token-mint-failed': '`dcr_bridge: true`',
  'dcr-bridge-upstream-credential-dropped-on-tool-call': '`dcr_bridge: true`',
  'delegate-auth-gets-litellm-challenge-not-upstream': '`auth_type: oauth2`',
  'delegate-auth-server-connects-without-challenge': '`auth_type: oauth2`',
  'delegate-auth-server-requires-litellm-admission': '`auth_type: oauth2`',
  'deprecated-x-mcp-auth-header': '`auth_type: bearer_token`',
  'extra-headers-name-case-not-matched': '`extra_headers`',
  'gateway-named-server-issuer-mismatch': '`auth_type: oauth2`',
  'jwt-denied-mcp-server-management-sub-paths': '`general_settings.enable_jwt_auth: true`',
  'jwt-signer-authorization-conflict': '`guardrails`',
  'jwt-team-mcp-permissions-not-enforced': '`general_settings.enable_jwt_auth: true`',
  'litellm-key-forwarded-as-upstream-token': '`auth_type: oauth2`',
  'm2m-oauth-server-health-always-unknown': '`auth_type: oauth2`',
  'mcp-client-ip-fails-closed-behind-proxy': '`available_on_public_internet: false`',
  'mcp-servers-missing-on-replica-without-db-sync': '`general_settings.store_model_in_db: false`',
  'oauth-authorization-url-not-set': '`auth_type: oauth2`',
  'oauth-authorization-url-query-string-doubled': '`auth_type: oauth2`',
  'oauth-dcr-registration-failed': '`dcr_bridge: true`',
  'oauth-delegate-prm-resource-is-upstream-url': '`auth_type: oauth_delegate`',
  'oauth-discovered-token-url-rejected-authorization-url-mismatch': '`auth_type: oauth2`',
  'oauth-discovery-issuer-mismatch': '`auth_type: oauth2`',
  'oauth-per-user-token-missing-on-prompts-and-resources': '`auth_type: oauth2`',
  'oauth-per-user-token-not-refreshed-after-expiry': '`auth_type: oauth2`',
  'oauth-per-user-token-not-stored-without-user-key': '`auth_type: oauth2`',
  'oauth-prm-resource-path-pattern-mismatch': '`auth_type: oauth2`',
  'oauth-pkce-s256-required': '`dcr_bridge: true`',
  'oauth-token-request-rejected-by-gateway': '`dcr_bridge: true`',
  'oauth-token-validation-rejected': '`auth_type: oauth2`',
  'oauth-tool-call-sends-litellm-key-not-stored-token': '`auth_type: oauth2`',
  'oauth-upstream-capabilities-none-after-sign-in': '`auth_type: oauth2`',
  'oauth-upstream-prm-unavailable-for-passthrough-server': '`auth_type: true_passthrough`',
  'oauth-upstream-rejected-gateway-client-credentials': '`auth_type: oauth2`',
  'oauth-well-known-unknown-proxy-root-path': '`is_byok: true`',
  'openapi-auth-type-api-key-sends-apikey-scheme': '`spec_path`',
  'openapi-extra-headers-not-forwarded': '`spec_path`',
  'openapi-oauth2-token-not-sent': '`auth_type: oauth2`',
  'openapi-operation-without-operationid-bad-tool-name': '`spec_path`',
  'openapi-path-parameter-contains-separator': '`spec_path`',
  'openapi-relative-server-url-wrong-base': '`spec_path`',
  'openapi-server-health-check-unhealthy': '`spec_path`',
  'openapi-static-headers-ignored': '`spec_path`',
  'openapi-tool-server-not-registered': '`spec_path`',
  'per-user-env-vars-missing-tool-call': '`env_vars`',
  'per-user-env-vars-need-database': '`env_vars`',
  'registry-per-user-oauth-token-not-stored-no-database': '`auth_type: oauth2`',
  'rest-missing-user-env-vars-412': '`env_vars`',
  'server-needs-user-token-401-challenge': '`auth_type: oauth2`',
  'slack-oauth-invalid-client-id-uuid': '`auth_type: oauth2`',
  'stdio-command-not-found-in-container': '`transport: stdio`',
  'stdio-command-not-in-allowlist': '`transport: stdio`',
  'stdio-mcp-servers-disabled-by-default': '`transport: stdio`',
  'stdio-server-missing-command-or-args': '`transport: stdio`',
  'token-exchange-endpoint-not-configured': '`auth_type: oauth2_token_exchange`',
  'token-exchange-subject-token-missing-or-rejected': '`auth_type: oauth2_token_exchange`',
  'token-exchange-unusable-token-503': '`auth_type: oauth2_token_exchange`',
  'tool-listing-timeout-server-dropped': '`transport: stdio`',
  'tool-name-not-found-on-call': '`auth_type: oauth_delegate`',
  'upstream-401-returned-as-empty-tools': '`extra_headers`',
  'upstream-rejected-forwarded-credential': '`auth_type: true_passthrough`',
  'upstream-stream-broken-mid-response': '`transport: stdio`',
};

/** Why a config alone cannot reach a page; each reason is checked against the page. */
type CannotLead = { kind: 'nothing-positive' | 'hint-only'; why: string };

const ABSENT_ONLY = 'its config facts only say that a key is absent, which holds for any excerpt that leaves it out';
const hint = (facts: string): CannotLead => ({ kind: 'hint-only', why: `its only config fact, ${facts}, is a hint too weak to rank on, and no shape its example configs fit is made of it` });

/** Pages a config alone cannot reach, with the reason. */
const CANNOT_LEAD: Record<string, CannotLead> = {
  'auth-database-unreachable-503': { kind: 'nothing-positive', why: ABSENT_ONLY },
  'config-defined-mcp-server-cannot-be-edited-or-deleted': { kind: 'nothing-positive', why: 'its only config fact is that mcp_servers exists, which every config shows' },
  'keyless-admission-server-misconfigured-500': { kind: 'nothing-positive', why: ABSENT_ONLY },
  'management-api-database-not-connected': { kind: 'nothing-positive', why: ABSENT_ONLY },
  'mcp-registry-json-not-enabled': { kind: 'nothing-positive', why: ABSENT_ONLY },
  'mcp-sdk-too-old-for-streamable-http': hint('`transport: http` (0.5)'),
  'mcp-tool-call-timed-out': hint('`timeout` set (0.3)'),
  'oauth-endpoint-mcp-server-not-found': hint('`available_on_public_internet: false` (0.5)'),
  'oauth-upstream-invalid-target-resource-indicator': hint('`upstream_resource` set (0.5)'),
  'per-request-server-auth-header-resolves-no-auth': { kind: 'nothing-positive', why: ABSENT_ONLY },
  'responses-mcp-header-auth-not-used-for-tool-listing': { kind: 'nothing-positive', why: ABSENT_ONLY },
  'ui-test-connection-header-malformed': hint('`static_headers` set (0.5)'),
  'upstream-tls-certificate-verify-failed': hint('an https `url` (0.5)'),
  'well-known-issuer-shows-internal-origin': hint('`use_x_forwarded_for: true` (0.3)'),
};

const RANKS = ['first', 'top3', 'shape', 'none'] as const;
type Place = (typeof RANKS)[number];

interface Outcome {
  place: Place;
  shape?: string;
  ranking: string;
}

function placeOf(id: string, result: CheckResult): Outcome {
  const at = result.matches.findIndex((match) => match.id === id);
  const ranking = result.matches.map((match) => `${match.id} ${match.confidence}`).join('; ');
  if (result.configShape?.pages.includes(id)) return { place: 'shape', shape: result.configShape.shape, ranking };
  return { place: at === 0 ? 'first' : at > 0 && at < 3 ? 'top3' : 'none', ranking };
}

// Every page with a config fact, and where the best of its example configs puts it.
const cases = index.pages.flatMap((rulePage) => {
  const clueFacts = rulePage.clues.filter((clue) => clue.weight > 0).map((clue) => clue.fact);
  const facts = [...clueFacts, ...rulePage.signatures.flatMap((signature) => signature.facts)].filter(isConfigFact);
  if (facts.length === 0) return [];
  const source = pages.find((entry) => entry.id === rulePage.id)?.page;
  const configs = (source?.examples ?? []).map((example) => example.config).filter((config): config is string => config !== undefined);
  const outcomes = configs.map((config) => ({ config, result: checkPaste(index, { paste: config }) })).map(({ config, result }) => ({ config, result, ...placeOf(rulePage.id, result) }));
  const best = outcomes.reduce<(typeof outcomes)[number] | undefined>((a, b) => (a === undefined || RANKS.indexOf(b.place) < RANKS.indexOf(a.place) ? b : a), undefined);
  const evidence = configEvidenceOf(rulePage);
  const positiveWeight = evidence.filter((clue) => clue.weight > 0 && isPositive(clue.fact)).reduce((sum, clue) => sum + clue.weight, 0);
  return [{ id: rulePage.id, page: rulePage, configs, best, positiveWeight }];
});

describe('a config pasted alone', () => {
  it('is checked for every page with a config fact, and every listed page is one', () => {
    expect(cases.length).toBeGreaterThanOrEqual(110);
    const ids = cases.map((c) => c.id);
    for (const id of [...Object.keys(AMONG_TOP3), ...Object.keys(IN_SHAPE), ...Object.keys(CANNOT_LEAD)]) expect(ids, id).toContain(id);
  });

  for (const { id, page, configs, best, positiveWeight } of cases) {
    const cannot = CANNOT_LEAD[id];
    if (cannot) {
      it(`cannot reach ${id}: ${cannot.why}`, () => {
        if (cannot.kind === 'nothing-positive') expect(positiveWeight).toBe(0);
        else expect(positiveWeight).toBeGreaterThan(0);
        if (cannot.kind === 'hint-only') expect(positiveWeight).toBeLessThan(MIN_WEIGHT);
        // Listed pages stay listed only while no config of theirs reaches them.
        if (best) expect(best.place, best.ranking).toBe('none');
      });
      continue;
    }
    it(`${id} has an example config`, () => {
      expect(configs.length, `${page.title}: add a config to one of its examples`).toBeGreaterThan(0);
    });
    if (id in AMONG_TOP3) {
      it(`puts ${id} second or third, not first (it shares ${AMONG_TOP3[id]})`, () => {
        expect(best?.place, best?.ranking).toBe('top3');
      });
    } else if (id in IN_SHAPE) {
      it(`lists ${id} among the pages of the shape ${IN_SHAPE[id]}`, () => {
        expect(best?.place, best?.ranking).toBe('shape');
        expect(best?.shape).toContain(IN_SHAPE[id]);
      });
    } else {
      it(`leads to ${id} first`, () => {
        expect(best?.place, best?.ranking).toBe('first');
      });
    }
  }

  it('lists a shared shape whole, as possible pages only, each saying what tells it apart', () => {
    let shapes = 0;
    for (const { best } of cases) {
      const shape = best?.result.configShape;
      if (!best || !shape) continue;
      shapes += 1;
      expect(shape.pages.length).toBeLessThanOrEqual(MAX_SHAPE_PAGES);
      expect(shape.pages.length).toBe(Math.min(shape.size, MAX_SHAPE_PAGES));
      expect(shape.shape).toMatch(/`[a-z_.]+(: [^`]+)?`/);
      const listed = new Map(best.result.matches.map((match) => [match.id, match]));
      for (const id of shape.pages) {
        const match = listed.get(id);
        expect(match, id).toBeDefined();
        expect(match?.confidence, id).toBe('low');
        const page = index.pages.find((p) => p.id === id);
        if (page?.signatures.some((signature) => signature.where !== 'config')) expect(match?.tellApart, id).toMatch(/^It is this page if you see “.+”( \(.+\))?\.$/);
      }
    }
    expect(shapes).toBeGreaterThan(20);
  });

  it('never answers high from a config alone unless the config is itself the documented failure', () => {
    for (const { best } of cases) {
      for (const match of best?.result.matches ?? []) {
        if (match.confidence !== 'high') continue;
        // A high verdict names a signature, and that signature is one about the config itself.
        const page = index.pages.find((p) => p.id === match.id);
        const signature = page?.signatures.find((s) => s.id === match.signature?.id);
        expect(signature?.where, match.id).toBe('config');
      }
    }
  });
});

// A page whose failure has several setups writes its config facts as one `any-of` group: a config
// showing one member shows the group, so the page fits in full, the group weighs its clue once,
// and the answer quotes the member that held.
describe('a config that shows one of a group of alternatives (any-of)', () => {
  const stdio = 'stdio-server-missing-command-or-args';
  const pasteOf = (name: string): string => readFileSync(resolve(root, 'test/fixtures/pastes', name), 'utf8');

  it('reaches the stdio page from a server with `command` but no `args`, first in its shape, quoting the missing `args`', () => {
    const result = checkPaste(index, { paste: pasteOf('config-stdio-server-without-args.yaml') });
    expect(result.matches[0]?.id).toBe(stdio);
    expect(result.configShape?.pages).toContain(stdio);
    expect(result.configShape?.shape).toContain('`transport: stdio`');
    const says = result.matches[0]?.evidence.map((evidence) => evidence.says).join(' ');
    expect(says).toContain('Seen: in the `mcp_servers` entry `filesystem`, `args` is not set');
    expect(says).not.toContain('`command` is not set');
  });

  it('reaches the stdio page from a server with `args` but no `command`, quoting the missing `command`', () => {
    const result = checkPaste(index, { paste: pasteOf('config-stdio-server-without-command.yaml') });
    expect(result.matches[0]?.id).toBe(stdio);
    expect(result.configShape?.pages).toContain(stdio);
    const says = result.matches[0]?.evidence.map((evidence) => evidence.says).join(' ');
    expect(says).toContain('`command` is not set');
    expect(says).not.toContain('`args` is not set');
  });

  it('does not reach the stdio page from a stdio server with both `command` and `args`', () => {
    const paste = 'mcp_servers:\n  filesystem:\n    transport: stdio\n    command: npx\n    args: ["-y", "@modelcontextprotocol/server-filesystem"]\n';
    expect(checkPaste(index, { paste }).matches.map((match) => match.id)).not.toContain(stdio);
  });

  it('counts a group as one config fact of its page: the page fits in full, and the group weighs its clue once', () => {
    const page = index.pages.find((p) => p.id === 'server-needs-user-token-401-challenge');
    const groups = configEvidenceOf(page as (typeof index.pages)[number]).filter((clue) => clue.fact.kind === 'any-of');
    expect(groups).toHaveLength(1);
    // A delegate server beside an interactive oauth2 one holds two members of the group: it counts once.
    const paste =
      'mcp_servers:\n  linear:\n    url: https://mcp.linear.app/mcp\n    auth_type: oauth2\n    oauth2_flow: authorization_code\n  jira:\n    url: https://jira.example.com/mcp\n    auth_type: oauth2\n    oauth2_flow: authorization_code\n    delegate_auth_to_upstream: true\n';
    const found = checkPaste(index, { paste }).matches.find((match) => match.id === 'server-needs-user-token-401-challenge');
    expect(found?.evidence).toHaveLength(1);
    expect(found?.evidence[0]?.weight).toBe(2 * (groups[0]?.weight ?? 0));
  });

  it('names the shape after the member that held: a bring-your-own-key server is in the `is_byok` shape, not the DCR bridge one', () => {
    const paste = 'mcp_servers:\n  notion:\n    url: https://mcp.notion.example.com/mcp\n    auth_type: oauth2\n    oauth2_flow: authorization_code\n    is_byok: true\n';
    const result = checkPaste(index, { paste });
    expect(result.configShape?.pages).toContain('oauth-pkce-s256-required');
    expect(result.configShape?.shape).toContain('`is_byok: true`');
    expect(result.configShape?.shape).not.toContain('dcr_bridge');
  });

  it('ranks a group as rare as the member that held: a DCR-bridge config lists the PKCE page within its shape, not first', () => {
    const paste = 'mcp_servers:\n  okta_apps:\n    url: https://mcp.okta.example.com/mcp\n    auth_type: oauth_delegate\n    dcr_bridge: true\n';
    const result = checkPaste(index, { paste });
    expect(result.configShape?.pages).toContain('oauth-pkce-s256-required');
    expect(result.matches[0]?.id).not.toBe('oauth-pkce-s256-required');
  });
});

import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPages } from '../../src/catalog/read-pages.ts';
import { checkPaste, prepareIndex } from '../../src/engine/index.ts';
import { compileRulesAtBuild } from '../../src/catalog/analyse-pattern.ts';
import { createFactMatcher } from '../../src/engine/match-fact.ts';
import { parseInput } from '../../src/engine/parse-input.ts';
import { isConfigFact, isPositive } from '../../src/engine/rank-config-only.ts';
import { viewEvidence } from '../../src/engine/view-evidence.ts';

// Issue 11 item 2: a config pasted alone leads to the page whose config facts it shows. Every page
// with a config fact (a config clue, or a config fact in a signature) and an example config is
// checked with that config as the whole paste: it must come first, or, where several pages share
// the config shape, among the first three (AMONG_TOP3 names the shape). The pages a config alone
// cannot lead to are listed in CANNOT_LEAD with the reason. Both lists are exact: a page that
// starts to come first must leave them.
const root = resolve(import.meta.dirname, '../..');
const { pages } = readPages(resolve(root, 'content/errors'), root);
const index = compileRulesAtBuild(pages.map((entry) => entry.page));
const prepared = prepareIndex(index);

/** Pages a config alone puts among the first three, not first: the config shape they share with others. */
const AMONG_TOP3: Record<string, string> = {
  'byok-credential-check-needs-database': 'auth_type: bearer_token, which the Token-scheme page also shows',
  'client-credentials-server-challenged-with-401': 'auth_type: oauth2 with oauth2_flow: client_credentials',
  'extra-headers-name-case-not-matched': 'extra_headers naming Authorization, which the empty-tools page also shows',
  'oauth-authorization-url-query-string-doubled': 'an oauth2 authorization_code server with authorization_url, which the interactive-500 page also shows',
  'config-oauth2-flow-required': 'auth_type: oauth2 without oauth2_flow',
  'jwt-signer-authorization-conflict': 'static_headers carrying Authorization',
  'key-has-no-mcp-servers-granted': 'available_on_public_internet: false',
  'mcp-client-ip-fails-closed-behind-proxy': 'use_x_forwarded_for: true without mcp_trusted_proxy_ranges',
  'oauth-authorize-client-id-missing': 'auth_type: oauth2 without client_id or registration_url',
  'oauth-discovery-issuer-mismatch': 'an oauth2 server with issuer set',
  'oauth-tool-call-sends-litellm-key-not-stored-token': 'auth_type: oauth2 with oauth2_flow: authorization_code',
  'oauth-upstream-prm-unavailable-for-passthrough-server': 'auth_type: true_passthrough or oauth_delegate',
  'oauth-upstream-rejected-gateway-client-credentials': 'auth_type: oauth2 with client_id',
  'oauth-upstream-token-response-without-access-token': "GitHub's token_url",
  'oauth2-server-advertises-aggregate-mcp-authorization-server': 'auth_type: oauth2, authorization_code, authorization_url',
  'openapi-operation-without-operationid-bad-tool-name': 'spec_path (any OpenAPI server)',
  'openapi-relative-server-url-wrong-base': 'spec_path given as a URL',
  'per-user-env-vars-need-database': 'env_vars scoped to the user',
  'registry-per-user-oauth-token-not-stored-no-database': 'oauth2 authorization_code without database_url',
  'slack-oauth-invalid-client-id-uuid': "Slack's MCP URL without client_id",
  'stdio-mcp-servers-disabled-by-default': 'transport: stdio',
  'token-exchange-subject-token-missing-or-rejected': 'auth_type: oauth2_token_exchange',
  'upstream-rejected-forwarded-credential': 'auth_type: true_passthrough or oauth_delegate',
};

const DCR_BRIDGE = 'auth_type: oauth_delegate with dcr_bridge: true, which ten pages share: the failure is in the exchange, not the config';
const OAUTH_CODE = 'auth_type: oauth2 with authorization_code, which eight pages share: the failure is in the token handling';
const DELEGATE = 'delegate_auth_to_upstream: true, which three pages share, on an authorization_code server that eight more OAuth pages show';
const CLIENT_CREDENTIALS = 'oauth2 client_credentials, which six pages share: the failure is in what the token endpoint or health check does at run time';
const OPENAPI = 'spec_path alone, which seven OpenAPI pages share: the failure is in the spec or the API';
const NOTHING_SHOWN = "its example config shows none of the page's config facts that say what is there (absent keys hold for any excerpt that leaves them out)";

/** Pages a config alone cannot lead to, with the reason. */
const CANNOT_LEAD: Record<string, string> = {
  'dcr-bridge-atlassian-client-not-recognized': DCR_BRIDGE,
  'dcr-bridge-litellm-key-empties-tool-list': DCR_BRIDGE,
  'dcr-bridge-token-mint-failed': DCR_BRIDGE,
  'dcr-bridge-first-request-401-without-challenge': DCR_BRIDGE,
  'delegate-auth-gets-litellm-challenge-not-upstream': DELEGATE,
  'delegate-auth-server-connects-without-challenge': DELEGATE,
  'delegate-auth-server-requires-litellm-admission': DELEGATE,
  'm2m-oauth-server-health-always-unknown': CLIENT_CREDENTIALS,
  'oauth-dcr-registration-failed': DCR_BRIDGE,
  'oauth-pkce-s256-required': DCR_BRIDGE,
  'oauth-token-request-rejected-by-gateway': DCR_BRIDGE,
  'litellm-key-forwarded-as-upstream-token': OAUTH_CODE,
  'oauth-per-user-token-missing-on-prompts-and-resources': OAUTH_CODE,
  'oauth-per-user-token-not-stored-without-user-key': OAUTH_CODE,
  'server-needs-user-token-401-challenge': OAUTH_CODE,
  'openapi-path-parameter-contains-separator': OPENAPI,
  'openapi-tool-server-not-registered': OPENAPI,
  'client-credentials-token-endpoint-unreachable': CLIENT_CREDENTIALS,
  'stdio-server-missing-command-or-args': 'transport: stdio, which four pages share',
  'token-exchange-unusable-token-503': 'auth_type: oauth2_token_exchange, which four pages share: the failure is in the answer of the exchange',
  'config-defined-mcp-server-cannot-be-edited-or-deleted': 'its only config fact is that mcp_servers exists, which every config shows',
  'upstream-stream-broken-mid-response': 'its config fact is the transport of a remote server, which every remote server has',
  'upstream-tls-certificate-verify-failed': 'its config fact is an https URL, which every remote server has',
  'auth-database-unreachable-503': NOTHING_SHOWN,
  'config-dcr-bridge-invalid': NOTHING_SHOWN,
  'deprecated-x-mcp-auth-header': NOTHING_SHOWN,
  'keyless-admission-server-misconfigured-500': NOTHING_SHOWN,
  'management-api-database-not-connected': NOTHING_SHOWN,
  'mcp-registry-json-not-enabled': NOTHING_SHOWN,
  'mcp-tool-call-timed-out': NOTHING_SHOWN,
  'oauth-endpoint-mcp-server-not-found': NOTHING_SHOWN,
  'oauth-upstream-invalid-target-resource-indicator': NOTHING_SHOWN,
  'server-name-contains-tool-prefix-separator': NOTHING_SHOWN,
};

// Every page with a config fact and an example config: where its best example config puts it.
const cases = index.pages.flatMap((rulePage) => {
  const clueFacts = rulePage.clues.filter((clue) => clue.weight > 0).map((clue) => clue.fact);
  const facts = [...clueFacts, ...rulePage.signatures.flatMap((signature) => signature.facts)].filter(isConfigFact);
  const source = pages.find((entry) => entry.id === rulePage.id)?.page;
  const configs = (source?.examples ?? []).map((example) => example.config).filter((config): config is string => config !== undefined);
  if (facts.length === 0 || configs.length === 0) return [];
  const outcomes = configs.map((config) => {
    const result = checkPaste(index, { paste: config });
    const matcher = createFactMatcher(prepared, viewEvidence(parseInput({ paste: config }), prepared));
    return {
      at: result.matches.findIndex((match) => match.id === rulePage.id),
      ranking: result.matches.map((match) => `${match.id} ${match.confidence}`).join('; '),
      shows: facts.some((fact) => isPositive(fact) && matcher.match(fact) !== null),
    };
  });
  const best = outcomes.reduce((a, b) => (b.at >= 0 && (a.at < 0 || b.at < a.at) ? b : a));
  return [{ id: rulePage.id, ...best, showsFact: outcomes.some((outcome) => outcome.shows) }];
});

describe('a config pasted alone', () => {
  it('is checked for every page with a config fact and an example config', () => {
    expect(cases.length).toBeGreaterThanOrEqual(70);
    for (const id of [...Object.keys(AMONG_TOP3), ...Object.keys(CANNOT_LEAD)]) expect(cases.map((c) => c.id), id).toContain(id);
  });

  for (const { id, at, ranking, showsFact } of cases) {
    if (id in CANNOT_LEAD) {
      it(`cannot lead to ${id}: ${CANNOT_LEAD[id]}`, () => {
        // Listed pages stay listed only while they still miss the first three.
        expect(at < 0 || at >= 3, ranking).toBe(true);
        if (CANNOT_LEAD[id] === NOTHING_SHOWN) expect(showsFact).toBe(false);
      });
    } else if (id in AMONG_TOP3) {
      it(`puts ${id} among the first three, not first (shared shape: ${AMONG_TOP3[id]})`, () => {
        expect(at, ranking).toBeGreaterThan(0);
        expect(at, ranking).toBeLessThan(3);
      });
    } else {
      it(`leads to ${id} first`, () => {
        expect(at, ranking).toBe(0);
      });
    }
  }

  it('offers the pages a config alone shows as possible answers, never more', () => {
    for (const { id } of cases.filter((c) => c.id in AMONG_TOP3)) {
      const config = pages.find((entry) => entry.id === id)?.page.examples.find((example) => example.config !== undefined)?.config ?? '';
      const result = checkPaste(index, { paste: config });
      for (const match of result.matches.filter((m) => m.fromConfig)) expect(match.confidence).toBe('low');
    }
  });
});

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { validateContent } from '../../src/catalog/validate-content.ts';
import { instantiateLiteral } from '../../src/catalog/instantiate-literal.ts';
import { compileRulesAtBuild } from '../../src/catalog/analyse-pattern.ts';
import { checkPaste } from '../../src/engine/index.ts';
import { SDK_SERVER_MESSAGES } from '../../src/engine/sdk-server-messages.ts';
import type { Signature } from '../../src/schemas/index.ts';

// A signature is either output (a literal LiteLLM, a client, an SDK, a provider or a tool prints)
// or a reporter's description of the symptom (`describes: true`), which is never `high` evidence
// (issue 11: "a prose paste with no exact signature is never high"). These tests keep every page
// honest about which it is, and check that no page's own prose or a report's title is answered
// `high` through words alone.
const root = resolve(import.meta.dirname, '../..');
const { pages, reports } = validateContent(resolve(root, 'content/errors'), root);
const index = compileRulesAtBuild(pages.map((entry) => entry.page));

/**
 * Literals, reviewed one by one, that neither the LiteLLM MCP inventory nor the MCP SDKs' server
 * messages hold and that carry no `client` naming their printer: who prints each one.
 */
const PRINTED_ELSEWHERE: Readonly<Record<string, readonly string[]>> = {
  "LiteLLM outside its MCP code (auth, UI, headers, Python errors it raises or relays)": [
    'byok-credential-check-needs-database#byok-unavailable-message',
    'byok-credential-required#byok-no-user-identity',
    'gateway-sends-duplicate-mcp-protocol-version-header#doubled-protocol-version-value',
    'generic-guardrail-api-500-on-mcp-tools#generic-guardrail-validation',
    'jwt-denied-mcp-server-management-sub-paths#jwt-route-refused-mcp-server-subpath',
    'jwt-denied-mcp-server-management-sub-paths#jwt-route-refused-generic',
    'key-not-allowed-requested-mcp-servers#tool-result-error',
    'litellm-key-forwarded-as-upstream-token#same-as-litellm-key-text',
    'litellm-key-missing-bearer-prefix#malformed-api-key',
    'litellm-virtual-key-expected-sk-prefix#virtual-key-expected',
    'mcp-tool-iserror-logged-as-success#logging-payload-success-for-iserror',
    'mcp-management-blocked-by-disable-llm-api-endpoints#llm-api-routes-disabled-mcp',
    'mcp-route-refused-only-proxy-admin#only-proxy-admin-mcp-route',
    'mcp-route-refused-only-proxy-admin#only-proxy-admin-generic-mcp',
    'mcp-team-not-in-cache-check-cache-only#team-not-in-cache',
    'mcp-tools-request-fails-cannot-pickle-rlock#cannot-pickle-rlock-mcp',
    'oauth-upstream-capabilities-none-after-sign-in#capabilities-none',
    'openapi-auth-type-api-key-sends-apikey-scheme#apikey-scheme-seen',
    'openapi-operation-without-operationid-bad-tool-name#braced-tool-name',
    'openapi-server-health-check-unhealthy#unhealthy-session-terminated',
    'per-request-server-auth-header-resolves-no-auth#debug-no-auth-with-server-header',
    'server-needs-user-token-401-challenge#challenge-line-authorization-uri',
    'tool-blocked-by-server-allowed-tools#tool-not-allowed-result',
    'tool-name-not-found-on-call#manager-value-error',
    'ui-oauth-missing-session-state#missing-oauth-session-state',
  ],
  'Model providers (OpenAI, Anthropic, Gemini, Bedrock)': [
    'openapi-operation-without-operationid-bad-tool-name#openai-pattern',
    'openapi-operation-without-operationid-bad-tool-name#anthropic-pattern',
    'prefixed-tool-name-exceeds-64-characters#openai-string-too-long',
    'prefixed-tool-name-exceeds-64-characters#anthropic-at-most-64',
    'prefixed-tool-name-exceeds-64-characters#gemini-max-64',
    'openapi-operation-without-operationid-bad-tool-name#gemini-invalid-function-name',
    'prefixed-tool-name-exceeds-64-characters#bedrock-length-64',
  ],
  'Identity providers (Atlassian, Slack, an IdP redirect)': [
    'dcr-bridge-atlassian-client-not-recognized#atlassian-failed-to-retrieve-client',
    'dcr-bridge-atlassian-client-not-recognized#atlassian-scopes-not-added',
    'oauth-authorization-url-query-string-doubled#double-question-mark-authorize-url',
    'oauth-upstream-rejects-long-state#state-too-long',
    'slack-oauth-invalid-client-id-uuid#slack-authorize-with-uuid',
    'slack-oauth-invalid-client-id-uuid#slack-invalid-client-id',
  ],
  'The database (Prisma errors, psql output)': [
    'registry-mcp-server-table-schema-out-of-sync#mcp-column-missing-short',
    'tool-permissions-server-missing-from-allowed-list#db-row-empty-servers-with-tool-permissions',
    'ui-oauth-token-not-persisted#no-user-credential-row',
  ],
  'An MCP client or the admin UI': ['empty-tool-list-through-gateway#client-no-tools'],
  "The user's own config, code, request or API output, quoted": [
    'custom-auth-key-lists-no-mcp-tools#custom-auth-role-workaround',
    'mcp-server-credentials-not-saved-on-create#credentials-null-after-create',
    'openapi-static-headers-ignored#issue-config-with-static-headers-and-401',
    'server-info-name-same-for-every-server#alias-table-same-name',
    'tool-permissions-implicitly-grant-server#tool-permissions-wider-than-servers',
    'url-credentials-ignored-with-auth-type-none#url-userinfo-in-request-401',
  ],
};
const printedElsewhere = new Set(Object.values(PRINTED_ELSEWHERE).flat());

interface InventoryFile {
  entries: Array<{ literals?: string[]; neverReleased?: Array<{ literals?: string[] }> }>;
}
const inventory = parseYaml(readFileSync(resolve(root, 'content/inventory/litellm-mcp-literals.yaml'), 'utf8')) as InventoryFile;
const knownLiterals = [
  ...inventory.entries.flatMap((entry) => [...(entry.literals ?? []), ...(entry.neverReleased ?? []).flatMap((kept) => kept.literals ?? [])]),
  ...SDK_SERVER_MESSAGES,
];
const fold = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();
// The fixed runs of each known literal: the text between its `{placeholders}` and `…` gaps.
const knownRuns = knownLiterals.flatMap((literal) => literal.split(/\{[^}]*\}|…/).map(fold)).filter((run) => run.length >= 6);
const knownSamples = knownLiterals.map(instantiateLiteral);

/** Whether a signature's text fact or pattern is one of the known literals (LiteLLM's MCP inventory, the MCP SDKs' answers). */
function isKnownLiteral(signature: Signature): boolean {
  return signature.facts.some((fact) => {
    if (fact.kind === 'text') return knownRuns.some((run) => run.includes(fold(fact.text)));
    if (fact.kind === 'pattern') {
      const pattern = new RegExp(fact.pattern, 'iu');
      return knownSamples.some((sample) => pattern.test(sample));
    }
    return false;
  });
}

const signatureOf = new Map<string, Signature>();

const isWords = (signature: Signature): boolean => signature.facts.every((fact) => fact.kind === 'text' || fact.kind === 'pattern');
const signatures = pages.flatMap(({ id, page }) => page.signatures.map((signature) => ({ key: `${id}#${signature.id}`, signature })));
for (const { key, signature } of signatures) signatureOf.set(key, signature);

describe('descriptive signatures', () => {
  it('marks every signature made only of words, seen anywhere or in a client, that no one is known to print', () => {
    const unclassified = signatures
      .filter(({ signature }) => isWords(signature) && (signature.where === 'any' || signature.where === 'client'))
      .filter(({ key, signature }) => signature.describes !== true && signature.client === undefined && !printedElsewhere.has(key) && !isKnownLiteral(signature))
      .map(({ key, signature }) => `${key}: ${signature.text}`);
    // Each one is either a reporter's words (add `describes: true`) or output someone prints (name
    // the printer in `client`, or list it above under who prints it).
    expect(unclassified).toEqual([]);
  });

  it('lists only signatures that exist and are output', () => {
    const byKey = new Map(signatures.map(({ key, signature }) => [key, signature]));
    const wrong = [...printedElsewhere].filter((key) => byKey.get(key) === undefined || byKey.get(key)?.describes === true);
    expect(wrong).toEqual([]);
  });

  it('marks the sentences reporters wrote, such as the slow tool listing', () => {
    const marked = new Set(signatures.filter(({ signature }) => signature.describes === true).map(({ key }) => key));
    expect(marked.size).toBeGreaterThan(50);
    for (const key of [
      'aggregate-tools-list-slow-with-many-servers#tool-listing-slow',
      'allowed-tools-ignored-in-tool-listing#shows-all-tools-despite-allowed',
      'mcp-tool-iserror-logged-as-success#iserror-success-described',
      'semantic-filter-strips-chat-completions-tools#n-to-zero',
    ])
      expect(marked, key).toContain(key);
  });

  it('refuses describes on a signature that holds output', () => {
    const withStatus = pages
      .flatMap(({ page }) => page.signatures)
      .filter((signature) => signature.facts.some((fact) => ['status', 'header', 'json', 'exception'].includes(fact.kind)));
    expect(withStatus.length).toBeGreaterThan(0);
    expect(withStatus.filter((signature) => signature.describes === true)).toEqual([]);
  });
});

// Every page summary and title and every report title is a person's sentence about a failure. It
// may be answered `high` only when it quotes the output of the page it names: the deciding
// signature is not a description, and one of its literals is in the sentence as written.
describe('prose about a failure', () => {
  const sentences = [
    ...pages.flatMap(({ id, page }) => [
      { what: `summary of ${id}`, paste: page.summary },
      { what: `title of ${id}`, paste: page.title },
    ]),
    ...reports.map((report) => ({ what: `title of report #${report.number}`, paste: report.title })),
  ];
  it('covers every summary, title and report title', () => {
    expect(sentences.length).toBe(2 * pages.length + reports.length);
  });

  it('is never high through a description, nor without quoting a literal of the page', () => {
    const wrong: string[] = [];
    let high = 0;
    for (const { what, paste } of sentences) {
      const top = checkPaste(index, { paste }).matches[0];
      if (top?.confidence !== 'high') continue;
      high += 1;
      const signature = signatureOf.get(`${top.id}#${top.signature?.id ?? ''}`);
      if (!signature || signature.describes === true || !quotesLiteral(paste, signature)) wrong.push(`${what} → ${top.id}${top.anchor ?? ''}`);
    }
    expect(wrong).toEqual([]);
    // Sentences that quote an exact literal still get their page with confidence.
    expect(high).toBeGreaterThan(0);
  });
});

// The sentences that were answered `high` through a reporter's words before descriptive signatures
// were marked (the 72 of issue 11's audit, less the 18 that quote a literal, plus the titles): each
// is pinned here, so unmarking a description shows up even when the sentence still names its page.
const WERE_HIGH_THROUGH_WORDS = {
  summaries: [
    'client-credentials-server-challenged-with-401', 'custom-auth-key-lists-no-mcp-tools', 'db-mcp-servers-missing-after-restart',
    'dcr-bridge-first-request-401-without-challenge', 'delegate-auth-server-connects-without-challenge', 'delegate-auth-server-requires-litellm-admission',
    'extra-headers-name-case-not-matched', 'jwt-team-mcp-permissions-not-enforced', 'key-update-mcp-grant-not-applied-until-restart',
    'm2m-oauth-server-health-always-unknown', 'mcp-registry-url-uses-alias', 'mcp-tool-calls-missing-from-spend-logs', 'mcp-tool-iserror-logged-as-success',
    'mcp-tool-schema-ref-rejected-by-provider', 'responses-mcp-follow-up-duplicates-tool-messages', 'responses-mcp-stream-two-response-lifecycles',
    'same-tool-name-on-two-servers', 'semantic-filter-drops-non-mcp-tools', 'server-info-name-same-for-every-server', 'server-root-path-read-as-server-name',
  ],
  titles: [
    'db-mcp-servers-missing-after-restart', 'internal-user-sees-all-mcp-servers', 'jwt-team-mcp-permissions-not-enforced', 'm2m-oauth-server-health-always-unknown',
    'mcp-registry-url-uses-alias', 'mcp-server-create-500-without-credentials', 'mcp-server-credentials-not-saved-on-create', 'mcp-tool-calls-missing-from-spend-logs',
    'mcp-tool-iserror-logged-as-success', 'mcp-tool-schema-ref-rejected-by-provider', 'ollama-chat-mcp-tool-calls-not-auto-run',
    'responses-mcp-prefixed-tool-name-not-resolved', 'rest-tool-call-drops-mcp-auth-header', 'same-tool-name-on-two-servers', 'server-info-name-same-for-every-server',
    'server-root-path-read-as-server-name', 'streamable-http-tool-listing-falsely-cancelled',
  ],
  reports: [
    36803, 14536, 38208, 29770, 31326, 33582, 15078, 28766, 29800, 31909, 40079, 20973, 32142, 37358, 11011, 40118, 31910, 26692, 28646, 29715, 28543,
    31911, 24709, 26791, 39926, 20242, 29408, 26078, 33219, 27105, 31993, 28927, 29110, 31524,
  ],
};

describe('the sentences once answered high through words alone', () => {
  const pageOf = new Map(pages.map((entry) => [entry.id, entry.page]));
  const reportOf = new Map(reports.map((report) => [report.number, report]));
  const pinned = [
    ...WERE_HIGH_THROUGH_WORDS.summaries.map((id) => ({ what: `summary of ${id}`, paste: pageOf.get(id)?.summary })),
    ...WERE_HIGH_THROUGH_WORDS.titles.map((id) => ({ what: `title of ${id}`, paste: pageOf.get(id)?.title })),
    ...WERE_HIGH_THROUGH_WORDS.reports.map((number) => ({ what: `title of report #${number}`, paste: reportOf.get(number)?.title })),
  ];

  it('are all still there to check', () => {
    expect(pinned.filter(({ paste }) => paste === undefined).map(({ what }) => what)).toEqual([]);
  });

  it('are at most medium now, and ask for the output first when a description decided', () => {
    const wrong: string[] = [];
    for (const { what, paste } of pinned) {
      const result = checkPaste(index, { paste: paste ?? '' });
      const top = result.matches[0];
      if (top?.confidence === 'high') wrong.push(`${what}: high for ${top.id}${top.anchor ?? ''}`);
      const decidedBy = signatureOf.get(`${top?.id ?? ''}#${top?.signature?.id ?? ''}`);
      if (top?.signature?.isFull === true && decidedBy?.describes === true && !result.nextSteps[0]?.startsWith('You described the symptom; paste what was printed'))
        wrong.push(`${what}: first step "${result.nextSteps[0] ?? ''}"`);
    }
    expect(wrong).toEqual([]);
  });
});

/** Whether a paste holds one of a signature's literals as written: a text fact's text, or a match of a pattern fact. */
function quotesLiteral(paste: string, signature: Signature): boolean {
  return signature.facts.some((fact) => {
    if (fact.kind === 'text') return fold(paste).includes(fold(fact.text));
    if (fact.kind === 'pattern') return new RegExp(fact.pattern, 'iu').test(paste);
    return false;
  });
}

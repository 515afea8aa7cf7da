import type { Exchange, HttpClient } from './send-request.ts';
import type { ProbeStep } from './probe-gateway.ts';
import { isObject } from './read-json-rpc.ts';
import {
  authorizationServerCandidates,
  checkDocumentOrigins,
  checkOrigin,
  parseChallengeParams,
  protectedResourceCandidates,
  resolveUrl,
  type OriginCheck,
} from './well-known-urls.ts';

/** What following OAuth discovery found. */
export interface OAuthFindings {
  /** One step per discovery document: protected resource, then authorization server. */
  steps: ProbeStep[];
  /** Every GET tried, found or not, for the transcript. */
  exchanges: Exchange[];
  /** Every absolute URL of the challenge and the documents, checked against the origin called. */
  originChecks: OriginCheck[];
  /** The steps the probe's deadline left out. */
  skipped: string[];
}

/** The most issuers of `authorization_servers` whose metadata is looked for: a real resource names one or two. */
export const MAX_ISSUERS_FOLLOWED = 3;

/** The most discovery documents fetched for one step, whatever the answers name. */
export const MAX_DOCUMENTS_PER_STEP = 6;

/** How many names a detail lists before it summarises the rest. */
const NAMES_SHOWN = 5;

/**
 * Whether the gateway's answers point to OAuth: a Bearer challenge (RFC 6750 §3, with RFC 9728's
 * `resource_metadata`), or LiteLLM's debug header naming an OAuth auth type.
 */
export function pointsToOAuth(exchanges: readonly Exchange[]): boolean {
  return exchanges.some(
    (exchange) =>
      exchange.kind === 'answered' &&
      exchange.response.headers.some(
        (h) =>
          (h.name === 'www-authenticate' && /bearer|resource_metadata|authorization_uri/i.test(h.value)) ||
          (h.name === 'x-mcp-debug-server-auth-type' && /oauth/i.test(h.value)),
      ),
  );
}

/**
 * Fetches the protected-resource and authorization-server metadata for the endpoint, following the
 * challenge's URLs, and checks that every URL they hand out uses the origin the user called: behind
 * an ingress, a gateway without PROXY_BASE_URL advertises its internal origin, and clients then
 * send the user to a host they cannot reach.
 * https://www.rfc-editor.org/rfc/rfc9728#section-3 and https://www.rfc-editor.org/rfc/rfc8414#section-3
 */
export async function followOAuth(client: HttpClient, target: URL, previous: readonly Exchange[]): Promise<OAuthFindings> {
  const findings: OAuthFindings = { steps: [], exchanges: [], originChecks: [], skipped: [] };
  const challenge = lastChallenge(previous);
  const params = challenge ? parseChallengeParams(challenge) : {};
  const challengeChecks: OriginCheck[] = [];
  for (const field of ['resource_metadata', 'authorization_uri']) {
    const value = params[field];
    const check = value ? checkOrigin(`WWW-Authenticate ${field}`, value, target) : undefined;
    if (check) challengeChecks.push(check);
  }
  const resourceMetadata = params.resource_metadata ? resolveUrl(params.resource_metadata, target) : undefined;
  const authorizationUri = params.authorization_uri ? resolveUrl(params.authorization_uri, target) : undefined;

  const resource = await fetchFirstJson(client, protectedResourceCandidates(target, resourceMetadata), findings);
  if (resource.isPastDeadline) {
    findings.skipped.push('oauth-protected-resource', 'oauth-authorization-server');
    return findings;
  }
  const issuers: URL[] = [];
  const named: string[] = [];
  if (resource.document) {
    const servers = resource.document.authorization_servers;
    for (const server of Array.isArray(servers) ? servers : []) {
      const url = typeof server === 'string' ? resolveUrl(server, target) : undefined;
      if (url) {
        // Only the first few are followed; all are named (summarised) in the step.
        if (issuers.length < MAX_ISSUERS_FOLLOWED) issuers.push(url);
        named.push(server as string);
      }
    }
  }
  const resourceChecks = [
    ...challengeChecks,
    ...(resource.document ? checkDocumentOrigins(resource.document, ['resource', 'authorization_servers'], target) : []),
  ];
  findings.steps.push(
    metadataStep('oauth-protected-resource', resource, resourceChecks, () => {
      return named.length > 0 ? `authorization servers: ${summariseList(named)}` : 'names no authorization server';
    }),
  );

  const server = await fetchFirstJson(client, authorizationServerCandidates(target, authorizationUri, issuers), findings);
  if (server.isPastDeadline) {
    findings.skipped.push('oauth-authorization-server');
    findings.originChecks.push(...resourceChecks);
    return findings;
  }
  const serverChecks = server.document
    ? checkDocumentOrigins(server.document, ['issuer', 'authorization_endpoint', 'token_endpoint', 'registration_endpoint'], target)
    : [];
  findings.steps.push(
    metadataStep('oauth-authorization-server', server, serverChecks, () => {
      const issuer = server.document?.issuer;
      return typeof issuer === 'string' ? `issuer ${issuer}` : 'no issuer';
    }),
  );
  findings.originChecks.push(...resourceChecks, ...serverChecks);
  return findings;
}

interface Fetched {
  /** The last exchange tried (the one that answered, or the last miss). */
  exchange?: Exchange;
  /** The JSON object it returned, when one did. */
  document?: Record<string, unknown>;
  /** URLs that answered without a JSON object. */
  misses: string[];
  /** The deadline passed before any candidate was asked. */
  isPastDeadline?: boolean;
}

async function fetchFirstJson(client: HttpClient, candidates: readonly URL[], findings: OAuthFindings): Promise<Fetched> {
  const fetched: Fetched = { misses: [] };
  for (const url of candidates.slice(0, MAX_DOCUMENTS_PER_STEP)) {
    if (client.remainingMs() <= 0) {
      if (fetched.exchange === undefined) fetched.isPastDeadline = true;
      break;
    }
    // Discovery documents are public: no key, no Authorization, nothing the user passed.
    const exchange = await client.send({ method: 'GET', url, headers: [{ name: 'accept', value: 'application/json' }] });
    findings.exchanges.push(exchange);
    fetched.exchange = exchange;
    if (exchange.kind === 'unreachable') break;
    if (exchange.response.status === 200) {
      try {
        const value: unknown = JSON.parse(exchange.response.body);
        if (isObject(value)) {
          fetched.document = value;
          return fetched;
        }
      } catch {
        // Not JSON: try the next place.
      }
    }
    fetched.misses.push(`${url.pathname} ${exchange.response.status}`);
  }
  return fetched;
}

function metadataStep(name: string, fetched: Fetched, checks: readonly OriginCheck[], describeFound: () => string): ProbeStep {
  const mismatches = checks.filter((check) => !check.isSameOrigin);
  const exchange = fetched.exchange;
  const request = exchange ? `GET ${exchange.request.url.pathname}` : 'GET';
  if (!exchange || exchange.kind === 'unreachable') {
    return { name, request, status: null, statusText: '', isOk: false, detail: exchange?.kind === 'unreachable' ? exchange.failure.reason : 'not fetched' };
  }
  const lines: string[] = [];
  if (fetched.document) lines.push(describeFound());
  else lines.push(`not found (${summariseList(fetched.misses)})`);
  for (const mismatch of mismatches.slice(0, NAMES_SHOWN)) {
    lines.push(`${mismatch.field} uses ${mismatch.origin}, not the origin you called (${mismatch.expected})`);
  }
  if (mismatches.length > NAMES_SHOWN) lines.push(`and ${mismatches.length - NAMES_SHOWN} more URLs on another origin`);
  return {
    name,
    request,
    status: exchange.response.status,
    statusText: exchange.response.statusText,
    isOk: fetched.document !== undefined && mismatches.length === 0,
    detail: lines.join('\n'),
  };
}

/** `a, b, c and 297 more`: a long list from a server never makes a long line. */
export function summariseList(names: readonly string[]): string {
  const shown = names.slice(0, NAMES_SHOWN).map((name) => (name.length > 120 ? `${name.slice(0, 120)}…` : name));
  return names.length > NAMES_SHOWN ? `${shown.join(', ')} and ${names.length - NAMES_SHOWN} more` : shown.join(', ');
}

function lastChallenge(exchanges: readonly Exchange[]): string | undefined {
  let found: string | undefined;
  for (const exchange of exchanges) {
    if (exchange.kind !== 'answered') continue;
    const value = exchange.response.headers.find((h) => h.name === 'www-authenticate')?.value;
    if (value) found = value;
  }
  return found;
}

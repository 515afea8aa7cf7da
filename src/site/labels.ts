import type { Area, Hop, Place } from '../schemas/index.ts';

/** Human names of the areas, in the order the home page lists them. */
export const AREA_LABELS: Readonly<Record<Area, string>> = {
  'inbound-auth': 'Inbound authentication (keys and teams)',
  'oauth-interactive': 'OAuth2, interactive sign-in',
  'oauth-discovery': 'OAuth discovery (.well-known)',
  'token-forwarding': 'Token forwarding to upstream servers',
  openapi: 'OpenAPI-backed MCP servers',
  'transport-session': 'Transport and sessions',
  'upstream-connectivity': 'Upstream connectivity',
  permissions: 'Permissions and access groups',
  'tool-listing': 'Tool listing',
  'rest-endpoints': 'REST endpoints',
  'ui-playground': 'Admin UI and playground',
  'server-registry': 'Server registry',
  'config-validation': 'Config validation',
  'guardrails-responses': 'Guardrails and responses',
  'multi-replica': 'Several replicas',
};

/** Human names of the products. */
export const PRODUCT_LABELS: Readonly<Record<string, string>> = { litellm: 'LiteLLM' };

/** Where a signature is seen, as a phrase that completes "Seen in …". */
export const PLACE_LABELS: Readonly<Record<Place, string>> = {
  'status-line': 'the HTTP status line',
  header: 'a response header',
  body: 'the response body',
  log: 'the proxy log',
  traceback: 'a Python traceback',
  client: "the client's output",
  config: 'config.yaml',
  request: 'the request sent',
  any: 'any output',
};

/** Where on the request path a hop sits, as a phrase that completes "Fails …". */
export const HOP_LABELS: Readonly<Record<Hop, string>> = {
  'client-gateway': 'between the MCP client and the gateway',
  'gateway-admission': 'at the gateway, while admitting the caller',
  'gateway-upstream': 'between the gateway and the upstream MCP server',
  'gateway-authorization-server': 'between the gateway and the OAuth authorization server',
  'gateway-internals': 'inside the gateway (config, database, workers)',
};

/** Human names of a page's status. */
export const STATUS_LABELS: Readonly<Record<'bug' | 'by-design' | 'limitation', string>> = {
  bug: 'Bug',
  'by-design': 'By design',
  limitation: 'Limitation',
};

/**
 * A model of the MCP part of LiteLLM's `config.yaml`: the keys of an `mcp_servers.<name>` entry,
 * the MCP keys of `general_settings` and `litellm_settings`, and the MCP environment variables,
 * with their types and allowed values, plus the combinations LiteLLM requires. Read from LiteLLM's
 * config loader (`load_servers_from_config`), the `MCPServer` model
 * (`litellm/types/mcp_server/mcp_server_manager.py`), `litellm/types/mcp.py` and
 * `litellm/proxy/_experimental/mcp_server/`. A key's history is data (`.meta(history({…}))`):
 * the release it arrived in (`since`), or where that could not be pinned a release known to read
 * it (`presentBy`, a bound: "by 1.83.3", not "in 1.83.3"), allowed values added later
 * (`valuesSince`), releases that changed what it does (`changed`), deprecation (`deprecation`) and
 * removal (`removed`), each with the release note or PR it was read from in `source`; a rule's
 * `since` says when a key became required. A `since` is given only where a release note or
 * release lists the change, never guessed from a date; a `presentBy` may also rest on LiteLLM's
 * docs listing the key before a release came out, and its source says so. The build checks every
 * page's YAML against these versions and the page's own range (src/catalog/check-snippets.ts);
 * the checker, against the version the user runs.
 *
 * The engine cannot import zod: `compileConfigModel` turns this into plain JSON Schema data that
 * goes into the rules artifact, and the checker lints configs against that (src/engine/lint-config.ts).
 */
import { z } from 'zod';
import type { ServerNameRule } from '../engine/lint-config.ts';

/** A release number as LiteLLM tags them, without the `v`. */
type Release = `${number}.${number}.${number}`;

/**
 * What happened to a key across LiteLLM releases, as read from its release notes and PRs. Every
 * version carries its `source` (release note and PR), so a reader can check it.
 */
// A type, not an interface: zod's meta() takes an object with an index signature.
export type KeyHistory = {
  /** The first release that reads the key. */
  since?: Release;
  /**
   * A release known to read the key, where the release that brought it could not be pinned: the
   * key arrived in this release or an earlier one. It bounds what is known and is never used to
   * call a key too new, since an older release may read it too.
   */
  presentBy?: { version: Release; source: string };
  /** The first release that accepts each of these allowed values (the key itself is older). */
  valuesSince?: Record<string, Release>;
  /** Releases that changed what the key does, each with what it means from then on. */
  changed?: {
    version: Release;
    /** What the key does from this release on, in a sentence a user acts on. */
    meaning: string;
    /** A regex (source) the value, as text, must match for the change to matter; absent: any value. */
    when?: string;
    source: string;
  }[];
  /** The release from which the docs tell users to stop using the key, and what to use instead. */
  deprecation?: { since: Release; instead: string; source: string };
  /** The first release that no longer reads the key. */
  removed?: { version: Release; source: string };
  /** Only the proxy's process environment is read, not config.yaml's environment_variables (env vars). */
  processEnvOnly?: boolean;
  /** Where `since` was read: the release note and PR. */
  source?: string;
  /** Where each of `valuesSince` was read. */
  valuesSource?: Record<string, string>;
};

/** A key's history for `.meta()`, typed (zod's meta takes any object). */
function history(entry: KeyHistory): KeyHistory {
  return entry;
}

// Pydantic coerces "true"/"false" and numeric strings, so a quoted value is not a type error.
const flag = z.union([z.boolean(), z.enum(['true', 'false', 'True', 'False'])]);
const count = z.union([z.number(), z.string().regex(/^\d+(\.\d+)?$/)]);
const names = z.array(z.string());
const text = z.string();
const textMap = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

/** The outbound auth modes of an MCP server (`MCPAuth` in litellm/types/mcp.py). */
export const AUTH_TYPES = [
  'none',
  'api_key',
  'bearer_token',
  'basic',
  'authorization',
  'token',
  'oauth2',
  'oauth2_token_exchange',
  'oauth2_id_jag',
  'aws_sigv4',
  'true_passthrough',
  'oauth_delegate',
] as const;

// SigV4 itself came with PR #22782 (March 2026), which no release note lists; v1.83.3's names it.
const AWS_SIGV4_BY = 'v1.83.3 release notes (STS AssumeRole for MCP SigV4 auth, PR #25151, on top of the aws_sigv4 auth type)';

const TOOL_OVERRIDES_BY = 'v1.93.0rc1 release notes (alias and display-name tool routing, PR #32320; the overrides came with PR #22828)';
const ID_JAG_SINCE = 'v1.94.0 release notes (ID-JAG identity assertion grant for MCP egress, PR #31516)';

/** The keys of one `mcp_servers.<name>` entry in config.yaml. */
export const McpServerEntrySchema = z
  .object({
    url: text
      .describe('the upstream MCP endpoint (or, with spec_path, the base URL override)')
      .meta(history({ since: '1.65.0', source: 'v1.65.0-stable release notes (MCP servers on the proxy, each named with its url; PR #9426)' })),
    transport: z
      .enum(['http', 'sse', 'stdio'])
      .describe('the upstream transport; http is streamable HTTP')
      .meta(
        history({
          // The docs showed `transport: "http"` in config.yaml from June 2025; PR #11891 typed it sse | http.
          presentBy: { version: '1.73.0', source: 'v1.73.0 release notes (MCP authentication headers, PR #11891, which types the server transport as sse or http)' },
          valuesSince: { stdio: '1.74.3' },
          valuesSource: { stdio: 'v1.74.3 release notes (stdio MCP servers, PR #12530)' },
          changed: [
            {
              version: '1.104.0',
              meaning:
                'stdio servers are off by default: they start only when the proxy\'s own process environment sets LITELLM_ENABLE_MCP_STDIO=true ' +
                '(config.yaml and the database do not count), and until then they stay listed but never start',
              when: '^stdio$',
              source: 'v1.104.0 release notes (stdio MCP servers off by default, PR #44066)',
            },
          ],
        }),
      ),
    spec_path: text
      .describe('an OpenAPI spec (file or URL) that turns the server into an OpenAPI-to-MCP server')
      .meta(history({ since: '1.78.0', source: 'v1.78.0 release notes (OpenAPI specs as MCP servers, PR #15343)' })),
    command: text.describe('the stdio executable').meta(
      history({
        since: '1.74.3',
        source: 'v1.74.3 release notes (stdio MCP servers, PR #12530)',
        changed: [
          {
            // LiteLLM's CVE-2026-30623 post: the fix is in every release from v1.83.6-nightly on; 1.83.7 is the first stable one.
            version: '1.83.6',
            meaning:
              'LiteLLM starts a stdio server only when the basename of `command` is npx, uvx, python, python3, node, docker or deno, ' +
              'or a name listed in LITELLM_MCP_STDIO_EXTRA_COMMANDS; any other command is refused with a 403',
            // The allowlist as the 403 names it: ['deno', 'docker', 'node', 'npx', 'python', 'python3', 'uvx'].
            when: String.raw`^(?!(?:.*[\/])?(?:deno|docker|node|npx|python3?|uvx)(?:\.exe)?$)`,
            source: 'v1.83.7 release notes (block arbitrary command execution via stdio, PR #25343; first shipped in v1.83.6-nightly)',
          },
        ],
      }),
    ),
    args: names.describe('the stdio arguments').meta(history({ since: '1.74.3', source: 'v1.74.3 release notes (stdio MCP servers, PR #12530)' })),
    env: textMap.describe('the stdio child environment').meta(
      history({
        since: '1.74.3',
        source: 'v1.74.3 release notes (stdio MCP servers, PR #12530)',
        changed: [
          {
            version: '1.80.15',
            meaning: 'a value written `${X-Header-Name}` is filled from that request header of the MCP client, and left out when the client does not send it',
            when: String.raw`\$\{`,
            source: 'v1.80.15 release notes (stdio header env overrides, PR #18324)',
          },
        ],
      }),
    ),
    auth_type: z
      .enum(AUTH_TYPES)
      .describe('how the gateway authenticates to the upstream server')
      .meta(
        history({
          since: '1.73.0',
          source: 'v1.73.0 release notes (MCP authentication headers: api_key, bearer_token, basic, PR #11891)',
          valuesSince: { oauth2: '1.77.5', oauth2_token_exchange: '1.85.0', true_passthrough: '1.93.0', oauth_delegate: '1.93.0', oauth2_id_jag: '1.94.0' },
          valuesSource: {
            oauth2: 'v1.77.5 release notes (OAuth flow for MCP servers, PR #14964)',
            oauth2_token_exchange: 'v1.85.0 release notes (OBO MCP auth, PR #27421)',
            true_passthrough: 'v1.93.0 release notes (client-forwarded MCP credentials)',
            oauth_delegate: 'v1.93.0 release notes (client-forwarded MCP credentials)',
            oauth2_id_jag: 'v1.94.0 release notes (ID-JAG identity assertion grant for MCP egress, PR #31516)',
          },
        }),
      ),
    authentication_token: text
      .describe('the static upstream credential')
      .meta(history({ presentBy: { version: '1.101.0', source: 'v1.101.0 release notes (normalize a schemed authentication_token, PR #39345)' } })),
    auth_value: text.describe('the static upstream credential (alias of authentication_token)'),
    extra_headers: names
      .describe('the names of client request headers to copy upstream, not their values')
      .meta(history({ since: '1.77.7', source: 'v1.77.7 release notes (forwardable headers, allowed/disallowed tools, PR #15002)' })),
    // Cherry-picked from the closed PR #15214 in October 2025; v1.79.3 is the first release note to name it.
    static_headers: textMap
      .describe('fixed headers sent upstream')
      .meta(history({ presentBy: { version: '1.79.3', source: 'v1.79.3 release notes (configure static MCP headers in config.yaml and the UI, PR #16179)' } })),
    // v1.89.0 release notes: per-server environment variables with global and per-user scopes (PR #28917).
    env_vars: z
      .array(z.object({ name: text, value: text.optional(), scope: z.enum(['global', 'user']).optional(), description: text.optional() }).strict())
      .describe('variables for ${NAME} placeholders in static_headers')
      .meta(history({ since: '1.89.0', source: 'v1.89.0 release notes (per-server env vars with global and per-user scopes, PR #28917)' })),
    allowed_tools: names.meta(history({ since: '1.77.7', source: 'v1.77.7 release notes (allowed/disallowed tools, PR #15002)' })),
    disallowed_tools: names.meta(history({ since: '1.77.7', source: 'v1.77.7 release notes (allowed/disallowed tools, PR #15002)' })),
    allowed_params: z.record(z.string(), names).meta(history({ since: '1.78.0', source: 'v1.78.0 release notes (allowed params per tool, PR #15346)' })),
    // Both came with PR #22828 (March 2026), which no release note lists; v1.93.0rc1 routes tool calls by display name.
    tool_name_to_display_name: z.record(z.string(), z.string()).meta(history({ presentBy: { version: '1.93.0', source: TOOL_OVERRIDES_BY } })),
    tool_name_to_description: z.record(z.string(), z.string()).meta(history({ presentBy: { version: '1.93.0', source: TOOL_OVERRIDES_BY } })),
    access_groups: names.meta(history({ since: '1.74.7', source: 'v1.74.7 release notes (MCP access groups in config.yaml, PR #12654)' })),
    allow_all_keys: flag.meta(history({ since: '1.80.15', source: 'v1.80.15 release notes (MCP global mode: a server every key may use, PR #18639)' })),
    available_on_public_internet: flag
      .describe('false: only callers from mcp_internal_ip_ranges see the server')
      .meta(history({ since: '1.81.9', source: 'v1.81.9 release notes (MCP IP-based access control, PR #20607)' })),
    allowed_cidrs: names,
    allowed_response_headers: names,
    // The server-name rule of v1.81.12 covers aliases too: the key is read by then.
    alias: text.meta(history({ presentBy: { version: '1.81.12', source: 'v1.81.12 release notes (block spaces and hyphens in MCP server names and aliases, PR #21074)' } })),
    description: text.meta(
      history({ presentBy: { version: '1.75.8', source: 'v1.75.8 release notes (MCPServerManager access groups and description support, PR #13549)' } }),
    ),
    server_name: text,
    // Before 1.101.0 the id was derived from the entry, so editing the url changed it and broke grants.
    server_id: text
      .describe('a pinned server id that survives edits of the entry')
      .meta(history({ since: '1.101.0', source: 'v1.101.0 release notes (a config.yaml MCP server can pin its server_id, PR #39286)' })),
    // Per-server and per-tool cost (mcp_info.mcp_server_cost_info) is the first use the docs show, but an
    // MCPInfo type existed from v1.73.0 (PR #11891), so the release that first read it from config.yaml is open.
    mcp_info: z
      .record(z.string(), z.unknown())
      .meta(history({ presentBy: { version: '1.74.3', source: 'v1.74.3 release notes (MCP tool cost tracking set under mcp_info, PRs #12385, #12499)' } })),
    instructions: text,
    timeout: count,
    // v1.92.0 bounded outbound tool-call concurrency per server (PR #31641) without naming a key.
    max_concurrent_requests: count.meta(
      history({ presentBy: { version: '1.93.0', source: 'v1.93.0rc1 release notes (max_concurrent_requests in the MCP server create and edit forms, PR #32397)' } }),
    ),
    allow_sampling: flag,
    allow_elicitation: flag,
    client_id: text.meta(history({ since: '1.77.5', source: 'v1.77.5 release notes (OAuth flow for MCP servers, PR #14964)' })),
    client_secret: text.meta(history({ since: '1.77.5', source: 'v1.77.5 release notes (OAuth flow for MCP servers, PR #14964)' })),
    scopes: names.meta(history({ since: '1.77.5', source: 'v1.77.5 release notes (OAuth flow for MCP servers, PR #14964)' })),
    oauth2_flow: z
      .enum(['client_credentials', 'authorization_code'])
      .describe('machine-to-machine or interactive per-user OAuth')
      .meta(
        history({
          // PR #23467 says MCPServer.has_client_credentials already required the field explicitly.
          presentBy: { version: '1.83.3', source: 'v1.83.3 release notes (MCP REST M2M OAuth2 flow, PR #23468, which sets oauth2_flow on the server)' },
        }),
      ),
    issuer: text.meta(
      history({ presentBy: { version: '1.95.0', source: 'v1.95.0rc1 release notes (an admin-pinned issuer drives OAuth discovery for url-less servers, PR #34065)' } }),
    ),
    authorization_url: text.meta(history({ since: '1.77.5', source: 'v1.77.5 release notes (OAuth flow for MCP servers, PR #14964)' })),
    token_url: text.meta(history({ since: '1.77.5', source: 'v1.77.5 release notes (OAuth flow for MCP servers, PR #14964)' })),
    registration_url: text.meta(history({ since: '1.79.1', source: 'v1.79.1 release notes (dynamic client registration, PR #15921)' })),
    token_endpoint_auth_method: z
      .enum(['client_secret_post', 'client_secret_basic', 'private_key_jwt'])
      .meta(
        history({
          valuesSince: { client_secret_basic: '1.91.0' },
          valuesSource: { client_secret_basic: 'v1.91.0 release notes (client_secret_basic for upstream token endpoints, PR #31635)' },
        }),
      ),
    upstream_resource: text,
    upstream_token_header: text
      .describe('the header the gateway-resolved token goes out on (default Authorization)')
      .meta(history({ since: '1.100.0', source: 'v1.100.0 release notes (per-server upstream_token_header, PR #38456)' })),
    token_validation: z.record(z.string(), z.unknown()),
    token_storage_ttl_seconds: count,
    delegate_auth_to_upstream: flag.meta(
      history({
        since: '1.85.0',
        source: 'v1.85.0 release notes (delegate_auth_to_upstream flag for PKCE passthrough, PR #27834)',
        changed: [
          {
            version: '1.103.0',
            meaning:
              'it no longer skips LiteLLM admission: the caller needs a LiteLLM key or SSO session (send it in `x-litellm-api-key` ' +
              'beside the upstream bearer), and a request with only the upstream bearer gets 401',
            when: '^(?:true|True)$',
            source: 'v1.103.0 release (fix(mcp): require admission for delegated OAuth, PR #40923)',
          },
        ],
        // The docs moved the legacy section under the two new modes with a deprecation note.
        deprecation: { since: '1.93.0', instead: '`auth_type: oauth_delegate`', source: 'litellm-docs PR #635 (deprecation note); oauth_delegate arrived in v1.93.0' },
      }),
    ),
    oauth_passthrough: flag.meta(history({ since: '1.89.0', source: 'v1.89.0 release notes (MCP OAuth passthrough, PR #28356)' })),
    // dcr_bridge is read with `is True`: a quoted "true" is off (see the rules below).
    dcr_bridge: z.boolean().meta(history({ since: '1.93.0', source: 'v1.93.0 release notes (the dcr_bridge path of client-forwarded MCP credentials)' })),
    token_exchange_endpoint: text.meta(history({ since: '1.85.0', source: 'v1.85.0 release notes (OBO MCP auth, PR #27421)' })),
    // The OBO guide (litellm-docs PR #98) lists both beside token_exchange_endpoint.
    audience: text.meta(history({ since: '1.85.0', source: 'v1.85.0 release notes (OBO MCP auth, PR #27421)' })),
    subject_token_type: text.meta(history({ since: '1.85.0', source: 'v1.85.0 release notes (OBO MCP auth, PR #27421)' })),
    token_exchange_profile: z
      .enum(['rfc8693', 'entra_obo'])
      .meta(history({ since: '1.93.0', source: 'v1.93.0 release notes (entra_obo token_exchange profile, PR #31983)' })),
    // The keys of the oauth2_id_jag auth type, which arrived with it: before PR #31516 the config loader
    // rejected `auth_type: oauth2_id_jag`; the PR refuses a half-configured server, and that message
    // names these fields.
    id_jag_resource_token_endpoint: text.meta(history({ since: '1.94.0', source: ID_JAG_SINCE })),
    id_jag_resource: text.meta(history({ since: '1.94.0', source: ID_JAG_SINCE })),
    // ID-JAG's resource leg authenticates with a private-key JWT (the guide, litellm-docs PR #425, registers
    // the gateway with a private-key JWKS); nothing older than ID-JAG reads these.
    client_private_key: text.meta(history({ since: '1.94.0', source: ID_JAG_SINCE })),
    client_private_key_id: text.meta(history({ since: '1.94.0', source: ID_JAG_SINCE })),
    client_assertion_signing_alg: text.meta(history({ since: '1.94.0', source: ID_JAG_SINCE })),
    aws_access_key_id: text.meta(history({ presentBy: { version: '1.83.3', source: AWS_SIGV4_BY } })),
    aws_secret_access_key: text.meta(history({ presentBy: { version: '1.83.3', source: AWS_SIGV4_BY } })),
    aws_session_token: text.meta(history({ presentBy: { version: '1.83.3', source: AWS_SIGV4_BY } })),
    aws_region_name: text.meta(history({ presentBy: { version: '1.83.3', source: AWS_SIGV4_BY } })),
    aws_service_name: text.meta(history({ presentBy: { version: '1.83.3', source: AWS_SIGV4_BY } })),
    aws_role_name: text.meta(history({ since: '1.83.3', source: 'v1.83.3 release notes (STS AssumeRole for MCP SigV4 auth)' })),
    aws_session_name: text.meta(history({ since: '1.83.3', source: 'v1.83.3 release notes (STS AssumeRole for MCP SigV4 auth, PR #25151)' })),
    is_byok: flag,
    byok_description: names,
    byok_api_key_help_url: text,
  })
  .partial()
  .strict();

// Proxy-wide settings older than the MCP gateway: docs/proxy/config_settings.md listed them when it
// was written (November 2024), months before the first release with MCP servers (v1.65.0, March 2025).
const PREDATES_MCP = 'listed in LiteLLM docs/proxy/config_settings.md from November 2024, before v1.65.0 (release notes: MCP servers on the proxy, PR #9426)';
const MASTER_KEY_PREDATES_MCP = 'in LiteLLM docs (virtual keys) from February 2024, before v1.65.0 (release notes: MCP servers on the proxy, PR #9426)';

/** The MCP keys of `general_settings` (other keys of the section are LiteLLM's, not modelled here). */
export const McpGeneralSettingsSchema = z
  .object({
    master_key: text.meta(history({ presentBy: { version: '1.65.0', source: PREDATES_MCP } })),
    use_x_forwarded_for: flag.meta(history({ presentBy: { version: '1.65.0', source: PREDATES_MCP } })),
    // PR #31257 names #28356 as the PR that introduced the trusted-proxy model.
    mcp_trusted_proxy_ranges: names.meta(history({ since: '1.89.0', source: 'v1.89.0 release notes (PR #28356, which brought the MCP trusted-proxy ranges)' })),
    mcp_xff_num_trusted_hops: count.meta(history({ since: '1.91.0', source: 'v1.91.0 release notes (X-Forwarded-For hardening, PR #31257)' })),
    // The network half of the same v1.81.9 feature (docs: "Exposing MCPs on the Public Internet").
    mcp_internal_ip_ranges: names.meta(history({ since: '1.81.9', source: 'v1.81.9 release notes (MCP IP-based access control, PR #20607)' })),
    mcp_client_side_auth_header_name: text.meta(history({ since: '1.74.3', source: 'v1.74.3 release notes (customise the client-side auth header, PR #12460)' })),
    require_key_mcp_access_defined: flag,
    require_end_user_mcp_access_defined: flag,
    mcp_required_fields: names,
    enable_mcp_registry: flag.meta(history({ since: '1.80.15', source: 'v1.80.15 release notes (MCP registry, PR #18850)' })),
    user_mcp_management_mode: z
      .enum(['view_all', 'restricted'])
      .meta(history({ since: '1.80.15', source: 'v1.80.15 release notes (configurable MCP server visibility, PR #18681)' })),
    mcp_allowed_clients: z.array(z.object({ alias: text, value: text }).strict()),
    mcp_client_id_header: text,
    mcp_advertised_versions: names,
    // RS256 signing of the gateway's session tokens (private key and kid-based rotation).
    mcp_session_token_signing: z
      .record(z.string(), z.unknown())
      .describe('asymmetric signing of the gateway session tokens; absent, an HS256 key derived from master_key')
      .meta(history({ since: '1.100.0', source: 'v1.100.0 release notes (RFC 7662 introspection and RS256 session-token signing, PRs #38726, #38728)' })),
    store_model_in_db: flag.meta(history({ presentBy: { version: '1.65.0', source: PREDATES_MCP } })),
  })
  .partial();

/** The MCP keys of `litellm_settings`. */
export const McpLitellmSettingsSchema = z
  .object({
    mcp_aliases: z.record(z.string(), z.string()).meta(history({ since: '1.74.9', source: 'v1.74.9 release notes (MCP server aliases, PR #12994)' })),
    // v1.92.0 brought the mcp_tool_search virtual tool (PR #31777), turned on per key with
    // object_permission.mcp_tool_search_enabled; this settings block is first named in v1.101.0.
    mcp_tool_search: z
      .record(z.string(), z.unknown())
      .meta(
        history({
          presentBy: { version: '1.101.0', source: 'v1.101.0 release notes (semantic tool search with litellm_settings.mcp_tool_search.embedding_model, PR #39404)' },
        }),
      ),
    // Read by litellm/proxy/hooks/mcp_semantic_filter/hook.py (enabled, embedding_model, top_k, similarity_threshold).
    mcp_semantic_tool_filter: z
      .record(z.string(), z.unknown())
      .meta(history({ since: '1.81.9', source: 'v1.81.9 release notes (MCP semantic filtering, PR #20296)' })),
    public_mcp_servers: names.meta(
      history({
        presentBy: { version: '1.89.0', source: 'v1.89.0 release notes (gate /public/mcp_hub strictly on litellm.public_mcp_servers, PR #27764)' },
        changed: [
          {
            version: '1.89.0',
            meaning: 'the unauthenticated public MCP hub (/public/mcp_hub) lists only the servers named here, not every server open to the public internet',
            source: 'v1.89.0 release notes (gate /public/mcp_hub strictly on litellm.public_mcp_servers, PR #27764)',
          },
        ],
      }),
    ),
    public_mcp_hub_strict_whitelist: flag,
    default_mcp_sampling_model: text,
    budget_exceeded_status_code: count.meta(history({ since: '1.104.0', source: 'v1.104.0 release notes (budget status code, PR #42097)' })),
  })
  .partial();

/** The MCP environment variables LiteLLM reads (names only: values are free text). */
export const MCP_ENV_VARS = [
  'PROXY_BASE_URL',
  'SERVER_ROOT_PATH',
  'SERVER_ROOT_PATHS',
  'MCP_TRUSTED_REDIRECT_ORIGINS',
  'MCP_TRUSTED_NATIVE_REDIRECT_URIS',
  'LITELLM_ENABLE_MCP_STDIO',
  'LITELLM_MCP_STDIO_EXTRA_COMMANDS',
  'MCP_NPM_CACHE_DIR',
  'LITELLM_MCP_CLIENT_TIMEOUT',
  'LITELLM_MCP_TOOL_LISTING_TIMEOUT',
  'MCP_SSO_ASSERTION_CACHE_TTL_SECONDS',
  'LITELLM_MCP_METADATA_TIMEOUT',
  'LITELLM_MCP_HEALTH_CHECK_TIMEOUT',
  'LITELLM_MCP_OAUTH_DISCOVERY_ON_STARTUP',
  'LITELLM_MCP_CLIENT_SIDE_AUTH_HEADER_NAME',
  'LITELLM_MCP_SERVER_NAME',
  'LITELLM_MCP_SERVER_DESCRIPTION',
  'MCP_TOOL_PREFIX_SEPARATOR',
  'LITELLM_USE_SHORT_MCP_TOOL_PREFIX',
  'MCP_OAUTH2_TOKEN_CACHE_DEFAULT_TTL',
  'MCP_OAUTH2_TOKEN_CACHE_MAX_SIZE',
  'MCP_OAUTH2_TOKEN_CACHE_MIN_TTL',
  'MCP_OAUTH2_TOKEN_EXPIRY_BUFFER_SECONDS',
  'MCP_PER_USER_TOKEN_DEFAULT_TTL',
  'MCP_PER_USER_TOKEN_EXPIRY_BUFFER_SECONDS',
  'MCP_TOKEN_EXCHANGE_CACHE_MAX_SIZE',
  'JWT_ISSUER',
  'LITELLM_MASTER_KEY',
  'LITELLM_SALT_KEY',
  'DATABASE_URL',
  'STORE_MODEL_IN_DB',
] as const;

// The docs' v1.81.10-nightly release commit documented the four token-cache variables of M2M OAuth2.
const M2M_TOKEN_CACHE_BY = 'v1.81.12 release notes (MCP M2M OAuth2 support, PR #20788); documented with the v1.81.10-nightly release';

/** What is known of the MCP environment variables' history (the rest: no verified version). */
export const ENV_VAR_HISTORY: Partial<Record<(typeof MCP_ENV_VARS)[number], KeyHistory>> = {
  // stdio_gate.is_mcp_stdio_enabled() reads os.environ only (page stdio-mcp-servers-disabled-by-default).
  LITELLM_ENABLE_MCP_STDIO: { since: '1.104.0', processEnvOnly: true, source: 'v1.104.0 release notes (stdio MCP servers off by default, PR #44066)' },
  LITELLM_MCP_CLIENT_SIDE_AUTH_HEADER_NAME: { since: '1.74.3', source: 'v1.74.3 release notes (customise the client-side auth header, PR #12460)' },
  // Read together with the command allowlist (see `command` above).
  LITELLM_MCP_STDIO_EXTRA_COMMANDS: { since: '1.83.6', source: 'v1.83.7 release notes (block arbitrary command execution via stdio, PR #25343; first shipped in v1.83.6-nightly)' },
  // The separator was a constant before; v1.74.7 reads it from the environment.
  MCP_TOOL_PREFIX_SEPARATOR: { since: '1.74.7', source: 'v1.74.7 release notes (MCP_TOOL_PREFIX_SEPARATOR configurable from env, PR #12603)' },
  // PR #22287 (March 2026) added the four LITELLM_MCP_*_TIMEOUT variables; no release note lists it.
  LITELLM_MCP_TOOL_LISTING_TIMEOUT: { presentBy: { version: '1.101.0', source: 'v1.101.0 release notes (raise LITELLM_MCP_TOOL_LISTING_TIMEOUT for slow upstreams, PR #39172)' } },
  MCP_SSO_ASSERTION_CACHE_TTL_SECONDS: { since: '1.101.0', source: 'v1.101.0 release notes (cache SSO identity assertions on the ID-JAG path, PR #39348)' },
  SERVER_ROOT_PATHS: { since: '1.102.0', source: 'v1.102.0 release notes (several ingress prefixes, MCP OAuth discovery included, PR #35935)' },
  LITELLM_USE_SHORT_MCP_TOOL_PREFIX: { since: '1.84.0', source: 'v1.84.0 release notes (opt-in short-id MCP tool prefix, PR #26733)' },
  // Constants before; read from the environment since PR #30473.
  LITELLM_MCP_SERVER_NAME: { since: '1.90.0', source: 'v1.90.0 release notes (MCP gateway name and description configurable via env vars, PR #30473)' },
  LITELLM_MCP_SERVER_DESCRIPTION: { since: '1.90.0', source: 'v1.90.0 release notes (MCP gateway name and description configurable via env vars, PR #30473)' },
  // litellm-docs commit 3531cea4 names PR #25441 as the one that added both.
  MCP_PER_USER_TOKEN_DEFAULT_TTL: { since: '1.83.7', source: 'v1.83.7 release notes (per-user OAuth token storage for interactive MCP flows, PR #25441)' },
  MCP_PER_USER_TOKEN_EXPIRY_BUFFER_SECONDS: { since: '1.83.7', source: 'v1.83.7 release notes (per-user OAuth token storage for interactive MCP flows, PR #25441)' },
  // The HTTPS-origin allowlist for first-party redirect_uri values; documented with PROXY_BASE_URL (litellm-docs PR #145).
  MCP_TRUSTED_REDIRECT_ORIGINS: { since: '1.86.0', source: 'v1.86.0 release notes (allowlisted redirect URIs in OAuth setup, PR #27761)' },
  MCP_TRUSTED_NATIVE_REDIRECT_URIS: { since: '1.87.0', source: 'v1.87.0 release notes (native MCP OAuth for Cursor, PR #28327, which adds the variable)' },
  // litellm-docs commit cbf81aff names PR #27008 as the one that added it (a 2024 JWT_ISSUER check was removed a day after it landed).
  JWT_ISSUER: { since: '1.85.0', source: 'v1.85.0 release notes (JWT issuer verification, PR #27008)' },
  MCP_TOKEN_EXCHANGE_CACHE_MAX_SIZE: {
    presentBy: { version: '1.85.0', source: 'v1.85.0 release notes (OBO MCP auth, PR #27421); the variable was documented on 2026-05-01, before that release' },
  },
  MCP_OAUTH2_TOKEN_CACHE_DEFAULT_TTL: { presentBy: { version: '1.81.12', source: M2M_TOKEN_CACHE_BY } },
  MCP_OAUTH2_TOKEN_CACHE_MAX_SIZE: { presentBy: { version: '1.81.12', source: M2M_TOKEN_CACHE_BY } },
  MCP_OAUTH2_TOKEN_CACHE_MIN_TTL: { presentBy: { version: '1.81.12', source: M2M_TOKEN_CACHE_BY } },
  MCP_OAUTH2_TOKEN_EXPIRY_BUFFER_SECONDS: { presentBy: { version: '1.81.12', source: M2M_TOKEN_CACHE_BY } },
  STORE_MODEL_IN_DB: { presentBy: { version: '1.55.8', source: 'v1.55.8-stable release notes (deploy with -e STORE_MODEL_IN_DB=True)' } },
  DATABASE_URL: { presentBy: { version: '1.65.0', source: PREDATES_MCP } },
  LITELLM_MASTER_KEY: { presentBy: { version: '1.65.0', source: MASTER_KEY_PREDATES_MCP } },
  LITELLM_SALT_KEY: { presentBy: { version: '1.65.0', source: PREDATES_MCP } },
  PROXY_BASE_URL: { presentBy: { version: '1.65.0', source: PREDATES_MCP } },
  SERVER_ROOT_PATH: { presentBy: { version: '1.65.0', source: PREDATES_MCP } },
};

/** A key the config needs when another key has a value (`when` and `requires` are paths within one section or server entry). */
export const ConfigRuleSchema = z
  .object({
    /** `server` for each `mcp_servers` entry, or a root section (`general_settings`). */
    scope: z.union([z.literal('server'), z.enum(['general_settings', 'litellm_settings'])]),
    /** The key whose value triggers the rule. */
    when: z.string(),
    /** The values that trigger it (any of them). */
    is: z.array(z.union([z.string(), z.boolean()])).min(1),
    /** The keys that must then be set. */
    requires: z.array(z.string()).min(1),
    /** Why, in one sentence. */
    because: z.string().min(10),
    /** The first LiteLLM version that requires it (only where verified); absent: every version modelled. */
    since: z.string().regex(/^\d+\.\d+\.\d+$/).optional(),
    /** Where `since` was read: the release note and PR. */
    source: z.string().optional(),
    /**
     * The page that documents the failure when the keys are missing. Another page whose YAML shows
     * the trigger without them, for versions the rule covers, contradicts that page: the build fails.
     */
    page: z.string().optional(),
  })
  .strict();
/** A key the config needs when another key has a value. */
export type ConfigRule = z.output<typeof ConfigRuleSchema>;

/** The combinations LiteLLM requires (each read from its source; see the `because`). */
export const CONFIG_RULES: ConfigRule[] = [
  {
    scope: 'server',
    when: 'auth_type',
    is: ['oauth2'],
    requires: ['oauth2_flow'],
    because: 'the config loader rejects an oauth2 server from config.yaml that does not say which OAuth flow it uses',
    since: '1.93.0',
    source: 'v1.93.0 release notes (oauth2_flow required in config, PR #32292)',
    page: 'config-oauth2-flow-required',
  },
  {
    scope: 'server',
    when: 'oauth2_flow',
    is: ['client_credentials'],
    requires: ['client_id', 'client_secret', 'token_url'],
    because: 'the machine-to-machine flow fetches a token from token_url with the client id and secret',
  },
  {
    scope: 'server',
    when: 'transport',
    is: ['stdio'],
    requires: ['command', 'args'],
    because: 'a stdio server is a process the gateway starts, so it needs the command and its arguments',
    page: 'stdio-server-missing-command-or-args',
  },
  {
    scope: 'general_settings',
    when: 'use_x_forwarded_for',
    is: [true, 'true', 'True'],
    requires: ['mcp_trusted_proxy_ranges'],
    because: 'without trusted proxy ranges the gateway ignores X-Forwarded-For and MCP client-IP resolution fails closed',
    // No release before the key existed can require it.
    since: '1.89.0',
    source: 'v1.89.0 release notes (PR #28356 brought mcp_trusted_proxy_ranges and the trusted-proxy check)',
    page: 'mcp-client-ip-fails-closed-behind-proxy',
  },
];

/**
 * LiteLLM joins a server's prefix and a tool's name with the separator, so from 1.81.12 it refuses
 * a server name or alias that contains it (default `-`) or a space: the proxy does not load the
 * config, and the API answers 400.
 */
export const SERVER_NAME_RULE: ServerNameRule = {
  separatorEnv: 'MCP_TOOL_PREFIX_SEPARATOR',
  defaultSeparator: '-',
  since: '1.81.12',
  source: 'v1.81.12 release notes (block spaces and hyphens in MCP server names and aliases, PR #21074)',
  page: 'server-name-contains-tool-prefix-separator',
};

/** The config model as plain data for the rules artifact (the engine reads it; see src/engine/config-model.ts). */
export function compileConfigModel(): {
  server: unknown;
  generalSettings: unknown;
  litellmSettings: unknown;
  envVars: string[];
  envVarHistory: Record<string, KeyHistory>;
  rules: ConfigRule[];
  serverName: ServerNameRule;
} {
  const plain = (schema: z.ZodType): unknown => {
    const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { unrepresentable: 'any' }) as Record<string, unknown>;
    return rest;
  };
  return {
    server: plain(McpServerEntrySchema),
    generalSettings: plain(McpGeneralSettingsSchema),
    litellmSettings: plain(McpLitellmSettingsSchema),
    envVars: [...MCP_ENV_VARS],
    envVarHistory: { ...ENV_VAR_HISTORY },
    rules: CONFIG_RULES.map((rule) => ConfigRuleSchema.parse(rule)),
    serverName: { ...SERVER_NAME_RULE },
  };
}

/**
 * A model of the MCP part of LiteLLM's `config.yaml`: the keys of an `mcp_servers.<name>` entry,
 * the MCP keys of `general_settings` and `litellm_settings`, and the MCP environment variables,
 * with their types and allowed values, plus the combinations LiteLLM requires. Read from LiteLLM's
 * config loader (`load_servers_from_config`), the `MCPServer` model
 * (`litellm/types/mcp_server/mcp_server_manager.py`), `litellm/types/mcp.py` and
 * `litellm/proxy/_experimental/mcp_server/`; a version is given only where it was verified
 * (`.meta({ since })`, `.meta({ valuesSince })` for an allowed value added later, and a rule's
 * `since` for a key that became required), never guessed. The build checks every page's YAML
 * against these versions and the page's own range (src/catalog/check-snippet-versions.ts).
 *
 * The engine cannot import zod: `compileConfigModel` turns this into plain JSON Schema data that
 * goes into the rules artifact, and the checker lints configs against that (src/engine/lint-config.ts).
 */
import { z } from 'zod';

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

/** The keys of one `mcp_servers.<name>` entry in config.yaml. */
export const McpServerEntrySchema = z
  .object({
    url: text.describe('the upstream MCP endpoint (or, with spec_path, the base URL override)'),
    transport: z.enum(['http', 'sse', 'stdio']).describe('the upstream transport; http is streamable HTTP'),
    spec_path: text.describe('an OpenAPI spec (file or URL) that turns the server into an OpenAPI-to-MCP server'),
    command: text.describe('the stdio executable'),
    args: names.describe('the stdio arguments'),
    env: textMap.describe('the stdio child environment'),
    // The two client-forwarded modes arrived with the DCR bridge (v1.93.0 release notes, "Client-forwarded MCP credentials").
    auth_type: z.enum(AUTH_TYPES).describe('how the gateway authenticates to the upstream server').meta({ valuesSince: { true_passthrough: '1.93.0', oauth_delegate: '1.93.0' } }),
    authentication_token: text.describe('the static upstream credential'),
    auth_value: text.describe('the static upstream credential (alias of authentication_token)'),
    extra_headers: names.describe('the names of client request headers to copy upstream, not their values'),
    static_headers: textMap.describe('fixed headers sent upstream'),
    // v1.89.0 release notes: per-server environment variables with global and per-user scopes (PR #28917).
    env_vars: z
      .array(z.object({ name: text, value: text.optional(), scope: z.enum(['global', 'user']).optional(), description: text.optional() }).strict())
      .describe('variables for ${NAME} placeholders in static_headers')
      .meta({ since: '1.89.0' }),
    allowed_tools: names,
    disallowed_tools: names,
    allowed_params: z.record(z.string(), names),
    tool_name_to_display_name: z.record(z.string(), z.string()),
    tool_name_to_description: z.record(z.string(), z.string()),
    access_groups: names,
    allow_all_keys: flag,
    // v1.81.9 release notes: MCP IP-based access control; the column came with PR #20607.
    available_on_public_internet: flag.describe('false: only callers from mcp_internal_ip_ranges see the server').meta({ since: '1.81.9' }),
    allowed_cidrs: names,
    allowed_response_headers: names,
    alias: text,
    description: text,
    server_name: text,
    mcp_info: z.record(z.string(), z.unknown()),
    instructions: text,
    timeout: count,
    max_concurrent_requests: count,
    allow_sampling: flag,
    allow_elicitation: flag,
    client_id: text,
    client_secret: text,
    scopes: names,
    oauth2_flow: z.enum(['client_credentials', 'authorization_code']).describe('machine-to-machine or interactive per-user OAuth'),
    issuer: text,
    authorization_url: text,
    token_url: text,
    registration_url: text,
    token_endpoint_auth_method: z.enum(['client_secret_post', 'client_secret_basic', 'private_key_jwt']),
    upstream_resource: text,
    upstream_token_header: text,
    token_validation: z.record(z.string(), z.unknown()),
    token_storage_ttl_seconds: count,
    delegate_auth_to_upstream: flag,
    // v1.89.0 release notes: MCP OAuth passthrough (PR #28356).
    oauth_passthrough: flag.meta({ since: '1.89.0' }),
    // dcr_bridge is read with `is True`: a quoted "true" is off (see the rules below).
    // v1.93.0 release notes: the dcr_bridge path of client-forwarded MCP credentials.
    dcr_bridge: z.boolean().meta({ since: '1.93.0' }),
    token_exchange_endpoint: text,
    audience: text,
    subject_token_type: text,
    token_exchange_profile: z.enum(['rfc8693', 'entra_obo']),
    id_jag_resource_token_endpoint: text,
    id_jag_resource: text,
    client_private_key: text,
    client_private_key_id: text,
    client_assertion_signing_alg: text,
    aws_access_key_id: text,
    aws_secret_access_key: text,
    aws_session_token: text,
    aws_region_name: text,
    aws_service_name: text,
    aws_role_name: text,
    aws_session_name: text,
    is_byok: flag,
    byok_description: names,
    byok_api_key_help_url: text,
  })
  .partial()
  .strict();

/** The MCP keys of `general_settings` (other keys of the section are LiteLLM's, not modelled here). */
export const McpGeneralSettingsSchema = z
  .object({
    master_key: text,
    use_x_forwarded_for: flag,
    mcp_trusted_proxy_ranges: names,
    mcp_xff_num_trusted_hops: count,
    // The network half of the same v1.81.9 feature (docs: "Exposing MCPs on the Public Internet").
    mcp_internal_ip_ranges: names.meta({ since: '1.81.9' }),
    mcp_client_side_auth_header_name: text,
    require_key_mcp_access_defined: flag,
    require_end_user_mcp_access_defined: flag,
    mcp_required_fields: names,
    enable_mcp_registry: flag,
    user_mcp_management_mode: z.enum(['view_all', 'restricted']),
    mcp_allowed_clients: z.array(z.object({ alias: text, value: text }).strict()),
    mcp_client_id_header: text,
    mcp_advertised_versions: names,
    store_model_in_db: flag,
  })
  .partial();

/** The MCP keys of `litellm_settings`. */
export const McpLitellmSettingsSchema = z
  .object({
    mcp_aliases: z.record(z.string(), z.string()),
    mcp_tool_search: z.record(z.string(), z.unknown()),
    // Read by litellm/proxy/hooks/mcp_semantic_filter/hook.py (enabled, embedding_model, top_k, similarity_threshold).
    mcp_semantic_tool_filter: z.record(z.string(), z.unknown()),
    public_mcp_servers: names,
    public_mcp_hub_strict_whitelist: flag,
    default_mcp_sampling_model: text,
    budget_exceeded_status_code: count.meta({ since: '1.104.0' }),
  })
  .partial();

/** The MCP environment variables LiteLLM reads (names only: values are free text). */
export const MCP_ENV_VARS = [
  'PROXY_BASE_URL',
  'SERVER_ROOT_PATH',
  'MCP_TRUSTED_REDIRECT_ORIGINS',
  'MCP_TRUSTED_NATIVE_REDIRECT_URIS',
  'LITELLM_ENABLE_MCP_STDIO',
  'LITELLM_MCP_STDIO_EXTRA_COMMANDS',
  'MCP_NPM_CACHE_DIR',
  'LITELLM_MCP_CLIENT_TIMEOUT',
  'LITELLM_MCP_TOOL_LISTING_TIMEOUT',
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
    // PR #32292 ("oauth2_flow … required in config"), listed in the v1.93.0 release notes.
    since: '1.93.0',
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
    page: 'mcp-client-ip-fails-closed-behind-proxy',
  },
];

/** The config model as plain data for the rules artifact (the engine reads it; see src/engine/config-model.ts). */
export function compileConfigModel(): {
  server: unknown;
  generalSettings: unknown;
  litellmSettings: unknown;
  envVars: string[];
  rules: ConfigRule[];
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
    rules: CONFIG_RULES.map((rule) => ConfigRuleSchema.parse(rule)),
  };
}

/**
 * The token formats the masker recognises anywhere in a text, one entry per format. The reference
 * list is gitleaks' default ruleset (https://github.com/gitleaks/gitleaks, `config/gitleaks.toml`,
 * v8.x, read 2026-12): each entry names the gitleaks rule ids it stands for, so a format gitleaks
 * adds can be looked up and added here. The patterns are written for this project (gitleaks' own
 * patterns are not copied): each is linear (a lookbehind pins the start to a word start, then one
 * character class with a bounded count) and keeps a recognisable prefix so the masked text still
 * says what kind of secret was there. Formats without a gitleaks rule say `mcpfix` instead.
 */

/** One token format. */
export interface SecretRule {
  /** The gitleaks rule ids this entry covers (`mcpfix:<name>` for formats gitleaks has no rule for). */
  ids: readonly string[];
  /** The format: group 1 is the prefix kept in the output, group 2 the secret itself. Global flag. */
  pattern: RegExp;
  /** Substrings one of which every match contains; a line holding none skips the rule. */
  hints: readonly string[];
  /** Whether a match is a secret (e.g. `sk-` followed by a word is prose, not a key). */
  isSecret?: (body: string) => boolean;
}

const hasDigit = (body: string): boolean => /\d/.test(body);

// Each pattern starts where no word character comes before, or right after a `\n`/`\r`/`\t` escape: a paste
// quoted inside JSON (a JSON-RPC error message, `--json` output) puts the escape's letter before the token.
/** Every token format, most specific first: an earlier rule's mask is never re-read by a later one. */
export const SECRET_RULES: readonly SecretRule[] = [
  {
    ids: ['jwt', 'jwt-base64'],
    // Three base64url parts, the first always `eyJ` (`{"`).
    pattern: /(?:(?<![\w-])|(?<=\\[nrt]))(eyJ)([A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*)/g,
    hints: ['eyJ'],
  },
  {
    ids: ['stripe-access-token'],
    pattern: /(?:(?<![\w-])|(?<=\\[nrt]))((?:sk|rk)_(?:live|test|prod)_)([A-Za-z0-9]{10,})/g,
    hints: ['_live_', '_test_', '_prod_'],
  },
  {
    // LiteLLM virtual and master keys, OpenAI (`sk-proj-`), Anthropic (`sk-ant-`) and the many
    // OpenAI-compatible providers that copied the shape.
    ids: ['openai-api-key', 'anthropic-api-key', 'anthropic-admin-api-key', 'mcpfix:litellm-key'],
    pattern: /(?<![A-Za-z0-9_-])(sk-)([A-Za-z0-9_-]{4,})/g,
    hints: ['sk-'],
    isSecret: (body) => hasDigit(body) || body.length >= 20,
  },
  {
    ids: ['github-pat', 'github-oauth', 'github-app-token', 'github-refresh-token', 'github-fine-grained-pat'],
    pattern: /(?<![A-Za-z0-9_])(gh[opusr]_|github_pat_)([A-Za-z0-9_]{16,})/g,
    hints: ['gh', 'github_pat_'],
  },
  {
    ids: ['gitlab-pat', 'gitlab-ptt', 'gitlab-rrt', 'gitlab-deploy-token', 'gitlab-feed-token', 'gitlab-cicd-job-token', 'gitlab-scim-token'],
    pattern: /(?<![A-Za-z0-9_-])(gl(?:pat|ptt|rt|dt|ft|cbt|soat|imt|agent)-)([A-Za-z0-9_-]{16,})/g,
    hints: ['gl'],
  },
  {
    ids: ['slack-bot-token', 'slack-user-token', 'slack-app-token', 'slack-config-access-token', 'slack-legacy-token'],
    pattern: /(?<![A-Za-z0-9-])(xox[abposre]-|xapp-)([A-Za-z0-9-]{8,})/g,
    hints: ['xox', 'xapp-'],
  },
  {
    ids: ['slack-webhook-url'],
    pattern: /(hooks\.slack\.com\/(?:services|workflows|triggers)\/)([A-Za-z0-9+/_-]{8,})/g,
    hints: ['hooks.slack.com'],
  },
  {
    ids: ['aws-access-token'],
    pattern: /(?<![A-Z0-9])(AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])([A-Z0-9]{16})(?![A-Z0-9])/g,
    hints: ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'A3T'],
  },
  {
    ids: ['gcp-api-key'],
    pattern: /(?:(?<![\w-])|(?<=\\[nrt]))(AIza)([A-Za-z0-9_-]{30,})/g,
    hints: ['AIza'],
  },
  {
    ids: ['huggingface-access-token', 'huggingface-organization-api-token'],
    pattern: /(?:(?<![\w-])|(?<=\\[nrt]))(hf_|api_org_)([A-Za-z0-9]{30,})/g,
    hints: ['hf_', 'api_org_'],
  },
  {
    ids: ['npm-access-token'],
    pattern: /(?:(?<![\w-])|(?<=\\[nrt]))(npm_)([A-Za-z0-9]{30,})/g,
    hints: ['npm_'],
  },
  {
    ids: ['pypi-upload-token'],
    pattern: /(?:(?<![\w-])|(?<=\\[nrt]))(pypi-)(AgE[A-Za-z0-9_-]{40,})/g,
    hints: ['pypi-'],
  },
  {
    ids: ['sendgrid-api-token'],
    pattern: /(?:(?<![\w-])|(?<=\\[nrt]))(SG\.)([A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,})/g,
    hints: ['SG.'],
  },
  {
    ids: ['digitalocean-pat', 'digitalocean-access-token', 'digitalocean-refresh-token'],
    pattern: /(?:(?<![\w-])|(?<=\\[nrt]))(do[opr]_v1_)([a-f0-9]{32,})/g,
    hints: ['_v1_'],
  },
  {
    ids: ['shopify-access-token', 'shopify-custom-access-token', 'shopify-private-app-access-token', 'shopify-shared-secret'],
    pattern: /(?:(?<![\w-])|(?<=\\[nrt]))(shp(?:at|ca|pa|ss)_)([a-fA-F0-9]{20,})/g,
    hints: ['shp'],
  },
  {
    ids: ['doppler-api-token'],
    pattern: /(?<![\w.-])(dp\.(?:pt|st|sa|ct|scim|audit)\.)([A-Za-z0-9]{20,})/g,
    hints: ['dp.'],
  },
  {
    ids: ['linear-api-key'],
    pattern: /(?:(?<![\w-])|(?<=\\[nrt]))(lin_api_)([A-Za-z0-9]{20,})/g,
    hints: ['lin_api_'],
  },
  {
    ids: ['postman-api-token'],
    pattern: /(?:(?<![\w-])|(?<=\\[nrt]))(PMAK-)([A-Za-z0-9-]{20,})/g,
    hints: ['PMAK-'],
  },
  {
    ids: ['pulumi-api-token'],
    pattern: /(?:(?<![\w-])|(?<=\\[nrt]))(pul-)([a-f0-9]{32,})/g,
    hints: ['pul-'],
  },
  {
    ids: ['age-secret-key'],
    pattern: /(AGE-SECRET-KEY-1)([A-Z0-9]{20,})/g,
    hints: ['AGE-SECRET-KEY-'],
  },
  {
    ids: ['databricks-api-token'],
    pattern: /(?:(?<![\w-])|(?<=\\[nrt]))(dapi)([a-f0-9]{32})(?:-\d)?(?![\w])/g,
    hints: ['dapi'],
  },
  {
    ids: ['grafana-cloud-api-token', 'grafana-service-account-token'],
    pattern: /(?:(?<![\w-])|(?<=\\[nrt]))(glc_|glsa_)([A-Za-z0-9_+/=-]{24,})/g,
    hints: ['glc_', 'glsa_'],
  },
  {
    ids: ['hashicorp-tf-api-token'],
    pattern: /(?:(?<![\w-])|(?<=\\[nrt]))([A-Za-z0-9]{10,}\.atlasv1\.)([A-Za-z0-9_=-]{40,})/g,
    hints: ['.atlasv1.'],
  },
  {
    ids: ['vault-service-token', 'vault-batch-token'],
    pattern: /(?<![\w.-])(hv[sb]\.)([A-Za-z0-9_-]{20,})/g,
    hints: ['hvs.', 'hvb.'],
  },
  {
    ids: ['mailgun-private-api-token'],
    pattern: /(?:(?<![\w-])|(?<=\\[nrt]))(key-)([a-f0-9]{32})(?![\w])/g,
    hints: ['key-'],
  },
  {
    ids: ['new-relic-user-api-key', 'new-relic-insert-key'],
    pattern: /(?:(?<![\w-])|(?<=\\[nrt]))(NRAK-|NRII-)([A-Z0-9]{20,})/g,
    hints: ['NRAK-', 'NRII-'],
  },
  {
    ids: ['sentry-user-token', 'sentry-org-token'],
    pattern: /(?:(?<![\w-])|(?<=\\[nrt]))(sntry[us]_)([A-Za-z0-9+/=_-]{20,})/g,
    hints: ['sntry'],
  },
  {
    ids: ['atlassian-api-token'],
    pattern: /(?:(?<![\w-])|(?<=\\[nrt]))(ATATT3)([A-Za-z0-9_=-]{40,})/g,
    hints: ['ATATT3'],
  },
  {
    ids: ['perplexity-api-key'],
    pattern: /(?:(?<![\w-])|(?<=\\[nrt]))(pplx-)([A-Za-z0-9]{30,})/g,
    hints: ['pplx-'],
  },
  {
    ids: ['twilio-api-key'],
    pattern: /(?:(?<![\w-])|(?<=\\[nrt]))(SK)([a-f0-9]{32})(?![\w])/g,
    hints: ['SK'],
  },
  {
    ids: ['telegram-bot-api-token'],
    pattern: /(?<![\w:-])(\d{8,10}:)(AA[A-Za-z0-9_-]{33})(?![\w-])/g,
    hints: [':AA'],
  },
  {
    // LangSmith and Groq keys: no gitleaks rule, but both are pasted into LiteLLM configs.
    ids: ['mcpfix:langsmith-api-key', 'mcpfix:groq-api-key'],
    pattern: /(?:(?<![\w-])|(?<=\\[nrt]))(lsv2_(?:pt|sk)_|gsk_)([A-Za-z0-9_]{30,})/g,
    hints: ['lsv2_', 'gsk_'],
  },
];

/**
 * Turns an inventory literal template into text LiteLLM could have printed: `{name}` placeholders
 * get plausible values, `…` (text the inventory left out) becomes a space.
 */
export function instantiateLiteral(template: string): string {
  return template
    .replace(/\{([a-z_.!]*)(?:![rs])?\}/gi, (_whole, name: string) => sampleFor(name.replace(/!.*$/, '')))
    .replace(/…/g, ' ');
}

// Values shaped like what LiteLLM interpolates, so patterns with \d+ or URLs still match.
function sampleFor(name: string): string {
  const key = name.toLowerCase();
  if (/status/.test(key)) return '401';
  if (/url|base|origin|setup/.test(key)) return 'https://litellm.example.com';
  if (/timeout|^s$|seconds/.test(key)) return '30';
  if (/^e$|exc|error|^x$|detail|desc/.test(key)) return 'boom';
  if (/user|^u$/.test(key)) return 'user-42';
  if (/id$/.test(key)) return 'srv_1234';
  if (/header/.test(key)) return 'Authorization';
  if (/tool/.test(key)) return 'github-create_issue';
  if (/name|server|alias|label|^s$/.test(key)) return 'github';
  return 'value';
}

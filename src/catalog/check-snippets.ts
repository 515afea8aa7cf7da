/**
 * Every YAML snippet in a page body is advice a reader will copy, so each one is linted against
 * the model of LiteLLM's MCP config (src/schemas/litellm-config.ts) with the checker's own linter:
 * the build fails naming the page, the snippet and the key. A snippet that shows a broken config
 * on purpose says so in its fence (```yaml invalid) and is skipped.
 */
import { parse } from 'yaml';
import { lintConfig, type ConfigModel } from '../engine/lint-config.ts';
import { compileConfigModel } from '../schemas/litellm-config.ts';
import type { ContentProblem } from './format-issue.ts';
import type { PageFile } from './read-pages.ts';

/** A fenced YAML block of a body: its info string, its text and the body line it starts on. */
interface Snippet {
  info: string;
  text: string;
  line: number;
}

const FENCE = /^([ \t]*)```ya?ml\b([^\n]*)\n([\s\S]*?)^\1```/gm;

/** The YAML fences of an MDX body, in order. */
export function yamlSnippetsOf(body: string): Snippet[] {
  return [...body.matchAll(FENCE)].map((match) => ({
    info: (match[2] ?? '').trim(),
    // A fence inside a list item is indented with it; the YAML is not.
    text: dedent(match[3] ?? '', (match[1] ?? '').length),
    line: body.slice(0, match.index).split('\n').length,
  }));
}

/** The problems of every page's YAML snippets (none when all validate). */
export function checkSnippets(pages: readonly PageFile[], model: ConfigModel = compileConfigModel() as ConfigModel): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const entry of pages) {
    yamlSnippetsOf(entry.body).forEach((snippet, at) => {
      if (/\binvalid\b/.test(snippet.info)) return;
      const field = `body (yaml snippet ${at + 1}, body line ${snippet.line})`;
      let value: unknown;
      try {
        value = parse(snippet.text);
      } catch (error) {
        problems.push({ file: entry.file, field, reason: `the snippet is not valid YAML (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); mark a deliberately broken one \`\`\`yaml invalid` });
        return;
      }
      for (const finding of lintConfig(value, model)) problems.push({ file: entry.file, field, reason: `${finding.path}: ${finding.message}` });
    });
  }
  return problems;
}

function dedent(text: string, width: number): string {
  if (width === 0) return text;
  return text
    .split('\n')
    .map((line) => (line.slice(0, width).trim() === '' ? line.slice(width) : line))
    .join('\n');
}

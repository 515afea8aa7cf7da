import type { z } from 'zod';

/** One problem found in the content, pinned to a file and a field. */
export interface ContentProblem {
  /** The file, relative to the project root. */
  file: string;
  /** The field, as a dotted path (`signatures.2.facts.0.pattern`); empty for the whole page. */
  field: string;
  /** Why it is wrong, in words a page author can act on. */
  reason: string;
}

/** Turns zod's issues for one page into problems that name the file and the field. */
export function problemsFromZod(file: string, error: z.ZodError): ContentProblem[] {
  return error.issues.map((issue) => ({
    file,
    field: issue.path.map(String).join('.'),
    reason: describeIssue(issue),
  }));
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `required field is missing (expected ${issue.expected})` : `expected ${issue.expected}, got ${typeOf(issue.input)}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      return issue.message.startsWith('Invalid input') ? 'does not match any allowed shape (check its kind and fields)' : issue.message;
    default:
      return issue.message;
  }
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value;
}

/** One line per problem: `content/errors/x.mdx: signatures.0.text: required field is missing`. */
export function formatProblems(problems: readonly ContentProblem[]): string {
  return problems.map((p) => `${p.file}: ${p.field || '(page)'}: ${p.reason}`).join('\n');
}

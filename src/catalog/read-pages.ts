import { readFileSync } from 'node:fs';
import { relative, basename } from 'node:path';
import { parseDocument, isScalar, visit, YAMLParseError } from 'yaml';
import { ErrorPageSchema, SlugSchema, type ErrorPageEntry } from '../schemas/index.ts';
import { problemsFromZod, type ContentProblem } from './format-issue.ts';
import { listPageFiles } from './list-page-files.ts';

export { listPageFiles };

/** A page read from disk: its id, its file and its validated frontmatter and body. */
export interface PageFile {
  /** The page id, from the file name. */
  id: string;
  /** The file, relative to the project root. */
  file: string;
  /** The validated frontmatter with the id. */
  page: ErrorPageEntry;
  /** The MDX body after the frontmatter. */
  body: string;
}

/** The pages read from a folder, and every problem found in them. */
export interface ReadResult {
  pages: PageFile[];
  problems: ContentProblem[];
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** Reads and validates one page file; problems name the file and the field. */
export function readPage(path: string, root: string): { page?: PageFile; problems: ContentProblem[] } {
  const file = relative(root, path) || path;
  const id = basename(path, '.mdx');
  const idCheck = SlugSchema.safeParse(id);
  if (!idCheck.success) {
    return { problems: [{ file, field: '(file name)', reason: `the file name is the page id and must be kebab-case: "${id}"` }] };
  }
  const source = readFileSync(path, 'utf8');
  const match = FRONTMATTER.exec(source);
  if (!match) {
    return { problems: [{ file, field: '(frontmatter)', reason: 'the file must start with a --- YAML frontmatter block ---' }] };
  }
  const document = parseDocument(match[1] ?? '', { prettyErrors: true });
  const [yamlError] = document.errors;
  if (yamlError) return { problems: [{ file, field: '(frontmatter)', reason: describeYamlError(yamlError) }] };
  const truncated = findTruncatedScalars(document);
  if (truncated.length > 0) return { problems: truncated.map((field) => ({ file, field, reason: TRUNCATED_REASON })) };
  const data: unknown = document.toJS();
  const parsed = ErrorPageSchema.safeParse(data);
  if (!parsed.success) return { problems: problemsFromZod(file, parsed.error) };
  return { page: { id, file, page: { ...parsed.data, id }, body: match[2] ?? '' }, problems: [] };
}

/** Reads and validates every page under a folder. */
export function readPages(folder: string, root: string): ReadResult {
  const pages: PageFile[] = [];
  const problems: ContentProblem[] = [];
  for (const path of listPageFiles(folder)) {
    const result = readPage(path, root);
    if (result.page) pages.push(result.page);
    problems.push(...result.problems);
  }
  return { pages, problems };
}

const TRUNCATED_REASON = 'an unquoted value followed by " #" loses the rest of the line to a YAML comment; quote the value';

// `says: see issue #29261` is valid YAML that silently means `says: see issue`: a trailing comment
// on a plain scalar is almost always an author's `#` that was meant as text.
function findTruncatedScalars(document: ReturnType<typeof parseDocument>): string[] {
  const fields: string[] = [];
  visit(document, {
    Scalar(_key, node, path) {
      if (isScalar(node) && node.type === 'PLAIN' && node.comment) fields.push(fieldPath(path, node));
    },
  });
  return fields;
}

function fieldPath(path: readonly unknown[], node: unknown): string {
  const keys: string[] = [];
  const chain = [...path, node];
  for (let i = 1; i < chain.length; i += 1) {
    const parent = chain[i - 1];
    const child = chain[i];
    if (parent && typeof parent === 'object' && 'items' in parent && Array.isArray(parent.items)) {
      const index = parent.items.indexOf(child);
      if (index >= 0 && !isPair(child)) keys.push(String(index));
    }
    if (isPair(child) && isScalar(child.key)) keys.push(String(child.key.value));
  }
  return keys.join('.');
}

function isPair(value: unknown): value is { key: unknown; value: unknown } {
  return !!value && typeof value === 'object' && 'key' in value && 'value' in value && !('items' in value);
}

function describeYamlError(error: YAMLParseError): string {
  // yaml's own message counts lines from the start of the frontmatter; ours counts from the top of the file.
  const where = error.linePos ? ` at line ${error.linePos[0].line + 1}` : '';
  const message = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  return `YAML does not parse${where}: ${message}`;
}

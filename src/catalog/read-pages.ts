import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, basename } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { ErrorPageSchema, SlugSchema, type ErrorPageEntry } from '../schemas/index.ts';
import { problemsFromZod, type ContentProblem } from './format-issue.ts';

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

/** Lists the `.mdx` files under a folder, recursively, in a stable order. */
export function listPageFiles(folder: string): string[] {
  const entries = readdirSync(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.mdx'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

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
  let data: unknown;
  try {
    data = parseYaml(match[1] ?? '');
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` at line ${error.linePos[0].line + 1}` : '';
    // yaml's own message counts lines from the start of the frontmatter; ours counts from the top of the file.
    const message = ((error as Error).message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    return { problems: [{ file, field: '(frontmatter)', reason: `YAML does not parse${where}: ${message}` }] };
  }
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

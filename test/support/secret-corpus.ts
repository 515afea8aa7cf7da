import { readFileSync } from 'node:fs';

/** One fake secret in the shape users paste it (test/fixtures/secrets/corpus.json). */
export interface CorpusEntry {
  shape: string;
  /** The gitleaks rule id (or `mcpfix:` name) the shape stands for. */
  ids: string;
  /** The text as pasted. */
  text: string;
  /** The part that must never be printed. */
  secret: string;
}

/** The secret corpus: every entry's `secret` must be absent from every output. */
export function readSecretCorpus(): CorpusEntry[] {
  const url = new URL('../fixtures/secrets/corpus.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { entries: CorpusEntry[] }).entries;
}

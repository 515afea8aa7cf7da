/**
 * The negative corpus: pastes that are no failure of LiteLLM's MCP gateway (test/fixtures/negative),
 * which the calibration tests and `npm run coverage` feed to the checker. SOURCES.md beside them
 * says where each came from and is no paste.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One paste of the negative corpus. */
export interface NegativePaste {
  /** The file name, which says what the paste is. */
  name: string;
  /** The paste; `.bin` files are read byte for byte, as a browser hands over a bad paste. */
  paste: string;
}

/** The file in the corpus folder that lists the pastes' sources. */
export const NEGATIVE_SOURCES_FILE = 'SOURCES.md';

/** Every paste of the corpus in `folder`, sorted by file name. */
export function readNegativeCorpus(folder: string): NegativePaste[] {
  return readdirSync(folder)
    .filter((name) => name !== NEGATIVE_SOURCES_FILE)
    .sort()
    .map((name) => ({ name, paste: readFileSync(join(folder, name), name.endsWith('.bin') ? 'latin1' : 'utf8') }));
}

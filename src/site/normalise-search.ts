/**
 * Search normalisation shared by the build (what gets indexed) and the browser (what gets
 * queried). Pagefind splits words on punctuation, so an error string such as
 * `{"error":"MCP request failed","details":""}` is only findable as its words; both sides reduce
 * text to lower-case letters and digits separated by single spaces.
 */

/** Reduces text to lower-case words of letters and digits separated by single spaces. */
export function normaliseForSearch(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Whether a query looks like a pasted error message rather than a few words typed by hand. */
export function isErrorLike(query: string): boolean {
  return /[{}[\]":=<>]|https?:\/\/|HTTP\/\d|Error\b|Exception\b|\n/.test(query) || query.length > 60;
}

/** A signature as the search ranks it. */
export interface RankableSignature {
  /** The signature id (its anchor is `sig-<id>`). */
  id: string;
  /** The text as shown on the page. */
  text: string;
}

/**
 * Scores how well a query names one signature: exact (raw) beats exact (normalised) beats the
 * query inside the signature beats the signature inside the query beats shared words. Earlier
 * signatures on a page win ties, since the first one is the page's main symptom.
 */
export function scoreSignature(query: string, signature: RankableSignature, position: number): number {
  const rawQuery = query.trim().toLowerCase();
  const rawText = signature.text.trim().toLowerCase();
  const normalQuery = normaliseForSearch(query);
  const normalText = normaliseForSearch(signature.text);
  const tieBreak = -position / 100;
  if (normalQuery === '' || normalText === '') return 0;
  if (rawQuery === rawText) return 4000 + tieBreak;
  if (normalQuery === normalText) return 3000 + tieBreak;
  if (normalText.includes(normalQuery)) return 2000 + (100 * normalQuery.length) / normalText.length + tieBreak;
  if (` ${normalQuery} `.includes(` ${normalText} `)) return 1000 + Math.min(normalText.length, 500) / 5 + tieBreak;
  const queryWords = new Set(normalQuery.split(' '));
  const textWords = new Set(normalText.split(' '));
  let shared = 0;
  for (const word of queryWords) if (textWords.has(word)) shared += 1;
  return (100 * shared) / Math.max(queryWords.size, textWords.size) + tieBreak;
}

/** The best signature of a page for a query, with its score. */
export function pickBestSignature(
  query: string,
  signatures: readonly RankableSignature[],
): { signature: RankableSignature; score: number } | undefined {
  let best: { signature: RankableSignature; score: number } | undefined;
  signatures.forEach((signature, position) => {
    const score = scoreSignature(query, signature, position);
    if (best === undefined || score > best.score) best = { signature, score };
  });
  return best;
}

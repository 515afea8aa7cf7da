/**
 * The LiteLLM version a paste is about, read from the forms people paste it in (a pip pin, a
 * Docker image tag, `pip show`, the proxy's version line, or prose such as "after upgrading to
 * 1.80"), and the version arithmetic the ranking needs: is it at least the release that fixed a
 * bug, is it inside a page's `affects` range.
 */

/** A LiteLLM version and the text it was read from. */
export interface LitellmVersion {
  /** `1.83.3`, or `1.80` when the paste gave no patch. */
  litellm: string;
  /** The words it was read from (`litellm==1.83.3`), or `--litellm-version`. */
  from: string;
}

const NUMBER = String.raw`v?(1\.\d{1,3}(?:\.\d{1,3})?)`;

// Most specific first: a pin or an image tag says exactly what runs; prose only roughly.
const FORMS: readonly RegExp[] = [
  new RegExp(String.raw`\blitellm(?:\[[\w,]+\])?\s*[=~]=\s*${NUMBER}\b`, 'i'),
  new RegExp(String.raw`\blitellm(?:-database|-non_root|-stable)?:(?:main-|litellm_stable_release_branch-)?${NUMBER}(?:[-.\w]*)`, 'i'),
  new RegExp(String.raw`\bname:\s*litellm\s*\n\s*version:\s*${NUMBER}\b`, 'i'),
  new RegExp(String.raw`\blitellm:?\s+(?:current\s+)?version\s*[=:]?\s*${NUMBER}\b`, 'i'),
  new RegExp(String.raw`\blitellm(?:\s+proxy)?\s+(?:version\s+|v)?${NUMBER}\b`, 'i'),
  new RegExp(String.raw`\b(?:upgrad(?:e|ed|ing)|updat(?:e|ed|ing)|bump(?:ed|ing)?|mov(?:e|ed|ing))\s+(?:litellm\s+)?to\s+${NUMBER}\b`, 'i'),
  new RegExp(String.raw`\b(?:running|on|since|using)\s+(?:litellm\s+)?${NUMBER.replace('v?', 'v')}\b`, 'i'),
];

/** The LiteLLM version the paste names, or null when it names none. */
export function readLitellmVersion(paste: string): LitellmVersion | null {
  const text = paste.length > 200_000 ? paste.slice(0, 200_000) : paste;
  for (const form of FORMS) {
    const found = form.exec(text);
    if (found?.[1]) return { litellm: found[1], from: found[0].replace(/\s+/g, ' ').trim() };
  }
  return null;
}

/** A version given on the command line or in the form, checked; null when it is not a LiteLLM version. */
export function parseGivenVersion(given: string): LitellmVersion | null {
  const found = /^\s*v?(1\.\d{1,3}(?:\.\d{1,3})?)(?:[-.\w]*)\s*$/i.exec(given);
  return found?.[1] ? { litellm: found[1], from: '--litellm-version' } : null;
}

type Parts = [number, number, number | undefined];

function partsOf(version: string): Parts | null {
  const found = /^v?(\d+)\.(\d+)(?:\.(\d+|x))?/i.exec(version.trim());
  if (!found) return null;
  const patch = found[3] === undefined || found[3].toLowerCase() === 'x' ? undefined : Number(found[3]);
  return [Number(found[1]), Number(found[2]), patch];
}

// Compares a (possibly patch-less) user version with an exact one: -1, 0, 1, or null when a
// missing patch makes it undecidable (1.80 vs 1.80.2).
function compare(user: Parts, other: Parts): number | null {
  if (user[0] !== other[0]) return user[0] < other[0] ? -1 : 1;
  if (user[1] !== other[1]) return user[1] < other[1] ? -1 : 1;
  if (user[2] === undefined || other[2] === undefined) return other[2] === 0 || other[2] === undefined ? 0 : null;
  return user[2] === other[2] ? 0 : user[2] < other[2] ? -1 : 1;
}

/** Whether `version` is at least `fixed` (false when a missing patch makes it unsure). */
export function isAtLeast(version: string, fixed: string): boolean {
  const user = partsOf(version);
  const other = partsOf(fixed);
  if (!user || !other) return false;
  const order = compare(user, other);
  return order !== null && order >= 0;
}

/**
 * Whether `version` lies in an `affects` range as pages write it: `1.83.3`, `1.84.x`, `<1.94.0`,
 * `>=1.83.6`, or several of them separated by spaces (all must hold). False when unsure.
 */
export function isInRange(version: string, range: string): boolean {
  const user = partsOf(version);
  if (!user) return false;
  const terms = range.trim().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return false;
  return terms.every((term) => {
    const found = /^(<=|>=|<|>|=)?\s*(.+)$/.exec(term);
    const other = found?.[2] ? partsOf(found[2]) : null;
    if (!found || !other) return false;
    const order = compare(user, other);
    const operator = found[1] ?? '=';
    if (operator === '=') {
      // `1.84.x` or `1.84` holds for any patch of 1.84; `1.83.3` only for itself.
      if (other[2] === undefined) return user[0] === other[0] && user[1] === other[1];
      return order === 0 && user[2] !== undefined;
    }
    if (order === null) return false;
    return operator === '<' ? order < 0 : operator === '<=' ? order <= 0 : operator === '>' ? order > 0 : order >= 0;
  });
}

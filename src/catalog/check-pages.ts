import type { PageFile } from './read-pages.ts';
import type { ContentProblem } from './format-issue.ts';

/**
 * Checks what no single page can check on its own: links between pages, alias collisions, and
 * pages that nothing could tell apart.
 */
export function checkPages(pages: readonly PageFile[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const ids = new Set(pages.map((p) => p.id));
  const aliasOwner = new Map<string, string>();

  for (const { id, file, page } of pages) {
    page.relatedErrors.forEach((related, index) => {
      if (related === id) problems.push({ file, field: `relatedErrors.${index}`, reason: 'a page cannot list itself as related' });
      else if (!ids.has(related)) problems.push({ file, field: `relatedErrors.${index}`, reason: `no page has the id "${related}"` });
    });
    page.aliases.forEach((alias, index) => {
      if (ids.has(alias)) {
        problems.push({ file, field: `aliases.${index}`, reason: `alias "${alias}" is the id of a page; an alias must be an old id no page uses` });
      } else if (aliasOwner.has(alias)) {
        problems.push({ file, field: `aliases.${index}`, reason: `alias "${alias}" is already an alias of ${aliasOwner.get(alias)}` });
      } else {
        aliasOwner.set(alias, id);
      }
    });
  }

  const byFingerprint = new Map<string, PageFile>();
  for (const entry of pages) {
    const fingerprint = fingerprintOf(entry);
    const twin = byFingerprint.get(fingerprint);
    if (twin) {
      problems.push({
        file: entry.file,
        field: 'signatures',
        reason: `same signatures and clues as ${twin.file}: the checker could never tell the two pages apart`,
      });
    } else {
      byFingerprint.set(fingerprint, entry);
    }
  }
  return problems;
}

// Signature ids, labels and weights are presentation; what the checker can observe is the facts.
function fingerprintOf({ page }: PageFile): string {
  const signatures = page.signatures.map((s) => canonical(s.facts)).sort();
  const clues = page.clues.map((c) => canonical({ fact: c.fact, sign: Math.sign(c.weight) })).sort();
  return JSON.stringify({ signatures, clues });
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : typeof v === 'string' ? v.toLowerCase().replace(/\s+/g, ' ').trim() : v,
  );
}

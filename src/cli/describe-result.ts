import type { CheckResult, Match, Suggestion } from '../engine/index.ts';
import type { Block } from './format-text.ts';

/** The public site the page URLs point at (astro.config.mjs `site`). */
export const SITE_ORIGIN = 'https://mcpfix.dev';

/** The full URL of a match: the page plus the anchor of the signature that matched best. */
export function pageUrlOf(match: Pick<Match, 'url' | 'anchor'>): string {
  return `${SITE_ORIGIN}${match.url}${match.anchor ?? ''}`;
}

/**
 * Describes the engine's answer as blocks: the verdict, the ranked pages with the evidence that
 * counted, the suggested changes, and what to paste next when nothing is confident. Shared by
 * `check` and `probe`, which differ only in what comes before.
 */
export function describeResult(result: CheckResult): Block[] {
  const blocks: Block[] = [];
  const [top, ...others] = result.matches;

  if (result.verdict === 'confident' && top) {
    blocks.push({ kind: 'verdict', tone: 'good', text: `Matched: ${top.title}` });
  } else if (top) {
    blocks.push({ kind: 'verdict', tone: 'warn', text: 'Not sure: no page matches confidently. The closest pages:' });
  } else {
    blocks.push({ kind: 'verdict', tone: 'warn', text: 'No page matches this.' });
  }

  if (top) {
    blocks.push({ kind: 'blank' });
    blocks.push(...describeMatch(top, 1, true));
    others.forEach((match, index) => {
      blocks.push({ kind: 'blank' });
      blocks.push(...describeMatch(match, index + 2, false));
    });
  }

  if (result.version) {
    blocks.push({ kind: 'blank' });
    blocks.push({ kind: 'field', label: 'LiteLLM', text: `${result.version.litellm} (from ${result.version.from})` });
  }

  if (result.suggestions.length > 0) {
    blocks.push({ kind: 'blank' });
    blocks.push({ kind: 'heading', text: 'Suggested change:' });
    for (const suggestion of result.suggestions) blocks.push(...describeSuggestion(suggestion));
  }

  if (result.lint.length > 0) {
    blocks.push({ kind: 'blank' });
    blocks.push({ kind: 'heading', text: 'In your config:' });
    for (const finding of result.lint) blocks.push({ kind: 'bullet', tone: 'warn', text: `${finding.path}: ${finding.message}` });
  }

  if (result.verdict !== 'confident' && result.nextSteps.length > 0) {
    blocks.push({ kind: 'blank' });
    blocks.push({ kind: 'heading', text: 'To narrow it down:' });
    for (const step of result.nextSteps) blocks.push({ kind: 'bullet', text: step });
  }

  if (result.notes.length > 0) {
    blocks.push({ kind: 'blank' });
    blocks.push({ kind: 'heading', text: 'Notes:' });
    for (const note of result.notes) blocks.push({ kind: 'bullet', text: note });
  }
  return blocks;
}

function describeMatch(match: Match, rank: number, isTop: boolean): Block[] {
  const blocks: Block[] = [
    { kind: 'match', rank, title: match.title, url: pageUrlOf(match), confidence: match.confidence, score: match.score },
  ];
  // The top match shows all its evidence; the runners-up show what counted most, to tell them apart.
  const evidence = isTop ? match.evidence : match.evidence.slice(0, 2);
  if (evidence.length > 0) {
    blocks.push({ kind: 'field', label: 'evidence', text: '' });
    for (const item of evidence) {
      blocks.push({
        kind: 'evidence',
        where: `${item.input}:${item.line}`,
        excerpt: item.excerpt.trim(),
        says: item.kind === 'contradiction' ? `against: ${item.says}` : item.says,
        weight: item.weight,
      });
    }
  }
  if (match.versionNote !== undefined) blocks.push({ kind: 'field', label: 'version', text: match.versionNote });
  if (isTop && match.related.length > 0) {
    blocks.push({ kind: 'field', label: 'related', text: match.related.map((id) => `${SITE_ORIGIN}/errors/${id}/`).join(', ') });
  }
  return blocks;
}

function describeSuggestion(suggestion: Suggestion): Block[] {
  switch (suggestion.kind) {
    case 'config-diff':
      return [
        { kind: 'bullet', text: suggestion.server ? `${suggestion.title} (server "${suggestion.server}")` : suggestion.title },
        { kind: 'code', text: suggestion.diff, isDiff: true },
      ];
    case 'config-snippet':
      return [
        { kind: 'bullet', text: `${suggestion.title} (give --config to get a diff of your own file)` },
        { kind: 'code', text: suggestion.yaml, isDiff: false },
      ];
    case 'env':
      return [
        { kind: 'bullet', text: `${suggestion.title} — in the proxy's environment:` },
        { kind: 'code', text: suggestion.line, isDiff: false },
      ];
    case 'upgrade':
      return [
        {
          kind: 'bullet',
          text: `${suggestion.title}: LiteLLM ${suggestion.version} or later${
            suggestion.pr !== undefined ? ` (https://github.com/BerriAI/litellm/pull/${suggestion.pr})` : ''
          }`,
        },
      ];
    case 'step':
      return [{ kind: 'bullet', text: suggestion.note ? `${suggestion.title}: ${suggestion.note}` : suggestion.title }];
  }
}

import type { CheckResult, CheckStep, Match, Suggestion } from '../engine/index.ts';
import type { Block } from './format-text.ts';
import { buildPasteSearchPath } from '../site/search-words.ts';
import { REPOSITORY_URL, SITE_ORIGIN } from '../site/site-urls.ts';
import { decidedByOf, describeConfidence, describeConfigShape } from '../site/verdict-words.ts';

export { SITE_ORIGIN };

/** The full URL of a match: the page plus the anchor of the signature that matched best. */
export function pageUrlOf(match: Pick<Match, 'url' | 'anchor'>): string {
  return `${SITE_ORIGIN}${match.url}${match.anchor ?? ''}`;
}

/**
 * Describes the engine's answer as blocks: the verdict, the ranked pages with the evidence that
 * counted, the suggested changes, what to check next (apart from the changes: it changes nothing),
 * and what to paste next when nothing is confident. Shared by `check` and `probe`, which differ
 * only in what comes before. Given the paste, a verdict that is
 * not confident ends with a search for its words and where to report a missing page: no dead end.
 */
export function describeResult(result: CheckResult, paste?: string): Block[] {
  const blocks: Block[] = [];
  const [top, ...others] = result.matches;

  if (result.verdict === 'confident' && top) {
    blocks.push({ kind: 'verdict', tone: 'good', text: `Matched: ${top.title}`, isOwn: true });
  } else if (top) {
    blocks.push({ kind: 'verdict', tone: 'warn', text: 'Not sure: no page matches confidently. The closest pages:', isOwn: true });
  } else {
    blocks.push({ kind: 'verdict', tone: 'warn', text: 'No page matches this.', isOwn: true });
  }

  if (top) {
    if (result.configShape) blocks.push({ kind: 'bullet', tone: 'warn', text: describeConfigShape(result.configShape) });
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
    blocks.push({ kind: 'heading', text: 'Suggested change:', isOwn: true });
    for (const suggestion of result.suggestions) blocks.push(...describeSuggestion(suggestion));
  }

  if (result.checkNext.length > 0) {
    blocks.push({ kind: 'blank' });
    blocks.push({ kind: 'heading', text: 'Check next (changes nothing; tells you more):', isOwn: true });
    for (const step of result.checkNext) blocks.push(...describeCheckStep(step));
  }

  if (result.lint.length > 0) {
    blocks.push({ kind: 'blank' });
    blocks.push({ kind: 'heading', text: 'In your config:', isOwn: true });
    for (const finding of result.lint) blocks.push({ kind: 'bullet', tone: 'warn', text: `${finding.path}: ${finding.message}` });
  }

  if (result.verdict !== 'confident' && result.nextSteps.length > 0) {
    blocks.push({ kind: 'blank' });
    blocks.push({ kind: 'heading', text: 'To narrow it down:', isOwn: true });
    for (const step of result.nextSteps) blocks.push({ kind: 'bullet', text: step, isOwn: true });
  }

  if (result.notes.length > 0) {
    blocks.push({ kind: 'blank' });
    blocks.push({ kind: 'heading', text: 'Notes:', isOwn: true });
    for (const note of result.notes) blocks.push({ kind: 'bullet', text: note });
  }

  if (result.verdict !== 'confident' && paste !== undefined) {
    blocks.push({ kind: 'blank' });
    blocks.push({ kind: 'heading', text: 'Not the page you need?', isOwn: true });
    blocks.push({ kind: 'bullet', text: `search the pages: ${SITE_ORIGIN}${buildPasteSearchPath(paste)}` });
    blocks.push({ kind: 'bullet', text: `report a missing page: ${REPOSITORY_URL}/issues/new (mcpfix check --markdown prints the masked paste to put in it)` });
  }
  return blocks;
}

function describeMatch(match: Match, rank: number, isTop: boolean): Block[] {
  const blocks: Block[] = [
    { kind: 'match', rank, title: match.title, url: pageUrlOf(match), confidence: describeConfidence(match.confidence, decidedByOf(match)) },
  ];
  // The top match shows all its evidence; the runners-up show what counted most, to tell them apart.
  const evidence = isTop ? match.evidence : match.evidence.slice(0, 2);
  if (match.signature) blocks.push({ kind: 'field', label: match.signature.isFull ? 'signature' : 'part of signature', text: `“${match.signature.text}”`, isOwn: true });
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
  if (match.tellApart !== undefined) blocks.push({ kind: 'field', label: 'tells it apart', text: match.tellApart, isOwn: true });
  if (match.versionNote !== undefined) blocks.push({ kind: 'field', label: 'version', text: match.versionNote, isOwn: true });
  if (isTop && match.related.length > 0) {
    blocks.push({ kind: 'field', label: 'related', text: '' });
    for (const related of match.related) blocks.push({ kind: 'bullet', isNested: true, text: `${related.title} — ${SITE_ORIGIN}${related.url}`, isOwn: true });
  }
  return blocks;
}

function describeSuggestion(suggestion: Suggestion): Block[] {
  switch (suggestion.kind) {
    case 'config-diff':
      return [
        { kind: 'bullet', text: suggestion.server ? `${suggestion.title} (server "${suggestion.server}")` : suggestion.title, isOwn: true },
        { kind: 'code', text: suggestion.diff, isDiff: true },
      ];
    case 'config-snippet':
      return [
        { kind: 'bullet', text: `${suggestion.title} (give --config to get a diff of your own file)`, isOwn: true },
        { kind: 'code', text: suggestion.yaml, isDiff: false, isOwn: true },
      ];
    case 'env':
      return [
        { kind: 'bullet', text: `${suggestion.title} — in the proxy's environment:`, isOwn: true },
        { kind: 'code', text: suggestion.line, isDiff: false, isOwn: true },
      ];
    case 'upgrade':
      return [
        {
          kind: 'bullet',
          text: `${suggestion.title}: LiteLLM ${suggestion.version} or later${
            suggestion.pr !== undefined ? ` (https://github.com/BerriAI/litellm/pull/${suggestion.pr})` : ''
          }`,
          isOwn: true,
        },
      ];
    case 'step':
      return [{ kind: 'bullet', text: suggestion.note ? `${suggestion.title}: ${suggestion.note}` : suggestion.title, isOwn: true }];
  }
}

function describeCheckStep(step: CheckStep): Block[] {
  const blocks: Block[] = [{ kind: 'bullet', text: step.note ? `${step.title}: ${step.note}` : step.title, isOwn: true }];
  if (step.command !== undefined) blocks.push({ kind: 'code', text: step.command, isDiff: false, isOwn: true });
  return blocks;
}

/**
 * The one Markdown formatter for GitHub issues and comments: `mcpfix check --markdown`, the
 * checker's and every error page's "Copy for a GitHub issue", and the GitHub Action all print
 * through it, so the same paste gives the same text everywhere. Pure: strings in, a string out.
 */
import { redactText } from '../engine/redact.ts';
import type { CheckResult, CheckStep, Match, Suggestion } from '../engine/index.ts';
import { buildLitellmPrUrl, SITE_ORIGIN } from './site-urls.ts';
import { confidenceLabel, describeConfigShape } from './verdict-words.ts';

/** Longest paste (in characters) the Markdown carries; GitHub refuses comments over 65,536. */
export const MAX_MARKDOWN_PASTE = 20_000;

/** What an error page, or a checker match, says about one failure: the part both Markdown texts share. */
export interface IssuePage {
  /** The page id. */
  id: string;
  /** The page title. */
  title: string;
  /** The signature the link points at. */
  signature: { id: string; text: string };
  /** LiteLLM versions the failure was seen in. */
  affects: readonly string[];
  /** The release (and PR) that fixed it. */
  fixedIn?: { version: string; pr?: number | undefined } | undefined;
}

/**
 * Masks secrets in anything the Markdown quotes from the user. Every quote goes through here, so a
 * stronger redaction in `src/engine/redact.ts` applies to the Markdown with no change in this file.
 */
export function maskForSharing(text: string): string {
  return redactText(text);
}

/** The Markdown a checker result turns into: the verdict, the page and its fix, and the masked paste. */
export function formatCheckMarkdown(result: CheckResult, paste: string): string {
  const [top, ...others] = result.matches;
  const blocks: string[] = [];
  if (result.verdict === 'confident' && top) {
    blocks.push(`**[mcpfix](${SITE_ORIGIN}/check/) says this is ${confidenceLabel(top.confidence).toLowerCase()}:** ${pageLink(top)}`);
    blocks.push(...pageBlocks(pageOfMatch(top), result.suggestions, result.checkNext));
  } else if (top) {
    blocks.push(`**[mcpfix](${SITE_ORIGIN}/check/) is not sure.** The closest pages:`);
    if (result.configShape) blocks.push(maskForSharing(describeConfigShape(result.configShape)));
    blocks.push([top, ...others].map((match) => `- ${pageLink(match)} (${confidenceLabel(match.confidence).toLowerCase()}; ${matchedBy(match)})${tellApartOf(match)}`).join('\n'));
  } else {
    blocks.push(`**[mcpfix](${SITE_ORIGIN}/check/) found no page for this paste.**`);
  }
  blocks.push(pasteDetails(paste));
  return `${blocks.join('\n\n')}\n`;
}

/** The Markdown an error page offers to copy into an issue: the same page blocks, with room for the reader's own paste. */
export function formatPageMarkdown(page: IssuePage, fixes: readonly Suggestion[], checkNext: readonly CheckStep[] = []): string {
  const blocks = [`**This looks like ${pageLink({ id: page.id, title: page.title, anchor: `#sig-${page.signature.id}` })}.**`, ...pageBlocks(page, fixes, checkNext)];
  blocks.push(['<details><summary>What I see (mask secrets first)</summary>', '', '```text', '(paste the error here)', '```', '', '</details>'].join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

/** The page facts of a checker match. */
export function pageOfMatch(match: Match): IssuePage {
  // Only a possible page (found by config or words) lacks a signature, and those are never confident.
  return { id: match.id, title: match.title, signature: match.signature ?? { id: '', text: match.title }, affects: match.affects, fixedIn: match.fixedIn };
}

// What found a page that is not confident: its signature, or the config or words of a possible page.
function matchedBy(match: Match): string {
  if (match.signature) return `signature ${codeSpan(match.signature.text)}`;
  if (match.fromConfig) return 'found by your config';
  return `shares the words ${(match.possible?.words ?? []).map(codeSpan).join(', ')}`;
}

// A page found by config alone says what would tell it apart from the others its config fits.
function tellApartOf(match: Match): string {
  return match.tellApart === undefined ? '' : `: ${maskForSharing(match.tellApart)}`;
}

function pageBlocks(page: IssuePage, fixes: readonly Suggestion[], checkNext: readonly CheckStep[]): string[] {
  const blocks = [`**Signature:** ${codeSpan(page.signature.text)}`];
  if (fixes.length > 0) blocks.push(`**Fix:**\n\n${fixes.map(describeFix).join('\n')}`);
  // Investigation steps change nothing, so they are listed apart from the fix, never numbered with it.
  if (checkNext.length > 0) blocks.push(`**Check next:**\n\n${checkNext.map(describeCheckStep).join('\n')}`);
  blocks.push(versionsLine(page));
  return blocks;
}

function versionsLine(page: IssuePage): string {
  const affected = page.affects.length === 0 ? 'not recorded' : page.affects.map(codeSpan).join(', ');
  const fixed = page.fixedIn
    ? `LiteLLM ${page.fixedIn.version}${page.fixedIn.pr === undefined ? '' : ` ([PR #${page.fixedIn.pr}](${buildLitellmPrUrl(page.fixedIn.pr)}))`}`
    : 'not recorded';
  return `**Affected:** ${affected} · **Fixed in:** ${fixed}`;
}

// Each fix is one list item; its YAML, diff or env line follows as an indented fenced block. Titles
// and notes are the page's own words: the masking rules, made for pastes, would misread them
// (`the client owns the upstream token: follow…` is no token); every fenced block is masked.
function describeFix(fix: Suggestion, index: number): string {
  const item = `${index + 1}. ${fix.title}`;
  switch (fix.kind) {
    case 'config-diff':
      return `${item}${fix.server === undefined ? '' : ` (server ${codeSpan(fix.server)})`}:\n${indentedFence(fix.diff, 'diff')}`;
    case 'config-snippet':
      return `${item}, in \`config.yaml\`:\n${indentedFence(fix.yaml, 'yaml')}`;
    case 'env':
      return `${item}, in the proxy's environment:\n${indentedFence(fix.line, 'sh')}`;
    case 'upgrade':
      return `${item}: LiteLLM ${fix.version} or later${fix.pr === undefined ? '' : ` ([PR #${fix.pr}](${buildLitellmPrUrl(fix.pr)}))`}`;
    case 'step':
      return fix.note === undefined ? item : `${item}: ${fix.note}`;
  }
}

function describeCheckStep(step: CheckStep): string {
  const item = `- ${step.title}${step.note === undefined ? '' : `: ${step.note}`}`;
  return step.command === undefined ? item : `${item}\n${indentedFence(step.command, 'sh', '  ')}`;
}

function pageLink(match: { id: string; title: string; anchor?: string | undefined }): string {
  const text = match.title.replace(/([\\[\]])/g, '\\$1');
  return `[${text}](${SITE_ORIGIN}/errors/${match.id}/${match.anchor ?? ''})`;
}

function pasteDetails(paste: string): string {
  const masked = maskForSharing(paste.replace(/\r\n/g, '\n')).replace(/\n+$/, '');
  const isCut = masked.length > MAX_MARKDOWN_PASTE;
  const shown = isCut ? masked.slice(0, MAX_MARKDOWN_PASTE) : masked;
  const parts = ['<details><summary>The paste (secrets masked by mcpfix)</summary>', '', fence(shown, 'text')];
  if (isCut) parts.push('', `(cut to the first ${MAX_MARKDOWN_PASTE.toLocaleString('en-US')} of ${masked.length.toLocaleString('en-US')} characters)`);
  parts.push('', '</details>');
  return parts.join('\n');
}

/** A fenced block whose fence is longer than any backtick run inside, so a paste can never close it early. */
function fence(text: string, info: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const marks = '`'.repeat(Math.max(3, longest + 1));
  return `${marks}${info}\n${maskForSharing(text).replace(/\n+$/, '')}\n${marks}`;
}

function indentedFence(text: string, info: string, indent = '   '): string {
  return fence(text, info)
    .split('\n')
    .map((line) => (line === '' ? line : `${indent}${line}`))
    .join('\n');
}

/** An inline code span that survives backticks in its text. */
function codeSpan(text: string): string {
  const safe = maskForSharing(text).replace(/\s+/g, ' ');
  const longest = Math.max(0, ...(safe.match(/`+/g) ?? []).map((run) => run.length));
  const marks = '`'.repeat(longest + 1);
  const pad = safe.startsWith('`') || safe.endsWith('`') ? ' ' : '';
  return `${marks}${pad}${safe}${pad}${marks}`;
}

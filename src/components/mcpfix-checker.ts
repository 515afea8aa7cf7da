import type { CheckResult, CheckStep, Match, Suggestion } from '../engine/index.ts';
import type { CheckerReply, CheckerRequest, ResultExtras } from './checker-protocol.ts';
import { renderHighlighted } from './render-highlighted.ts';
import { buildShareFragment, parseShareFragment } from '../site/share-fragment.ts';
import { describeOversizedInput } from '../site/input-limits.ts';
import { parseInlineMarkdown } from '../site/inline-markdown.ts';
import { decidedByOf, describeConfidence, describeConfigShape } from '../site/verdict-words.ts';
import './mcpfix-copy.ts';

// Typing waits for a pause; a paste, a drop or a share link is one whole text and is checked at once.
const DEBOUNCE_MS = 250;
const WHOLE_TEXT_INPUTS = new Set(['insertFromPaste', 'insertFromDrop', 'insertReplacementText']);
const LITELLM_PULL = 'https://github.com/BerriAI/litellm/pull/';

/** Creates an element with text content (never HTML). */
function make<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (text !== undefined) element.textContent = text;
  if (className !== undefined) element.className = className;
  return element;
}

/** Creates an `mcpfix-copy` element that copies the given text. */
function makeCopyButton(text: string, label: string): HTMLElement {
  const copy = document.createElement('mcpfix-copy');
  copy.dataset['text'] = text;
  const button = make('button', label, 'secondary');
  button.type = 'button';
  button.hidden = true;
  const status = make('span', undefined, 'copy-status');
  status.setAttribute('role', 'status');
  copy.append(button, status);
  return copy;
}

/** Appends a line of inline Markdown (code, bold, links) as elements and text nodes, never as HTML. */
function appendInline(parent: HTMLElement, source: string): HTMLElement {
  for (const part of parseInlineMarkdown(source)) {
    if (part.kind === 'text') parent.append(part.text);
    else if (part.kind === 'code') parent.append(make('code', part.text));
    else if (part.kind === 'strong') parent.append(make('strong', part.text));
    else {
      const link = make('a', part.text);
      link.href = part.href;
      parent.append(link);
    }
  }
  return parent;
}

/** The class of one line of a unified diff, for its colour. */
function diffLineClass(line: string): string {
  if (line.startsWith('+++') || line.startsWith('---')) return 'diff-line diff-file';
  if (line.startsWith('@@')) return 'diff-line diff-hunk';
  if (line.startsWith('+')) return 'diff-line diff-add';
  if (line.startsWith('-')) return 'diff-line diff-del';
  return 'diff-line';
}

/**
 * `<mcpfix-checker>`: the paste-in checker. Sends the paste (and optional config) to a Web
 * Worker running the engine, at once for a paste or a share link and debounced as you type; renders ranked pages with the evidence that
 * counted, the paste with that evidence marked, and the suggested change with a copy button.
 * Share puts the redacted paste in the URL fragment, which never leaves the browser. Everything
 * the user typed is rendered with textContent and text nodes only. The worker loads the compiled
 * rules itself (see checker.worker.ts). A large paste shows only the lines around its evidence.
 */
export class McpfixChecker extends HTMLElement {
  private worker: Worker | undefined;
  private seq = 0;
  private latestCheck = 0;
  private busy = false;
  private queued = false;
  /** Why the checker cannot check, once the worker has said so. */
  private unavailable: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private paste!: HTMLTextAreaElement;
  private config!: HTMLTextAreaElement;
  private status!: HTMLElement;
  private results!: HTMLElement;
  private pasteView!: HTMLElement;
  private configView!: HTMLElement;
  private shareOutput!: HTMLInputElement;
  private shareStatus!: HTMLElement;
  /** Set by a paste or a shared link: the next result scrolls its first match into view. */
  private isScrollPending = false;

  connectedCallback(): void {
    const find = <T extends Element>(selector: string): T => {
      const element = this.querySelector<T>(selector);
      if (!element) throw new Error(`mcpfix-checker: missing ${selector}`);
      return element;
    };
    this.paste = find('textarea[name="paste"]');
    this.config = find('textarea[name="config"]');
    this.status = find('.checker-status');
    this.results = find('.checker-results');
    this.pasteView = find('.paste-view');
    this.configView = find('.config-view');
    this.shareOutput = find('input[name="share-url"]');
    this.shareStatus = find('.share-status');
    const shareButton = find<HTMLButtonElement>('button[data-action="share"]');
    shareButton.hidden = false;
    for (const hidden of this.querySelectorAll<HTMLElement>('[data-needs-js]')) hidden.hidden = false;

    this.worker = new Worker(new URL('./checker.worker.ts', import.meta.url), { type: 'module', name: 'mcpfix-checker' });
    this.worker.addEventListener('message', (event: MessageEvent<CheckerReply>) => this.onReply(event.data));
    this.worker.addEventListener('error', () => this.setStatus('The checker failed to start. Reload the page to try again.'));

    const onInput = (event: Event) => (event instanceof InputEvent && WHOLE_TEXT_INPUTS.has(event.inputType) ? this.checkNow() : this.schedule());
    this.paste.addEventListener('input', onInput);
    this.paste.addEventListener('paste', () => (this.isScrollPending = true));
    this.config.addEventListener('input', onInput);
    shareButton.addEventListener('click', () => this.share());
    this.querySelector('form')?.addEventListener('submit', (event) => event.preventDefault());
    window.addEventListener('hashchange', () => this.restoreFromFragment());
    this.restoreFromFragment();
  }

  disconnectedCallback(): void {
    this.worker?.terminate();
  }

  private post(request: CheckerRequest): void {
    this.worker?.postMessage(request);
  }

  private restoreFromFragment(): void {
    const shared = parseShareFragment(location.hash);
    if (!shared) {
      if (location.hash.includes('paste=')) this.setStatus('The shared link is damaged: its paste could not be decoded.');
      return;
    }
    this.paste.value = shared.paste;
    this.config.value = shared.config ?? '';
    const details = this.config.closest('details');
    if (details && shared.config !== undefined) details.open = true;
    this.isScrollPending = true;
    this.checkNow();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    // The results on screen no longer answer the text: say so at once, not only when the pause ends.
    if (this.unavailable === undefined) this.dataset['state'] = 'waiting';
    // Nor will the answer of a check still running: it answers the text before this edit.
    this.latestCheck = ++this.seq;
    this.timer = setTimeout(() => this.requestCheck(), DEBOUNCE_MS);
  }

  private checkNow(): void {
    clearTimeout(this.timer);
    this.requestCheck();
  }

  private requestCheck(): void {
    // One check in flight at a time; while it runs, only the latest text is kept for the next one.
    if (this.busy) {
      this.queued = true;
      return;
    }
    if (this.unavailable !== undefined) {
      this.showUnavailable(this.unavailable);
      return;
    }
    if (this.paste.value.trim() === '' && this.config.value.trim() === '') {
      this.latestCheck = ++this.seq;
      this.results.replaceChildren();
      this.pasteView.replaceChildren();
      this.configView.replaceChildren();
      this.setStatus('Paste an error, a curl -si transcript, log lines or a traceback.');
      this.dataset['state'] = 'done';
      return;
    }
    const oversized = describeOversizedInput(this.paste.value, this.config.value);
    if (oversized !== undefined) {
      this.latestCheck = ++this.seq;
      this.results.replaceChildren();
      this.setStatus(oversized);
      this.dataset['state'] = 'done';
      return;
    }
    this.busy = true;
    this.latestCheck = ++this.seq;
    this.dataset['state'] = 'checking';
    this.setStatus('Checking…');
    this.post({ kind: 'check', seq: this.latestCheck, paste: this.paste.value, config: this.config.value });
  }

  private onReply(message: CheckerReply): void {
    switch (message.kind) {
      case 'ready':
        if (this.dataset['state'] === undefined) this.dataset['state'] = 'ready';
        if (this.status.textContent === '') this.setStatus('Ready. Nothing you paste leaves this page.');
        return;
      case 'unavailable':
        this.unavailable = message.message;
        this.showUnavailable(message.message);
        return;
      case 'result':
        this.busy = false;
        if (this.queued) {
          this.queued = false;
          this.requestCheck();
          return;
        }
        if (message.seq !== this.latestCheck) return;
        this.render(message.result, message.extras);
        this.dataset['state'] = 'done';
        return;
      case 'redacted':
        this.finishShare(message.paste, message.config);
        return;
      case 'failed':
        this.busy = false;
        if (this.unavailable !== undefined) {
          this.queued = false;
          this.showUnavailable(this.unavailable);
          return;
        }
        if (this.queued) {
          this.queued = false;
          this.requestCheck();
          return;
        }
        this.dataset['state'] = 'done';
        this.setStatus(`The checker could not read this paste: ${message.message}`);
        return;
    }
  }

  private showUnavailable(reason: string): void {
    this.results.replaceChildren();
    this.dataset['state'] = 'unavailable';
    this.setStatus(reason);
  }

  private setStatus(text: string): void {
    this.status.textContent = text;
  }

  private share(): void {
    const oversized = describeOversizedInput(this.paste.value, this.config.value);
    if (oversized !== undefined) {
      this.shareStatus.textContent = oversized;
      return;
    }
    this.post({ kind: 'redact', seq: ++this.seq, paste: this.paste.value, config: this.config.value });
  }

  private finishShare(paste: string, config: string): void {
    const fragment = buildShareFragment({ paste, config });
    // replaceState: no hashchange event, no navigation, nothing sent anywhere.
    history.replaceState(null, '', fragment);
    this.shareOutput.value = location.href;
    this.shareOutput.hidden = false;
    this.shareOutput.closest('[data-share]')?.removeAttribute('hidden');
    navigator.clipboard.writeText(location.href).then(
      () => (this.shareStatus.textContent = 'Link copied. Secrets were masked before it was made.'),
      () => (this.shareStatus.textContent = 'Link ready below. Secrets were masked before it was made.'),
    );
  }

  private render(result: CheckResult, extras: ResultExtras): void {
    const pasteSpans = result.highlights.filter((highlight) => highlight.input === 'paste');
    const configSpans = result.highlights.filter((highlight) => highlight.input === 'config');
    const marked = renderHighlighted(this.pasteView, this.paste.value, pasteSpans);
    if (this.config.value.trim() === '') this.configView.replaceChildren();
    else renderHighlighted(this.configView, this.config.value, configSpans);
    this.configView.closest('section')?.toggleAttribute('hidden', this.config.value.trim() === '');

    const top = result.matches[0];
    const verdict =
      result.verdict === 'confident' && top
        ? `Most likely: ${top.title}.`
        : result.verdict === 'unsure'
          ? 'Not sure: the closest pages are below, with what to paste next.'
          : 'No page matches this paste yet.';
    this.setStatus(`${verdict} ${marked} piece${marked === 1 ? '' : 's'} of evidence marked in the paste.`);

    const parts: HTMLElement[] = [];
    const actions = make('div', undefined, 'actions');
    actions.append(makeCopyButton(extras.markdown, 'Copy for a GitHub issue'));
    parts.push(actions);
    if (result.verdict !== 'confident') parts.push(this.renderDeadEndExits(result.verdict === 'nothing' ? 'nothing' : 'unsure', extras));
    let list: HTMLElement | undefined;
    if (result.matches.length > 0) {
      parts.push(make('h3', result.verdict === 'confident' ? 'Matching pages' : 'Closest pages'));
      if (result.configShape) parts.push(appendInline(make('p', undefined, 'config-shape'), describeConfigShape(result.configShape)));
      list = make('ol', undefined, 'results');
      for (const match of result.matches) list.append(this.renderMatch(match));
      parts.push(list);
    }
    if (result.suggestions.length > 0) {
      parts.push(make('h3', 'What to change'));
      const titles = new Map(result.matches.map((match) => [match.id, match.title]));
      for (const suggestion of result.suggestions) parts.push(this.renderSuggestion(suggestion, titles.get(suggestion.pageId) ?? suggestion.pageId));
    }
    if (result.checkNext.length > 0) {
      // Apart from "What to change": these steps tell the reader more and change nothing.
      parts.push(make('h3', 'Check next'));
      const steps = make('ul', undefined, 'check-next');
      for (const step of result.checkNext) steps.append(this.renderCheckStep(step));
      parts.push(steps);
    }
    if (result.lint.length > 0) {
      parts.push(make('h3', 'In your config'));
      const list = make('ul', undefined, 'lint');
      for (const finding of result.lint) {
        const item = make('li');
        item.append(make('code', finding.path), document.createTextNode(`: ${finding.message}`));
        list.append(item);
      }
      parts.push(list);
    }
    if (result.nextSteps.length > 0) {
      parts.push(make('h3', 'What to paste next'));
      const steps = make('ul');
      for (const step of result.nextSteps) steps.append(appendInline(make('li'), step));
      parts.push(steps);
    }
    if (result.notes.length > 0) {
      parts.push(make('h3', 'Notes on the paste'));
      const notes = make('ul');
      for (const note of result.notes) notes.append(appendInline(make('li'), note));
      parts.push(notes);
    }
    this.results.replaceChildren(...parts);
    // After a paste the answer is what the user came for: bring the first match into view.
    if (this.isScrollPending) {
      this.isScrollPending = false;
      (list?.firstElementChild ?? this.results).scrollIntoView({ block: 'start' });
    }
  }

  /** Where to go when no page fits confidently: a search for the paste's words, and a prefilled report. */
  private renderDeadEndExits(verdict: 'unsure' | 'nothing', extras: ResultExtras): HTMLElement {
    const box = make('div', undefined, 'checker-dead-end');
    box.append(make('p', verdict === 'nothing' ? 'No page fits. Two ways on:' : 'None of these may be it. Two ways on:'));
    const ways = make('ul');
    const search = make('a', extras.searchWords === '' ? 'Search the pages' : `Search the pages for “${extras.searchWords}”`);
    search.href = extras.searchPath;
    const searchItem = make('li');
    searchItem.append(search);
    ways.append(searchItem);
    if (extras.reportUrl !== undefined) {
      const report = make('a', 'Report a missing page');
      report.href = extras.reportUrl;
      report.rel = 'noopener';
      const reportItem = make('li');
      reportItem.append(report, ' (opens a GitHub issue with your paste, secrets masked; check it before you send)');
      ways.append(reportItem);
    }
    box.append(ways);
    return box;
  }

  private renderMatch(match: Match): HTMLElement {
    const item = make('li');
    const heading = make('h4');
    const link = make('a', match.title);
    link.href = `${match.url}${match.anchor ?? ''}`;
    heading.append(link);
    const confidence = make('p', describeConfidence(match.confidence, decidedByOf(match)), `confidence-${match.confidence}`);
    item.append(heading, confidence);
    if (match.signature) {
      const signature = make('p', match.signature.isFull ? 'Signature: ' : 'Part of signature: ');
      signature.append(make('q', match.signature.text));
      item.append(signature);
    }
    // Plain text: the sentence quotes a signature, whose asterisks and backticks are the user's literal.
    if (match.tellApart !== undefined) item.append(make('p', `Tells it apart: ${match.tellApart}`, 'tell-apart'));
    if (match.versionNote !== undefined) item.append(make('p', match.versionNote, 'version-note'));
    if (match.evidence.length > 0) {
      const evidence = make('ul');
      for (const piece of match.evidence) {
        const line = make('li');
        const where = piece.input === 'config' ? `Your config, line ${piece.line}` : `Your line ${piece.line}`;
        if (piece.excerpt !== '') line.append(`${where}: `, make('code', piece.excerpt), ' — ');
        else line.append(`${where} — `);
        if (piece.kind === 'contradiction') line.append(make('strong', 'Against this page: '));
        // The checker's rules leave out each clue's sentence (the page explains its clues): an
        // empty one still says which way the line counted.
        if (piece.says !== '') appendInline(line, piece.says);
        else if (piece.kind !== 'contradiction') line.append('points at this page');
        else line.append('counts against it');
        evidence.append(line);
      }
      item.append(evidence);
    }
    if (match.related.length > 0) {
      const related = make('p', 'Related: ', 'muted');
      match.related.forEach((page, index) => {
        if (index > 0) related.append(' · ');
        const relatedLink = make('a', page.title);
        relatedLink.href = page.url;
        related.append(relatedLink);
      });
      item.append(related);
    }
    return item;
  }

  private renderSuggestion(suggestion: Suggestion, pageTitle: string): HTMLElement {
    const box = make('div', undefined, 'suggestion');
    const title = make('p');
    title.append(appendInline(make('strong'), suggestion.title), ' — from ');
    // The page's fix section holds the explanation the checker's rules leave out.
    const pageLink = make('a', pageTitle);
    pageLink.href = `/errors/${suggestion.pageId}/#fix`;
    title.append(pageLink);
    box.append(title);
    switch (suggestion.kind) {
      case 'config-diff': {
        const label = suggestion.server === undefined ? 'Change to your config.yaml:' : `Change to your config.yaml (server ${suggestion.server}):`;
        box.append(make('p', label), this.renderCode(suggestion.diff, 'diff'), makeCopyButton(suggestion.diff, 'Copy diff'));
        break;
      }
      case 'config-snippet':
        box.append(make('p', 'Add this to your config.yaml (paste your config beside the error for a diff of your own file):'), this.renderCode(suggestion.yaml, 'yaml'), makeCopyButton(suggestion.yaml, 'Copy YAML'));
        break;
      case 'env':
        box.append(make('p', "Set in the proxy's environment:"), this.renderCode(suggestion.line, 'env'), makeCopyButton(suggestion.line, 'Copy line'));
        break;
      case 'upgrade': {
        const line = make('p', `Upgrade LiteLLM to ${suggestion.version} or later`);
        if (suggestion.pr !== undefined) {
          line.append(' (');
          const pr = make('a', `PR #${suggestion.pr}`);
          pr.href = `${LITELLM_PULL}${suggestion.pr}`;
          line.append(pr, ')');
        }
        line.append('.');
        box.append(line);
        break;
      }
      case 'step':
        if (suggestion.note !== undefined) box.append(appendInline(make('p'), suggestion.note));
        break;
    }
    return box;
  }

  private renderCheckStep(step: CheckStep): HTMLElement {
    const item = make('li');
    item.append(appendInline(make('strong'), step.title));
    // The checker's rules carry a step's title only: what to look for, and the command, are on the page.
    if (step.note === undefined && step.command === undefined) {
      const more = make('a', 'how, on the page');
      more.href = `/errors/${step.pageId}/#check-next-heading`;
      item.append(' (', more, ')');
    }
    if (step.note !== undefined) item.append(appendInline(make('p'), step.note));
    if (step.command !== undefined) item.append(this.renderCode(step.command, 'command'), makeCopyButton(step.command, 'Copy command'));
    return item;
  }

  private renderCode(text: string, kind: string): HTMLElement {
    const figure = make('figure');
    figure.setAttribute('aria-label', kind === 'diff' ? 'Suggested diff' : kind === 'command' ? 'Command to run' : 'Suggested change');
    const pre = make('pre');
    pre.tabIndex = 0;
    const code = make('code');
    if (kind === 'diff') {
      // One element per line so added and removed lines are coloured; the text (and the copy) stays the plain diff.
      for (const line of text.replace(/\n$/, '').split('\n')) code.append(make('span', `${line}\n`, diffLineClass(line)));
    } else {
      code.textContent = text;
    }
    pre.append(code);
    figure.append(pre);
    return figure;
  }
}

if (!customElements.get('mcpfix-checker')) customElements.define('mcpfix-checker', McpfixChecker);

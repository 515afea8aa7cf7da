/**
 * `<mcpfix-copy data-text="…">`: a copy button. The button ships `hidden` so pages read cleanly
 * without JavaScript; this element reveals it and writes `data-text` (or the text of the element
 * named by `data-source`) to the clipboard, announcing the result in its status region.
 */
export class McpfixCopy extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector('button');
    if (!button || button.dataset['wired'] === 'true') return;
    button.dataset['wired'] = 'true';
    button.hidden = false;
    button.addEventListener('click', () => void this.copy());
  }

  /** The text this element copies. */
  get text(): string {
    const sourceId = this.dataset['source'];
    if (sourceId !== undefined) return document.getElementById(sourceId)?.textContent ?? '';
    return this.dataset['text'] ?? '';
  }

  private async copy(): Promise<void> {
    const status = this.querySelector('[role="status"]');
    try {
      await navigator.clipboard.writeText(this.text);
      this.dataset['copied'] = this.text;
      if (status) status.textContent = 'Copied';
    } catch {
      if (status) status.textContent = 'Copy failed: select the text and copy it by hand';
    }
  }
}

if (!customElements.get('mcpfix-copy')) customElements.define('mcpfix-copy', McpfixCopy);

import { isErrorLike, normaliseForSearch, pickBestSignature, type RankableSignature } from '../site/normalise-search.ts';
import { buildShareFragment } from '../site/share-fragment.ts';

/** The part of pagefind's JS API this element uses (`/pagefind/pagefind.js`). */
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string, options?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] } | null>;
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindData>;
}
interface PagefindData {
  url: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

/** One ranked result, ready to render. */
interface RankedResult {
  url: string;
  title: string;
  summary: string;
  area: string;
  signature?: RankableSignature;
  rank: number;
  pagefindScore: number;
}

// A signature rank from this score up means the query and one signature contain each other
// (see scoreSignature): the page names what was searched, not only some of its words.
const EXACT_MATCH_RANK = 1000;
// How many pagefind hits get re-ranked by signature; each costs one small fragment request.
const RERANK_DEPTH = 30;
// Fallback searches when the whole query finds nothing (a pasted log line carries words no page has).
const WINDOW_WORDS = 3;
const MAX_WINDOWS = 8;
const DEBOUNCE_MS = 150;

let pagefindPromise: Promise<PagefindApi> | undefined;

/** Loads pagefind's JS API once, lazily (only when someone searches). */
function loadPagefind(): Promise<PagefindApi> {
  // A variable path keeps Vite from trying to bundle a file that only exists after the build.
  const path = '/pagefind/pagefind.js';
  pagefindPromise ??= (import(/* @vite-ignore */ path) as Promise<PagefindApi>).then(async (api) => {
    await api.options({ excerptLength: 20 });
    await api.init();
    return api;
  });
  return pagefindPromise;
}

/**
 * Searches the normalised query; pagefind requires every word, so when a pasted line carries
 * words no page has (timestamps, host names) and nothing comes back, it searches overlapping
 * windows of the query's meaningful words and merges the hits, keeping each page's best score.
 */
async function searchWithFallback(api: PagefindApi, normalised: string, filters: Record<string, string>): Promise<PagefindResult[]> {
  const whole = (await api.search(normalised, { filters }))?.results ?? [];
  const words = normalised.split(' ').filter((word) => word.length > 2 && !/^\d+$/.test(word));
  if (whole.length > 0 || words.length < 2) return whole;
  const merged = new Map<string, PagefindResult>();
  const step = Math.max(1, Math.ceil((words.length - WINDOW_WORDS) / (MAX_WINDOWS - 1)));
  for (let start = 0; start < Math.max(1, words.length - WINDOW_WORDS + 1); start += step) {
    const window = words.slice(start, start + WINDOW_WORDS).join(' ');
    for (const hit of (await api.search(window, { filters }))?.results ?? []) {
      const known = merged.get(hit.id);
      if (!known || known.score < hit.score) merged.set(hit.id, hit);
    }
  }
  return [...merged.values()].sort((a, b) => b.score - a.score);
}

function parseSignatures(raw: string | undefined): RankableSignature[] {
  if (raw === undefined) return [];
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return [];
    return value.filter(
      (item): item is RankableSignature =>
        typeof item === 'object' && item !== null && typeof (item as RankableSignature).id === 'string' && typeof (item as RankableSignature).text === 'string',
    );
  } catch {
    return [];
  }
}

/**
 * `<mcpfix-search>`: the site search. Normalises the query the way the build indexed the
 * signatures (punctuation → spaces), asks pagefind, then re-ranks the hits by how exactly the
 * query names one of the page's signatures, and renders results with DOM APIs only (never HTML
 * built from the query). Arrow keys move between the box and the results.
 */
export class McpfixSearch extends HTMLElement {
  private input: HTMLInputElement | null = null;
  private list: HTMLOListElement | null = null;
  private status: HTMLElement | null = null;
  private hint: HTMLElement | null = null;
  private noExactMatch: HTMLElement | null = null;
  private isSearchPage = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;

  connectedCallback(): void {
    this.input = this.querySelector('input[type="search"]');
    this.list = this.querySelector('.search-results');
    this.status = this.querySelector('[role="status"]');
    this.hint = this.querySelector('.checker-hint');
    this.noExactMatch = this.querySelector('.no-exact-match');
    const form = this.querySelector('form');
    if (!this.input || !this.list || !form) return;
    // Only the search page itself keeps its query in the address (a box elsewhere submits to it).
    this.isSearchPage = location.pathname === new URL(form.action).pathname;
    const params = new URLSearchParams(location.search);
    const initial = params.get('q');
    if (initial !== null && this.isSearchPage) this.input.value = initial;
    for (const select of this.querySelectorAll('select')) {
      const value = params.get(select.name);
      if (value !== null) select.value = value;
      select.addEventListener('change', () => this.schedule(0));
    }
    this.input.addEventListener('input', () => this.schedule(DEBOUNCE_MS));
    this.input.addEventListener('keydown', (event) => this.onInputKey(event));
    this.list.addEventListener('keydown', (event) => this.onListKey(event));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.schedule(0);
    });
    if (this.dataset['autofocus'] === 'true') this.input.focus();
    if (this.input.value.trim() !== '') this.schedule(0);
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), delay);
  }

  private filters(): Record<string, string> {
    const filters: Record<string, string> = {};
    for (const select of this.querySelectorAll('select')) if (select.value !== '') filters[select.name] = select.value;
    return filters;
  }

  private async run(): Promise<void> {
    const query = this.input?.value ?? '';
    const generation = ++this.generation;
    const normalised = normaliseForSearch(query);
    this.keepInAddress(query);
    const checkerHref = `/check/${buildShareFragment({ paste: query })}`;
    if (this.hint) {
      this.hint.hidden = !isErrorLike(query);
      const link = this.hint.querySelector('a');
      if (link) link.href = checkerHref;
    }
    if (this.noExactMatch) {
      this.noExactMatch.hidden = true;
      const link = this.noExactMatch.querySelector('a');
      if (link) link.href = checkerHref;
    }
    if (normalised === '') {
      this.render([], '');
      return;
    }
    this.setStatus('Searching…');
    let api: PagefindApi;
    try {
      api = await loadPagefind();
    } catch {
      this.setStatus('Search is unavailable here (the index is built with the site). Browse errors by area on the home page.');
      return;
    }
    const found = await searchWithFallback(api, normalised, this.filters());
    if (generation !== this.generation) return;
    const hits = found.slice(0, RERANK_DEPTH);
    const ranked = await Promise.all(
      hits.map(async (hit): Promise<RankedResult> => {
        const data = await hit.data();
        const best = pickBestSignature(query, parseSignatures(data.meta['signatures']));
        return {
          url: data.url,
          title: data.meta['title'] ?? data.url,
          summary: data.meta['summary'] ?? '',
          area: data.filters['area']?.[0] ?? '',
          ...(best ? { signature: best.signature } : {}),
          rank: best?.score ?? 0,
          pagefindScore: hit.score,
        };
      }),
    );
    if (generation !== this.generation) return;
    ranked.sort((a, b) => b.rank - a.rank || b.pagefindScore - a.pagefindScore || a.url.localeCompare(b.url));
    this.render(ranked, query);
  }

  /**
   * Puts the query and filters in the address (`?q=…&area=…`) without a new history entry, so a
   * search can be shared and survives a reload; an empty query leaves a bare /search/.
   */
  private keepInAddress(query: string): void {
    if (!this.isSearchPage) return;
    const params = new URLSearchParams();
    if (query.trim() !== '') params.set('q', query);
    for (const [name, value] of Object.entries(this.filters())) params.set(name, value);
    const encoded = params.toString();
    const search = encoded === '' ? '' : `?${encoded}`;
    if (search !== location.search) history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
  }

  private setStatus(text: string): void {
    if (this.status) this.status.textContent = text;
  }

  private render(results: readonly RankedResult[], query: string): void {
    if (!this.list) return;
    const items = results.map((result) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      const anchor = result.signature ? `#sig-${result.signature.id}` : '';
      link.href = `${result.url}${anchor}`;
      link.textContent = result.title;
      const heading = document.createElement('strong');
      heading.append(link);
      item.append(heading);
      if (result.signature) {
        const code = document.createElement('code');
        code.className = 'sig';
        code.textContent = result.signature.text;
        item.append(code);
      }
      const summary = document.createElement('p');
      summary.className = 'muted';
      summary.textContent = result.area === '' ? result.summary : `${result.area} — ${result.summary}`;
      item.append(summary);
      return item;
    });
    this.list.replaceChildren(...items);
    // Tells tests and assistive tooling which query the list answers (typing may have moved on).
    this.list.dataset['query'] = query;
    // Results found only by shared words are a guess; say so and offer the checker.
    if (this.noExactMatch) this.noExactMatch.hidden = query.trim() === '' || results.some((result) => result.rank >= EXACT_MATCH_RANK);
    if (query.trim() === '') this.setStatus('');
    else this.setStatus(results.length === 0 ? 'No page matches. Try fewer words, or paste the whole output into the checker.' : `${results.length} result${results.length === 1 ? '' : 's'}`);
  }

  private resultLinks(): HTMLAnchorElement[] {
    return [...(this.list?.querySelectorAll('a') ?? [])];
  }

  private onInputKey(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown') {
      const first = this.resultLinks()[0];
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  }

  private onListKey(event: KeyboardEvent): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp' && event.key !== 'Escape') return;
    const links = this.resultLinks();
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    event.preventDefault();
    if (event.key === 'Escape') {
      this.input?.focus();
      return;
    }
    const next = event.key === 'ArrowDown' ? index + 1 : index - 1;
    if (next < 0) this.input?.focus();
    else links[Math.min(next, links.length - 1)]?.focus();
  }
}

if (!customElements.get('mcpfix-search')) customElements.define('mcpfix-search', McpfixSearch);

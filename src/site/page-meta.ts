import { MAX_TITLE_LENGTH } from '../schemas/page.ts';

const SITE_NAME = 'mcpfix';

/** Builds the document `<title>`: the page title with the site name when both fit, else the title alone. */
export function buildDocumentTitle(title: string): string {
  const withSite = `${title} · ${SITE_NAME}`;
  return withSite.length <= MAX_TITLE_LENGTH ? withSite : title;
}

/** The preview image of the pages that have no own one (home, search, checker, 404). */
export const SITE_PREVIEW_SLUG = 'site';

/** Builds the site-relative path of a generated link preview image (`/og/<slug>.png`). */
export function buildPreviewImagePath(slug: string): string {
  return `/og/${slug}.png`;
}

/** The titles and summary of an error page, as written in its frontmatter. */
export interface PageTexts {
  /** The full title (the page heading). */
  title: string;
  /** The short title, required when the title is too long for `<title>`. */
  shortTitle?: string | undefined;
  /** The one-line summary. */
  summary: string;
  /** The meta description, required when the summary is too long for one. */
  description?: string | undefined;
}

/** The title used in `<title>`, link previews and the preview image. */
export function pickShortTitle(page: PageTexts): string {
  return page.shortTitle ?? page.title;
}

/** The meta and Open Graph description. */
export function pickDescription(page: PageTexts): string {
  return page.description ?? page.summary;
}

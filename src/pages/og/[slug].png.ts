import type { APIRoute, GetStaticPaths } from 'astro';
import { loadErrorPages } from '../../site/load-pages.ts';
import { AREA_LABELS } from '../../site/labels.ts';
import { pickShortTitle, SITE_PREVIEW_SLUG } from '../../site/page-meta.ts';
import { type PreviewText } from '../../site/preview-image.ts';
import { renderPreviewImageCached } from '../../site/preview-image-cache.ts';

/** One preview image per error page, and one for the other pages. */
export const getStaticPaths = (async () => {
  const pages = await loadErrorPages();
  return [
    { params: { slug: SITE_PREVIEW_SLUG }, props: { title: 'MCP gateway errors, explained and fixed', kicker: 'LiteLLM proxy as an MCP gateway' } satisfies PreviewText },
    ...pages.map((entry) => ({
      params: { slug: entry.id },
      props: { title: pickShortTitle(entry.data), kicker: `LiteLLM · ${AREA_LABELS[entry.data.area]}` } satisfies PreviewText,
    })),
  ];
}) satisfies GetStaticPaths;

/** The PNG a link to the page unfurls with (og:image, twitter:image). */
export const GET: APIRoute = async ({ props }) => {
  const png = await renderPreviewImageCached(props as PreviewText);
  return new Response(png, { headers: { 'content-type': 'image/png' } });
};

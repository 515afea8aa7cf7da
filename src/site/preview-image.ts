import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';

/** What a link preview image says. */
export interface PreviewText {
  /** The heading: the page's short title. */
  title: string;
  /** A line above the heading: the area, or what the page is. */
  kicker: string;
}

/** The size GitHub, Slack, Discord and X all crop well: 1.91:1. */
export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;

type Child = PreviewNode | string;
interface PreviewNode {
  type: string;
  props: { style?: Record<string, string | number>; children?: Child | Child[] };
}

function element(type: string, style: Record<string, string | number>, children: Child | Child[]): PreviewNode {
  return { type, props: { style, children } };
}

let fontsPromise: Promise<Array<{ name: string; data: Buffer; weight: 400 | 700; style: 'normal' }>> | undefined;

/** Loads Inter (SIL OFL, from @fontsource/inter) once: satori draws text as paths from it. */
function loadFonts(): NonNullable<typeof fontsPromise> {
  const require = createRequire(import.meta.url);
  fontsPromise ??= Promise.all(
    ([400, 700] as const).map(async (weight) => ({
      name: 'Inter',
      data: await readFile(require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`)),
      weight,
      style: 'normal' as const,
    })),
  );
  return fontsPromise;
}

/**
 * Renders the link preview (Open Graph / Twitter card) image of a page as a PNG: satori lays the
 * text out as SVG, resvg rasterises it. Build-time only (Node).
 */
export async function renderPreviewImage(text: PreviewText): Promise<Uint8Array<ArrayBuffer>> {
  const titleSize = text.title.length > 60 ? 58 : 66;
  const tree = element(
    'div',
    { boxSizing: 'border-box', width: PREVIEW_WIDTH, height: PREVIEW_HEIGHT, display: 'flex', flexDirection: 'column', justifyContent: 'space-between', padding: '64px 72px', background: '#ffffff', color: '#1b1f24', fontFamily: 'Inter', borderTop: '18px solid #0b57d0' },
    [
      element('div', { display: 'flex', flexDirection: 'column' }, [
        element('div', { fontSize: 30, color: '#0b57d0', fontWeight: 700, marginBottom: 28 }, text.kicker),
        element('div', { fontSize: titleSize, fontWeight: 700, lineHeight: 1.15 }, text.title),
      ]),
      element('div', { display: 'flex', justifyContent: 'space-between', fontSize: 28, color: '#4d5560' }, [
        element('div', { fontWeight: 700, color: '#1b1f24' }, 'mcpfix'),
        element('div', {}, 'MCP gateway errors, explained and fixed'),
      ]),
    ],
  );
  // satori's element type is React's; the plain object above is the same shape without React.
  const svg = await satori(tree as unknown as Parameters<typeof satori>[0], { width: PREVIEW_WIDTH, height: PREVIEW_HEIGHT, fonts: await loadFonts() });
  return new Uint8Array(new Resvg(svg, { fitTo: { mode: 'width', value: PREVIEW_WIDTH } }).render().asPng());
}

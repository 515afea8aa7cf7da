import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineMdastPlugin, type MdastNode } from 'satteri';
import { parse } from 'yaml';
import { buildFixAnchor } from '../site/site-urls.ts';
import { findRepeatedFix, type FixLike } from '../site/repeated-fix-yaml.ts';

/** The body section whose YAML can repeat the structured fixes. */
const FIX_SECTION = 'How to fix it';

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---/;

/**
 * The fixes declared in the page's frontmatter. The MDX pipeline strips the frontmatter before
 * plugins run, so the page file is read again; anything unreadable gives no fixes (nothing dropped).
 */
function readFixes(file: URL | undefined): FixLike[] {
  if (file === undefined || !file.pathname.endsWith('.mdx')) return [];
  try {
    const data: unknown = parse(FRONTMATTER.exec(readFileSync(fileURLToPath(file), 'utf8'))?.[1] ?? '');
    const fixes = data !== null && typeof data === 'object' ? (data as Record<string, unknown>)['fixes'] : undefined;
    return Array.isArray(fixes) ? (fixes as FixLike[]) : [];
  } catch {
    return [];
  }
}

type CodeNode = Extract<MdastNode, { type: 'code' }>;

/** The YAML code blocks among a node and its descendants (steps in a list nest them). */
function collectYamlBlocks(node: Readonly<MdastNode>, out: CodeNode[]): CodeNode[] {
  if (node.type === 'code' && (node.lang === 'yaml' || node.lang === 'yml')) out.push(node);
  if ('children' in node) for (const child of node.children as readonly MdastNode[]) collectYamlBlocks(child, out);
  return out;
}

/**
 * Sätteri mdast plugin: in an error page's "How to fix it" section, replaces each YAML block that
 * only repeats one of the page's structured config fixes with a link to that fix, so a fix is
 * rendered once (from the data the checker also uses) and a hand-written copy cannot drift from
 * it. YAML that carries anything more (another key, another alternative) stays: no fact is lost.
 */
export const dropRepeatedFixYaml = defineMdastPlugin({
  name: 'mcpfix-drop-repeated-fix-yaml',
  before(root, context) {
    const fixes = readFixes(context.fileURL);
    if (fixes.length === 0) return;
    let section = '';
    for (const node of root.children) {
      if (node.type === 'heading' && node.depth <= 2) section = context.textContent(node).trim();
      if (section !== FIX_SECTION) continue;
      for (const block of collectYamlBlocks(node, [])) {
        const fixIndex = findRepeatedFix(block.value, fixes);
        if (fixIndex === undefined) continue;
        context.replaceNode(block, {
          type: 'paragraph',
          children: [
            { type: 'text', value: 'The YAML for this change is in the fix ' },
            { type: 'link', url: `#${buildFixAnchor(fixIndex + 1)}`, children: [{ type: 'text', value: `“${fixes[fixIndex]?.title ?? fixIndex + 1}”` }] },
            { type: 'text', value: '.' },
          ],
        });
      }
    }
  },
});

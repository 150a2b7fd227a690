import GithubSlugger from 'github-slugger';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'mdast-util-to-string';
import type { Root, RootContent } from 'mdast';

/** The narrative cut at its directives: HTML runs, and the places where tables and the glossary go. */
export type Segment = { type: 'html'; html: string } | { type: 'table'; ref: string } | { type: 'glossary' };

interface Heading {
  depth: number;
  id: string;
  text: string;
}

/** Heading ids come from the heading text, so they stay put when sections are added elsewhere. */
function headingIds(root: Root): Heading[] {
  const slugger = new GithubSlugger();
  return root.children.flatMap((node) => {
    if (node.type !== 'heading') return [];
    const text = toString(node);
    return [{ depth: node.depth, id: `s-${slugger.slug(text)}`, text }];
  });
}

/** Raw HTML is never rendered (the loader rejects it), so narratives need no sanitiser. */
function html(
  nodes: RootContent[],
  ids: Map<RootContent, string>,
  figure: (key: string) => string | null | undefined,
): string {
  const withIds = nodes.map((n) =>
    ids.has(n) ? { ...n, data: { ...n.data, hProperties: { id: ids.get(n)! } } } : n,
  );
  const hast = toHast({ type: 'root', children: insertFigures(withIds, figure) } as Root);
  return toHtml(hast);
}

/** Replaces each `:figure{key=…}` with the figure's published text (the loader has checked the keys). */
function insertFigures(
  nodes: RootContent[],
  figure: (key: string) => string | null | undefined,
): RootContent[] {
  return nodes.map((node) => {
    if (node.type === 'textDirective' && node.name === 'figure')
      return { type: 'text', value: figure(node.attributes?.key ?? '') ?? '' };
    return 'children' in node
      ? ({ ...node, children: insertFigures(node.children as RootContent[], figure) } as RootContent)
      : node;
  });
}

export function renderNarrative(
  root: Root,
  figure: (key: string) => string | null | undefined = () => undefined,
): { segments: Segment[]; headings: Heading[] } {
  const headings = headingIds(root);
  const ids = new Map<RootContent, string>();
  root.children.filter((n) => n.type === 'heading').forEach((n, i) => ids.set(n, headings[i].id));
  const segments: Segment[] = [];
  let run: RootContent[] = [];
  const flush = () => {
    if (run.length) segments.push({ type: 'html', html: html(run, ids, figure) });
    run = [];
  };
  for (const node of root.children) {
    if (node.type === 'leafDirective') {
      flush();
      segments.push(
        node.name === 'glossary' ? { type: 'glossary' } : { type: 'table', ref: node.attributes?.ref ?? '' },
      );
    } else run.push(node);
  }
  flush();
  return { segments, headings };
}

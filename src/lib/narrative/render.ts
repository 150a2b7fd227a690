import GithubSlugger from 'github-slugger';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'mdast-util-to-string';
import type { Definition, Nodes, Root, RootContent } from 'mdast';
import type { Root as HastRoot } from 'hast';
import { sanitizeNarrative } from './sanitize.ts';
import { checkUrl } from './urls.ts';
import { FIGURE, proseColons } from './text-directives.ts';

/** The narrative cut at its directives: HTML runs, and the places where tables and the glossary go. */
export type Segment = { type: 'html'; html: string } | { type: 'table'; ref: string } | { type: 'glossary' };

interface Heading {
  depth: number;
  id: string;
  text: string;
}

type Figure = (key: string) => string | null | undefined;

/**
 * Heading ids come from the heading text, so they stay put when sections are added elsewhere.
 * The `s-` prefix keeps them apart from every other id on the page (no other id starts with `s-`;
 * extra tables may not take such a key: src/lib/content/tables.ts).
 */
function headingIds(nodes: RootContent[]): Heading[] {
  const slugger = new GithubSlugger();
  return nodes.flatMap((node) => {
    if (node.type !== 'heading') return [];
    const text = toString(node);
    return [{ depth: node.depth, id: `s-${slugger.slug(text)}`, text }];
  });
}

/**
 * The tree as it is printed (prose colons such as "9:30" are text already: proseColons):
 * `:figure{key=…}` replaced by the figure, link addresses as the check read them. The check
 * (check.ts) refuses what this cannot print faithfully (other directives, images, refused
 * addresses); should one get here anyway it prints as text.
 */
function prepare(node: Nodes, figure: Figure): Nodes[] {
  switch (node.type) {
    case 'textDirective':
      if (node.name === FIGURE) return [{ type: 'text', value: figure(node.attributes?.key ?? '') ?? '' }];
      return [{ type: 'text', value: `:${node.name}${node.children.length ? `[${toString(node)}]` : ''}` }];
    case 'image':
    case 'imageReference':
      return node.alt ? [{ type: 'text', value: node.alt }] : [];
    case 'link': {
      const url = checkUrl(node.url);
      const link = withChildren(node, figure);
      return url.ok ? [{ ...link, url: url.url }] : link.children;
    }
    case 'definition': {
      const url = checkUrl(node.url);
      return [{ ...node, url: url.ok ? url.url : '' }];
    }
    default:
      return [withChildren(node, figure)];
  }
}

function withChildren<T extends Nodes>(node: T, figure: Figure): T {
  if (!('children' in node)) return node;
  return { ...node, children: node.children.flatMap((c: Nodes) => prepare(c, figure)) };
}

function html(nodes: RootContent[], ids: Map<RootContent, string>, definitions: Definition[]): string {
  const withIds = nodes.map((n) =>
    ids.has(n) ? { ...n, data: { ...n.data, hProperties: { id: ids.get(n)! } } } : n,
  );
  // Every run gets every definition, so `[text][ref]` resolves whichever run defines `ref`.
  const hast = toHast({ type: 'root', children: [...withIds, ...definitions] } as Root);
  return toHtml(sanitizeNarrative(hast as HastRoot));
}

export function renderNarrative(
  root: Root,
  figure: Figure = () => undefined,
): { segments: Segment[]; headings: Heading[] } {
  // Top-level nodes map one to one: report-view.ts pairs headings and tables with root.children.
  const nodes = proseColons(root).children.map((n) => prepare(n, figure)[0] as RootContent);
  const headings = headingIds(nodes);
  const ids = new Map<RootContent, string>();
  nodes.filter((n) => n.type === 'heading').forEach((n, i) => ids.set(n, headings[i].id));
  const definitions = nodes.filter((n): n is Definition => n.type === 'definition');
  const segments: Segment[] = [];
  let run: RootContent[] = [];
  const flush = () => {
    if (run.length) segments.push({ type: 'html', html: html(run, ids, definitions) });
    run = [];
  };
  for (const node of nodes) {
    if (node.type === 'leafDirective') {
      // The check refuses any other leaf directive.
      flush();
      if (node.name === 'glossary') segments.push({ type: 'glossary' });
      if (node.name === 'table') segments.push({ type: 'table', ref: node.attributes?.ref ?? '' });
    } else if (node.type !== 'definition') run.push(node);
  }
  flush();
  return { segments, headings };
}

/** A top-level block of the narrative as the page prints it, with the section heading above it. */
export interface PrintedBlock {
  /** Its text as readers see it (figures filled in, markup gone). */
  text: string;
  /** The nearest heading before it (its anchor on the page), or null before the first heading. */
  heading: Heading | null;
}

/** The narrative's blocks other than headings, as printed (the same tree renderNarrative prints). */
export function printedBlocks(root: Root, figure: Figure = () => undefined): PrintedBlock[] {
  const nodes = proseColons(root).children.map((n) => prepare(n, figure)[0] as RootContent);
  const headings = headingIds(nodes);
  let h = -1;
  return nodes.flatMap((node) => {
    if (node.type === 'heading') {
      h++;
      return [];
    }
    if (node.type === 'definition' || node.type === 'leafDirective') return [];
    return [{ text: toString(node), heading: headings[h] ?? null }];
  });
}

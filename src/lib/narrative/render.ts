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
 * (content/narrative-check.ts) refuses what this cannot print faithfully (other directives, images, refused
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

/**
 * A place of the narrative a link can point at (the 数据说明 does): a heading, by its `s-` id, or
 * a paragraph, quote or list item, by `p-L` and the .md line it starts on. Line ids are the same
 * in every build and no other id starts with `p-` (src/lib/content/tables.ts reserves it).
 */
export interface Passage {
  id: string;
  /** The .md lines it spans, first and last. */
  lines: [number, number];
  /** The heading it is, or the nearest one before it; null before the first heading. */
  heading: Heading | null;
  /** 0 for the heading itself; else its block's place under the heading, from 1 (a list is one block). */
  block: number;
  /** A list item's place in its list, from 1; null for any other passage. */
  item: number | null;
}

function passagesOf(nodes: RootContent[], headings: Heading[]): Map<RootContent, Passage> {
  const out = new Map<RootContent, Passage>();
  const lines = (n: RootContent): [number, number] => [
    n.position?.start.line ?? 0,
    n.position?.end.line ?? 0,
  ];
  const add = (n: RootContent, p: Omit<Passage, 'id' | 'lines'>) => {
    if (n.position) out.set(n, { id: `p-L${n.position.start.line}`, lines: lines(n), ...p });
  };
  let heading: Heading | null = null;
  let h = 0;
  let block = 0;
  for (const node of nodes) {
    if (node.type === 'heading') {
      heading = headings[h++];
      block = 0;
      out.set(node, { id: heading.id, lines: lines(node), heading, block, item: null });
    } else if (node.type === 'list') {
      block++;
      node.children.forEach((li, i) => add(li, { heading, block, item: i + 1 }));
    } else if (node.type === 'paragraph' || node.type === 'blockquote')
      add(node, { heading, block: ++block, item: null });
  }
  return out;
}

/** The node with its passage's id; a list with its items'. */
function withId(node: RootContent, passages: Map<RootContent, Passage>): RootContent {
  const id = passages.get(node)?.id;
  const marked = id
    ? { ...node, data: { ...node.data, hProperties: { ...node.data?.hProperties, id } } }
    : node;
  return marked.type === 'list'
    ? { ...marked, children: marked.children.map((li) => withId(li, passages) as typeof li) }
    : marked;
}

function html(nodes: RootContent[], passages: Map<RootContent, Passage>, definitions: Definition[]): string {
  // Every run gets every definition, so `[text][ref]` resolves whichever run defines `ref`.
  const children = [...nodes.map((n) => withId(n, passages)), ...definitions];
  const hast = toHast({ type: 'root', children } as Root);
  return toHtml(sanitizeNarrative(hast as HastRoot));
}

export function renderNarrative(
  root: Root,
  figure: Figure = () => undefined,
): { segments: Segment[]; headings: Heading[]; passages: Passage[] } {
  // Top-level nodes map one to one: report-view.ts pairs headings and tables with root.children.
  const nodes = proseColons(root).children.map((n) => prepare(n, figure)[0] as RootContent);
  const headings = headingIds(nodes);
  const passages = passagesOf(nodes, headings);
  const definitions = nodes.filter((n): n is Definition => n.type === 'definition');
  const segments: Segment[] = [];
  let run: RootContent[] = [];
  const flush = () => {
    if (run.length) segments.push({ type: 'html', html: html(run, passages, definitions) });
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
  return { segments, headings, passages: [...passages.values()] };
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

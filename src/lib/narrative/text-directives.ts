import type { Nodes, Root, Text } from 'mdast';

type TextDirective = Extract<Nodes, { type: 'textDirective' }>;

/** The one inline directive: `:figure{key=…}` prints a figure from the report's data. */
export const FIGURE = 'figure';

/**
 * A colon in prose followed by a letter or digit ("9:30", "比例为3:2", "联系方式:Email") parses as
 * a text directive. When nothing follows the name (no `[label]`, no `{attributes}`) it is prose:
 * its source is exactly `:` + name, and it renders as that text.
 */
export function isProseColon(node: TextDirective): boolean {
  if (node.name === FIGURE) return false;
  const { start, end } = node.position ?? {};
  if (start?.offset !== undefined && end?.offset !== undefined)
    return end.offset - start.offset === node.name.length + 1;
  return node.children.length === 0 && Object.keys(node.attributes ?? {}).length === 0;
}

/**
 * The tree with every prose colon back in its text: "公务接待费:10.43万元" is one text node again,
 * as written, so the prose checks read the figure that the page prints. Usable as a remark
 * transformer (`.use(() => proseColons)`); the renderer applies it too.
 */
export function proseColons(tree: Root): Root {
  return literal(tree) as Root;
}

function literal(node: Nodes): Nodes {
  if (!('children' in node)) return node;
  const children: Nodes[] = [];
  for (const child of node.children as Nodes[]) {
    const next =
      child.type === 'textDirective' && isProseColon(child)
        ? ({ type: 'text', value: `:${child.name}`, position: child.position } satisfies Text)
        : literal(child);
    const prev = children.at(-1);
    if (next.type === 'text' && prev?.type === 'text') {
      const start = prev.position?.start;
      const end = next.position?.end;
      children[children.length - 1] = {
        type: 'text',
        value: prev.value + next.value,
        ...(start && end ? { position: { start, end } } : {}),
      };
    } else children.push(next);
  }
  return { ...node, children } as Nodes;
}

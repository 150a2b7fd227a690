import type { Heading, Root, RootContent, Text } from 'mdast';

/** A line and column of the .md file. */
export interface Place {
  line: number;
  col: number;
}

/**
 * A paragraph (or list item, heading) as the reader reads it: its text without the line breaks
 * and spaces the .md puts inside Chinese text, and for each character its place in the .md.
 */
export interface Block {
  text: string;
  places: Place[];
  /** The headings it sits under, outermost first (a heading block lists itself last). */
  headings: string[];
  isHeading: boolean;
  /** The .md line the block starts on. */
  line: number;
}

const isWide = (c: string | undefined) => c !== undefined && c > '\x7e';

function collect(node: RootContent | Root, out: { text: string; places: Place[] }) {
  if (node.type === 'text') {
    const t = node as Text;
    let line = t.position!.start.line;
    let col = t.position!.start.column;
    for (let i = 0; i < t.value.length; i++) {
      const c = t.value[i];
      // Whitespace beside a wide character is a line break of the .md, not a space of the text.
      const skip =
        /\s/.test(c) && (isWide(t.value[i - 1] ?? out.text.at(-1)) || isWide(t.value[i + 1]) || c === '\n');
      if (!skip) {
        out.text += c;
        out.places.push({ line, col });
      }
      if (c === '\n') {
        line++;
        col = 1;
      } else col++;
    }
    return;
  }
  if ('children' in node) for (const child of node.children) collect(child as RootContent, out);
}

/** The narrative's blocks in reading order, each with the headings above it. */
export function blocksOf(narrative: Root): Block[] {
  const out: Block[] = [];
  const stack: { depth: number; text: string }[] = [];
  const visit = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'list') {
        for (const item of node.children) visit(item.children);
        continue;
      }
      if (node.type === 'blockquote') {
        visit(node.children);
        continue;
      }
      if (node.type !== 'paragraph' && node.type !== 'heading') continue;
      const acc = { text: '', places: [] as Place[] };
      collect(node, acc);
      if (node.type === 'heading') {
        const depth = (node as Heading).depth;
        while (stack.length && stack.at(-1)!.depth >= depth) stack.pop();
        stack.push({ depth, text: acc.text });
      }
      out.push({
        ...acc,
        headings: stack.map((h) => h.text),
        isHeading: node.type === 'heading',
        line: node.position?.start.line ?? 0,
      });
    }
  };
  visit(narrative.children);
  return out;
}

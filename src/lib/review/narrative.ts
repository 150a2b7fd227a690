import { diffArrays } from 'diff';
import type { Nodes, Root, RootContent } from 'mdast';
import type { Report } from '../content/load.ts';
import type { NarrativeChange } from './types.ts';

/*
 * The narrative compared as readers get it: block by block (headings, paragraphs, table places),
 * each block's rendered text word by word. Line breaks inside a paragraph render as nothing
 * between Chinese characters, so a reflowed paragraph is no change; nor is Markdown syntax that
 * renders the same text (escapes, emphasis markers, `## x ##`).
 */

const words = new Intl.Segmenter('zh', { granularity: 'word' });

/** A hard line break (`\` or two spaces at a line end) while collecting; soft breaks are "\n". */
const HARD_BREAK = '\u2028';

interface Block {
  /** What the block renders as besides its text: "## " for a heading, "" for a paragraph. */
  marker: string;
  text: string;
  line: number;
  node: RootContent;
}

const attributes = (attrs: Record<string, string | null | undefined> | null | undefined) => {
  const list = Object.entries(attrs ?? {}).map(([k, v]) => (v ? `${k}=${v}` : k));
  return list.length ? `{${list.join(' ')}}` : '';
};

/** The text a node renders, as pieces that start on known source lines. */
function collect(node: Nodes, out: { text: string; line: number }[]) {
  const line = node.position?.start.line ?? 1;
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'code':
    case 'html':
      out.push({ text: node.value, line });
      return;
    case 'break':
      out.push({ text: HARD_BREAK, line });
      return;
    case 'image':
      out.push({ text: node.alt ?? '', line });
      return;
    case 'textDirective':
      out.push({ text: `:${node.name}${attributes(node.attributes)}`, line });
      return;
    case 'leafDirective':
      out.push({ text: `::${node.name}${attributes(node.attributes)}`, line });
      return;
    case 'thematicBreak':
      out.push({ text: '---', line });
      return;
  }
  if ('children' in node) for (const c of node.children) collect(c as Nodes, out);
}

const ASCII_WORD = /[\x21-\x7e]/;

/**
 * The rendered text of a node: a soft line break and the spaces around it vanish between
 * Chinese characters and become one space between ASCII ones. With `lines`, the source line of
 * every character of the result is recorded there.
 */
function renderedText(node: Nodes, lines?: number[]): string {
  const pieces: { text: string; line: number }[] = [];
  collect(node, pieces);
  let out = '';
  for (const piece of pieces)
    piece.text.split('\n').forEach((part, k) => {
      let text = part;
      if (k > 0) {
        out = out.replace(/[ \t]+$/, '');
        if (lines) lines.length = out.length;
        text = text.replace(/^[ \t]+/, '');
        if (ASCII_WORD.test(out.at(-1) ?? '') && ASCII_WORD.test(text[0] ?? '')) text = ` ${text}`;
      }
      text = text.replaceAll(HARD_BREAK, '\n');
      out += text;
      if (lines) for (let i = 0; i < text.length; i++) lines.push(piece.line + k);
    });
  return out;
}

function markerOf(node: RootContent): string {
  if (node.type === 'heading') return `${'#'.repeat(node.depth)} `;
  if (node.type === 'list') return node.ordered ? '1. ' : '- ';
  if (node.type === 'blockquote') return '> ';
  return '';
}

const blocks = (root: Root): Block[] =>
  root.children.map((node) => ({
    marker: markerOf(node),
    text: renderedText(node),
    line: node.position?.start.line ?? 1,
    node,
  }));

const signature = (b: Block) => `${b.marker}\u0000${b.text}`;

/** Shared characters, 0…1: pairs an edited paragraph with its old version among inserted ones. */
function similarity(a: string, b: string): number {
  if (!a.length && !b.length) return 1;
  const counts = new Map<string, number>();
  for (const ch of a) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let common = 0;
  for (const ch of b) {
    const n = counts.get(ch) ?? 0;
    if (n > 0) {
      common++;
      counts.set(ch, n - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

/** Half the characters shared: an edited version of the block rather than another block. */
const SIMILAR = 0.5;

/** Removed and inserted blocks of one hunk: which removed block each inserted one replaces, in order. */
function pair(removed: Block[], added: Block[]): [Block | undefined, Block | undefined][] {
  if (removed.length === added.length) return removed.map((b, i) => [b, added[i]]);
  const out: [Block | undefined, Block | undefined][] = [];
  let next = 0;
  for (const b of removed) {
    let best = -1;
    let bestScore = 0;
    for (let j = next; j < added.length; j++) {
      const score = similarity(b.text, added[j].text);
      if (score >= SIMILAR && score > bestScore) [best, bestScore] = [j, score];
    }
    if (best < 0) {
      out.push([b, undefined]);
      continue;
    }
    for (let j = next; j < best; j++) out.push([undefined, added[j]]);
    out.push([b, added[best]]);
    next = best + 1;
  }
  for (let j = next; j < added.length; j++) out.push([undefined, added[j]]);
  return out;
}

/** A block as diff tokens (its marker, then its words), with the source line of every character. */
function tokenized(b: Block): { full: string; tokens: string[]; lines: number[] } {
  const lines: number[] = [];
  const text = renderedText(b.node, lines);
  const tokens = [...(b.marker ? [b.marker] : []), ...[...words.segment(text)].map((s) => s.segment)];
  return { full: b.marker + text, tokens, lines: [...Array.from(b.marker, () => b.line), ...lines] };
}

const CONTEXT = 12;

/** Figures, Latin words and heading markers stay whole when a run is narrowed ("295.12", not "5"). */
const WORD_CHAR = /[0-9A-Za-z.%#]/;

/**
 * Narrows a changed run to the characters that differ: the segmenter may cut the two versions
 * differently around a change ("及|信" against "和信"), so words at the run's edges can be equal.
 */
function narrowed(old: string, now: string): { start: number; endOld: number; endNew: number } {
  const shortest = Math.min(old.length, now.length);
  let p = 0;
  while (p < shortest && old[p] === now[p]) p++;
  while (
    p > 0 &&
    WORD_CHAR.test(old[p - 1]) &&
    (WORD_CHAR.test(old[p] ?? '') || WORD_CHAR.test(now[p] ?? ''))
  )
    p--;
  let q = 0;
  while (q < shortest - p && old[old.length - 1 - q] === now[now.length - 1 - q]) q++;
  const splits = (i: number) =>
    WORD_CHAR.test(old[old.length - i]) &&
    (WORD_CHAR.test(old[old.length - i - 1] ?? '') || WORD_CHAR.test(now[now.length - i - 1] ?? ''));
  while (q > 0 && splits(q)) q--;
  return { start: p, endOld: old.length - q, endNew: now.length - q };
}

/** The changed runs of words between two versions of a block, at their head-side lines. */
function changedWords(before: Block, after: Block, file: string): NarrativeChange[] {
  const b = tokenized(before);
  const h = tokenized(after);
  const out: NarrativeChange[] = [];
  let [bi, hi] = [0, 0];
  let run: { b: number; h: number } | undefined;
  const close = () => {
    if (!run) return;
    const at = run;
    const old = b.full.slice(at.b, bi);
    const now = h.full.slice(at.h, hi);
    run = undefined;
    // The same words cut differently by the segmenter are no change.
    if (old === now) return;
    const edge = narrowed(old, now);
    const start = at.h + edge.start;
    const end = at.h + edge.endNew;
    out.push({
      file,
      line: h.lines[Math.min(start, h.lines.length - 1)] ?? after.line,
      old: old.slice(edge.start, edge.endOld),
      new: now.slice(edge.start, edge.endNew),
      context: {
        before: h.full.slice(Math.max(0, start - CONTEXT), start),
        after: h.full.slice(end, end + CONTEXT),
      },
    });
  };
  for (const part of diffArrays(b.tokens, h.tokens)) {
    const length = part.value.join('').length;
    if (!part.added && !part.removed) {
      close();
      bi += length;
      hi += length;
      continue;
    }
    run ??= { b: bi, h: hi };
    if (part.removed) bi += length;
    else hi += length;
  }
  close();
  return out;
}

/** Word-level changes of the narrative; a block that vanished is reported at its base-side line. */
export function diffNarrative(base: Report, head: Report): NarrativeChange[] {
  const before = blocks(base.narrative);
  const after = blocks(head.narrative);
  const out: NarrativeChange[] = [];
  const whole = (b: Block, file: string, side: 'old' | 'new') =>
    out.push({
      file,
      line: b.line,
      old: side === 'old' ? b.marker + b.text : '',
      new: side === 'new' ? b.marker + b.text : '',
    });
  let [bi, hi] = [0, 0];
  let removed: Block[] = [];
  const flush = (added: Block[]) => {
    for (const [b, h] of pair(removed, added)) {
      if (b && h) out.push(...changedWords(b, h, head.files.markdown));
      else if (b) whole(b, base.files.markdown, 'old');
      else if (h) whole(h, head.files.markdown, 'new');
    }
    removed = [];
  };
  for (const part of diffArrays(before.map(signature), after.map(signature))) {
    if (part.removed) removed = before.slice(bi, (bi += part.count));
    else if (part.added) flush(after.slice(hi, (hi += part.count)));
    else {
      flush([]);
      bi += part.count;
      hi += part.count;
    }
  }
  flush([]);
  return out;
}

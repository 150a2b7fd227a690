import {
  Document,
  isMap,
  isScalar,
  isSeq,
  Pair,
  parseDocument,
  Scalar,
  YAMLMap,
  YAMLSeq,
  type Node,
} from 'yaml';
import { isDeepStrictEqual } from 'node:util';
import { PLACEHOLDER } from '../content/placeholder.ts';
import { STANDARD_FUNDS_HEADINGS, STANDARD_INDICATOR_HEADINGS } from '../content/schema/performance.ts';

/*
 * Writes imported tables into a report's YAML in the style of the committed files (one flow
 * sequence per row: `- [30217, 公务接待费, 0.00]`). In an existing file only the `tables:` and
 * `extraTables:` blocks are replaced, byte for byte everything else stays; inside them, every
 * node whose data did not change is kept as it was written, comments included.
 */

type Value = string | null | Value[] | { [key: string]: Value };

/** Core schema minus int/float, as the loader reads it: figures stay text and print unquoted. */
const keepNumbersAsText = (tags: { tag?: string }[]) =>
  tags.filter((t) => !/:(int|float)$/.test(t.tag ?? ''));
const OPTIONS = { schema: 'core', customTags: keepNumbersAsText as never } as const;
const RENDER = { lineWidth: 0, flowCollectionPadding: false, nullStr: '~' } as const;

/** Flow maps print padded (`{ weight: 100, score: 97 }`), flow sequences tight (`[~, ~, 18.78]`). */
class PaddedMap extends YAMLMap {
  override toString(...[ctx, ...rest]: Parameters<YAMLMap['toString']>): string {
    return super.toString(ctx && { ...ctx, flowCollectionPadding: ' ' }, ...rest);
  }
}
class TightSeq extends YAMLSeq {
  override toString(...[ctx, ...rest]: Parameters<YAMLSeq['toString']>): string {
    return super.toString(ctx && { ...ctx, flowCollectionPadding: '' }, ...rest);
  }
}

const isScalarValue = (v: Value): v is string | null => v === null || typeof v === 'string';

/** Where the committed files print a collection on one line. */
function isFlow(value: Value, path: string[]): boolean {
  const key = path[path.length - 1];
  if (Array.isArray(value))
    return (value.every(isScalarValue) && key !== 'notes') || (key === 'rows' && path.includes('sections'));
  if (value === null || typeof value === 'string') return false;
  const leafCost = path.includes('costs') && 'name' in value && !('parts' in value) && !('ofWhich' in value);
  return leafCost || key === 'total';
}

/** A fresh node for `value` in the committed style. */
function toNode(value: Value, path: string[]): Node {
  if (value === null || typeof value === 'string') {
    const scalar = new Scalar(value);
    if (value?.includes('\n')) scalar.type = Scalar.BLOCK_LITERAL;
    return scalar;
  }
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    seq.flow = isFlow(value, path);
    seq.items = value.map((v) => toNode(v, path));
    return seq;
  }
  const map = new YAMLMap();
  map.flow = isFlow(value, path);
  map.items = Object.entries(value).map(
    ([k, v], i) => new Pair(keyNode(k, path, i), toNode(v, [...path, k])),
  );
  return map;
}

/** The later performance tables are set off by a blank line, as in the committed files. */
function keyNode(key: string, path: string[], index: number): Scalar {
  const scalar = new Scalar(key);
  if (
    index > 0 &&
    path.length === 1 &&
    path[0] === 'tables' &&
    (key === 'self-evaluation' || key === 'projects')
  )
    scalar.spaceBefore = true;
  return scalar;
}

const keyOf = (pair: Pair) => (isScalar(pair.key) ? String(pair.key.value) : String(pair.key));

/**
 * A heading list the file writes out though it is the standard one (what the schema assumes when
 * it is absent): the workbook cannot tell, so the import, which leaves it out, keeps it as written.
 */
function statedDefault(pair: Pair, path: string[]): boolean {
  const key = keyOf(pair);
  const standard =
    key === 'columns' && path[path.length - 1] === 'funds'
      ? STANDARD_FUNDS_HEADINGS
      : key === 'indicatorColumns' && ['self-evaluation', 'projects'].includes(path[path.length - 1])
        ? STANDARD_INDICATOR_HEADINGS
        : null;
  return !!standard && isSeq(pair.value) && isDeepStrictEqual(pair.value.toJSON(), standard);
}

/** `value` as a node, reusing every part of `old` whose data is unchanged (its style and comments). */
function merge(old: unknown, value: Value, path: string[]): Node {
  if (old && isDeepStrictEqual((old as Node).toJSON(), value)) return old as Node;
  // A collection that changes shape (an empty `rows: []` that gets rows) takes the committed style.
  const restyled = (isMap(old) || isSeq(old)) && value !== null && !!old.flow !== isFlow(value, path);
  if (restyled) return toNode(value, path);
  if (isMap(old) && value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const kept = (old.items as Pair[]).filter((p) => keys.includes(keyOf(p)) || statedDefault(p, path));
    for (const pair of kept)
      if (keys.includes(keyOf(pair)))
        pair.value = merge(pair.value, value[keyOf(pair)], [...path, keyOf(pair)]);
    keys.forEach((key, i) => {
      if (kept.some((p) => keyOf(p) === key)) return;
      const pair = new Pair(keyNode(key, path, i), toNode(value[key], [...path, key]));
      const next = kept.findIndex((p) => keys.indexOf(keyOf(p)) > i);
      kept.splice(next < 0 ? kept.length : next, 0, pair);
    });
    old.items = kept;
    return old;
  }
  if (isSeq(old) && Array.isArray(value)) {
    old.items = value.map((v, i) => merge(old.items[i], v, path));
    return old;
  }
  return toNode(value, path);
}

/** Flow collections get the classes that print them as the committed files do. */
function restyle(node: unknown): unknown {
  if (isMap(node)) {
    node.items.forEach((pair) => (pair.value = restyle(pair.value)));
    return node.flow ? Object.assign(new PaddedMap(), node) : node;
  }
  if (isSeq(node)) {
    node.items = node.items.map(restyle);
    return node.flow ? Object.assign(new TightSeq(), node) : node;
  }
  return node;
}

/** `key: value` as the top-level lines of a report file. */
function renderPair(key: Scalar | string, value: Node): string {
  const doc = new Document(null, OPTIONS);
  const map = new YAMLMap();
  const keyScalar = typeof key === 'string' ? new Scalar(key) : key;
  // What precedes the key in the file stays there.
  keyScalar.commentBefore = undefined;
  keyScalar.spaceBefore = false;
  map.items = [new Pair(keyScalar, restyle(value))];
  doc.contents = map;
  return doc.toString(RENDER);
}

/** The blocks the import writes, in the order they follow each other in a report file. */
interface TableBlocks {
  tables: Record<string, unknown>;
  extraTables?: Record<string, unknown>;
}

const ORDER = [
  'kind',
  'title',
  'titleNote',
  'year',
  'unit',
  'dates',
  'source',
  'conclusion',
  'statedFigures',
  'tables',
  'extraTables',
  'glossary',
  'acknowledgements',
];

/** An existing report file with its table blocks replaced; the rest of its bytes unchanged. */
export function replaceTables(source: string, blocks: TableBlocks): string {
  const doc = parseDocument(source, OPTIONS);
  if (!isMap(doc.contents)) throw new Error('report YAML is not a mapping');
  const top = doc.contents.items as Pair<Scalar, Node>[];
  let text = source;
  // Right to left, so earlier offsets stay valid.
  const edits: { from: number; to: number; text: string }[] = [];
  for (const key of ['tables', 'extraTables'] as const) {
    const value = blocks[key] as Value | undefined;
    const pair = top.find((p) => keyOf(p) === key);
    const empty = !value || !Object.keys(value).length;
    if (pair) {
      const to = (pair.value?.range ?? pair.key.range)![2];
      edits.push({
        from: pair.key.range![0],
        to,
        text: empty ? '' : renderPair(pair.key, merge(pair.value, value, [key])),
      });
    } else if (!empty) {
      const at = insertionPoint(source, top, key);
      const newline = at > 0 && source[at - 1] !== '\n' ? '\n' : '';
      edits.push({ from: at, to: at, text: newline + renderPair(key, toNode(value, [key])) });
    }
  }
  for (const edit of edits.sort((a, b) => b.from - a.from))
    text = text.slice(0, edit.from) + edit.text + text.slice(edit.to);
  return text;
}

/** Before the first top-level key that follows `key` in a report file (and its comment lines). */
function insertionPoint(source: string, top: Pair<Scalar, Node>[], key: string): number {
  const after = top.find((p) => ORDER.indexOf(keyOf(p)) > ORDER.indexOf(key));
  if (!after) return source.length;
  let at = after.key.range![0];
  // Comment lines just above the key belong to it.
  while (at > 0) {
    const lineStart = source.lastIndexOf('\n', at - 2) + 1;
    if (!source.slice(lineStart, at).trimStart().startsWith('#')) break;
    at = lineStart;
  }
  return at;
}

const TODO = PLACEHOLDER;

/** A new report file: the frame with placeholders the check rejects until filled, then the tables. */
export function newReportYaml(kind: string, year: string, blocks: TableBlocks): string {
  const frame = [
    `kind: ${kind}`,
    `title: ~ # ${TODO}：报告标题，照录原文（填好之前 npm run check 报错）`,
    `year: ${year}`,
    'unit: 万元',
    'source:',
    `  document: ~ # ${TODO}：收到原文时的文件名`,
    `  archive: ~ # ${TODO}：原文存档 sources/<机构>/<年度>/<名称>.txt`,
    `  sha256: ~ # ${TODO}：sha256sum sources/…/<名称>.txt 的输出`,
    '',
  ].join('\n');
  const tables = Object.keys(blocks.tables).length
    ? renderPair('tables', toNode(blocks.tables as Value, ['tables']))
    : '';
  const extra =
    blocks.extraTables && Object.keys(blocks.extraTables).length
      ? renderPair('extraTables', toNode(blocks.extraTables as Value, ['extraTables']))
      : '';
  return frame + tables + extra;
}

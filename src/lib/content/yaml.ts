import {
  Composer,
  LineCounter,
  Parser,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type CST,
  type Document,
  type ErrorCode,
  type Node,
} from 'yaml';
import { scanTokens, type TokenScan } from './yaml-tokens.ts';
import { yamlMessage } from './yaml-messages.ts';

export interface Position {
  line: number;
  col: number;
}

export interface ParsedYaml {
  value: unknown;
  /** Syntax errors, each at its position, in Chinese. */
  syntaxErrors: { pos: Position; message: string }[];
  /** Position of the node at `path`, or of its nearest existing ancestor. */
  locate(path: readonly PropertyKey[], opts?: { key?: string }): Position;
}

/**
 * Core schema minus int/float: numbers stay the text they were written with ("16.50"),
 * so published precision survives and no figure ever becomes a binary float.
 */
const keepNumbersAsText = (tags: { tag?: string }[]) =>
  tags.filter((t) => !/:(int|float)$/.test(t.tag ?? ''));

interface Fault {
  offset: number;
  code: ErrorCode;
  message: string;
  /** A message of our own, already in Chinese. */
  translated?: true;
}

/**
 * The first document of the tokens. Duplicate keys are found by `duplicateKeys` in linear time:
 * the package's own check compares every key with every other (25 s for a map of 60,000 keys).
 */
function compose(tokens: CST.Token[], end: number) {
  const composer = new Composer({
    schema: 'core',
    customTags: keepNumbersAsText as never,
    uniqueKeys: false,
  });
  const docs = composer.compose(tokens, true, end);
  const doc = docs.next().value as Document.Parsed;
  const faults: Fault[] = [...doc.errors, ...doc.warnings].map((e) => ({
    offset: e.pos[0],
    code: e.code,
    message: e.message,
  }));
  const second = docs.next().value as Document.Parsed | undefined;
  if (second) faults.push({ offset: second.range[0], code: 'MULTIPLE_DOCS', message: 'multiple documents' });
  return { doc, faults };
}

/** Keys repeated within one map, at the repeat, naming the line of the first. */
function duplicateKeys(doc: Document.Parsed, at: (offset: number) => Position): Fault[] {
  const faults: Fault[] = [];
  const visit = (node: unknown) => {
    if (isSeq(node)) for (const item of node.items) visit(item);
    if (!isMap(node)) return;
    const seen = new Map<string, number>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key as Node | null;
      if (isScalar(key) && key.range) {
        const name = String(key.value);
        const first = seen.get(name);
        if (first === undefined) seen.set(name, key.range[0]);
        else
          faults.push({
            offset: key.range[0],
            code: 'DUPLICATE_KEY',
            translated: true,
            message: `键“${name.slice(0, 40)}”重复：同一层已在第 ${at(first).line} 行出现过；删去其中一处，或改正键名`,
          });
      }
      visit(pair.value);
    }
  };
  visit(doc.contents);
  return faults;
}

/** The last of `items` (sorted by `start`) that starts before `offset`, by binary search. */
function lastBefore<T extends { start: number }>(items: readonly T[], offset: number): T | undefined {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (items[middle].start < offset) low = middle + 1;
    else high = middle;
  }
  return items[low - 1];
}

/**
 * Where a fault should be shown. An unclosed quote or bracket is noticed only where the file (or
 * the indentation) ends; the fix goes where it was opened.
 */
function relocate(fault: Fault, scan: TokenScan): { offset: number; message: string } {
  if (fault.translated) return fault;
  if (fault.code === 'MISSING_CHAR' && /Missing closing/.test(fault.message)) {
    const open = lastBefore(scan.quoted, fault.offset);
    if (open && fault.offset <= open.end)
      return {
        offset: open.start,
        message: `这里的${open.quote === '"' ? '双引号 "' : "单引号 '"} 没有闭合：在这项文字末尾补上 ${open.quote}（否则后面各行都被当成了这项文字）`,
      };
  }
  const flow = /Flow (sequence|map)/.exec(fault.message);
  if (flow) {
    const [open, close] = flow[1] === 'sequence' ? ['[', ']'] : ['{', '}'];
    const bracket = lastBefore(scan.unclosed[open as '[' | '{'], fault.offset);
    if (bracket)
      return {
        offset: bracket.start,
        message: `这一行的 ${open} 没有对应的 ${close}：在这一项的末尾补上 ${close}`,
      };
  }
  return { offset: fault.offset, message: yamlMessage(fault.code, fault.message) };
}

/**
 * One error a line, the first the parser found there (an unclosed quote comes before the bracket
 * it swallowed): the faults after it on a line are usually its echoes.
 */
function firstPerLine(errors: { pos: Position; message: string }[]) {
  const lines = new Set<number>();
  return errors
    .filter((e) => !lines.has(e.pos.line) && lines.add(e.pos.line))
    .sort((a, b) => a.pos.line - b.pos.line || a.pos.col - b.pos.col);
}

export function parseYaml(source: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const at = (offset: number): Position => lineCounter.linePos(offset);
  // The parser builds its token tree with a stack, not recursion: any depth is safe to scan.
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(source));
  const scan = scanTokens(tokens);
  if (scan.problems.length)
    return {
      value: undefined,
      syntaxErrors: scan.problems.map((p) => ({ pos: at(p.offset), message: p.message })),
      locate: () => ({ line: 1, col: 1 }),
    };

  const { doc, faults } = compose(tokens, source.length);
  faults.push(...duplicateKeys(doc, at));
  const syntaxErrors = firstPerLine(
    faults.map((f) => {
      const shown = relocate(f, scan);
      return { pos: at(shown.offset), message: shown.message };
    }),
  );

  /** Position of the key `key` in the map at `mapPath`, if there is one. */
  function keyAt(mapPath: readonly PropertyKey[], key: PropertyKey): Position | undefined {
    const map = doc.getIn(mapPath as unknown[], true);
    const pair = isMap(map)
      ? map.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key)
      : undefined;
    const keyNode = pair?.key as Node | undefined;
    return keyNode?.range ? at(keyNode.range[0]) : undefined;
  }

  function locate(path: readonly PropertyKey[], opts: { key?: string } = {}): Position {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true) as Node | undefined;
      if (!node || !('range' in node) || !node.range) continue;
      if (opts.key && n === path.length) return keyAt(path, opts.key) ?? at(node.range[0]);
      // A missing key is reported at the key of the map that should hold it ("tables:"); a whole
      // table or list at its own key ("  t07:"), where a reader looks for it.
      const atKey = n > 0 && (n < path.length ? isMap(node) : isMap(node) || isSeq(node));
      return (atKey && keyAt(path.slice(0, n - 1), path[n - 1])) || at(node.range[0]);
    }
    return { line: 1, col: 1 };
  }

  // maxAliasCount 0: no alias is ever expanded (the token scan has refused them already).
  return {
    value: syntaxErrors.length ? undefined : doc.toJS({ maxAliasCount: 0 }),
    syntaxErrors,
    locate,
  };
}

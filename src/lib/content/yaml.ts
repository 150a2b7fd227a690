import { LineCounter, parseDocument, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';

export interface Position {
  line: number;
  col: number;
}

export interface ParsedYaml {
  value: unknown;
  /** Syntax errors, each at its position. */
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

export function parseYaml(source: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(source, {
    lineCounter,
    schema: 'core',
    customTags: keepNumbersAsText as never,
    prettyErrors: false,
    uniqueKeys: true,
  });
  const at = (offset: number): Position => lineCounter.linePos(offset);
  const syntaxErrors = doc.errors.map((e) => {
    const message = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    return unclosedBracket(source, e.pos[0], message) ?? { pos: at(e.pos[0]), message };
  });

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

  return { value: syntaxErrors.length ? undefined : doc.toJS(), syntaxErrors, locate };
}

/**
 * The parser notices an unclosed `[` or `{` only on a later line; point at the bracket that was
 * left open instead, which is where the fix goes.
 */
function unclosedBracket(
  source: string,
  offset: number,
  message: string,
): { pos: Position; message: string } | undefined {
  const flow = /Flow (sequence|mapping)/.exec(message);
  if (!flow) return undefined;
  const [open, close] = flow[1] === 'sequence' ? ['[', ']'] : ['{', '}'];
  const lines = source.slice(0, offset).split('\n');
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 20); i--) {
    const line = lines[i];
    let depth = 0;
    let col = -1;
    for (let c = 0; c < line.length; c++) {
      if (line[c] === open && depth++ === 0) col = c;
      else if (line[c] === close) depth--;
    }
    if (depth > 0)
      return {
        pos: { line: i + 1, col: col + 1 },
        message: `这一行的 ${open} 没有对应的 ${close}：在行末补上 ${close}（${message}）`,
      };
  }
  return undefined;
}

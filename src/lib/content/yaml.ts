import { LineCounter, parseDocument, isMap, isPair, isScalar, type Document, type Node } from 'yaml';

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
const keepNumbersAsText = (tags: { tag?: string }[]) => tags.filter((t) => !/:(int|float)$/.test(t.tag ?? ''));

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
  const syntaxErrors = doc.errors.map((e) => ({ pos: at(e.pos[0]), message: e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '') }));

  function locate(path: readonly PropertyKey[], opts: { key?: string } = {}): Position {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true) as Node | undefined;
      if (!node || !('range' in node) || !node.range) continue;
      if (opts.key && n === path.length && isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === opts.key);
        const keyNode = pair && (pair.key as Node);
        if (keyNode?.range) return at(keyNode.range[0]);
      }
      return at(node.range[0]);
    }
    return { line: 1, col: 1 };
  }

  return { value: syntaxErrors.length ? undefined : doc.toJS(), syntaxErrors, locate };
}

import type { CST } from 'yaml';
import { MAX_YAML_DEPTH } from './limits.ts';

/**
 * A look at the YAML parser's token tree (built without recursion, in linear time) before any
 * value is composed: what content must not use, how deep it nests, and where quotes and brackets
 * were opened, so that a syntax error found far below can be shown where the fix goes.
 */

interface TokenProblem {
  offset: number;
  message: string;
}

export interface TokenScan {
  problems: TokenProblem[];
  /** Quoted scalars, sorted: [start, end) offsets; the start is the opening quote. */
  quoted: { start: number; end: number; quote: string }[];
  /** Flow collections whose closing bracket never came, by opening bracket, sorted by its offset. */
  unclosed: Record<'[' | '{', { start: number }[]>;
}

const count = (n: number) => (n > 1 ? `（本文件共 ${n} 处）` : '');

/** The first of each kind of forbidden token, with how many there are: one bomb is thousands of aliases. */
class Forbidden {
  private first = new Map<string, { offset: number; message: string; n: number }>();
  add(kind: string, offset: number, message: string) {
    // The walk is not in document order: keep the earliest.
    const seen = this.first.get(kind);
    if (!seen) this.first.set(kind, { offset, message, n: 1 });
    else
      this.first.set(
        kind,
        offset < seen.offset ? { offset, message, n: seen.n + 1 } : { ...seen, n: seen.n + 1 },
      );
  }
  list(): TokenProblem[] {
    return [...this.first.values()].map((f) => ({ offset: f.offset, message: f.message + count(f.n) }));
  }
}

/** How to write text that starts with the indicator instead. */
const quoteIt = (indicator: string) =>
  `若这是以 ${indicator} 开头的文字，给整项加引号（如 "${indicator}……"）`;

function sourceProblem(token: CST.SourceToken, forbidden: Forbidden) {
  const text = token.source.slice(0, 40);
  if (token.type === 'anchor')
    forbidden.add(
      'anchor',
      token.offset,
      `“${text}” 被 YAML 当作锚点：内容不使用锚点和别名（& 和 *），每个值都照原文写出；${quoteIt('&')}`,
    );
  if (token.type === 'tag')
    forbidden.add(
      'tag',
      token.offset,
      `“${text}” 是 YAML 标签：内容不接受任何标签（它们会改变值的类型，或被当作普通文字而不报错）；删去它；${quoteIt('!')}`,
    );
}

/** Scans the parser's tokens without recursion; the depth of a collection is the number of collections around it, plus one. */
export function scanTokens(tokens: readonly CST.Token[]): TokenScan {
  const forbidden = new Forbidden();
  const quoted: TokenScan['quoted'] = [];
  const unclosed: TokenScan['unclosed'] = { '[': [], '{': [] };
  let tooDeep: TokenProblem | undefined;
  const stack: { token: CST.Token; depth: number }[] = tokens.map((token) => ({ token, depth: 0 }));
  const push = (list: readonly (CST.Token | null | undefined)[] | undefined, depth: number) => {
    for (const token of list ?? []) if (token) stack.push({ token, depth });
  };
  while (stack.length) {
    const { token, depth } = stack.pop()!;
    switch (token.type) {
      case 'directive':
        forbidden.add(
          'directive',
          token.offset,
          `“${token.source.slice(0, 40)}” 是 YAML 指令：内容不接受指令行（它们会改变解析规则），删去这一行`,
        );
        break;
      case 'anchor':
      case 'tag':
        sourceProblem(token, forbidden);
        break;
      case 'alias':
        forbidden.add(
          'alias',
          token.offset,
          `“${token.source.slice(0, 40)}” 被 YAML 当作别名（引用前文 & 锚点的值）：内容不使用锚点和别名，每个值都照原文写出；${quoteIt('*')}`,
        );
        break;
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
        quoted.push({ start: token.offset, end: token.offset + token.source.length, quote: token.source[0] });
        push(token.end, depth);
        break;
      case 'document':
        push(token.start, depth);
        push([token.value], depth);
        push(token.end, depth);
        break;
      case 'block-scalar':
        push(token.props, depth);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        if (depth + 1 > MAX_YAML_DEPTH) {
          if (!tooDeep || token.offset < tooDeep.offset)
            tooDeep = {
              offset: token.offset,
              message: `YAML 在这里嵌套到第 ${depth + 1} 层（映射和列表逐层累加），上限 ${MAX_YAML_DEPTH} 层：报告的数据最多十来层；检查缩进是否一行比一行多，或方括号是否没有闭合`,
            };
          break;
        }
        if (token.type === 'flow-collection') {
          if (!token.end.some((t) => t.type === 'flow-seq-end' || t.type === 'flow-map-end'))
            unclosed[token.start.source === '{' ? '{' : '['].push({ start: token.start.offset });
          push(token.end, depth + 1);
        }
        for (const item of token.items) {
          push(item.start, depth + 1);
          push(item.sep, depth + 1);
          push([item.key, item.value], depth + 1);
        }
        break;
      }
    }
  }
  const problems = [...forbidden.list(), ...(tooDeep ? [tooDeep] : [])].sort((a, b) => a.offset - b.offset);
  const byStart = (a: { start: number }, b: { start: number }) => a.start - b.start;
  return {
    problems,
    quoted: quoted.sort(byStart),
    unclosed: { '[': unclosed['['].sort(byStart), '{': unclosed['{'].sort(byStart) },
  };
}

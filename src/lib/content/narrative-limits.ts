import {
  MAX_MARKUP_PER_FILE,
  MAX_MARKUP_PER_PARAGRAPH,
  MAX_NARRATIVE_DEPTH,
  MAX_UNDERLINED_HEADINGS,
} from './limits.ts';
import type { TextProblem } from './decode.ts';
import { lineLimitProblem } from './text-limits.ts';

/**
 * A linear pre-scan of a narrative for the shapes that make the Markdown parser slow or deep:
 * nesting (it recurses once per level, and 2,000 `>` overflow the stack), many inline markup
 * characters in one paragraph (its emphasis and link matching is quadratic in them), and many
 * underlined headings (each one copies everything before it). The scan over-counts where the
 * grammar is subtle; real narratives are plain paragraphs, far below every limit.
 */

const count = (n: number) => n.toLocaleString('en-US');

const MARKUP_CHARS = '*_[]!<&`\\:(){}';
const isMarkup = new Uint8Array(128);
for (const c of MARKUP_CHARS) isMarkup[c.charCodeAt(0)] = 1;

const BLANK_RE = /^[ \t]*\r?$/;
const UNDERLINE_RE = /^ {0,3}(?:=+|-+)[ \t]*\r?$/;
const ORDERED_RE = /^\d{1,9}[.)](?=[ \t]|\r?$)/;
const BULLET_RE = /^[-+*](?=[ \t]|\r?$)/;
const CONTAINER_OPEN_RE = /^:{3,}[A-Za-z]/;
const CONTAINER_CLOSE_RE = /^:{3,}[ \t]*\r?$/;

const depthMessage = (depth: number) =>
  `正文在这里嵌套到第 ${depth} 层（行首的缩进、引用 >、列表 - * + 1. 和 ::: 容器逐层累加），上限 ${MAX_NARRATIVE_DEPTH} 层：原文是连续的段落，删去行首的这些符号和缩进；若它们是原文文字，在前面加反斜杠（如 \\>、1\\.）`;

const MARKUP_NAMES = '* _ [ ] ! < & ` \\ : ( ) { }';

/** The columns a line's leading blanks take (a tab reaches the next multiple of 4), and where the text starts. */
function indentation(line: string): { columns: number; end: number } {
  let columns = 0;
  let end = 0;
  for (; line[end] === ' ' || line[end] === '\t'; end++)
    columns = line[end] === '\t' ? columns + 4 - (columns % 4) : columns + 1;
  return { columns, end };
}

const skipBlanks = (line: string, i: number) => {
  while (line[i] === ' ' || line[i] === '\t') i++;
  return i;
};

/**
 * How deep a line's containers go: two columns of indentation count as a level (a nested list
 * item needs at least two), then every `>` and list marker in its prefix. Returns the column
 * where the limit was passed, if it was.
 */
function lineDepth(line: string, open: number): { depth: number; rest: number; over?: number } {
  const { columns, end } = indentation(line);
  let depth = open + Math.floor(columns / 2);
  if (depth > MAX_NARRATIVE_DEPTH) return { depth, rest: end, over: 1 };
  let i = end;
  for (;;) {
    const rest = line.slice(i, i + 12);
    const marker =
      rest[0] === '>' ? 1 : (BULLET_RE.exec(rest)?.[0].length ?? ORDERED_RE.exec(rest)?.[0].length);
    if (!marker) return { depth, rest: i };
    if (++depth > MAX_NARRATIVE_DEPTH) return { depth, rest: i, over: i + 1 };
    i = skipBlanks(line, i + marker);
  }
}

/** The first place a narrative goes past a limit (lines first: the other scans assume short lines). */
export function narrativeLimitProblem(text: string): TextProblem | undefined {
  const lines = lineLimitProblem(text);
  if (lines) return lines;
  let open = 0;
  let underlined = 0;
  let paragraphMarkup = 0;
  let fileMarkup = 0;
  let previousBlank = true;
  let lineNo = 0;
  for (let start = 0; start <= text.length;) {
    lineNo++;
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, end);
    start = end + 1;
    if (BLANK_RE.test(line)) {
      previousBlank = true;
      paragraphMarkup = 0;
      continue;
    }
    if (!previousBlank && UNDERLINE_RE.test(line) && ++underlined > MAX_UNDERLINED_HEADINGS)
      return {
        line: lineNo,
        col: 1,
        message: `这是第 ${underlined} 个用 === 或 --- 下划线标出的标题，上限 ${MAX_UNDERLINED_HEADINGS} 个：标题请写成 ## 开头的一行（见 docs/content-format.md）；若这是原文中的一行等号或短横线，在行首加反斜杠（如 \\-）`,
      };
    previousBlank = false;

    const depth = lineDepth(line, open);
    if (depth.over) return { line: lineNo, col: depth.over, message: depthMessage(depth.depth) };
    const rest = line.slice(depth.rest);
    if (CONTAINER_OPEN_RE.test(rest) && depth.depth + 1 > MAX_NARRATIVE_DEPTH)
      return { line: lineNo, col: depth.rest + 1, message: depthMessage(depth.depth + 1) };
    if (CONTAINER_OPEN_RE.test(rest)) open++;
    else if (CONTAINER_CLOSE_RE.test(rest)) open = Math.max(0, open - 1);

    for (let i = 0; i < line.length; i++) {
      const code = line.charCodeAt(i);
      if (code >= 128 || !isMarkup[code]) continue;
      if (++paragraphMarkup > MAX_MARKUP_PER_PARAGRAPH)
        return {
          line: lineNo,
          col: i + 1,
          message: `这一段的 Markdown 标记字符（${MARKUP_NAMES}）超过 ${count(MAX_MARKUP_PER_PARAGRAPH)} 个：原文的一段不会有这么多；检查是否误贴了代码或数据，或把几段连成了一段（段落之间空一行）`,
        };
      if (++fileMarkup > MAX_MARKUP_PER_FILE)
        return {
          line: lineNo,
          col: i + 1,
          message: `正文的 Markdown 标记字符（${MARKUP_NAMES}）共超过 ${count(MAX_MARKUP_PER_FILE)} 个：原文不会有这么多；检查是否误贴了代码或数据`,
        };
    }
  }
  return undefined;
}

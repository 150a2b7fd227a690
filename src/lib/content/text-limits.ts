import { MAX_LINE_LENGTH, MAX_LINES } from './limits.ts';
import type { TextProblem } from './decode.ts';

const count = (n: number) => n.toLocaleString('en-US');

/**
 * The first line past the line-count or line-length limit, found in one pass without splitting
 * the text: parsers slow down on very long lines and on very many of them.
 */
export function lineLimitProblem(text: string): TextProblem | undefined {
  let line = 1;
  for (let start = 0; start < text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    if (line > MAX_LINES)
      return {
        line,
        col: 1,
        message: `文件超过 ${count(MAX_LINES)} 行：一份报告的数据或正文不会这么长；检查是否误放了别的文件（上限见 docs/limits.md）`,
      };
    // A CRLF file's lines end in \r, which is not a character of the line.
    const length = end - start - (text[end - 1] === '\r' ? 1 : 0);
    if (length > MAX_LINE_LENGTH)
      return {
        line,
        col: MAX_LINE_LENGTH + 1,
        message: `这一行有 ${count(length)} 个字符，超过每行 ${count(MAX_LINE_LENGTH)} 个字符的上限：一段原文占一行，不会这么长；检查是否把多段连成了一行（段落之间空一行），或误贴了数据`,
      };
    if (newline < 0) break;
    start = newline + 1;
  }
  return undefined;
}

import type { Position } from './yaml.ts';

/**
 * Content files are UTF-8. Anything else is refused at the place it goes wrong, naming the
 * encoding the file probably has, rather than read as replacement characters. A UTF-8 byte-order
 * mark (Windows Notepad writes one) is accepted and dropped.
 */

export interface TextProblem extends Position {
  message: string;
}

const SAVE_AS = '请另存为 UTF-8（无 BOM）';

const BOMS: [bytes: number[], name: string][] = [
  // UTF-32 LE starts like UTF-16 LE, so it is tested first.
  [[0xff, 0xfe, 0x00, 0x00], 'UTF-32 LE'],
  [[0x00, 0x00, 0xfe, 0xff], 'UTF-32 BE'],
  [[0xff, 0xfe], 'UTF-16 LE'],
  [[0xfe, 0xff], 'UTF-16 BE'],
];

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { ignoreBOM: true });

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    // Lead byte → sequence length and the allowed range of the second byte (no overlongs, no surrogates).
    const [length, low, high] =
      lead >= 0xc2 && lead <= 0xdf
        ? [2, 0x80, 0xbf]
        : lead === 0xe0
          ? [3, 0xa0, 0xbf]
          : lead === 0xed
            ? [3, 0x80, 0x9f]
            : lead >= 0xe1 && lead <= 0xef
              ? [3, 0x80, 0xbf]
              : lead === 0xf0
                ? [4, 0x90, 0xbf]
                : lead === 0xf4
                  ? [4, 0x80, 0x8f]
                  : lead >= 0xf1 && lead <= 0xf3
                    ? [4, 0x80, 0xbf]
                    : [0, 0, 0];
    if (!length || i + 1 >= bytes.length || bytes[i + 1] < low || bytes[i + 1] > high) return i;
    for (let k = 2; k < length; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += length;
  }
  return bytes.length;
}

/** Line and column (in characters) of a byte offset. */
function positionOf(bytes: Uint8Array, offset: number): Position {
  const lineStart = offset > 0 ? bytes.lastIndexOf(0x0a, offset - 1) + 1 : 0;
  let line = 1;
  for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
  return { line, col: lenient.decode(bytes.subarray(lineStart, offset)).length + 1 };
}

/** UTF-16 text has a zero byte in most ASCII characters: one byte in eight in the first 4 KB is plenty. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  return head.filter((b) => b === 0).length * 8 >= head.length;
}

/** GBK and GB18030 decode most Chinese text written by Windows; say so when the bytes fit. */
function looksLikeGbk(bytes: Uint8Array): boolean {
  try {
    return /\p{Script=Han}/u.test(new TextDecoder('gb18030', { fatal: true }).decode(bytes));
  } catch {
    return false;
  }
}

/** The text of a content file, or where and why it is not UTF-8 text. */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { problem: TextProblem } {
  const at1 = (message: string) => ({ problem: { line: 1, col: 1, message } });
  if (bytes.length === 0) return at1('文件是空的（0 字节）：写入内容，或删去这个文件');
  for (const [bom, name] of BOMS)
    if (startsWith(bytes, bom)) return at1(`文件是 ${name} 编码（开头有 BOM）：${SAVE_AS}`);
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    const offset = firstInvalidByte(body);
    const hex = Array.from(body.subarray(offset, offset + 2), (b) =>
      b.toString(16).toUpperCase().padStart(2, '0'),
    );
    if (looksLikeUtf16(body)) return at1(`文件可能是 UTF-16 编码（无 BOM），不是 UTF-8：${SAVE_AS}`);
    const guess = looksLikeGbk(body)
      ? '文件可能是 GBK/GB18030 编码（中文 Windows 的默认编码）'
      : '文件不是有效的 UTF-8 编码';
    return {
      problem: {
        ...positionOf(body, offset),
        message: `${guess}：这里的字节 ${hex.join(' ')} 不是 UTF-8；${SAVE_AS}`,
      },
    };
  }
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const before = text.slice(0, nul);
    const line = before.split('\n').length;
    return {
      problem: {
        line,
        col: nul - before.lastIndexOf('\n'),
        message: `文件含有 NUL 字符（U+0000）：它可能是 UTF-16 编码（无 BOM）或二进制文件，不是 UTF-8 文本；${SAVE_AS}`,
      },
    };
  }
  return { text };
}

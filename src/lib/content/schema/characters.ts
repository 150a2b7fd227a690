/*
 * Characters that do not show what they are: bidirectional overrides and isolates reorder the
 * text around them (a right-to-left override shows 10.43 as 34.01), zero-width and other format
 * characters are invisible, control characters are not text. Content is proposed by anyone in a
 * pull request, so none of them may reach a page.
 */

/** Ranges [first, last, name] of refused code points, named as staff would look them up. */
const HIDDEN: [number, number, string][] = [
  [0x09, 0x09, '制表符'],
  [0x0a, 0x0a, '换行'],
  [0x0d, 0x0d, '回车'],
  [0x00, 0x1f, 'C0 控制字符'],
  [0x7f, 0x7f, '删除控制字符'],
  [0x80, 0x9f, 'C1 控制字符'],
  [0xad, 0xad, '软连字符'],
  [0x034f, 0x034f, '组合字形连接符'],
  [0x061c, 0x061c, '阿拉伯文字母标记'],
  [0x115f, 0x1160, '韩文填充字符'],
  [0x17b4, 0x17b5, '高棉文不可见元音'],
  [0x180b, 0x180f, '蒙古文自由变体选择符或元音分隔符'],
  [0x200b, 0x200b, '零宽空格'],
  [0x200c, 0x200c, '零宽不连字'],
  [0x200d, 0x200d, '零宽连字'],
  [0x200e, 0x200e, '从左到右标记'],
  [0x200f, 0x200f, '从右到左标记'],
  [0x2028, 0x2028, '行分隔符'],
  [0x2029, 0x2029, '段分隔符'],
  [0x202a, 0x202a, '从左到右嵌入'],
  [0x202b, 0x202b, '从右到左嵌入'],
  [0x202c, 0x202c, '结束嵌入或覆盖'],
  [0x202d, 0x202d, '从左到右覆盖'],
  [0x202e, 0x202e, '从右到左覆盖'],
  [0x2060, 0x2060, '词连接符'],
  [0x2061, 0x2064, '不可见运算符'],
  [0x2066, 0x2066, '从左到右隔离'],
  [0x2067, 0x2067, '从右到左隔离'],
  [0x2068, 0x2068, '首强隔离'],
  [0x2069, 0x2069, '结束隔离'],
  [0x206a, 0x206f, '已废弃的格式字符'],
  [0x3164, 0x3164, '韩文填充字符'],
  [0xfe00, 0xfe0f, '变体选择符'],
  [0xfeff, 0xfeff, '零宽不换行空格（字节顺序标记）'],
  [0xffa0, 0xffa0, '半角韩文填充字符'],
  [0xfff9, 0xfffb, '行间注释字符'],
  [0x1d173, 0x1d17a, '乐谱格式字符'],
  [0xe0000, 0xe007f, '标签字符'],
  [0xe0100, 0xe01ef, '变体选择符'],
];

const LINE_BREAKS = new Set([0x09, 0x0a]);

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

function nameOf(cp: number): string | undefined {
  return HIDDEN.find(([first, last]) => cp >= first && cp <= last)?.[2];
}

interface HiddenCharacter {
  /** "U+202E（从右到左覆盖）". */
  label: string;
  /** 1-based position among the text's characters. */
  position: number;
  /** How many refused characters the text holds. */
  count: number;
}

/**
 * The first character of `s` that would not show what it is, or null. Tab and newline are
 * allowed only in multi-line text (goals, block scalars `|`).
 */
export function hiddenCharacter(s: string, opts: { multiline?: boolean } = {}): HiddenCharacter | null {
  let first: HiddenCharacter | null = null;
  let count = 0;
  let position = 0;
  for (const ch of s) {
    position++;
    const cp = ch.codePointAt(0)!;
    if (opts.multiline && LINE_BREAKS.has(cp)) continue;
    const name = nameOf(cp);
    if (!name) continue;
    count++;
    first ??= { label: `${hex(cp)}（${name}）`, position, count: 0 };
  }
  return first && { ...first, count };
}

/** The message for a refused character, saying where it is and what to do. */
export function hiddenMessage(h: HiddenCharacter, opts: { multiline?: boolean } = {}): string {
  const where = `第 ${h.position} 个字符`;
  const more = h.count > 1 ? `，共 ${h.count} 处` : '';
  const lineHint = !opts.multiline && /换行|制表符|回车/.test(h.label) ? '；此处应为单行文字' : '';
  return `含有不可见的控制字符 ${h.label}（${where}${more}）：删去它${lineHint}`;
}

/** `s` with each refused character spelled out as <U+XXXX>, so a message can show it. */
export function showHidden(s: string): string {
  let out = '';
  for (const ch of s) out += nameOf(ch.codePointAt(0)!) ? `<${hex(ch.codePointAt(0)!)}>` : ch;
  return out;
}

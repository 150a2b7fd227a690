import type { ErrorCode } from 'yaml';

/**
 * The `yaml` package's syntax errors in the words staff need: what is wrong at this place and
 * what to change. Matched on the error code, then on the package's English text where one code
 * covers several faults; no English reaches staff (an unknown fault names its code).
 */

type Rule = [pattern: RegExp, message: (match: RegExpExecArray) => string];

const BRACKET: Record<string, [string, string]> = {
  sequence: ['[', ']'],
  map: ['{', '}'],
  mapping: ['{', '}'],
};

const RULES: Partial<Record<ErrorCode, Rule[]>> = {
  MISSING_CHAR: [
    [/Missing closing "quote/, () => '双引号 " 没有闭合：在这项文字末尾补上 "'],
    [/Missing closing 'quote/, () => "单引号 ' 没有闭合：在这项文字末尾补上 '"],
    [
      /Implicit map keys need to be followed by map values/,
      () =>
        '这一行缺少“: ”：键后面要写冒号和空格再写值（如 name: 值）；若这是上一行文字的延续，把它接到上一行，或改用 | 块文本',
    ],
    [
      /Missing , or : between flow (sequence|map) items/,
      () => '方括号或花括号里的两项之间缺少逗号：在两项之间加“, ”；若这是一项文字，给它加引号',
    ],
    [/Missing , between flow/, () => '方括号或花括号里的两项之间缺少逗号：在两项之间加“, ”'],
    [/Missing space after :/, () => '冒号后缺少空格：写成“键: 值”；若冒号是文字的一部分，给整项加引号'],
    [
      /Comments must be separated/,
      () => '# 前面要有空格才是注释：若 # 是文字的一部分，给整项加引号；若是注释，在 # 前加空格',
    ],
    [/Sequence item without - indicator/, () => '列表项缺少行首的“- ”'],
    [
      /more-indented leading empty lines/,
      () => '块文本（| 之后）开头的空行比正文缩进更多：删去这些空行里的空格',
    ],
    [
      /(sequence|map|mapping) must end with/,
      (m) => `${BRACKET[m[1]][0]} 没有对应的 ${BRACKET[m[1]][1]}：补上 ${BRACKET[m[1]][1]}`,
    ],
    [/Tags and anchors must be separated/, () => '标签或锚点后缺少空格：内容不使用标签和锚点，删去它'],
    [
      /Missing newline after block sequence props/,
      () => '标签或锚点之后缺少换行：内容不使用标签和锚点，删去它',
    ],
    [/directives-end marker/, () => '--- 之后不能在同一行开始列表或映射：把内容写到下一行'],
    [/Missing directives-end/, () => '% 指令之后缺少 --- 行：内容不接受指令行，删去它'],
  ],
  BAD_INDENT: [
    [
      /All mapping items must start at the same column/,
      () => '缩进应与上一行对齐：同一层的键要从同一列开始（这一行的空格多了或少了）',
    ],
    [
      /All sequence items must start at the same column/,
      () => '同一列表的各项“- ”要在同一列：调整这一行的缩进',
    ],
    [
      /Flow (sequence|map|mapping) in block collection must be sufficiently indented and end with/,
      (m) =>
        `${BRACKET[m[1]][0]} 没有对应的 ${BRACKET[m[1]][1]}，或续行的缩进不够：补上 ${BRACKET[m[1]][1]}；续行要比键缩进更多`,
    ],
    [/Block scalar values in collections must be indented/, () => '块文本（| 之后的各行）要比它的键缩进更多'],
    [
      /Block scalar lines must not be less indented/,
      () => '块文本的这一行比第一行缩进得少：块文本的每一行至少要和第一行缩进一样多',
    ],
    [/Flow end indicator should be more indented/, () => '] 或 } 要比它所属的键缩进更多：在行首加空格'],
  ],
  TAB_AS_INDENT: [[/./, () => '缩进用了制表符（Tab）：YAML 只能用空格缩进，请把 Tab 换成空格']],
  BLOCK_AS_IMPLICIT_KEY: [
    [
      /Nested mappings are not allowed in compact mappings/,
      () =>
        '一行里只能有一个“键: 值”：值里有“: ”（冒号加空格）时给整个值加引号（如 a: "b: c"）；若下一行是新的键，它的缩进应与上一行的键对齐',
    ],
    [
      /block sequence may not be used as an implicit map key/,
      () => '这一项“- ”的缩进不对：应与同一列表上一项的“- ”对齐',
    ],
  ],
  MULTILINE_IMPLICIT_KEY: [
    [
      /./,
      () =>
        '键必须写在一行内：若下一行是新的键，缩进应与上一行的键对齐；若这是键，补上“: ”；多行文字请用 | 块文本',
    ],
  ],
  UNEXPECTED_TOKEN: [
    [/Unexpected , in flow/, () => '方括号里多了一个逗号（两个逗号之间是空的）：空白单元格写 ~'],
    [/Unexpected empty item/, () => '方括号里多了一个逗号（两个逗号之间是空的）：空白单元格写 ~'],
    [
      /block-seq-ind on same line with key/,
      () => '“- ”不能与键写在同一行：把列表项写到下一行并缩进，或写成 [ … ]；若“-”是文字，给值加引号',
    ],
    [
      /Unexpected scalar at node end/,
      () =>
        '引号、括号或值结束后还有多余的文字：把整项放进引号里，或删去多余的文字；也可能是缩进与上一行不一致',
    ],
    [/Unexpected (flow-seq-end|\]) /, () => '多了一个 ]：删去它，或补上对应的 ['],
    [/Unexpected (flow-map-end|\}) /, () => '多了一个 }：删去它，或补上对应的 {'],
    [/doc-end without preceding document/, () => '多余的 ... 行：删去它'],
    [/Block scalar header includes extra characters/, () => '| 或 > 后面只能换行：把文字写到下一行并缩进'],
    [/map-value-ind/, () => '这里的“:”不属于任何键：检查这一行和上一行的缩进，或给含冒号的文字加引号'],
    [/./, () => '这里有多余的符号或文字：检查这一行的缩进、冒号和引号'],
  ],
  BAD_DQ_ESCAPE: [
    [
      /Invalid escape sequence (.*)/,
      (m) => `双引号里的 ${m[1]} 不是有效的转义：文字中的反斜杠写成 \\\\，或改用单引号`,
    ],
  ],
  BAD_SCALAR_START: [
    [/cannot start with reserved character (.)/, (m) => `以 ${m[1]} 开头的文字要加引号（如 "${m[1]}…"）`],
  ],
  KEY_OVER_1024_CHARS: [[/./, () => '键超过 1024 个字符：这里多半缺少换行，或文字里的“: ”需要加引号']],
  MULTIPLE_DOCS: [
    [
      /./,
      () =>
        '这一行的 --- 开始了第二个 YAML 文档：一个文件只写一份数据，删去这一行（或把它后面的内容移到别的文件）',
    ],
  ],
  BLOCK_IN_FLOW: [[/./, () => '方括号或花括号里不能写“- ”列表或 | 块文本：改用逗号分隔的项，或给文字加引号']],
  DUPLICATE_KEY: [[/./, () => '键重复：同一层的每个键只能出现一次']],
  RESOURCE_EXHAUSTION: [[/./, () => 'YAML 嵌套过深：检查缩进和括号']],
};

/** Faults the token scan refuses earlier (anchors, aliases, tags, directives); named in case one slips by. */
const BY_CODE: Partial<Record<ErrorCode, string>> = {
  ALIAS_PROPS: '别名不能带标签或锚点：内容不使用锚点和别名',
  BAD_ALIAS: '锚点或别名的写法不对：内容不使用锚点和别名，以 & 或 * 开头的文字请加引号',
  MULTIPLE_ANCHORS: '一个值只能有一个锚点：内容不使用锚点，删去它',
  MULTIPLE_TAGS: '一个值只能有一个标签：内容不使用标签，删去它',
  BAD_PROP_ORDER: '锚点和标签的位置不对：内容不使用它们，删去它',
  BAD_DIRECTIVE: '无效的 YAML 指令：内容不接受 % 开头的指令行，删去这一行',
  TAG_RESOLVE_FAILED: '无法识别的 YAML 标签：内容不接受标签，删去它；以 ! 开头的文字请加引号',
  BAD_COLLECTION_TYPE: '标签与值的类型不符：内容不接受标签，删去它',
  NON_STRING_KEY: '键应为文字',
  IMPOSSIBLE: 'YAML 无法解析这里：检查这一行的缩进、冒号和引号',
};

export function yamlMessage(code: ErrorCode, english: string): string {
  for (const [pattern, message] of RULES[code] ?? []) {
    const match = pattern.exec(english);
    if (match) return message(match);
  }
  return BY_CODE[code] ?? `YAML 无法解析这里（错误代码 ${code}）：检查这一行的缩进、冒号和引号`;
}

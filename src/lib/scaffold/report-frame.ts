import { todo, todoText } from './placeholders.ts';
import { entry } from './yaml-text.ts';
import type { ScaffoldContext } from './context.ts';

/** The header comment every scaffolded report starts with. */
export const header = (what: string, c: ScaffoldContext) => [
  `# ${c.year} 年度${what}：由 npm run new 生成的骨架。`,
  '# 凡写着“待填”的地方，都按原文照录后删去占位：',
  '#   金额、编码、分数写数字（如 12.34）；原文空白写 ~，不适用（——）写 ——，零写 0.00（照原文精度）；',
  '#   文字占位 { 待填: 说明 } 整个换成原文文字。',
  '# 每处占位都会让 npm run check 在该行报错，填完才能发布。详见 docs/new-report.md。',
];

/** kind, title, year, unit and the source block, with placeholders for what staff must find. */
export const frame = (kind: string, c: ScaffoldContext, titleHint: string) => [
  entry('kind', kind),
  entry('title', todoText(titleHint)),
  '# 原文未印标题时，按发布单位、年度与报告类型拟定，并加 titleNote 说明。',
  entry('year', c.year),
  entry('unit', '万元'),
  'source:',
  `  ${entry('document', todoText('收到原文时的文件名'))}`,
  `  ${entry('archive', todo, `原文存档路径，如 sources/${c.office}/${c.year}/<名称>.txt`)}`,
  `  ${entry('sha256', todo, `sha256sum sources/${c.office}/${c.year}/<名称>.txt 的输出`)}`,
  '  # part: 一份原文含多份报告时，写本报告是其中哪一部分',
];

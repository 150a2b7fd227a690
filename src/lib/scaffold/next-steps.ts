import { countNarrativePlaceholders, countYamlPlaceholders } from './placeholders.ts';

/** What `npm run new` prints after writing: each file with its placeholder count, then what to do. */

interface Written {
  name: string;
  text: string;
}

const count = (f: Written) =>
  f.name.endsWith('.md') ? countNarrativePlaceholders(f.text) : countYamlPlaceholders(f.text);

const written = (files: readonly Written[]) => [
  '已写入：',
  ...files.map((f) => `  ${f.name}（待填 ${count(f)} 处）`),
  '',
  '下一步：',
];

export function reportNextSteps(files: readonly Written[], office: string, year: string): string[] {
  const dir = `content/${office}/${year}`;
  return [
    ...written(files),
    `  1. 把发布的原文一字不改存为 sources/${office}/${year}/<名称>.txt，在 YAML 的 source 中写上路径和 sha256（sha256sum 的输出）。`,
    '  2. 对照原文逐处填写“待填”：金额照原文精度写数字，原文空白写 ~，不适用写 ——；文字占位 { 待填: 说明 } 整个换成原文文字；',
    '     正文中的 ::todo[待填：…] 整行换成原文段落（不要在它前面加反斜杠）。表式的行与标题和原文不同处，按原文改。',
    `  3. npm run check -- ${dir}：每处未填的占位报一行（文件:行:列）；YAML 全部填完后，才报正文和表内、表间的核对。`,
    '  4. npm run dev 预览页面；发布前 npm run build && npm run preview，与原文逐表逐段对照。',
    '说明见 docs/new-report.md。',
  ];
}

export function officeNextSteps(
  files: readonly Written[],
  office: string,
  kinds: readonly string[],
): string[] {
  return [
    ...written(files),
    `  1. 对照原文逐处填写“待填”：文字占位 { 待填: 说明 } 整个换成原文文字，人数与年份写数字；原文未公布的可选部分整段删去。`,
    `  2. npm run check -- content/${office}：每处未填的占位报一行（文件:行:列）。`,
    `  3. 建立报告：npm run new -- ${office} <年度> <类型>（类型：${kinds.join('、')}）。`,
    '说明见 docs/new-report.md。',
  ];
}

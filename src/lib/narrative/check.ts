import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import type { ReportData } from '../content/schema/report.ts';
import type { ContentError } from '../content/errors.ts';
import { tableIds } from '../content/tables.ts';
import { figureKeys } from '../fiscal/figure-keys.ts';
import { DIRECTIVES } from './parse.ts';

/** No raw HTML or code blocks; every ::table directive must name a table of the report, and every table must be placed once. */
export function checkNarrative(narrative: Root, data: ReportData, file: string): ContentError[] {
  const errors: ContentError[] = [];
  const known = tableIds(data);
  const placed = new Set<string>();
  let keys: Map<string, string | null> | undefined;
  const figures = () => (keys ??= figureKeys(data));
  visit(narrative, (node) => {
    const at = { line: node.position?.start.line ?? 1, col: node.position?.start.column ?? 1 };
    if (node.type === 'html')
      errors.push({ file, ...at, message: '正文中出现了 HTML 标记：原文中的 < 请写成 \\<' });
    if (node.type === 'code')
      errors.push({ file, ...at, message: '这段文字被当成了代码块（行首有缩进或 ```）：删去行首空格' });
    if (node.type !== 'leafDirective' && node.type !== 'textDirective' && node.type !== 'containerDirective')
      return;
    const pos = { line: node.position?.start.line ?? 1, col: node.position?.start.column ?? 1 };
    if (node.type === 'textDirective' && node.name === 'figure') {
      const key = node.attributes?.key ?? '';
      const value = figures().get(key);
      if (value === undefined)
        errors.push({
          file,
          ...pos,
          message: `:figure 的 key “${key}” 不是本报告的数据（如 t03.合计.基本支出、t09.决算数.公务接待费）`,
        });
      else if (value === null)
        errors.push({ file, ...pos, message: `:figure 的 key “${key}” 在表中是空白，没有可插入的数字` });
      return;
    }
    if (node.type !== 'leafDirective' || !(DIRECTIVES as readonly string[]).includes(node.name)) {
      errors.push({
        file,
        ...pos,
        message: `未知的指令 ${node.name}：正文支持独占一行的 ::table{ref=…}、::glossary，以及行内的 :figure{key=…}`,
      });
      return;
    }
    if (node.name === 'glossary') {
      if (!('glossary' in data) || !data.glossary)
        errors.push({ file, ...pos, message: '::glossary 需要报告 YAML 中有 glossary（名词解释）' });
      return;
    }
    const ref = node.attributes?.ref ?? '';
    if (!known.includes(ref))
      errors.push({
        file,
        ...pos,
        message: `::table 的 ref “${ref}” 不是本报告的表；可用：${known.join('、')}`,
      });
    else if (placed.has(ref)) errors.push({ file, ...pos, message: `表 ${ref} 在正文中放置了两次` });
    placed.add(ref);
  });
  const missing = known.filter((id) => !placed.has(id));
  if (missing.length)
    errors.push({
      file,
      line: 1,
      col: 1,
      message: `表 ${missing.join('、')} 未在正文中放置：在其原文位置加入独占一行的 ::table{ref=${missing[0]}}`,
    });
  return errors;
}

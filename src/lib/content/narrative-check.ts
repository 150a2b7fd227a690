import { SKIP, visit } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import { PLACEHOLDER } from './placeholder.ts';
import type { Nodes, Root } from 'mdast';
import type { ReportData } from './schema/report.ts';
import type { ContentError } from './errors.ts';
import { tableIds } from './table-entries.ts';
import { figureKeys } from './figure-keys.ts';
import { DIRECTIVES } from './narrative.ts';
import { checkUrl } from '../narrative/urls.ts';
import { FIGURE, isProseColon } from '../narrative/text-directives.ts';

const DIRECTIVE_HINT =
  '正文只支持独占一行的 ::table{ref=…}、::glossary 和行内的 :figure{key=…}；若这是原文文字，请在冒号前加反斜杠（\\:）';

/** An address as it may be quoted in a message: control characters visible, at most 80 characters. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const shown = (url: string) => {
  const visible = url.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return visible.length > 80 ? `${visible.slice(0, 80)}…` : visible;
};

/** Links, images and headings: what the renderer prints is exactly what passed here. */
function checkMarkup(node: Nodes, report: (message: string) => void) {
  if (node.type === 'html') report('正文中出现了 HTML 标记：原文中的 < 请写成 \\<');
  if (node.type === 'code') report('这段文字被当成了代码块（行首有缩进或 ```）：删去行首空格');
  if (node.type === 'heading' && node.depth === 1)
    report('一级标题（# …）留给页面标题：正文的标题从 ## 开始，请改为 ## 或更低的级别');
  if (node.type === 'image' || node.type === 'imageReference')
    report('正文不能插入图片（![…](…)）：本站不加载外部或未存档的图片；请删去，或以文字说明');
  if (node.type === 'link' || node.type === 'definition') {
    const url = checkUrl(node.url);
    if (!url.ok)
      report(
        `链接地址“${shown(node.url)}”不允许：冒号前的“${shown(url.scheme)}”被读作协议，而正文链接只能用 https:、http:、mailto:，或不含协议的站内路径、#锚点；请改用 https 地址，或删去链接只保留文字`,
      );
  }
}

/**
 * No raw HTML, code blocks, level-1 headings, images or links with a refused scheme; every
 * ::table directive must name a table of the report, and every table must be placed once.
 */
export function checkNarrative(narrative: Root, data: ReportData, file: string): ContentError[] {
  const errors: ContentError[] = [];
  const known = tableIds(data);
  const placed = new Set<string>();
  const broken: { line: number; col: number; text: string }[] = [];
  let keys: Map<string, string | null> | undefined;
  const figures = () => (keys ??= figureKeys(data));
  visit(narrative, (node) => {
    const pos = { line: node.position?.start.line ?? 1, col: node.position?.start.column ?? 1 };
    const report = (message: string) => errors.push({ file, ...pos, message });
    checkMarkup(node, report);
    // A directive with a typo (`::table{ref=t09`) is parsed as a paragraph: say so at its line.
    if (
      node.type === 'paragraph' &&
      node.children[0]?.type === 'text' &&
      node.children[0].value.startsWith('::')
    ) {
      const written = node.children[0].value.split('\n')[0];
      broken.push({ ...pos, text: written });
      report(
        `“${written}”不是完整的指令（括号或花括号没有配对？）：应为独占一行的 ::table{ref=…} 或 ::glossary`,
      );
    }
    // Scaffolds (`npm run new`) mark what staff must still write; it is never published.
    if (node.type === 'text' && node.value.includes(PLACEHOLDER))
      report(`正文仍有“${PLACEHOLDER}”占位：换成原文文字`);
    if ('name' in node && node.name === 'todo' && node.type.endsWith('Directive')) {
      report(
        `${PLACEHOLDER}：${toString(node).replace(/^待填[：:]?/, '')}——把这一处整个换成原文文字（不要加反斜杠）`,
      );
      return SKIP;
    }
    if (node.type !== 'leafDirective' && node.type !== 'textDirective' && node.type !== 'containerDirective')
      return;
    if (node.type === 'textDirective' && node.name === FIGURE) {
      const key = node.attributes?.key ?? '';
      const value = figures().get(key);
      if (value === undefined)
        report(`:figure 的 key “${key}” 不是本报告的数据（如 t03.合计.基本支出、t09.决算数.公务接待费）`);
      else if (value === null) report(`:figure 的 key “${key}” 在表中是空白，没有可插入的数字`);
      return;
    }
    if (node.type === 'textDirective') {
      if (!isProseColon(node)) report(`“:${node.name}” 后紧跟 [ 或 {，被读成了行内指令：${DIRECTIVE_HINT}`);
      return;
    }
    if (node.type !== 'leafDirective' || !(DIRECTIVES as readonly string[]).includes(node.name)) {
      report(`未知的指令 ${node.type === 'leafDirective' ? '::' : ':::'}${node.name}：${DIRECTIVE_HINT}`);
      return;
    }
    if (node.name === 'glossary') {
      if (!('glossary' in data) || !data.glossary)
        report('::glossary 需要报告 YAML 中有 glossary（名词解释）');
      return;
    }
    const ref = node.attributes?.ref ?? '';
    if (!known.includes(ref)) report(`::table 的 ref “${ref}” 不是本报告的表；可用：${known.join('、')}`);
    else if (placed.has(ref)) report(`表 ${ref} 在正文中放置了两次`);
    placed.add(ref);
  });
  const missing = known.filter((id) => !placed.has(id));
  // Located at a broken directive that names one of them, when there is one; else at the top.
  const at = broken.find((b) => missing.some((id) => b.text.includes(`ref=${id}`))) ?? { line: 1, col: 1 };
  if (missing.length)
    errors.push({
      file,
      line: at.line,
      col: at.col,
      message: `表 ${missing.join('、')} 未在正文中放置：在其原文位置加入独占一行的 ::table{ref=${missing[0]}}`,
    });
  return errors;
}

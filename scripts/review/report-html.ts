/**
 * report.html: the whole review in one self-contained page (inline CSS; screenshots referenced
 * relatively from the output folder). Built as a hast tree, so hast-util-to-html escapes every
 * piece of content text.
 */
import { diffChars } from 'diff';
import { toHtml } from 'hast-util-to-html';
import type { Element, ElementContent, Properties } from 'hast';
import type {
  CellChange,
  NarrativeChange,
  PageDiff,
  ReportDiff,
  ReviewResult,
  Screenshot,
} from '../../src/lib/review/types.ts';
import {
  STATUS_LABELS,
  changedPixels,
  findingGroups,
  metaValue,
  nameOf,
  rowLabel,
  summaryLine,
  tableLabel,
} from './summary.ts';

type Child = ElementContent | string | null | undefined | false;

function element(tagName: string, properties: Properties = {}, children: Child[] = []): Element {
  return {
    type: 'element',
    tagName,
    properties,
    children: children
      .filter((c): c is ElementContent | string => c !== null && c !== undefined && c !== false)
      .map((c) => (typeof c === 'string' ? { type: 'text', value: c } : c)),
  };
}

const STYLE = `
body { font-family: system-ui, "Noto Sans CJK SC", "PingFang SC", sans-serif; margin: 0 auto; max-width: 1400px; padding: 1rem 1.5rem 4rem; color: #1a1a1a; line-height: 1.6; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2.5rem; border-bottom: 2px solid #1f5f99; } h3 { margin-top: 1.5rem; }
.summary { font-size: 1.1rem; background: #f2f6fa; padding: .75rem 1rem; border-left: 4px solid #1f5f99; }
table { border-collapse: collapse; margin: .5rem 0 1rem; } th, td { border: 1px solid #bbb; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #f4f4f4; } td.same { color: #999; } td.changed { background: #fff8d6; }
del { background: #fde2e1; color: #8a1c14; } ins { background: #dcf5e3; color: #0f5b29; text-decoration: none; }
.delta { color: #555; font-size: .85em; margin-left: .4em; } .place { color: #666; font-size: .9em; }
.open { color: #b3261e; font-weight: bold; } .fixed { color: #0f5b29; }
.shots { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: .75rem; align-items: start; }
.shots figure { margin: 0; } .shots img { max-width: 100%; border: 1px solid #ccc; } .shots figcaption { font-size: .9em; color: #555; }
.narrative p { background: #fafafa; padding: .5rem; }
`;

const sha = (value: string) => element('code', {}, [value.slice(0, 12)]);

function oldToNew(oldValue: string | null, newValue: string | null, delta?: string): Child[] {
  return [
    element('del', {}, [oldValue ?? '（空）']),
    ' → ',
    element('ins', {}, [newValue ?? '（空）']),
    delta ? element('span', { className: ['delta'] }, [`Δ ${delta}`]) : null,
  ];
}

/** A changed table: its changed rows by its changed columns, old → new where a cell changed. */
function cellGrid(table: string, cells: CellChange[]): Element[] {
  const rows = [...new Set(cells.map((c) => c.row))];
  const columns = [...new Set(cells.map((c) => c.column))];
  const at = new Map(cells.map((c) => [`${c.row}\u0000${c.column}`, c]));
  return [
    element('h4', {}, [`${tableLabel(table)}（${table}）`]),
    element('table', {}, [
      element('thead', {}, [
        element('tr', {}, [
          element('th', { scope: 'col' }, ['行']),
          ...columns.map((c) => element('th', { scope: 'col' }, [c])),
          element('th', { scope: 'col' }, ['位置']),
        ]),
      ]),
      element(
        'tbody',
        {},
        rows.map((row) => {
          const changes = columns.map((column) => at.get(`${row}\u0000${column}`));
          const place = changes.find((c) => c !== undefined)!;
          return element('tr', {}, [
            element('th', { scope: 'row' }, [rowLabel(place)]),
            ...changes.map((c) =>
              c
                ? element('td', { className: ['changed'] }, oldToNew(c.old, c.new, c.delta))
                : element('td', { className: ['same'] }, ['未变']),
            ),
            element('td', { className: ['place'] }, [`${place.file}:${place.line}`]),
          ]);
        }),
      ),
    ]),
  ];
}

function checks(findings: ReportDiff['findings'] | undefined): Element[] {
  const items = findingGroups(findings).map(({ label, kind, finding: f }) =>
    element('li', {}, [
      element('span', { className: [kind] }, [label]),
      ' ',
      element('code', {}, [f.rule]),
      `：${f.message}`,
      element('span', { className: ['place'] }, [`（${f.file}:${f.line}）`]),
    ]),
  );
  return items.length ? [element('h3', {}, ['检查']), element('ul', {}, items)] : [];
}

function narrativeChange(change: NarrativeChange): Element {
  const parts: Child[] = [
    change.context?.before,
    ...diffChars(change.old, change.new).map((part) =>
      part.added
        ? element('ins', {}, [part.value])
        : part.removed
          ? element('del', {}, [part.value])
          : part.value,
    ),
    change.context?.after,
  ];
  return element('div', { className: ['narrative'] }, [
    element('div', { className: ['place'] }, [`${change.file} 第 ${change.line} 行`]),
    element('p', {}, parts),
  ]);
}

function meta(changes: ReportDiff['meta']): Element[] {
  if (!changes.length) return [];
  const shown = metaValue;
  return [
    element('h3', {}, ['其他信息']),
    element('table', {}, [
      element('thead', {}, [
        element('tr', {}, [
          element('th', {}, ['字段']),
          element('th', {}, ['旧']),
          element('th', {}, ['新']),
        ]),
      ]),
      element(
        'tbody',
        {},
        changes.map((m) =>
          element('tr', {}, [
            element('th', { scope: 'row' }, [m.field]),
            element('td', {}, [element('del', {}, [shown(m.old)])]),
            element('td', {}, [element('ins', {}, [shown(m.new)])]),
          ]),
        ),
      ),
    ]),
  ];
}

function reportSection(result: ReviewResult, report: ReportDiff): Element {
  const tables = [...new Set(report.cells.map((c) => c.table))];
  return element('section', {}, [
    element('h2', {}, [`${nameOf(result, report.id)} ${STATUS_LABELS[report.status]}`]),
    ...(tables.length ? [element('h3', {}, ['数字'])] : []),
    ...tables.flatMap((t) =>
      cellGrid(
        t,
        report.cells.filter((c) => c.table === t),
      ),
    ),
    ...checks(report.findings),
    ...(report.narrative.length
      ? [element('h3', {}, ['正文']), ...report.narrative.map(narrativeChange)]
      : []),
    ...meta(report.meta),
  ]);
}

function shots(shot: Screenshot): Element {
  const image = (src: string | null, label: string) =>
    src
      ? element('figure', {}, [
          element('a', { href: src }, [
            element('img', { src, alt: `${label}（${shot.width} px）`, loading: 'lazy' }),
          ]),
          element('figcaption', {}, [label]),
        ])
      : element('figure', {}, [element('figcaption', {}, [`${label}：无`])]);
  const where = shot.regions?.length
    ? `，截取页面 ${shot.regions.map((r) => `y ${r.y}–${r.y + r.height}`).join('、')} 处`
    : '';
  const caption =
    shot.base || shot.head
      ? `${shot.width} px：变化像素 ${(shot.changedRatio * 100).toFixed(3)}%${where}`
      : `${shot.width} px：截图中看不到变化（可能在需横向滚动的表格里，或只在 HTML 中）`;
  return element('div', {}, [
    element('p', {}, [caption]),
    ...(shot.base || shot.head
      ? [
          element('div', { className: ['shots'] }, [
            image(shot.base, '基线'),
            image(shot.head, '对比'),
            image(shot.diff, '差异'),
          ]),
        ]
      : []),
  ]);
}

function pageSection(page: PageDiff): Element {
  const pixels = changedPixels(page);
  return element('section', {}, [
    element('h3', {}, [element('code', {}, [page.url]), ` ${STATUS_LABELS[page.status]}`]),
    element('p', {}, [
      `原因：${page.causes.length ? page.causes.join('、') : '无法归因（不是某份报告的数据变化）'}`,
      pixels ? `；变化像素：${pixels}` : '；未截图',
    ]),
    ...[page.screenshots, page.mobile].filter((s) => s !== undefined).map(shots),
  ]);
}

export function renderReportHtml(result: ReviewResult): string {
  const body = [
    element('h1', {}, ['评审结果']),
    element('p', { className: ['summary'] }, [summaryLine(result)]),
    element('p', {}, ['基线 ', sha(result.base), ' → 对比 ', sha(result.head)]),
    ...result.reports.map((r) => reportSection(result, r)),
    ...result.offices.map((o) =>
      element('section', {}, [
        element('h2', {}, [`机构 ${nameOf(result, o.id)} ${STATUS_LABELS[o.status]}`]),
        ...meta(o.meta),
        ...checks(o.findings),
      ]),
    ),
    element('h2', {}, [`页面（${result.pages.length} 个有变化）`]),
    element('p', { className: ['place'] }, [
      '差异图中，红色是对比中变浅或消失的像素，绿色是对比中新增或加深的像素；图只截取变化的区域。',
    ]),
    ...result.pages.map(pageSection),
    result.searchIndexChanged !== undefined &&
      element('p', {}, [`搜索索引（pagefind/）：${result.searchIndexChanged ? '有变化' : '没有变化'}`]),
    ...(result.files?.length
      ? [
          element('h2', {}, ['其他发布文件']),
          element(
            'ul',
            {},
            result.files.map((f) =>
              element('li', {}, [element('code', {}, [f.path]), ` ${STATUS_LABELS[f.status]}`]),
            ),
          ),
        ]
      : []),
  ];
  const html = element('html', { lang: 'zh-CN' }, [
    element('head', {}, [
      element('meta', { charSet: 'utf-8' }),
      element('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      element('title', {}, ['评审结果']),
      element('style', {}, [STYLE]),
    ]),
    element('body', {}, body),
  ]);
  return `${toHtml({ type: 'root', children: [{ type: 'doctype' }, html] })}\n`;
}

/**
 * comment.md: the review as one GitHub comment. A marker line, the summary, then per report its
 * changed figures, check delta and narrative edits, then the changed pages. Every piece of
 * content text goes through escapeMarkdown. Capped at 60 KB, cut between rows.
 */
import type { NarrativeChange, ReportDiff, ReviewResult } from '../../src/lib/review/types.ts';
import { escapeMarkdown } from './markdown.ts';
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
import { changedSpan, clip } from './text.ts';
// The workflow that posts the comment finds it by this marker: one definition for both.
import { MARKER } from '../review-comment.mjs';

/** GitHub takes 65,536 characters; this leaves room for what the posting step adds. */
export const COMMENT_LIMIT = 60_000;

/** A line of the comment; items (rows, list entries) are what a cut leaves out and counts. */
interface Line {
  text: string;
  item?: boolean;
}

const text = (value: string) => ({ text: value });
const item = (value: string) => ({ text: value, item: true });
/** Content text, capped and made inert. */
const safe = (value: string, max = 200) => escapeMarkdown(clip(value, max));
/** A commit as the comment names it: hex digits only, whatever diff.json holds. */
const shortSha = (sha: string) => sha.replace(/[^0-9a-f]/g, '').slice(0, 12);
const value = (v: string | null) => (v === null ? '（空）' : safe(v, 60));

function cellTable(report: ReportDiff): Line[] {
  if (!report.cells.length) return [];
  return [
    text('| 表 | 行 | 列 | 旧 → 新 | Δ |'),
    text('| --- | --- | --- | --- | --- |'),
    ...report.cells.map((c) =>
      item(
        `| ${safe(tableLabel(c.table), 40)} | ${safe(rowLabel(c), 80)} | ${safe(c.column, 60)} | ${value(c.old)} → ${value(c.new)} | ${c.delta ? safe(c.delta, 30) : ''} |`,
      ),
    ),
    text(''),
  ];
}

/** New unacknowledged errors first, then the fixed ones, then everything else that is new. */
function checkDelta(findings: ReportDiff['findings'] | undefined): Line[] {
  const lines = findingGroups(findings).map(({ label, finding: f }) =>
    item(`- ${label} ${safe(f.rule, 60)}：${safe(f.message, 300)}（${safe(f.file, 120)}:${f.line}）`),
  );
  return lines.length ? [text('**检查**'), text(''), ...lines, text('')] : [];
}

function narrativeLine(change: NarrativeChange): Line {
  const span = change.context
    ? { ...change.context, removed: change.old, added: change.new }
    : changedSpan(change.old, change.new);
  const removed = span.removed ? `<del>${safe(span.removed, 200)}</del>` : '';
  const added = span.added ? `<ins>${safe(span.added, 200)}</ins>` : '';
  return item(
    `- ${safe(change.file, 120)} 第 ${change.line} 行：${safe(span.before, 40)}${removed}${added}${safe(span.after, 40)}`,
  );
}

function metaLines(meta: ReportDiff['meta']): Line[] {
  const shown = (v: unknown) => safe(metaValue(v), 120);
  return meta.map((m) => item(`- ${safe(m.field, 80)}：${shown(m.old)} → ${shown(m.new)}`));
}

function reportSection(result: ReviewResult, report: ReportDiff): Line[] {
  const narrative = report.narrative.map(narrativeLine);
  return [
    text(`### ${safe(nameOf(result, report.id), 160)} ${STATUS_LABELS[report.status]}`),
    text(''),
    ...cellTable(report),
    ...checkDelta(report.findings),
    ...(narrative.length ? [text('**正文**'), text(''), ...narrative, text('')] : []),
    ...(report.meta.length ? [...metaLines(report.meta), text('')] : []),
  ];
}

function pageSection(result: ReviewResult): Line[] {
  const lines: Line[] = [];
  if (result.pages.length)
    lines.push(
      text(`### 页面（${result.pages.length} 个有变化）`),
      text(''),
      text('| 页面 | 状态 | 原因 | 变化的像素 |'),
      text('| --- | --- | --- | --- |'),
      ...result.pages.map((p) =>
        item(
          `| ${safe(p.url, 160)} | ${STATUS_LABELS[p.status]} | ${p.causes.length ? p.causes.map((c) => safe(c, 80)).join('、') : '（无法归因）'} | ${changedPixels(p) ?? '未截图'} |`,
        ),
      ),
      text(''),
    );
  if (result.searchIndexChanged !== undefined)
    lines.push(text(`搜索索引（pagefind/）：${result.searchIndexChanged ? '有变化' : '没有变化'}`), text(''));
  if (result.files?.length)
    lines.push(
      text('其他发布文件：'),
      text(''),
      ...result.files.map((f) => item(`- ${safe(f.path, 160)} ${STATUS_LABELS[f.status]}`)),
      text(''),
    );
  return lines;
}

/** Keeps whole lines within `limit` bytes; the items left out are counted on the last line. */
function fit(lines: Line[], limit: number): string {
  const bytes = (l: Line) => Buffer.byteLength(l.text) + 1;
  const total = lines.reduce((n, l) => n + bytes(l), 0);
  if (total <= limit) return lines.map((l) => l.text).join('\n');
  const footer = (left: number) => `另有 ${left} 项见 report.html`;
  const room = limit - Buffer.byteLength(footer(lines.length)) - 2;
  let used = 0;
  let kept = 0;
  while (kept < lines.length && used + bytes(lines[kept]) <= room) used += bytes(lines[kept++]);
  // No heading or table header without a row under it.
  while (kept > 2 && !lines[kept - 1].item) kept--;
  const left = lines.slice(kept).filter((l) => l.item).length;
  return [...lines.slice(0, kept).map((l) => l.text), '', footer(left)].join('\n');
}

export function renderComment(result: ReviewResult, limit = COMMENT_LIMIT): string {
  const offices = result.offices.flatMap((o) => [
    text(`### 机构 ${safe(nameOf(result, o.id), 160)} ${STATUS_LABELS[o.status]}`),
    text(''),
    ...metaLines(o.meta),
    text(''),
    ...checkDelta(o.findings),
  ]);
  const lines: Line[] = [
    text(MARKER),
    text(summaryLine(result)),
    text(''),
    text(
      `基线 \`${shortSha(result.base)}\` → 对比 \`${shortSha(result.head)}\`，截图与完整表格见 report.html。`,
    ),
    text(''),
    ...result.reports.flatMap((r) => reportSection(result, r)),
    ...offices,
    ...pageSection(result),
  ];
  return `${fit(lines, limit).trimEnd()}\n`;
}

/**
 * Every page names itself: page-meta.ts on the real content, and the built site (SITE_DIR): each
 * report and office page's <title>, description and breadcrumb name the office and the year, the
 * descriptions are distinct, short names say whose office it is, and a report's header shows its
 * key figures linked to where they are published and a source line readers can open; its 数据说明
 * links each note to the passages and tables it concerns, on this page or the office-year's other.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import type { Element, Root } from 'hast';
import { content, office, reportContext } from '../src/lib/site.ts';
import { reportView } from '../src/lib/report-view.ts';
import { checkReport } from '../src/lib/checks/run.ts';
import { parseNarrative } from '../src/lib/content/narrative.ts';
import { renderNarrative } from '../src/lib/narrative/render.ts';
import { namesOffice, namesYear, officeMeta, reportMeta, yearSpan } from '../src/lib/page-meta.ts';
import { sourceCitation } from '../src/lib/source-citation.ts';
import { sitePages } from './support/browser.ts';
import { siteDir } from './support/site.ts';

const { offices, reports } = content();
const byId = (id: string) => reports.find((r) => r.id === id)!;
const zhanjiang = byId('zhanjiang-guangzhou/2020/performance');
const header = (id: string) => reportView(byId(id), reportContext(), office(byId(id).office)).header;

// ---- page-meta.ts on the content ----

test('yearSpan, namesYear and namesOffice', () => {
  assert.equal(yearSpan([2022]), '2022');
  assert.equal(yearSpan([2022, 2020, 2021]), '2020–2022');
  assert.ok(namesYear('2022年度湖南省…部门决算', 2022));
  assert.ok(!namesYear('整体绩效自评报告', 2020));
  assert.ok(!namesYear('编号 120201', 2020), 'a year inside a longer number is not the year');
  const o = office('hunan-shanghai').data;
  assert.ok(namesOffice(`2022年度${o.name}整体支出绩效自评报告`, o));
  assert.ok(namesOffice(`${o.parent} 驻 ${o.seat} 办事处`, o), 'government and seat name it');
  assert.ok(!namesOffice(`${o.parent}办公厅`, o), 'the government alone does not');
  assert.ok(!namesOffice('整体绩效自评报告', o));
});

test('every report: title, breadcrumb and description name the office and the year', () => {
  for (const r of reports) {
    const o = office(r.office).data;
    const m = reportMeta(r, o);
    assert.ok(namesOffice(m.title, o) && namesYear(m.title, r.data.year), `${r.id}: ${m.title}`);
    assert.equal(m.heading, r.data.title, `${r.id}: the published title is the heading`);
    assert.ok(m.description.includes(o.name) && namesYear(m.description, r.data.year), m.description);
    assert.deepEqual(
      m.crumbs.map((c) => c.href),
      ['/', '/offices/', `/offices/${r.office}/`, undefined],
    );
    assert.equal(m.crumbs[2].label, o.shortName);
    assert.ok(namesYear(m.crumbs[3].label, r.data.year), m.crumbs[3].label);
    // A title that names both is used as published, with no context line; else the context says both.
    if (namesOffice(r.data.title, o) && namesYear(r.data.title, r.data.year)) {
      assert.equal(m.title, r.data.title);
      assert.equal(m.context, null);
    } else {
      assert.notEqual(m.title, r.data.title);
      const context = m.context?.join(' ') ?? '';
      assert.ok(context.includes(o.name) && namesYear(context, r.data.year), `${r.id}: ${context}`);
    }
  }
});

test('the Zhanjiang report, published as 整体绩效自评报告, is titled with its office and year', () => {
  const m = reportMeta(zhanjiang, office(zhanjiang.office).data);
  assert.equal(zhanjiang.data.title, '整体绩效自评报告');
  assert.match(m.title, /湛江/);
  assert.match(m.title, /2020/);
  assert.equal(m.heading, '整体绩效自评报告');
  assert.ok(m.context?.some((x) => x.includes('湛江市人民政府驻广州办事处')));
});

test('every office: title and description name it and its years; crumbs end at its short name', () => {
  for (const o of offices) {
    const m = officeMeta(o, reports);
    const years = reports.filter((r) => r.office === o.slug).map((r) => r.data.year);
    for (const text of [m.title, m.description]) {
      assert.ok(text.includes(o.data.name), text);
      assert.ok(
        years.some((y) => namesYear(text, y)),
        text,
      );
    }
    assert.deepEqual(m.crumbs.at(-1), { label: o.data.shortName });
  }
});

test('short names say whose office it is and where: the government and the seat', () => {
  const names = offices.map((o) => o.data.shortName);
  assert.equal(new Set(names).size, names.length);
  for (const o of offices) {
    // The government's own level: 湖南省怀化市人民政府 → 怀化市, 湖南省人民政府 → 湖南省.
    const government = /([^省市]+[省市])人民政府$/.exec(o.data.parent)?.[1];
    assert.ok(government, o.data.parent);
    assert.ok(o.data.shortName.startsWith(government), `${o.data.shortName} names ${government}`);
    assert.ok(o.data.shortName.includes(`驻${o.data.seat}`), `${o.data.shortName} names 驻${o.data.seat}`);
  }
});

test('key figures: never 未公开; each as published in the table it links to', () => {
  for (const r of reports) {
    const { figures } = header(r.id);
    for (const f of figures) {
      assert.ok(f.text && f.text !== '未公开', `${r.id} ${f.label}`);
      assert.match(f.href, /#[^#]+$/, `${r.id} ${f.label} links to an anchor: ${f.href}`);
    }
  }
  // The 决算 publishes every one of its own, on its page: 公开01/03/09表.
  const fa = header('huaihua-beijing/2022/final-accounts').figures;
  assert.deepEqual(
    fa.filter((f) => f.key !== 'score').map((f) => f.href),
    ['#t01', '#t03', '#t03', '#t09', '#t09'],
  );
  // The self-evaluation of the same office-year publishes no table: its figures link to the 决算's.
  const pe = header('huaihua-beijing/2022/performance').figures;
  for (const f of pe.filter((x) => x.key !== 'score'))
    assert.ok(f.href.startsWith('/offices/huaihua-beijing/2022/final-accounts/#'), f.href);
  // A report without tables shows what its text states: its stated figures (statedFigures, each
  // linked to the section that states it, source 正文) and the score, with its grade.
  const zj = header(zhanjiang.id).figures;
  assert.deepEqual(
    zj.map((f) => [f.key, f.text, f.note]),
    [
      ['basic', '582.73', null],
      ['project', '203.17', null],
      ['initialBudget', '564.50', null],
      ['sangongBudget', '74.39', null],
      ['sangong', '74.88', null],
      ['score', zhanjiang.data.conclusion?.score, zhanjiang.data.conclusion?.grade],
    ],
  );
  for (const f of zj.filter((x) => x.key !== 'score')) {
    assert.equal(f.source, '正文', f.label);
    assert.match(f.href, /^#s-/, f.label);
  }
});

test('the source citation names the published document, never the received file name', () => {
  for (const r of reports) {
    const o = office(r.office).data;
    const text = sourceCitation(r.data, o.name);
    assert.ok(!text.includes(r.data.source.document), text);
    assert.ok(text.includes(o.name), text);
    if (!r.data.titleNote) assert.ok(text.includes(`《${r.data.title}》`), text);
    for (const d of r.data.dates ?? []) assert.ok(text.includes(d.date), text);
  }
});

// ---- the built site ----

const parsed = new Map<string, Root>();
/** A built page's tree, by URL path (/offices/x/ or /404.html). */
function page(path: string): Root {
  const file = path.endsWith('.html') ? join(siteDir(), path) : join(siteDir(), path, 'index.html');
  if (!parsed.has(path)) parsed.set(path, fromHtml(readFileSync(file, 'utf8')));
  return parsed.get(path)!;
}
function all(tree: Root | Element, match: (e: Element) => boolean): Element[] {
  const out: Element[] = [];
  visit(tree, 'element', (e: Element) => {
    if (match(e)) out.push(e);
  });
  return out;
}
const classOf = (e: Element) => (e.properties.className as string[] | undefined) ?? [];
const byTag = (tree: Root | Element, tag: string) => all(tree, (e) => e.tagName === tag);
const titleOf = (path: string) => toText(byTag(page(path), 'title')[0]);
const descriptionOf = (path: string) =>
  String(
    all(page(path), (e) => e.tagName === 'meta' && e.properties.name === 'description')[0]?.properties
      .content,
  );
const reportPath = (id: string) => `/offices/${id}/`;

/** Whether the page at `href` (relative to `from`) exists and has the element its #anchor names. */
function resolves(from: string, href: string): boolean {
  const [path, anchor] = href.split('#');
  const target = path || from;
  if (!existsSync(join(siteDir(), target, 'index.html'))) return false;
  return all(page(target), (e) => e.properties.id === anchor).length === 1;
}

/** The text an anchor points at: its element's, or for a heading the text up to the next heading. */
function anchoredText(path: string, anchor: string): string {
  let text = '';
  visit(page(path), 'element', (e: Element, index, parent) => {
    if (e.properties.id !== anchor || !parent) return;
    if (!/^h[1-6]$/.test(e.tagName)) {
      text = toText(e);
      return;
    }
    const after = parent.children.slice((index ?? 0) + 1);
    const next = after.findIndex((n) => n.type === 'element' && /^h[1-6]$/.test(n.tagName));
    text = (next < 0 ? after : after.slice(0, next)).map((n) => toText(n)).join('');
  });
  return text;
}

test('built pages: every report and office page names its office and year in <title>', () => {
  for (const r of reports) {
    const o = office(r.office).data;
    const title = titleOf(reportPath(r.id));
    assert.ok(namesOffice(title, o) && namesYear(title, r.data.year), `${r.id}: ${title}`);
  }
  for (const o of offices) {
    const title = titleOf(`/offices/${o.slug}/`);
    const years = reports.filter((r) => r.office === o.slug).map((r) => r.data.year);
    assert.ok(title.includes(o.data.name) && years.some((y) => namesYear(title, y)), title);
  }
});

test('built pages: every page has its own description; report and office pages name office and year', () => {
  const pages = sitePages();
  assert.ok(pages.length >= 16, `${pages.length} pages`);
  const descriptions = pages.map(descriptionOf);
  const repeated = descriptions.filter((d, i) => descriptions.indexOf(d) !== i);
  assert.deepEqual(repeated, [], 'no two pages share a description');
  for (const r of reports) {
    const d = descriptionOf(reportPath(r.id));
    assert.ok(d.includes(office(r.office).data.name) && namesYear(d, r.data.year), d);
  }
  for (const o of offices) assert.ok(descriptionOf(`/offices/${o.slug}/`).includes(o.data.name));
});

test('built Zhanjiang report: <title> has 湛江 and 2020, the published title stays its <h1>', () => {
  const path = reportPath(zhanjiang.id);
  assert.match(titleOf(path), /湛江/);
  assert.match(titleOf(path), /2020/);
  const h1 = byTag(page(path), 'h1').map((e) => toText(e));
  assert.deepEqual(h1, [zhanjiang.data.title]);
  const context = all(page(path), (e) => classOf(e).includes('context')).map((e) => toText(e));
  assert.ok(
    context.some((t) => t.includes('湛江市人民政府驻广州办事处') && t.includes('2020')),
    context.join(),
  );
  const crumbs = all(page(path), (e) => classOf(e).includes('crumbs')).map((e) => toText(e));
  assert.ok(
    crumbs[0]?.includes(office(zhanjiang.office).data.shortName) && crumbs[0].includes('2020'),
    crumbs[0],
  );
});

test('built report headers: each key figure links to an anchor that exists and shows that figure', () => {
  let checked = 0;
  for (const r of reports) {
    const path = reportPath(r.id);
    const head = all(page(path), (e) => classOf(e).includes('report-head'))[0];
    assert.ok(head, `${r.id} has a report header`);
    assert.doesNotMatch(toText(head), /未公开/);
    const dl = all(head, (e) => classOf(e).includes('key-figures'))[0];
    assert.ok(dl, `${r.id} has key figures`);
    for (const a of byTag(dl, 'a')) {
      const href = String(a.properties.href);
      const value = toText(all(a, (e) => classOf(e).includes('value'))[0]);
      assert.ok(resolves(path, href), `${r.id}: ${href}`);
      const [target, anchor] = href.split('#');
      assert.ok(anchoredText(target || path, anchor).includes(value), `${r.id}: ${value} is in ${href}`);
      checked++;
    }
  }
  assert.ok(checked >= 20, `${checked} key figures`);
});

test('built report source lines: the published document, no internal file name, 原文 opens the archive', () => {
  const html = sitePages().map((p) =>
    readFileSync(join(siteDir(), p.endsWith('.html') ? p : `${p}index.html`), 'utf8'),
  );
  for (const r of reports) {
    const o = office(r.office).data;
    for (const h of html)
      assert.ok(!h.includes(r.data.source.document), `no page shows ${r.data.source.document}`);
    const head = all(page(reportPath(r.id)), (e) => classOf(e).includes('report-head'))[0];
    const source = all(head, (e) => e.tagName === 'p' && classOf(e).includes('source'))[0];
    const text = toText(source);
    assert.ok(text.startsWith('来源：') && text.includes(o.name), text);
    if (!r.data.titleNote) assert.ok(text.includes(`《${r.data.title}》`), text);
    const links = byTag(source, 'a');
    assert.deepEqual(
      links.map((a) => toText(a)),
      ['原文'],
    );
    const file = join(siteDir(), String(links[0].properties.href));
    assert.ok(existsSync(file), `${links[0].properties.href} is in the built site`);
    assert.ok(
      readFileSync(file).equals(readFileSync(r.data.source.archive)),
      'the archived original, unchanged',
    );
  }
});

// ---- 数据说明 ----

test('narrative passages: paragraphs, quotes and list items by line, numbered under their heading', () => {
  const md = [
    '开头一段',
    '',
    '## 一、概况',
    '',
    '第一段',
    '',
    '- 甲',
    '- 乙',
    '',
    '> 引文',
    '',
    '---',
    '',
  ].join('\n');
  const { segments, passages } = renderNarrative(parseNarrative(md));
  assert.deepEqual(
    passages.map((p) => [p.id, p.lines, p.heading?.text ?? null, p.block, p.item]),
    [
      ['p-L1', [1, 1], null, 1, null],
      ['s-一概况', [3, 3], '一、概况', 0, null],
      ['p-L5', [5, 5], '一、概况', 1, null],
      ['p-L7', [7, 7], '一、概况', 2, 1],
      ['p-L8', [8, 8], '一、概况', 2, 2],
      ['p-L10', [10, 10], '一、概况', 3, null],
    ],
  );
  const html = segments.map((s) => (s.type === 'html' ? s.html : '')).join('');
  for (const p of passages) assert.ok(html.includes(` id="${p.id}"`), p.id);
  assert.match(html, /<li id="p-L7">甲<\/li>/);
  assert.match(html, /<hr>/, 'a thematic break holds no text: no id');
});

/** A report page's 数据说明 items, each with its links. */
function noteItems(path: string) {
  const section = all(page(path), (e) => e.properties.id === 'data-notes')[0];
  return section
    ? byTag(section, 'li').map((li) => ({
        text: toText(li),
        links: byTag(li, 'a').map((a) => ({ href: String(a.properties.href), text: toText(a) })),
      }))
    : [];
}

const squash = (text: string) => text.replace(/\s+/g, '');
/** A report's narrative as written, by line. */
const lines = (r: (typeof reports)[number]) => readFileSync(r.files.markdown, 'utf8').split('\n');

/** The findings a page lists in its 数据说明: rounding notes and acknowledged errors. */
const listed = (id: string) =>
  checkReport(byId(id), reports).filter((f) => f.acknowledged || f.severity === 'note');

test("built 数据说明: every link resolves, on this page or the other report's; no two in a note read the same", () => {
  let checked = 0;
  for (const r of reports) {
    const path = reportPath(r.id);
    const items = noteItems(path);
    assert.equal(items.length, listed(r.id).length, `${r.id}: one item per finding`);
    for (const { text, links } of items) {
      assert.ok(links.length, `${r.id}: ${text} links to what it concerns`);
      assert.equal(new Set(links.map((l) => l.text)).size, links.length, `${r.id}: ${text}`);
      for (const l of links) {
        assert.ok(resolves(path, l.href), `${r.id}: ${l.href}`);
        assert.match(l.text, /^见/, l.href);
        checked++;
      }
    }
  }
  assert.ok(checked >= 20, `${checked} links`);
});

test('built 数据说明: a note about the narrative links to the passage that states the figure', () => {
  let checked = 0;
  for (const r of reports) {
    const path = reportPath(r.id);
    const items = noteItems(path);
    for (const f of listed(r.id).filter((x) => x.narrative?.length)) {
      const item = items.find((x) => x.text.includes(f.message));
      assert.ok(item, `${r.id}: ${f.message}`);
      const passages = item.links.filter((l) => /^#(?:p-L\d+|s-)/.test(l.href));
      for (const p of passages) assert.match(p.text, /^见正文/);
      const linked = passages.map((p) => squash(anchoredText(path, p.href.slice(1))));
      // Each place the finding points at (its figure, in the .md) is in a passage the note links to.
      for (const { line, col } of f.narrative!) {
        const at = squash(lines(r)[line - 1].slice(col - 1)).match(/^[^*_`[\]:\\{}<>]{1,16}/)?.[0];
        assert.ok(at, `${r.id}: text at ${line}:${col}`);
        assert.ok(
          linked.some((x) => x.includes(at)),
          `${r.id}: ${f.message}: a link to the passage with “${at}” (${line}:${col})`,
        );
      }
      checked++;
    }
  }
  assert.ok(checked >= 5, `${checked} notes about the narrative`);
});

test("built 数据说明: the Huaihua self-evaluation's 社会保障和就业支出 note links to its paragraph and the 决算's 公开03表", () => {
  const path = reportPath('huaihua-beijing/2022/performance');
  const note = noteItems(path).find((x) => x.text.includes('正文写“社会保障和就业支出”决算数 20.42 万元'));
  assert.ok(note);
  const fa = reportPath('huaihua-beijing/2022/final-accounts');
  assert.deepEqual(
    note.links.map((l) => l.text),
    ['见正文“（二）部门整体支出情况”一节第3段', '见部门决算 公开03表 支出决算表'],
  );
  const [paragraph, table] = note.links.map((l) => l.href);
  assert.match(paragraph, /^#p-L\d+$/);
  assert.match(anchoredText(path, paragraph.slice(1)), /社会保障和就业支出20\.42万元/);
  assert.equal(table, `${fa}#t03`);
  assert.match(anchoredText(fa, 't03'), /社会保障和就业支出.*20\.41/);
});

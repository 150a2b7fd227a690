/**
 * The floor's whole content layer: every report of CONTENT_DIR read with `fs` (YAML with the
 * failsafe schema: every scalar a string), each table flattened into a plain <table> with one
 * cached Intl.NumberFormat, the narrative through remark-parse → mdast-util-to-hast →
 * hast-util-to-html with each `::table{ref=…}` line replaced by its table.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';

export interface FloorReport {
  office: string;
  officeName: string;
  year: string;
  slug: string;
  data: Record<string, unknown>;
  markdown: string;
}

const root = () => resolve(process.cwd(), process.env.CONTENT_DIR ?? 'content');
const yaml = (file: string) =>
  parse(readFileSync(file, 'utf8'), { schema: 'failsafe' }) as Record<string, unknown>;
const dirs = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

export function reports(): FloorReport[] {
  const out: FloorReport[] = [];
  for (const office of dirs(root())) {
    const officeName = String(yaml(join(root(), office, 'office.yaml')).name);
    for (const year of dirs(join(root(), office)))
      for (const file of readdirSync(join(root(), office, year))
        .filter((f) => f.endsWith('.yaml'))
        .sort()) {
        const base = join(root(), office, year, file.slice(0, -'.yaml'.length));
        out.push({
          office,
          officeName,
          year,
          slug: file.slice(0, -'.yaml'.length),
          data: yaml(`${base}.yaml`),
          markdown: readFileSync(`${base}.md`, 'utf8'),
        });
      }
  }
  return out;
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const amount = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const cell = (v: unknown) => {
  const s = v == null ? '' : String(v);
  return /^-?\d+\.\d+$/.test(s) ? amount.format(Number(s)) : escape(s);
};

/** A table's rows, whatever its shape: lists of scalars are rows, `name` + `values` a labelled row. */
function rows(value: unknown, out: string[][]): string[][] {
  if (value === null || typeof value !== 'object') out.push([cell(value)]);
  else if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) out.push(value.map(cell));
    else for (const v of value) rows(v, out);
  } else {
    const o = value as Record<string, unknown>;
    if ('name' in o && Array.isArray(o.values)) out.push([cell(o.name), ...o.values.map(cell)]);
    for (const [key, v] of Object.entries(o)) {
      if ('name' in o && (key === 'name' || key === 'values')) continue;
      if (v === null || typeof v !== 'object') out.push([escape(key), cell(v)]);
      else if (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object'))
        out.push([escape(key), ...v.map(cell)]);
      else rows(v, out);
    }
  }
  return out;
}

const table = (ref: string, value: unknown) =>
  `<table id="${escape(ref)}"><caption>${escape(ref)}</caption><tbody>${rows(value, [])
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;

const markdown = unified().use(remarkParse);
const narrative = (text: string) => toHtml(toHast(markdown.parse(text)));

/** The report's page body: the narrative with its tables in place; tables it does not place, after it. */
export function renderReport(r: FloorReport): string {
  const tables = (r.data.tables ?? {}) as Record<string, unknown>;
  const placed = new Set<string>();
  const html = r.markdown.split(/^::(\w+)(?:\{ref=([^}]*)\})?[ \t]*$/m).map((part, i) => {
    if (i % 3 === 0) return narrative(part);
    if (i % 3 === 1) return '';
    if (part && part in tables) placed.add(part);
    return part && part in tables ? table(part, tables[part]) : '';
  });
  for (const [ref, value] of Object.entries(tables)) if (!placed.has(ref)) html.push(table(ref, value));
  return html.join('');
}

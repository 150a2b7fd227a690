import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { visit } from 'unist-util-visit';
import type { z } from 'zod';
import type { Root } from 'mdast';
import { officeData, reportData, type OfficeData, type ReportData } from './schema/report.ts';
import { parseYaml, type Position } from './yaml.ts';
import { locateIssues, type ContentError } from './errors.ts';
import { DIRECTIVES, parseNarrative } from '../narrative/parse.ts';
import { tableIds } from './tables.ts';
import { figureKeys } from '../fiscal/figure-keys.ts';
import { archiveDigests, checkArchive } from './archive.ts';

const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface Office {
  slug: string;
  data: OfficeData;
  /** Position of a YAML node of office.yaml, kept only when loading with locations (as for reports). */
  locate?: (path: readonly PropertyKey[]) => Position;
}

export interface Report {
  /** "<office>/<year>/<slug>", also the URL path below /offices/. */
  id: string;
  office: string;
  slug: string;
  data: ReportData;
  narrative: Root;
  files: { yaml: string; markdown: string };
  /** Position of a YAML node, kept only when loading for the checks (the site does not need it). */
  locate?: (path: readonly PropertyKey[]) => Position;
}

export interface Content {
  offices: Office[];
  reports: Report[];
  errors: ContentError[];
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const list = (dir: string) => readdirSync(dir).sort(byName);
const isDir = (p: string) => statSync(p).isDirectory();

/** Reads and validates one YAML file; errors are located at the offending node. */
function readYaml<T>(name: string, text: string, schema: z.ZodType<T>) {
  const yaml = parseYaml(text);
  if (yaml.syntaxErrors.length) {
    return {
      errors: yaml.syntaxErrors.map((e) => ({
        file: name,
        ...e.pos,
        message: `YAML 语法错误：${e.message}`,
      })),
    };
  }
  const parsed = schema.safeParse(yaml.value);
  if (!parsed.success) return { errors: locateIssues(name, yaml, parsed.error.issues) };
  return { data: parsed.data, locate: yaml.locate, errors: [] as ContentError[] };
}

/** No raw HTML or code blocks; every ::table directive must name a table of the report, and every table must be placed once. */
function checkNarrative(narrative: Root, data: ReportData, file: string): ContentError[] {
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

/** One report from its YAML and Markdown text (files are named as the messages should name them). */
export function readReport(
  at: { office: string; year: string; slug: string },
  yamlFile: { name: string; text: string },
  mdFile: { name: string; text: string },
  opts: { locations?: boolean; archiveDigest?: (archive: string) => string | undefined } = {},
): { report?: Report; errors: ContentError[] } {
  const r = readYaml(yamlFile.name, yamlFile.text, reportData);
  if (!r.data) return { errors: r.errors };
  const errors: ContentError[] = [];
  if (String(r.data.year) !== at.year)
    errors.push({
      file: yamlFile.name,
      line: 1,
      col: 1,
      message: `year ${r.data.year} 与目录年度 ${at.year} 不一致`,
    });
  if (opts.archiveDigest)
    errors.push(...checkArchive(r.data.source, opts.archiveDigest, yamlFile.name, r.locate));
  const narrative = parseNarrative(mdFile.text);
  errors.push(...checkNarrative(narrative, r.data, mdFile.name));
  const report: Report = {
    id: `${at.office}/${at.year}/${at.slug}`,
    office: at.office,
    slug: at.slug,
    data: r.data,
    narrative,
    files: { yaml: yamlFile.name, markdown: mdFile.name },
    ...(opts.locations ? { locate: r.locate } : {}),
  };
  return { report, errors };
}

/**
 * Reads content/: offices from <office>/office.yaml, reports from <office>/<year>/<slug>.yaml
 * with their narrative in <slug>.md, each checked against its archived source (sources/ beside
 * content/). Collects every problem instead of stopping at the first.
 */
export function loadContent(root: string, opts: { locations?: boolean } = {}): Content {
  // Files are named from the project root ("content/<office>/…"), as staff see them in git.
  const name = (file: string) => relative(dirname(root), file);
  const offices: Office[] = [];
  const reports: Report[] = [];
  const errors: ContentError[] = [];
  const at = (file: string, message: string) => errors.push({ file: name(file), line: 1, col: 1, message });
  // Archived sources (sources/…) are named from the project root too.
  const archiveDigest = archiveDigests(dirname(root));

  for (const office of list(root)) {
    const officeDir = join(root, office);
    if (!isDir(officeDir)) continue;
    if (!SLUG_RE.test(office)) at(officeDir, `机构目录名应为小写 ASCII 短名（如 huaihua-beijing）`);
    const officeFile = join(officeDir, 'office.yaml');
    if (!existsSync(officeFile))
      at(officeDir, '缺少 office.yaml（机构全称、简称、上级政府、级别、驻地、职能）');
    else {
      const r = readYaml(name(officeFile), readFileSync(officeFile, 'utf8'), officeData);
      errors.push(...r.errors);
      if (r.data)
        offices.push({ slug: office, data: r.data, ...(opts.locations ? { locate: r.locate } : {}) });
    }

    for (const yearDir of list(officeDir)) {
      const dir = join(officeDir, yearDir);
      if (!isDir(dir)) continue;
      if (!/^\d{4}$/.test(yearDir)) {
        at(dir, '年度目录名应为四位年份（如 2022）');
        continue;
      }
      const files = list(dir);
      for (const f of files) {
        const slug = f.replace(/\.(yaml|md)$/, '');
        const yamlFile = join(dir, `${slug}.yaml`);
        const mdFile = join(dir, `${slug}.md`);
        if (f.endsWith('.md')) {
          if (!existsSync(yamlFile)) at(mdFile, `正文 ${f} 没有对应的 ${slug}.yaml`);
          continue;
        }
        if (!f.endsWith('.yaml')) {
          at(join(dir, f), '报告目录只应包含 <报告>.yaml 和 <报告>.md');
          continue;
        }
        if (!SLUG_RE.test(slug)) at(yamlFile, '报告文件名应为小写 ASCII 短名（如 final-accounts）');
        if (!existsSync(mdFile)) {
          at(yamlFile, `缺少正文 ${slug}.md（报告原文的文字部分）`);
          errors.push(...readYaml(name(yamlFile), readFileSync(yamlFile, 'utf8'), reportData).errors);
          continue;
        }
        const r = readReport(
          { office, year: yearDir, slug },
          { name: name(yamlFile), text: readFileSync(yamlFile, 'utf8') },
          { name: name(mdFile), text: readFileSync(mdFile, 'utf8') },
          { ...opts, archiveDigest },
        );
        errors.push(...r.errors);
        if (r.report) reports.push(r.report);
      }
    }
  }
  for (const r of reports)
    if (!offices.some((o) => o.slug === r.office))
      at(join(root, r.office), `报告 ${r.id} 所属机构没有有效的 office.yaml`);
  return { offices, reports, errors };
}

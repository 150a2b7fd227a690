import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { z } from 'zod';
import type { Root } from 'mdast';
import { officeData, reportData, type OfficeData, type ReportData } from './schema/report.ts';
import { parseYaml, type Position } from './yaml.ts';
import { locateIssues, type ContentError } from './errors.ts';
import { parseNarrative } from '../narrative/parse.ts';
import { checkNarrative } from '../narrative/check.ts';
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

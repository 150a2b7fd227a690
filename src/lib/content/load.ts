import { dirname, join, relative, resolve } from 'node:path';
import type { z } from 'zod';
import type { Root } from 'mdast';
import { officeData, reportData, type OfficeData, type ReportData } from './schema/report.ts';
import { parseYaml, type Position } from './yaml.ts';
import { locateIssues, type ContentError } from './errors.ts';
import { parseNarrative } from './narrative.ts';
import { checkNarrative } from './narrative-check.ts';
import { duplicateOffices } from './offices.ts';
import { archiveDigests, checkArchive, type ArchiveDigest } from './archive.ts';
import { MAX_ENTRIES, MAX_ERRORS_PER_FILE, MAX_TOTAL_BYTES } from './limits.ts';
import { oddEntryMessage } from './read-file.ts';
import { listEntries, type Entry } from './walk.ts';
import { readTextFile, type ByteBudget } from './text-file.ts';
import { lineLimitProblem } from './text-limits.ts';
import { narrativeLimitProblem } from './narrative-limits.ts';

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

/** At most MAX_ERRORS_PER_FILE problems of one file are listed; the first left out says how many more there are. */
function capped(errors: ContentError[]): ContentError[] {
  if (errors.length <= MAX_ERRORS_PER_FILE) return errors;
  const next = errors[MAX_ERRORS_PER_FILE];
  return [
    ...errors.slice(0, MAX_ERRORS_PER_FILE),
    {
      ...next,
      message: `此文件还有 ${errors.length - MAX_ERRORS_PER_FILE} 处问题未列出（从这里起）：先改正以上各处再检查`,
    },
  ];
}

/** Reads and validates one YAML file; errors are located at the offending node. */
function readYaml<T>(name: string, text: string, schema: z.ZodType<T>) {
  const tooLong = lineLimitProblem(text);
  if (tooLong) return { errors: [{ file: name, ...tooLong }] };
  const yaml = parseYaml(text);
  if (yaml.syntaxErrors.length) {
    return {
      errors: capped(
        yaml.syntaxErrors.map((e) => ({
          file: name,
          ...e.pos,
          message: `YAML 语法错误：${e.message}`,
        })),
      ),
    };
  }
  const parsed = schema.safeParse(yaml.value);
  if (!parsed.success) return { errors: capped(locateIssues(name, yaml, parsed.error.issues)) };
  return { data: parsed.data, locate: yaml.locate, errors: [] as ContentError[] };
}

/** One report from its YAML and Markdown text (files are named as the messages should name them). */
export function readReport(
  at: { office: string; year: string; slug: string },
  yamlFile: { name: string; text: string },
  mdFile: { name: string; text: string },
  opts: { locations?: boolean; archiveDigest?: (archive: string) => ArchiveDigest } = {},
): { report?: Report; errors: ContentError[] } {
  const r = readYaml(yamlFile.name, yamlFile.text, reportData);
  // The narrative is measured before it is parsed: the parser is slow or deep on some shapes.
  const tooMuch = narrativeLimitProblem(mdFile.text);
  const limitErrors = tooMuch ? [{ file: mdFile.name, ...tooMuch }] : [];
  if (!r.data) return { errors: [...r.errors, ...limitErrors] };
  if (tooMuch) return { errors: limitErrors };
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
  errors.push(...capped(checkNarrative(narrative, r.data, mdFile.name)));
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
 * content/). Collects every problem instead of stopping at the first. Only regular files and
 * directories are read, never a link, device or pipe, and only within the limits of limits.ts.
 */
export function loadContent(contentDir: string, opts: { locations?: boolean } = {}): Content {
  // Absolute, so that containment checks compare like with like for a relative CONTENT_DIR.
  const root = resolve(contentDir);
  // Files are named from the project root ("content/<office>/…"), as staff see them in git.
  const name = (file: string) => relative(dirname(root), file);
  const offices: Office[] = [];
  const reports: Report[] = [];
  const errors: ContentError[] = [];
  const at = (file: string, message: string) => errors.push({ file: name(file), line: 1, col: 1, message });
  // Archived sources (sources/…) are named from the project root too.
  const archiveDigest = archiveDigests(dirname(root));
  const entryBudget = { left: MAX_ENTRIES };
  const byteBudget: ByteBudget = { left: MAX_TOTAL_BYTES };
  let stopped = false;

  /** A directory's plain files and directories; links, devices and pipes are reported, never followed. */
  const list = (dir: string): Entry[] => {
    if (stopped) return [];
    const { entries, exhausted, unreadable } = listEntries(dir, entryBudget);
    if (unreadable) at(dir, `无法读取这个目录（${unreadable}）：检查它的权限`);
    if (exhausted) {
      stopped = true;
      at(
        root,
        `内容目录下的文件和目录超过 ${MAX_ENTRIES.toLocaleString('en-US')} 个，其余不再读取：一次提交的内容不会这么多；检查是否误放了大量文件（上限及理由见 docs/limits.md）`,
      );
      return [];
    }
    for (const e of entries) if (e.type === 'odd') at(e.path, oddEntryMessage(e.name, e.what));
    return entries;
  };
  /** A text file, or undefined with its problem recorded; `missing` is left to the caller. */
  const read = (path: string, kind: 'office' | 'report' | 'narrative') => {
    if (stopped) return undefined;
    const file = readTextFile(path, root, kind, byteBudget);
    if ('problem' in file) {
      errors.push({ file: name(path), ...file.problem });
      if (file.stop) stopped = true;
      return undefined;
    }
    return file;
  };

  let reportFiles = 0;
  for (const officeEntry of list(root)) {
    if (officeEntry.type !== 'dir') continue;
    const office = officeEntry.name;
    const officeDir = officeEntry.path;
    if (!SLUG_RE.test(office)) at(officeDir, `机构目录名应为小写 ASCII 短名（如 huaihua-beijing）`);
    const officeEntries = list(officeDir);
    const officeFile = join(officeDir, 'office.yaml');
    const officeText = officeEntries.some((e) => e.name === 'office.yaml' && e.type === 'odd')
      ? undefined
      : read(officeFile, 'office');
    if (officeText && 'missing' in officeText)
      at(officeDir, '缺少 office.yaml（机构全称、简称、上级政府、级别、驻地、职能）');
    else if (officeText) {
      const r = readYaml(name(officeFile), officeText.text, officeData);
      errors.push(...r.errors);
      if (r.data)
        offices.push({ slug: office, data: r.data, ...(opts.locations ? { locate: r.locate } : {}) });
    }

    const reportFilesBefore = reportFiles;
    for (const yearEntry of officeEntries) {
      if (yearEntry.type !== 'dir') continue;
      const yearDir = yearEntry.name;
      const dir = yearEntry.path;
      if (!/^\d{4}$/.test(yearDir)) {
        at(dir, '年度目录名应为四位年份（如 2022）');
        continue;
      }
      const files = list(dir);
      const kinds = new Map(files.map((e) => [e.name, e.type]));
      for (const entry of files) {
        const f = entry.name;
        if (entry.type === 'odd') continue;
        const slug = f.replace(/\.(yaml|md)$/, '');
        const yamlFile = join(dir, `${slug}.yaml`);
        const mdFile = join(dir, `${slug}.md`);
        if (entry.type === 'file' && f.endsWith('.md')) {
          if (!kinds.has(`${slug}.yaml`)) at(mdFile, `正文 ${f} 没有对应的 ${slug}.yaml`);
          continue;
        }
        if (entry.type !== 'file' || !f.endsWith('.yaml')) {
          at(entry.path, '报告目录只应包含 <报告>.yaml 和 <报告>.md');
          continue;
        }
        reportFiles++;
        if (!SLUG_RE.test(slug)) at(yamlFile, '报告文件名应为小写 ASCII 短名（如 final-accounts）');
        // A narrative that is a link (or not a file) has been reported by list().
        if (kinds.has(`${slug}.md`) && kinds.get(`${slug}.md`) !== 'file') continue;
        const yamlText = read(yamlFile, 'report');
        if (!yamlText || 'missing' in yamlText) continue;
        if (!kinds.has(`${slug}.md`)) {
          at(yamlFile, `缺少正文 ${slug}.md（报告原文的文字部分）`);
          errors.push(...readYaml(name(yamlFile), yamlText.text, reportData).errors);
          continue;
        }
        const mdText = read(mdFile, 'narrative');
        if (!mdText || 'missing' in mdText) continue;
        const r = readReport(
          { office, year: yearDir, slug },
          { name: name(yamlFile), text: yamlText.text },
          { name: name(mdFile), text: mdText.text },
          { ...opts, archiveDigest },
        );
        errors.push(...r.errors);
        if (r.report) reports.push(r.report);
      }
    }
    // An office page with empty sections is not published: an office comes with its first report.
    if (!stopped && reportFiles === reportFilesBefore && officeText && !('missing' in officeText))
      at(
        officeFile,
        `机构 ${office} 还没有任何报告：先用 npm run new -- ${office} <年度> <报告类型> 加一份报告，或删去这个目录`,
      );
  }
  // One error per duplicate can be thousands: a spread argument list that long overflows the stack.
  for (const e of duplicateOffices(offices, (slug) => name(join(root, slug, 'office.yaml')))) errors.push(e);
  for (const r of reports)
    if (!offices.some((o) => o.slug === r.office))
      at(join(root, r.office), `报告 ${r.id} 所属机构没有有效的 office.yaml`);
  return { offices, reports, errors };
}

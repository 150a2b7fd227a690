import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parse } from 'yaml';
import type { ScaffoldContext } from './context.ts';
import { finalAccountsMarkdown, finalAccountsYaml } from './final-accounts.ts';
import { performanceMarkdown, performanceYaml } from './performance.ts';
import { LEVELS, officeYaml, type OfficeFields } from './office.ts';
import { officeNextSteps, reportNextSteps } from './next-steps.ts';

/**
 * What `npm run new` would write, or why it refuses. Nothing is written here: the CLI writes the
 * files only when every check has passed, so a refusal leaves content/ untouched.
 */
export type Plan =
  { files: { path: string; name: string; text: string }[]; next: string[] } | { refusal: string };

/** The kinds a scaffold exists for, with their default report slug. 部门预算 has no tables yet. */
export const KINDS: Record<
  string,
  { slug: string; yaml: (c: ScaffoldContext) => string; md: (c: ScaffoldContext) => string }
> = {
  部门决算: { slug: 'final-accounts', yaml: finalAccountsYaml, md: finalAccountsMarkdown },
  部门整体支出绩效自评: { slug: 'performance', yaml: performanceYaml, md: performanceMarkdown },
};

// As the loader requires for office and report names.
const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FIRST_YEAR = 2000;

const refuse = (refusal: string): Plan => ({ refusal });

function badSlug(slug: string | undefined, what: string, example: string): string | null {
  if (slug && SLUG_RE.test(slug)) return null;
  return `${what}“${slug ?? ''}”不合规：应为小写 ASCII 字母、数字和连字符（如 ${example}）`;
}

/** Reports are published for a past year, budgets for the next: anything else is a typo. */
function badYear(text: string, now: Date): string | null {
  const last = now.getFullYear() + 1;
  const year = Number(text);
  if (/^\d{4}$/.test(text) && year >= FIRST_YEAR && year <= last) return null;
  return `年度“${text}”不合规：应为四位年份，在 ${FIRST_YEAR} 至 ${last} 之间（如 ${now.getFullYear() - 1}）`;
}

/** The office's full name, once office.yaml has one (not while it is a placeholder). */
function officeName(file: string): string | null {
  try {
    const name = (parse(readFileSync(file, 'utf8')) as { name?: unknown } | null)?.name;
    return typeof name === 'string' ? name : null;
  } catch {
    return null;
  }
}

export function planReport(
  root: string,
  args: { office: string; year: string; kind: string; slug?: string },
  now = new Date(),
): Plan {
  const named = (file: string) => relative(dirname(root), file);
  const kind = KINDS[args.kind];
  const problem =
    badSlug(args.office, '机构短名', 'huaihua-beijing') ??
    badYear(args.year, now) ??
    (kind ? null : `未知的报告类型“${args.kind}”：可用的类型为 ${Object.keys(KINDS).join('、')}`) ??
    (args.slug === undefined ? null : badSlug(args.slug, '报告短名', kind.slug));
  if (problem) return refuse(problem);
  const officeFile = join(root, args.office, 'office.yaml');
  if (!existsSync(officeFile))
    return refuse(
      `机构 ${args.office} 还没有 ${named(officeFile)}：先运行 npm run new -- office ${args.office} 建立机构，再建报告`,
    );
  const slug = args.slug ?? kind.slug;
  const dir = join(root, args.office, args.year);
  const yaml = join(dir, `${slug}.yaml`);
  const md = join(dir, `${slug}.md`);
  const existing = [yaml, md].filter((f) => existsSync(f));
  if (existing.length)
    return refuse(
      `${existing.map(named).join('、')} 已存在，不会覆盖：要重新生成请先删去已有文件，或用 --slug 另取报告短名`,
    );
  const c: ScaffoldContext = {
    office: args.office,
    officeName: officeName(officeFile),
    year: Number(args.year),
  };
  const files = [
    { path: yaml, name: named(yaml), text: kind.yaml(c) },
    { path: md, name: named(md), text: kind.md(c) },
  ];
  return { files, next: reportNextSteps(files, args.office, args.year) };
}

export function planOffice(root: string, office: string, fields: OfficeFields): Plan {
  const named = (file: string) => relative(dirname(root), file);
  const problem = badSlug(office, '机构短名', 'huaihua-beijing');
  if (problem) return refuse(problem);
  if (fields.level !== undefined && !LEVELS.includes(fields.level))
    return refuse(`级别“${fields.level}”不合规：应为 ${LEVELS.join(' 或 ')}`);
  const file = join(root, office, 'office.yaml');
  if (existsSync(file)) return refuse(`${named(file)} 已存在，不会覆盖：请直接编辑它`);
  const files = [{ path: file, name: named(file), text: officeYaml(fields) }];
  return { files, next: officeNextSteps(files, office, Object.keys(KINDS)) };
}

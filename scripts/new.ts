/**
 * npm run new -- <office> <year> <kind> [--slug <report>]
 * npm run new -- office <office> [--name 全称] [--short-name 简称] [--parent 上级政府] [--level 省级|市级] [--seat 驻地]
 *
 * Scaffolds a report (YAML with the standard tables, Markdown with the standard headings) or a new
 * office's office.yaml under content/ (or CONTENT_DIR). Whatever staff must fill in is a "待填"
 * placeholder that `npm run check` rejects at its line. Never overwrites: exit 1 and nothing
 * written on any problem. See docs/new-report.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { contentRoot } from '../src/lib/site.ts';
import { KINDS, planOffice, planReport, type Plan } from '../src/lib/scaffold/plan.ts';

const USAGE = `用法：
  npm run new -- <机构短名> <年度> <类型> [--slug <报告短名>]
      类型：${Object.keys(KINDS).join('、')}
      例：npm run new -- huaihua-beijing 2023 部门决算
  npm run new -- office <机构短名> [--name 全称] [--short-name 简称] [--parent 上级政府] [--level 省级|市级] [--seat 驻地]
      例：npm run new -- office yueyang-beijing --name 湖南省岳阳市人民政府驻北京联络处 --level 市级 --seat 北京
说明见 docs/new-report.md。`;

const OPTIONS = {
  slug: { type: 'string' },
  name: { type: 'string' },
  'short-name': { type: 'string' },
  parent: { type: 'string' },
  level: { type: 'string' },
  seat: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;
const REPORT_OPTIONS = ['slug'];
const OFFICE_OPTIONS = ['name', 'short-name', 'parent', 'level', 'seat'];

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(1);
}

function parse() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: OPTIONS,
    });
  } catch (e) {
    // node:util's messages are English: say the same in Chinese, naming the option.
    const { code, message } = e as { code?: string; message: string };
    const option = /'([^']+)'/.exec(message)?.[1] ?? '';
    return fail(
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? `命令行有误：未知的选项 ${option}`
        : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
          ? `命令行有误：选项 ${option} 需要一个值`
          : '命令行有误：无法解析参数',
    );
  }
}

function plan(): Plan {
  const { values, positionals } = parse();
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const given = Object.keys(values);
  const option = (k: Exclude<keyof typeof values, 'help'>) => {
    const v = values[k]?.trim();
    if (v === '') fail(`--${k} 的值不能为空`);
    return v;
  };
  const misplaced = (allowed: string[], what: string) => {
    const wrong = given.filter((k) => !allowed.includes(k));
    if (wrong.length) fail(`${wrong.map((k) => `--${k}`).join('、')} 不能用于${what}`);
  };
  if (positionals[0] === 'office') {
    if (positionals.length !== 2) fail('建立机构需要且只需要一个机构短名');
    misplaced(OFFICE_OPTIONS, '建立机构');
    return planOffice(contentRoot(), positionals[1], {
      name: option('name'),
      shortName: option('short-name'),
      parent: option('parent'),
      level: option('level'),
      seat: option('seat'),
    });
  }
  if (positionals.length !== 3) fail('建立报告需要三个参数：机构短名、年度、类型');
  misplaced(REPORT_OPTIONS, '建立报告（机构信息用 npm run new -- office …）');
  const [office, year, kind] = positionals;
  return planReport(contentRoot(), { office, year, kind, slug: option('slug') });
}

const result = plan();
if ('refusal' in result) fail(`未写入任何文件：${result.refusal}`);

for (const f of result.files) {
  mkdirSync(dirname(f.path), { recursive: true });
  // "wx": never overwrite, even a file that appeared since the plan was made.
  writeFileSync(f.path, f.text, { flag: 'wx' });
}
console.log(result.next.join('\n'));

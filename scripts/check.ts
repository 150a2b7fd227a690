/**
 * npm run check [-- <paths…>] [--all] [--json] [--help]
 * Checks content/ (or the reports under the given paths): the schema, then every consistency rule.
 * Errors first, one line each (`path:line:col  错误  rule-id  message`), then one line counting
 * acknowledged findings and rounding notes (`--all` lists them too); `--json` prints every row.
 * Exit 1 on any unacknowledged error.
 */
import { resolve, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadContent } from '../src/lib/content/load.ts';
import { contentRoot } from '../src/lib/site.ts';
import { isFailure, proseCoverage } from '../src/lib/checks/run.ts';
import { reportRows, schemaRows } from '../src/lib/checks/rows.ts';
import type { Diagnostic } from '../src/lib/checks/diagnostic.ts';
import { visibleJson, visibleText } from '../src/lib/content/visible-text.ts';

const HELP = `用法：npm run check [-- <路径…>] [--all] [--json]

检查 content/ 中的报告（或只检查给出的目录、文件）：先查格式，再查表内、表间和正文与表格的一致性。
  <路径…>   只检查这些目录或文件下的报告，如 content/huaihua-beijing/2022
  --all     也列出已确认的原文不一致和尾数提示（默认只列错误，另给一行计数）
  --json    以 JSON 输出全部结果（文件、行、列、规则、数值、是否已确认）
  --help    显示本说明

每行的格式：文件:行:列  错误  规则  说明。有未确认的错误时退出码为 1，npm run build 也会停下。
原文确实如此的不一致，不改数字，在报告 YAML 的 acknowledgements 中确认（见 docs/content-format.md）。`;

const started = performance.now();
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(HELP);
  process.exit(0);
}
const unknown = args.filter((a) => a.startsWith('-') && !['--json', '--all'].includes(a));
if (unknown.length) {
  console.error(`不认识的选项 ${unknown.join(' ')}\n\n${HELP}`);
  process.exit(2);
}
const json = args.includes('--json');
const all = args.includes('--all');
const wanted = args.filter((a) => !a.startsWith('-')).map((p) => relative(process.cwd(), resolve(p)));
const selected = (file: string) =>
  !wanted.length || wanted.some((w) => file === w || file.startsWith(`${w}/`));

const content = loadContent(contentRoot(), { locations: true });
const severityName = { error: '错误', note: '提示' } as const;

const rows: Diagnostic[] = [
  ...schemaRows(content.errors.filter((e) => selected(e.file))),
  ...content.reports
    .filter((report) => selected(report.files.yaml) || selected(report.files.markdown))
    .flatMap((report) => reportRows(report, content)),
];

/** A finding about figures as published (not a format or acknowledgement problem) may be acknowledged. */
const acknowledgeable = (r: Diagnostic) =>
  !!r.report && r.rule !== 'schema' && !r.rule.startsWith('ack.') && !!r.subject;

/** A YAML single-quoted scalar: any text, pasted as is. */
const quoted = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The acknowledgement staff add when the source really prints it so, ready to paste. */
function acknowledgementHint(r: Diagnostic): string[] {
  const values = [
    r.expected !== undefined ? `expected: ${quoted(r.expected)}` : '',
    r.actual !== undefined ? `actual: ${quoted(r.actual)}` : '',
  ].filter(Boolean);
  return [
    `    若原文确实如此（不要改数字），在 ${r.report} 的 acknowledgements 中加入：`,
    `      - rule: ${r.rule}`,
    `        subject: ${quoted(r.subject)}`,
    ...(values.length ? [`        values: { ${values.join(', ')} }`] : []),
    `        reason: 原文如此：……（说明原文为何如此）`,
  ];
}

function line(r: Diagnostic): string {
  const status = r.acknowledged ? `已确认（${r.reason}）` : severityName[r.severity];
  const also = r.locations
    .slice(1)
    .map((l) => (l.file === r.file ? `${l.line}:${l.column}` : `${l.file}:${l.line}:${l.column}`));
  const subject = r.subject ? `  [${r.subject}]` : '';
  const involved = also.length ? `  （涉及 ${also.join('、')}）` : '';
  return `${r.file}:${r.line}:${r.column}  ${status}  ${r.rule}  ${r.message}${subject}${involved}`;
}

const failures = rows.filter(isFailure);
const others = rows.filter((r) => !isFailure(r));
const elapsed = performance.now() - started;
// Everything printed may come from content: control and format characters are shown, not obeyed
// (JSON.stringify escapes C0 controls but not DEL, C1 or format characters).
if (json) console.log(visibleJson(JSON.stringify(rows, null, 2)));
else {
  for (const r of failures) {
    console.log(visibleText(line(r)));
    if (acknowledgeable(r)) for (const hint of acknowledgementHint(r)) console.log(visibleText(hint));
  }
  if (all) for (const r of others) console.log(visibleText(line(r)));
  const acknowledged = others.filter((r) => r.acknowledged).length;
  const notes = others.length - acknowledged;
  const hidden = !all && others.length ? '（--all 列出它们）' : '';
  // Coverage: every amount and percentage of each narrative, by what the checks could show.
  console.log('\n正文数字核对：');
  for (const r of content.reports) {
    const c = proseCoverage(r, content.reports);
    if (!c.numbers) continue;
    const checked = c.numbers - c.unverified;
    console.log(
      visibleText(
        `  ${r.files.markdown}  ${c.numbers} 个数字，已核对 ${checked}（一致 ${c.verified}、尾数差异 ${c.rounding}、不一致 ${c.inconsistent}），未能核对 ${c.unverified}`,
      ),
    );
  }
  console.log(
    `\n${content.reports.length} 份报告：${failures.length} 个未确认的错误；另有 ${acknowledged} 个已确认的原文不一致、${notes} 个尾数提示${hidden}。检查用时 ${elapsed.toFixed(0)} 毫秒。`,
  );
}
// exitCode, not exit(): a large --json output to a pipe must be written in full first.
process.exitCode = failures.length ? 1 : 0;

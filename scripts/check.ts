/**
 * npm run check [-- <paths…>] [--json]
 * Checks content/ (or the reports under the given paths): the schema, then every consistency rule.
 * One line per finding: `path:line:col  severity  rule-id  message`; `--json` prints a JSON array.
 * Exit 1 on any unacknowledged error.
 */
import { resolve, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadContent } from '../src/lib/content/load.ts';
import { contentRoot } from '../src/lib/site.ts';
import { isFailure } from '../src/lib/checks/run.ts';
import { reportRows, schemaRows, type FindingRow } from '../src/lib/checks/rows.ts';

const started = performance.now();
const args = process.argv.slice(2);
const json = args.includes('--json');
const wanted = args.filter((a) => !a.startsWith('--')).map((p) => relative(process.cwd(), resolve(p)));
const selected = (file: string) =>
  !wanted.length || wanted.some((w) => file === w || file.startsWith(`${w}/`));

const content = loadContent(contentRoot(), { locations: true });
const severityName = { error: '错误', note: '提示' } as const;

const rows: FindingRow[] = [
  ...schemaRows(content.errors.filter((e) => selected(e.file))),
  ...content.reports
    .filter((report) => selected(report.files.yaml) || selected(report.files.markdown))
    .flatMap((report) => reportRows(report, content)),
];

const failures = rows.filter(isFailure);
const elapsed = performance.now() - started;
if (json) console.log(JSON.stringify(rows, null, 2));
else {
  for (const r of rows) {
    const status = r.acknowledged ? `已确认（${r.reason}）` : severityName[r.severity];
    const also = r.locations
      .slice(1)
      .map((l) => (l.file === r.file ? `${l.line}:${l.column}` : `${l.file}:${l.line}:${l.column}`));
    console.log(
      `${r.file}:${r.line}:${r.column}  ${status}  ${r.rule}  ${r.message}${r.subject ? `  [${r.subject}]` : ''}${also.length ? `  （涉及 ${also.join('、')}）` : ''}`,
    );
  }
  const count = (p: (r: FindingRow) => boolean) => rows.filter(p).length;
  console.log(
    `\n${content.reports.length} 份报告：${failures.length} 个未确认的错误，${count((r) => r.acknowledged)} 个已确认，${count((r) => r.severity === 'note' && !r.acknowledged)} 个尾数提示。检查用时 ${elapsed.toFixed(0)} 毫秒。`,
  );
}
process.exit(failures.length ? 1 : 0);

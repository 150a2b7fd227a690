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
import { checkReport, isFailure, locations } from '../src/lib/checks/run.ts';

const started = performance.now();
const args = process.argv.slice(2);
const json = args.includes('--json');
const wanted = args.filter((a) => !a.startsWith('--')).map((p) => relative(process.cwd(), resolve(p)));
const selected = (file: string) =>
  !wanted.length || wanted.some((w) => file === w || file.startsWith(`${w}/`));

const content = loadContent(contentRoot(), { locations: true });
const severityName = { error: '错误', note: '提示' } as const;

interface Row {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'note';
  rule: string;
  subject: string;
  message: string;
  expected?: string;
  actual?: string;
  acknowledged: boolean;
  reason?: string;
  locations: { file: string; line: number; column: number }[];
}

const rows: Row[] = content.errors
  .filter((e) => selected(e.file))
  .map((e) => ({
    file: e.file,
    line: e.line,
    column: e.col,
    severity: 'error',
    rule: 'schema',
    subject: '',
    message: e.message,
    acknowledged: false,
    locations: [{ file: e.file, line: e.line, column: e.col }],
  }));

for (const report of content.reports) {
  if (!selected(report.files.yaml) && !selected(report.files.markdown)) continue;
  for (const f of checkReport(report, content.reports)) {
    // With schema errors some data did not load, so an acknowledgement may only look stale.
    if (f.rule === 'ack.stale' && content.errors.length) continue;
    const where = locations(f, report, content.reports).map((l) => ({
      file: l.file,
      line: l.line,
      column: l.col,
    }));
    rows.push({
      ...where[0],
      severity: f.severity,
      rule: f.rule,
      subject: f.subject,
      message: f.message,
      expected: f.expected,
      actual: f.actual,
      acknowledged: !!f.acknowledged,
      reason: f.acknowledged?.reason,
      locations: where,
    });
  }
}

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
  const count = (p: (r: Row) => boolean) => rows.filter(p).length;
  console.log(
    `\n${content.reports.length} 份报告：${failures.length} 个未确认的错误，${count((r) => r.acknowledged)} 个已确认，${count((r) => r.severity === 'note' && !r.acknowledged)} 个尾数提示。检查用时 ${elapsed.toFixed(0)} 毫秒。`,
  );
}
process.exit(failures.length ? 1 : 0);

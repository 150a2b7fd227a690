/**
 * Coverage instead of silence: every report page's 数据说明 states how many amounts and
 * percentages its narrative has and how many the checks compared, and `npm run check` prints the
 * same figures per report.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { loadContent } from '../src/lib/content/load.ts';
import { contentRoot } from '../src/lib/site.ts';
import { proseCoverage } from '../src/lib/checks/run.ts';
import { pageText } from './support/site.ts';

const content = loadContent(contentRoot(), { locations: true });
const check = spawnSync('npm', ['run', '--silent', 'check'], { encoding: 'utf8' });

for (const r of content.reports)
  test(`${r.id}: the page and npm run check state the narrative's coverage`, () => {
    const c = proseCoverage(r, content.reports);
    assert.ok(c.numbers > 0, 'every committed narrative states amounts');
    assert.equal(c.numbers, c.verified + c.rounding + c.inconsistent + c.unverified);
    const text = pageText(`/offices/${r.id}/`).replace(/\s+/g, '');
    assert.ok(
      text.includes(
        `正文中${c.numbers}个数字（金额与百分比），${c.numbers - c.unverified}个已与表格或其他表述核对`,
      ),
      `${r.id}: the 数据说明 states ${c.numbers - c.unverified} of ${c.numbers}`,
    );
    const line = check.stdout.split('\n').find((l) => l.includes(r.files.markdown));
    assert.equal(
      line?.trim(),
      `${r.files.markdown}  ${c.numbers} 个数字，已核对 ${c.numbers - c.unverified}（一致 ${c.verified}、尾数差异 ${c.rounding}、不一致 ${c.inconsistent}），未能核对 ${c.unverified}`,
    );
  });

/**
 * Validates all of content/ and prints every problem as `file:line:col message`.
 * Exit 1 when there is any: `npm run build` runs this first and stops.
 */
import { loadContent } from '../src/lib/content/load.ts';
import { formatError } from '../src/lib/content/errors.ts';
import { contentRoot } from '../src/lib/site.ts';

const { offices, reports, errors } = loadContent(contentRoot());
if (errors.length) {
  for (const e of errors) console.error(formatError(e));
  console.error(`\n内容校验未通过：${errors.length} 处错误。按上面的位置修改后重新运行 npm run build。`);
  process.exit(1);
}
console.log(`内容校验通过：${offices.length} 个机构，${reports.length} 份报告。`);
